package dev.papers.model;

/** Input that names no paper. The message quotes the input, made printable and cut to a sane length. */
public final class InvalidIdException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String input;

  public InvalidIdException(String input, String why) {
    super("not a paper identifier: " + quote(input) + (why == null ? "" : " (" + why + ")"));
    this.input = input;
  }

  public String input() {
    return input;
  }

  /** Quotes text for a one-line message: control characters escaped, at most 80 characters shown. */
  public static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    int shown = 0;
    for (int i = 0; i < s.length(); i++) {
      if (shown == 80) {
        b.append("…\" (").append(s.length()).append(" characters)");
        return b.toString();
      }
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (Visible.unsafe(c)) {
        StringBuilder e = new StringBuilder(6);
        Visible.appendEscape(e, c);
        b.append(e);
      } else {
        b.append(c);
      }
      shown++;
    }
    return b.append('"').toString();
  }
}
