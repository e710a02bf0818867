package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportFormatTest {
  @Test
  void everyFormatHasAWriterThatWrites() {
    for (ReportFormat f : ReportFormat.values()) {
      assertThat(ReportFormat.parse(f.flag().toUpperCase())).isEqualTo(f);
      assertThat(ReportFixtures.write(f.writer(ReportOptions.plain()))).as(f.flag()).contains("1909.10351");
    }
  }

  @Test
  void unknownFormatListsTheFormats() {
    assertThatThrownBy(() -> ReportFormat.parse("yaml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"yaml\"").hasMessageContaining("table, markdown, json, csv, bibtex");
  }
}
