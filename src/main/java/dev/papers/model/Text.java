package dev.papers.model;

import java.util.ArrayList;
import java.util.List;

/** Small text normalizations shared by every source. */
public final class Text {
  private Text() {}

  /** Inner whitespace collapsed to single spaces, trimmed; null for null or blank. */
  public static String oneLine(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Names with whitespace collapsed, blanks dropped. */
  public static List<String> names(List<String> in) {
    List<String> out = new ArrayList<>(in.size());
    for (String n : in) {
      String one = oneLine(n);
      if (one != null) {
        out.add(one);
      }
    }
    return List.copyOf(out);
  }
}
