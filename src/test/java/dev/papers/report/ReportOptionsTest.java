package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportOptionsTest {
  @ParameterizedTest(name = "tty={0} NO_COLOR={1} COLUMNS={2}")
  @CsvSource(nullValues = "null", textBlock = """
      true,  null, null, true,  100
      true,  '',   120,  true,  120
      true,  1,    120,  false, 120
      false, null, 120,  false, 2147483647
      true,  null, abc,  true,  100
      true,  null, 10,   true,  40
      """)
  void colourOnlyOnATerminalWithoutNoColor(boolean tty, String noColor, String columns, boolean color,
      int width) {
    ReportOptions o = ReportOptions.forOutput(tty, noColor, columns, false);
    assertThat(o.color()).isEqualTo(color);
    assertThat(o.width()).isEqualTo(width);
  }
}
