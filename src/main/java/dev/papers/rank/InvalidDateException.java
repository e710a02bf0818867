package dev.papers.rank;

/** A date or instant flag ({@code --as-of}) that cannot be read. Bad input (exit 2). */
public final class InvalidDateException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidDateException(String message) {
    super(message);
  }
}
