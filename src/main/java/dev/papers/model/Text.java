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
    if (isOneLine(s)) {
      return s; // the common case, an abstract or a title as sources send it: nothing to copy
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

  /**
   * Whether {@link #oneLine} would give the string back as it is: not empty, no white space, control or
   * space character but single ASCII spaces between other characters.
   */
  private static boolean isOneLine(String s) {
    boolean space = true; // a leading space is not kept
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (space) {
          return false;
        }
        space = true;
      } else if (c < 0x80 ? c < 0x20 || c == 0x7f
          : Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        return false;
      } else {
        space = false;
      }
    }
    return !space; // not empty, and no trailing space
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
