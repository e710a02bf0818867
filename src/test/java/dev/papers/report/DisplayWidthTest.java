package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisplayWidthTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      abc                | 3
      知识蒸馏            | 8
      ｆｕｌｌ            | 8
      한국어              | 6
      e\u0301            | 1
      かな カナ           | 9
      😀                  | 2
      a\u200Bb           | 2
      """)
  void width(String s, int w) {
    assertThat(DisplayWidth.of(s)).isEqualTo(w);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      TinyBERT: Distilling | 10 | TinyBERT:…
      short                | 10 | short
      知识蒸馏模型          | 7  | 知识蒸…
      知识蒸馏模型          | 8  | 知识蒸…
      知识蒸馏模型          | 12 | 知识蒸馏模型
      ab cd                | 4  | ab…
      """)
  void truncate(String s, int max, String out) {
    assertThat(DisplayWidth.truncate(s, max)).isEqualTo(out);
    assertThat(DisplayWidth.of(DisplayWidth.truncate(s, max))).isLessThanOrEqualTo(max);
  }
}
