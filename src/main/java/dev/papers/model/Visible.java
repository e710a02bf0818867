package dev.papers.model;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The one place that decides which characters may reach a terminal as they are. Text from upstreams
 * and documents can hold characters that a terminal obeys instead of showing: ESC (which starts
 * escape sequences that move the cursor, retitle the window, or worse), BEL, the other C0 and the C1
 * controls, DEL, and the bidirectional overrides and isolates (U+202E turns the rest of a line around).
 * They are shown as visible escapes (a backslash, "u" and four hex digits: ESC as "\\u001b") or dropped;
 * never written raw.
 *
 * <p>A visible escape is also a JSON escape of the same character, so {@link #filter} can stand
 * between any output and the standard streams: JSON stays valid JSON (and means the same), and
 * every other format shows the escape.
 */
public final class Visible {
  private Visible() {}

  /**
   * True for a character that must not reach a terminal raw: C0 controls (tab, line feed and
   * carriage return included; callers that keep line structure let those through themselves), DEL,
   * C1 controls, the bidirectional marks, embeddings, overrides and isolates, and the Unicode line and
   * paragraph separators.
   */
  public static boolean unsafe(int c) {
    return c < 0x20 || (c >= 0x7f && c < 0xa0)
        || c == 0x061c || c == 0x200e || c == 0x200f
        || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028 || c == 0x2029;
  }

  /** One line of text: every unsafe character (line ends and tabs too) as a visible escape; null as "". */
  public static String line(String s) {
    return escape(s, false);
  }

  /** Text that keeps its lines: like {@link #line}, but tab, line feed and carriage return pass. */
  public static String text(String s) {
    return escape(s, true);
  }

  /** Unsafe characters dropped; tab, line feed, carriage return and the line separators as spaces. */
  public static String drop(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (unsafe(c)) {
        if (b == null) {
          b = new StringBuilder(s.length()).append(s, 0, i);
        }
        if (c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) {
          b.append(' ');
        }
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  private static String escape(String s, boolean keepLines) {
    if (s == null) {
      return "";
    }
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = unsafe(c) && !(keepLines && (c == '\n' || c == '\t' || c == '\r'));
      if (bad && b == null) {
        b = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (bad) {
        appendEscape(b, c);
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /** Appends a backslash, "u" and four lower-case hex digits. */
  public static void appendEscape(StringBuilder b, char c) {
    b.append("\\u");
    String hex = Integer.toHexString(c);
    b.append("0".repeat(4 - hex.length())).append(hex);
  }

  /**
   * A writer that shows unsafe characters as visible escapes on their way out; tab, line feed and
   * carriage return pass. With {@code colour}, ANSI colour sequences ({@code ESC [ digits; m}, the
   * only escape sequences this program writes itself) pass too; any other ESC is escaped.
   */
  public static Writer filter(Writer out, boolean colour) {
    return new Filter(out, colour);
  }

  private static final class Filter extends FilterWriter {
    private final boolean colour;
    /** An ESC and what followed it, while it may still become a colour sequence. */
    private final StringBuilder pending = new StringBuilder();

    Filter(Writer out, boolean colour) {
      super(out);
      this.colour = colour;
    }

    @Override
    public void write(int c) throws IOException {
      char ch = (char) c;
      if (pending.length() > 0) {
        pending.append(ch);
        int n = pending.length();
        if (n == 2) {
          if (ch != '[') {
            release();
          }
        } else if (ch == 'm') {
          out.write(pending.toString());
          pending.setLength(0);
        } else if (!((ch >= '0' && ch <= '9') || ch == ';') || n > 16) {
          release();
        }
        return;
      }
      if (ch == 0x1b && colour) {
        pending.append(ch);
        return;
      }
      if (unsafe(ch) && ch != '\n' && ch != '\t' && ch != '\r') {
        StringBuilder b = new StringBuilder(6);
        appendEscape(b, ch);
        out.write(b.toString());
      } else {
        out.write(c);
      }
    }

    /** What is pending was not a colour sequence: its ESC escaped, the rest written through the filter. */
    private void release() throws IOException {
      String held = pending.substring(1);
      pending.setLength(0);
      StringBuilder b = new StringBuilder(6);
      appendEscape(b, (char) 0x1b);
      out.write(b.toString());
      for (int i = 0; i < held.length(); i++) {
        write(held.charAt(i));
      }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      int start = off;
      int end = off + len;
      for (int i = off; i < end; i++) {
        char c = cbuf[i];
        if (pending.length() > 0 || (unsafe(c) && c != '\n' && c != '\t' && c != '\r')) {
          out.write(cbuf, start, i - start);
          write(c);
          start = i + 1;
        }
      }
      out.write(cbuf, start, end - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      write(str.toCharArray(), off, len);
    }

    @Override
    public void flush() throws IOException {
      if (pending.length() > 0) {
        release();
      }
      out.flush();
    }
  }
}
