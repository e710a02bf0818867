package dev.papers.report;

import dev.papers.model.Visible;

/**
 * How many terminal columns text takes: East Asian wide and fullwidth characters (CJK, Hangul, kana,
 * fullwidth forms, most emoji) take two, combining marks and zero-width characters none, others one.
 * Characters a terminal would obey never reach it: {@link #clean} shows them as escapes.
 */
public final class DisplayWidth {
  private DisplayWidth() {}

  /** The display width of one code point. */
  public static int of(int cp) {
    if (cp == 0) {
      return 0;
    }
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      return 0;
    }
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT || cp == 0x200B
        || (cp >= 0x1160 && cp <= 0x11FF)) { // Hangul medial vowels and final consonants
      return 0;
    }
    return wide(cp) ? 2 : 1;
  }

  /** The display width of a string. */
  public static int of(String s) {
    if (s == null) {
      return 0;
    }
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += of(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || cp == 0x2329 || cp == 0x232A
        || (cp >= 0x231A && cp <= 0x231B)
        || (cp >= 0x23E9 && cp <= 0x23EC)
        || (cp >= 0x25FD && cp <= 0x25FE)
        || (cp >= 0x2614 && cp <= 0x2615)
        || (cp >= 0x2E80 && cp <= 0x303E)
        || (cp >= 0x3041 && cp <= 0x33FF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0xA000 && cp <= 0xA4CF)
        || (cp >= 0xA960 && cp <= 0xA97F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE10 && cp <= 0xFE19)
        || (cp >= 0xFE30 && cp <= 0xFE6F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x16FE0 && cp <= 0x18CFF)
        || (cp >= 0x1B000 && cp <= 0x1B2FF)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F680 && cp <= 0x1F6FF)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x1FA70 && cp <= 0x1FAFF)
        || (cp >= 0x20000 && cp <= 0x2FFFD)
        || (cp >= 0x30000 && cp <= 0x3FFFD);
  }

  /**
   * One line for a terminal: tab, line ends and the line separators as spaces, every other character
   * a terminal would obey (ESC, BEL, C1 controls, bidirectional overrides) as a visible escape (see
   * {@link Visible}); null as the empty string.
   */
  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean space = c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
      if (space && b == null) {
        b = new StringBuilder(s).delete(i, s.length());
      }
      if (b != null) {
        b.append(space ? ' ' : c);
      }
    }
    return Visible.line(b == null ? s : b.toString());
  }

  /**
   * The longest prefix that fits {@code max} columns; when the text is longer it ends with "…" (one
   * column) and the whole still fits. Combining marks stay with their base character.
   */
  public static String truncate(String s, int max) {
    if (of(s) <= max) {
      return s;
    }
    if (max <= 0) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int cw = of(cp);
      if (w + cw > max - 1) {
        break;
      }
      b.appendCodePoint(cp);
      w += cw;
      i += Character.charCount(cp);
    }
    // no trailing space before the ellipsis
    while (b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
      b.setLength(b.length() - 1);
    }
    return b.append('…').toString();
  }

  /** Padded with spaces on the right to {@code width} columns. */
  public static String padRight(String s, int width) {
    int pad = width - of(s);
    return pad <= 0 ? s : s + " ".repeat(pad);
  }

  /** Padded with spaces on the left to {@code width} columns. */
  public static String padLeft(String s, int width) {
    int pad = width - of(s);
    return pad <= 0 ? s : " ".repeat(pad) + s;
  }
}
