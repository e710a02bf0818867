package dev.papers.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text made safe for Markdown that renders the same in CommonMark, GitHub (GFM) and Python-Markdown
 * (MkDocs). The rules:
 *
 * <ul>
 *   <li>A backslash escape only where it is needed, and only before a character all three accept one
 *       for ({@code \ ` * _ { } [ ] ( ) # + - . ! >}): Python-Markdown prints the backslash of any
 *       other (so {@code <}, {@code ~} and {@code &} are written as character references instead,
 *       which all three read).
 *   <li>A URL or an e-mail address in text becomes a code span: GitHub links bare URLs and the others
 *       do not, and a link inside a link's text would be a nested link.
 *   <li>Text never starts a line unless {@link #lineStart} made it safe there ({@code #}, {@code >},
 *       {@code -}, {@code +}, {@code 1.}).
 *   <li>Control characters and line breaks become spaces: one field, one line.
 * </ul>
 */
public final class MarkdownText {
  /** The characters that CommonMark, GFM and Python-Markdown all take a backslash escape for. */
  public static final String ESCAPABLE_EVERYWHERE = "\\`*_{}[]()#+-.!>";

  private static final Pattern URLISH = Pattern.compile(
      "(?i)(?:https?://|ftp://|www\\.)[^\\s`<>]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
  private static final Pattern ENTITY_LIKE = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});");
  private static final Pattern ORDERED_START = Pattern.compile("^(\\d{1,9})([.)])");

  private MarkdownText() {}

  /** Inline text (inside a paragraph, a heading, a list item or a link's text; never at a line's start). */
  public static String inline(String s) {
    return inline(s, false);
  }

  private static String inline(String s, boolean hashes) {
    String text = oneLine(s);
    StringBuilder b = new StringBuilder(text.length() + 8);
    Matcher m = URLISH.matcher(text);
    int at = 0;
    while (m.find()) {
      int end = m.end();
      while (end > m.start() && ".,;:!?)]}'\"".indexOf(text.charAt(end - 1)) >= 0) {
        end--; // trailing punctuation is the sentence's, not the address's
      }
      if (end == m.start()) {
        continue;
      }
      escapeInto(text, at, m.start(), b, hashes);
      b.append('`').append(text, m.start(), end).append('`');
      at = end;
    }
    escapeInto(text, at, text.length(), b, hashes);
    return b.toString();
  }

  /** Text at the start of a line (a list item's first words, say): also what would start a block. */
  public static String lineStart(String s) {
    String t = inline(s);
    if (t.isEmpty()) {
      return t;
    }
    char c = t.charAt(0);
    if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') {
      return (c == '=' ? "&#61;" : "\\" + c) + t.substring(1);
    }
    Matcher m = ORDERED_START.matcher(t);
    if (m.find()) {
      return m.group(1) + "\\" + m.group(2) + t.substring(m.end());
    }
    return t;
  }

  /** A heading's text: inline, with every {@code #} escaped (a closing sequence would be dropped). */
  public static String heading(String s) {
    return inline(s, true);
  }

  /** A link: {@code [text](url)}; the text escaped, the address made safe for a destination. */
  public static String link(String text, String url) {
    return "[" + inline(text) + "](" + destination(url) + ")";
  }

  /** An autolink, {@code <url>}: the address shown as it is, linked, in all three. */
  public static String autolink(String url) {
    return "<" + destination(url) + ">";
  }

  /**
   * An address made safe inside {@code (...)} or {@code <...>}: spaces, parentheses, angle brackets,
   * quotes, backslashes, backticks and {@code &} percent-encoded (our addresses carry ids only in the path).
   */
  public static String destination(String url) {
    StringBuilder b = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      switch (c) {
        case ' ' -> b.append("%20");
        case '(' -> b.append("%28");
        case ')' -> b.append("%29");
        case '<' -> b.append("%3C");
        case '>' -> b.append("%3E");
        case '"' -> b.append("%22");
        case '\\' -> b.append("%5C");
        case '`' -> b.append("%60");
        case '&' -> b.append("%26");
        case '*' -> b.append("%2A");
        case '_' -> b.append("%5F");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("%%%02X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static void escapeInto(String text, int from, int to, StringBuilder b, boolean hashes) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      char prev = i > 0 ? text.charAt(i - 1) : ' ';
      char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
      switch (c) {
        case '\\', '`', '*', '[', ']', '{', '}' -> b.append('\\').append(c);
        case '_' -> {
          // inside a word (snake_case) no renderer takes it for emphasis
          if (Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next)) {
            b.append(c);
          } else {
            b.append("\\_");
          }
        }
        case '<' -> b.append("&lt;");
        case '#' -> b.append(hashes ? "\\#" : "#");
        case '&' -> {
          if (ENTITY_LIKE.matcher(text).region(i, text.length()).lookingAt()) {
            b.append("&amp;");
          } else {
            b.append(c);
          }
        }
        case '~' -> {
          // GitHub strikes through ~text~; a tilde between spaces cannot open or close that
          if (Character.isWhitespace(prev) && Character.isWhitespace(next)) {
            b.append(c);
          } else {
            b.append("&#126;");
          }
        }
        default -> b.append(c);
      }
    }
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String c = DisplayWidth.clean(s);
    StringBuilder b = new StringBuilder(c.length());
    boolean space = false;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (Character.isWhitespace(ch)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(ch);
      }
    }
    return b.toString();
  }
}
