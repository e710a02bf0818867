package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.digest.DigestPapers;
import dev.papers.model.Histogram;
import dev.papers.model.Paper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SparklineTest {
  private static Histogram histogram(int... yearCount) {
    TreeMap<Integer, Integer> m = new TreeMap<>();
    for (int i = 0; i < yearCount.length; i += 2) {
      m.put(yearCount[i], yearCount[i + 1]);
    }
    return new Histogram("semanticScholar", Instant.parse("2022-12-01T00:00:00Z"), m, 0, null, false);
  }

  @Test
  void blocksScaledToTheLargest() {
    assertThat(Sparkline.of(List.of(0, 3, 10, 25, 40))).isEqualTo("▁▂▃▅█");
    assertThat(Sparkline.of(List.of(0, 0))).isEqualTo("▁▁");
    assertThat(Sparkline.of(List.of(7))).isEqualTo("█");
  }

  @Test
  void aSparklineOnATerminalPlainNumbersElsewhereMissingYearsAsZero() {
    Histogram h = histogram(2019, 3, 2021, 40, 2022, 20);
    assertThat(Sparkline.line(h, true)).isEqualTo("▂▁█▅ 2019-2022 (max 40, last 20)");
    assertThat(Sparkline.line(h, false)).isEqualTo("2019: 3 2020: 0 2021: 40 2022: 20");
    // OpenAlex leaves out years without citations: up to the year the histogram was made, they are 0
    Histogram later = new Histogram("openAlex", Instant.parse("2024-03-01T00:00:00Z"), h.byYear(), 0, null, false);
    assertThat(Sparkline.line(later, false)).endsWith("2022: 20 2023: 0 2024: 0");
  }

  @Test
  void showDrawsTheHistogramAsASparklineOnlyOnATerminal() {
    Paper p = DigestPapers.arxiv("2001.00001", "2025-01-01", "2020-01-01", "T")
        .histogram("semanticScholar", "2022-11-01", 2020, 5, 2021, 30, 2022, 40).build();
    StringWriter tty = new StringWriter();
    PaperTextWriter.detail(p, new PrintWriter(tty), true);
    assertThat(tty.toString()).contains("    ▂▆█ 2020-2022 (max 40, last 40)");
    StringWriter pipe = new StringWriter();
    PaperTextWriter.detail(p, new PrintWriter(pipe), false);
    assertThat(pipe.toString()).contains("    2020: 5 2021: 30 2022: 40").doesNotContain("█");
  }

  @Test
  void rankExplainDrawsItToo() {
    String tty = write(new TableWriter(new ReportOptions(false, 100, true, true)));
    assertThat(tty).contains("citations by year (s2): ").contains("█ 2020-2023");
    String pipe = write(new TableWriter(new ReportOptions(false, 100, true, false)));
    assertThat(pipe).contains("citations by year (s2): 2020: 5 2021: 30 2022: 0 2023: 40").doesNotContain("█");
    assertThat(write(new TableWriter(new ReportOptions(false, 100, false, true)))).doesNotContain("citations by year");
  }

  private static String write(TableWriter w) {
    StringWriter s = new StringWriter();
    w.write(DigestFixtures.ranking(), new PrintWriter(s));
    return s.toString();
  }
}
