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
 * Text never starts a line where these are used, so line-start syntax ({@code #}, {@code -},
 * {@code 1.}) needs no escape.
 */
public final class MarkdownText {
  private static final Pattern WEB = Pattern.compile("(?i)(?:https?://|ftp://|www\\.)[^\\s<>\"']+");

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
}
