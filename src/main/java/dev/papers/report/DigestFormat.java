package dev.papers.report;

import java.util.Locale;

/** The formats of {@code papers digest --format}. */
public enum DigestFormat {
  MARKDOWN,
  HTML,
  JSON;

  public DigestWriter writer() {
    return switch (this) {
      case MARKDOWN -> new MarkdownDigestWriter();
      case HTML -> (d, out) -> new HtmlPage(false).write(d, out);
      case JSON -> new JsonDigestWriter();
    };
  }

  public String flag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format a flag value names (case-insensitive).
   *
   * @throws IllegalArgumentException for any other value, with the values there are
   */
  public static DigestFormat parse(String flag) {
    for (DigestFormat f : values()) {
      if (f.flag().equalsIgnoreCase(flag == null ? "" : flag.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format " + dev.papers.model.InvalidIdException.quote(flag)
        + "; formats: markdown, html, json");
  }
}
