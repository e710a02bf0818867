package dev.papers.source.arxiv;

/** An answer that is not a readable arXiv Atom feed. {@link ArxivSource} turns it into a PARSE failure. */
public final class ArxivFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public ArxivFormatException(String message) {
    super(message);
  }

  public ArxivFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
