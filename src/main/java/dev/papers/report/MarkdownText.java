package dev.papers.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text put into Markdown so that it renders as the same text in CommonMark, GitHub-flavoured Markdown
 * and Python-Markdown (MkDocs) alike. Every writer of Markdown uses these.
 *
 * <ul>
 *   <li>A backslash only before the characters all three take as escapes and that could start inline
 *       syntax here: {@code \ ` * _ { } [ ]}. Python-Markdown shows a backslash before any other
 *       character, so {@code < > | ~ &} become character references ({@code &lt;}, {@code &gt;},
 *       {@code &#124;}, {@code &#126;}, {@code &amp;}), which every renderer reads.
 *   <li>Control characters, bidirectional overrides and the like as visible escapes (see
 *       {@link dev.papers.model.Visible}); line breaks as spaces.
 *   <li>In a link's text, web addresses ({@code https://...}, {@code www....}) become code spans, so that
 *       GitHub's autolinking does not put a link inside the link.
 * </ul>
 *
 * Where text does start a line (a reference list's titles), {@link #lineStart} escapes what would start a
 * block ({@code #}, {@code >}, {@code -}, {@code +}, {@code 1.}); in a heading, {@link #heading} escapes
 * {@code #} (a closing sequence would be dropped). E-mail addresses, which GitHub links too, are code
 * spans like web addresses.
 */
public final class MarkdownText {
  private static final Pattern WEB = Pattern.compile("(?i)(?:https?://|ftp://|www\\.)[^\\s<>\"'`]+"
      + "|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
  private static final Pattern ORDERED_START = Pattern.compile("^(\\d{1,9})([.)])");

  /** The characters CommonMark, GitHub and Python-Markdown all take a backslash escape for. */
  public static final String ESCAPABLE_EVERYWHERE = "\\`*_{}[]()#+-.!>";

  private MarkdownText() {}

  /** Inline text: escaped as above; null as the empty string. */
  public static String text(String s) {
    String clean = DisplayWidth.clean(s);
    StringBuilder b = new StringBuilder(clean.length() + 8);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '{', '}', '[', ']' -> b.append('\\').append(c);
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '|' -> b.append("&#124;");
        case '~' -> b.append("&#126;");
        case '&' -> b.append("&amp;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * The text of a link ({@code [text](url)}): as {@link #text}, with every web address in it as a code
   * span, so that no renderer makes a second link inside the first.
   */
  public static String linkText(String s) {
    String clean = DisplayWidth.clean(s);
    Matcher m = WEB.matcher(clean);
    StringBuilder b = new StringBuilder(clean.length() + 16);
    int last = 0;
    while (m.find()) {
      int end = m.end();
      // trailing punctuation ends the sentence, not the address (as GitHub's autolinking reads it)
      while (end > m.start() && ".,:;!?*_~'\")]}".indexOf(clean.charAt(end - 1)) >= 0) {
        end--;
      }
      b.append(text(clean.substring(last, m.start())));
      b.append(code(clean.substring(m.start(), end)));
      last = end;
    }
    return b.append(text(clean.substring(last))).toString();
  }

  /** A code span holding {@code s} as it is (backticks in it handled by a longer fence). */
  public static String code(String s) {
    String clean = DisplayWidth.clean(s);
    String fence = "`";
    while (clean.contains(fence)) {
      fence += "`";
    }
    boolean pad = clean.startsWith("`") || clean.endsWith("`");
    return fence + (pad ? " " + clean + " " : clean) + fence;
  }

  /**
   * A link destination ({@code (url)}): characters that would end it or that no renderer keeps
   * ({@code ( ) < >} space, quotes, backslash, control characters) percent-encoded.
   */
  public static String url(String url) {
    StringBuilder b = new StringBuilder(url.length() + 8);
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= 0x20 || c == 0x7f || dev.papers.model.Visible.unsafe(c)
          || "()<>\"'\\`|".indexOf(c) >= 0) {
        if (c < 0x80) {
          b.append('%').append(String.format("%02X", (int) c));
        } else {
          for (byte x : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            b.append('%').append(String.format("%02X", x & 0xff));
          }
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Inline text anywhere (a paragraph, a heading, a list item): as {@link #linkText}, since GitHub links
   * a bare web or e-mail address in any text, and the others do not.
   */
  public static String inline(String s) {
    return linkText(s);
  }

  /** Text that starts a line (a list item's first words): also what would start a block is escaped. */
  public static String lineStart(String s) {
    String t = inline(s);
    if (t.isEmpty()) {
      return t;
    }
    char c = t.charAt(0);
    if (c == '#' || c == '-' || c == '+') {
      return "\\" + t;
    }
    if (c == '=') {
      return "&#61;" + t.substring(1);
    }
    Matcher m = ORDERED_START.matcher(t);
    if (m.find()) {
      return m.group(1) + "\\" + m.group(2) + t.substring(m.end());
    }
    return t;
  }

  /** A heading's text: inline, every {@code #} of the text escaped (a closing sequence would be dropped). */
  public static String heading(String s) {
    String clean = DisplayWidth.clean(s);
    StringBuilder b = new StringBuilder(clean.length() + 8);
    int from = 0;
    for (int i = clean.indexOf('#'); i >= 0; i = clean.indexOf('#', from)) {
      b.append(inline(clean.substring(from, i))).append("\\#");
      from = i + 1;
    }
    return b.append(inline(clean.substring(from))).toString();
  }

  /** A link, {@code [text](url)}: the text as {@link #linkText}, the address as {@link #url}. */
  public static String link(String text, String url) {
    return "[" + linkText(text) + "](" + url(url) + ")";
  }

  /** An autolink, {@code <url>}: the address shown as it is, and linked, in all three. */
  public static String autolink(String url) {
    return "<" + url(url) + ">";
  }
}
