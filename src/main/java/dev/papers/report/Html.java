package dev.papers.report;

/** Escaping for HTML text and attribute values (and SVG inside HTML). */
public final class Html {
  private Html() {}

  /**
   * Text escaped for an element's content or a quoted attribute value: {@code & < > " '} as character
   * references; control characters (which HTML does not allow) as spaces; null as the empty string.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029') {
            b.append(' ');
          } else if (c == '\n' || c == '\t') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** An http(s) address for an {@code href}: escaped; anything that is not http(s) is refused (null). */
  public static String href(String url) {
    if (url == null) {
      return null;
    }
    String u = url.strip();
    if (!(u.startsWith("https://") || u.startsWith("http://"))) {
      return null;
    }
    return escape(u.replace(" ", "%20"));
  }
}
