package dev.papers.discover;

import java.util.Locale;
import java.util.regex.Pattern;

/** The kinds of document {@link IdExtractor} reads. */
public enum DocumentFormat {
  /** Plain text: every line is scanned as it stands. */
  TEXT,
  /**
   * Markdown: like text, after HTML entities and backslash escapes are decoded line by line (so line
   * numbers stay exact). Links, autolinks, reference definitions and inline HTML need nothing more: the
   * URL scanner stops at the brackets and quotes around them.
   */
  MARKDOWN,
  /** HTML: {@code href}/{@code src}-like attributes and the visible text, through jsoup. */
  HTML;

  private static final Pattern MARKDOWN_HINT =
      Pattern.compile(
          "(?m)^#{1,6}\\h+\\S|\\[[^\\]\\n]*\\]\\((?:https?://|/|#)[^)\\s]*\\)|^\\h*```|<https?://[^>\\s]+>"
              + "|^\\h*\\[[^\\]\\n]+\\]:\\h*https?://");

  /**
   * Picks the format of a document. A known extension decides ({@code .html}, {@code .htm},
   * {@code .xhtml}, {@code .shtml} are HTML; {@code .md}, {@code .markdown}, {@code .mdown}, {@code .mkd},
   * {@code .mkdn} are Markdown). Otherwise (also for {@code .txt}, which says nothing about markup, and
   * for stdin, {@code -} or null) the content decides: a document that starts with a tag and has an
   * {@code <html>}, {@code <head>} or {@code <body>} tag (or a doctype) is HTML; one with Markdown
   * headings, links, fences or autolinks is Markdown; anything else is text.
   *
   * @param fileName the file's name or path, {@code -} or null for stdin
   * @param content the document, or null when not read yet (then only the name decides, text by default)
   */
  public static DocumentFormat detect(String fileName, String content) {
    if (fileName != null) {
      String name = fileName.toLowerCase(Locale.ROOT);
      int dot = name.lastIndexOf('.');
      int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
      String ext = dot > slash ? name.substring(dot + 1) : "";
      switch (ext) {
        case "html", "htm", "xhtml", "shtml" -> {
          return HTML;
        }
        case "md", "markdown", "mdown", "mkd", "mkdn" -> {
          return MARKDOWN;
        }
        default -> {
          // the content decides
        }
      }
    }
    if (content == null) {
      return TEXT;
    }
    String head = content.length() > 8192 ? content.substring(0, 8192) : content;
    String start = head.replace("\uFEFF", "").stripLeading().toLowerCase(Locale.ROOT);
    if (start.startsWith("<!doctype html")
        || start.startsWith("<html")
        || (start.startsWith("<")
            && (start.contains("<html") || start.contains("<body") || start.contains("<head")))) {
      return HTML;
    }
    if (MARKDOWN_HINT.matcher(head).find()) {
      return MARKDOWN;
    }
    return TEXT;
  }
}
