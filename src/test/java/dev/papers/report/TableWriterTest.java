package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableWriterTest {
  static List<String> lines(ReportOptions o) {
    return ReportFixtures.write(new TableWriter(o)).lines().toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {100, 80, 60, 40})
  void everyLineFitsTheWidthWithCjkTitles(int width) {
    for (boolean explain : new boolean[] {false, true}) {
      List<String> lines = lines(new ReportOptions(false, width, explain));
      assertThat(lines).allSatisfy(l -> assertThat(DisplayWidth.of(l)).as(l).isLessThanOrEqualTo(width));
    }
  }

  @Test
  void noAnsiWithoutColourAndSomeWithIt() {
    assertThat(ReportFixtures.write(new TableWriter(new ReportOptions(false, 100, true)))).doesNotContain("\u001b");
    String coloured = ReportFixtures.write(new TableWriter(new ReportOptions(true, 100, false)));
    assertThat(coloured).contains("\u001b[");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", ""))
        .isEqualTo(ReportFixtures.write(new TableWriter(ReportOptions.plain())));
  }

  @Test
  void columnsAlignByDisplayWidth() {
    List<String> lines = lines(ReportOptions.plain());
    String header = lines.get(1);
    int idColumn = DisplayWidth.of(header.substring(0, header.indexOf(" id") + 1));
    for (String l : lines.subList(2, 8)) {
      // the id starts at the same display column on every ranked row, CJK title or not
      String before = l.substring(0, l.lastIndexOf("  ") + 2);
      assertThat(DisplayWidth.of(before)).as(l).isEqualTo(idColumn);
    }
  }

  @Test
  void rowsRanksMarkersAndEllipsis() {
    List<String> lines = lines(ReportOptions.plain());
    assertThat(lines.get(1)).startsWith("#  cites/yr  how");
    assertThat(lines.get(2)).matches("1 +417\\.7  obs +1520 +0d  s2 +2019  TinyBERT: Distilling BERT for .*… +1909\\.10351");
    assertThat(lines).anyMatch(l -> l.contains("4y  reported"));
    assertThat(lines).anyMatch(l -> l.contains("reported") && l.contains("1903.12136"));
    assertThat(lines).anyMatch(l -> l.contains("life~") && l.contains("知识蒸馏") && l.contains("…"));
    assertThat(lines).anyMatch(l -> l.contains("-100.0  obs"));
  }

  @Test
  void unrankedAfterRankedWithTheFetchCommand() {
    List<String> lines = lines(ReportOptions.plain());
    int divider = lines.indexOf(lines.stream().filter(l -> l.startsWith("-- not ranked yet")).findFirst().orElseThrow());
    assertThat(lines.get(divider + 1)).startsWith("-").contains("+Meta-KD @home").endsWith("2012.01266");
    assertThat(lines.get(divider + 2)).contains("(not fetched yet)").endsWith("1503.02531");
    assertThat(lines).contains("  papers fetch 2012.01266 1503.02531");
  }

  @Test
  void explainShowsMethodSourceNumbersAndProvenance() {
    String out = ReportFixtures.write(new TableWriter(new ReportOptions(false, 200, true)));
    assertThat(out).contains("observed (semanticScholar): 1520 (2026-11-22) - 1100 (2025-11-20) over 367 d = 417.7/yr");
    assertThat(out).contains("lifetime (reported): 400 (2022-09-16)").contains("count from seeds/001_7caf8c73364815e7.txt:14");
  }

  @Test
  void longCommandsWrapWithContinuations() {
    List<String> l = TableWriter.wrapCommand("papers fetch 1909.10351 2004.02984 1903.12136 2012.01266", 40);
    assertThat(l).hasSizeGreaterThan(1);
    assertThat(l.subList(0, l.size() - 1)).allMatch(s -> s.endsWith(" \\"));
    assertThat(l).allMatch(s -> s.length() <= 40);
    assertThat(String.join(" ", l).replace(" \\", "").replaceAll(" +", " ").strip())
        .isEqualTo("papers fetch 1909.10351 2004.02984 1903.12136 2012.01266");
  }
}
