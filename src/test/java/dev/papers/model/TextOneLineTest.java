package dev.papers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Text#oneLine}: its shortcut for text that is already one line gives what the full collapse gives. */
class TextOneLineTest {
  private static final java.util.regex.Pattern GAPS =
      java.util.regex.Pattern.compile("[\\p{javaWhitespace}\\p{javaSpaceChar}\\p{javaISOControl}]+");

  /** The collapse, said another way: the words between runs of white space, space or control characters. */
  static String collapsed(String s) {
    String joined = String.join(" ", GAPS.splitAsStream(s).filter(w -> !w.isEmpty()).toList());
    return joined.isEmpty() ? null : joined;
  }

  @Test
  void edgeCases() {
    assertThat(Text.oneLine(null)).isNull();
    assertThat(Text.oneLine("")).isNull();
    assertThat(Text.oneLine("   ")).isNull();
    assertThat(Text.oneLine("a b")).isEqualTo("a b");
    assertThat(Text.oneLine("a  b")).isEqualTo("a b");
    assertThat(Text.oneLine(" a")).isEqualTo("a");
    assertThat(Text.oneLine("a ")).isEqualTo("a");
    assertThat(Text.oneLine("a\tb\nc")).isEqualTo("a b c");
    assertThat(Text.oneLine("a\u00a0b")).isEqualTo("a b"); // no-break space
    assertThat(Text.oneLine("a\u2028b\u0085c")).isEqualTo("a b c"); // line separator, NEL
    assertThat(Text.oneLine("a\u007fb\u001bc")).isEqualTo("a b c"); // DEL, ESC
    assertThat(Text.oneLine("Über Zoë 学习")).isEqualTo("Über Zoë 学习");
  }

  @Test
  void theShortcutAgreesWithTheFullCollapseOnRandomText() {
    char[] alphabet = {'a', 'Z', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u0085', '\u001b', '\u007f', 'é',
        '学', '\u200b', '\ufeff', '-', '.'};
    Random rnd = new Random(7);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(12);
      for (int i = 0; i < len; i++) {
        b.append(alphabet[rnd.nextInt(alphabet.length)]);
      }
      String s = b.toString();
      assertThat(Text.oneLine(s)).as("%s", s.chars().mapToObj(Integer::toHexString).toList()).isEqualTo(collapsed(s));
    }
  }
}
