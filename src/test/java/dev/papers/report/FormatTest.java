package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void everyFormatHasAWriterThatWrites() {
    for (Format f : Format.values()) {
      assertThat(Format.parse(f.flag().toUpperCase())).isEqualTo(f);
      assertThat(ReportFixtures.write(f.writer(ReportOptions.plain()))).as(f.flag()).contains("1909.10351");
    }
  }

  @Test
  void unknownFormatListsTheFormats() {
    assertThatThrownBy(() -> Format.parse("yaml")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"yaml\"").hasMessageContaining("table, markdown, json, csv, bibtex");
  }
}
