package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.model.Paper;
import dev.papers.model.SourceRecord;
import dev.papers.rank.TestPapers;
import dev.papers.rank.VelocityResult;
import dev.papers.suggest.Reason;
import dev.papers.suggest.SuggestResult;
import dev.papers.suggest.Suggestion;
import dev.papers.topic.Topic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suggest table on a terminal: it fits the width, reasons under each row, colour only when asked. */
class SuggestTableWriterTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  static SuggestResult result() {
    Topic topic = new Topic("kd", "Knowledge distillation, 知識蒸留 and the compression of very large language models",
        null, null, List.of(), List.of(), List.of(), List.of(), List.of(), null);
    Paper long1 = TestPapers.arxiv("2301.00101", "2023-01-10")
        .title("A very long title about self-distillation across the layers of very deep transformer networks "
            + "with 知識蒸留 in it", "Ada Lovelace").build();
    Paper p2 = TestPapers.doi("10.5555/kd.some-rather-long-doi-suffix-that-goes-on-and-on", 2014).build();
    VelocityResult v = new VelocityResult("openAlex", VelocityResult.HISTOGRAM, 314.1, 3100, NOW, false,
        "histogram (openAlex, made 2026-11-22): 2026: 260 x 365/325.4 d = 291.6 (x3), 2025: 330 (x2), 2024: 350 "
            + "(x1); weighted mean = 1884.9/6 = 314.1/yr");
    List<String> members = List.of("arxiv:2001.00001", "arxiv:2002.00002", "doi:10.1111/m3");
    Suggestion s1 = new Suggestion(1, long1, "W101", v, 4, List.of(new Reason("cites", members, "openAlex"),
        new Reason("recommended", members.subList(0, 2), "semanticScholar")), List.<SourceRecord>of());
    Suggestion s2 = new Suggestion(2, p2, null, null, 2, List.of(new Reason("citedBy", members.subList(1, 3),
        "openAlex")), List.of());
    return new SuggestResult(topic, NOW, 3, 2, 9, 2, List.of(s1, s2));
  }

  static String write(ReportOptions o) {
    StringWriter w = new StringWriter();
    new SuggestTableWriter(o).write(result(), new PrintWriter(w));
    return w.toString();
  }

  @Test
  void everyLineFitsTheTerminalsWidthWithAndWithoutExplain() {
    for (int width : new int[] {100, 80, 60}) {
      for (boolean explain : new boolean[] {false, true}) {
        String out = write(new ReportOptions(false, width, explain));
        out.lines().forEach(l -> assertThat(DisplayWidth.of(l)).as(l).isLessThanOrEqualTo(width));
        assertThat(out).contains("…").contains("cites 3 of your papers").doesNotContain("\u001b[");
      }
    }
    String explained = write(new ReportOptions(false, 100, true));
    assertThat(explained).contains("cites 3 of your papers: 2001.00001, 2002.00002, 10.1111/m3")
        .contains("recommended from 2 of your papers")
        .contains("cited by 2: 2002.00002, 10.1111/m3")
        .contains("weighted mean").contains("no citation count");
    String plain = write(new ReportOptions(false, 100, false));
    assertThat(plain).contains("cites 3 of your papers, recommended").doesNotContain("2001.00001");
    assertThat(plain.lines().skip(2).findFirst().orElseThrow()).startsWith("1     314.1  hist");
  }

  @Test
  void colourOnlyWhenAsked() {
    assertThat(write(new ReportOptions(true, 100, false))).contains("\u001b[1m");
    assertThat(write(new ReportOptions(false, ReportOptions.UNLIMITED, false))).doesNotContain("\u001b[")
        .doesNotContain("…");
  }

  @Test
  void anEmptyListSaysWhatToTry() {
    SuggestResult r = result();
    SuggestResult none = new SuggestResult(r.topic(), NOW, 3, 4, 9, 0, List.of());
    StringWriter w = new StringWriter();
    new SuggestTableWriter(ReportOptions.plain()).write(none, new PrintWriter(w));
    assertThat(w.toString()).contains("9 papers linked to the topic, none to 4 of its papers: try --min-links 3");
    StringWriter md = new StringWriter();
    new SuggestMarkdownWriter(false).write(none, new PrintWriter(md));
    assertThat(md.toString()).contains("try --min-links 3");
  }
}
