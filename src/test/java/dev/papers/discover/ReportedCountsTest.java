package dev.papers.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.discover.ReportedCounts.Reported;
import dev.papers.model.PaperId;
import dev.papers.testing.RealFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportedCountsTest {

  private static Reported r(String id, int count, String date, String named, int line) {
    return new Reported(id == null ? null : PaperId.parse(id), count, date == null ? null : LocalDate.parse(date),
        named, line);
  }

  /**
   * Seed 001, read line by line: six papers with an arXiv link, a 被引量 line and a 阅读时间 line each
   * (22.10.06, 2022.09.18, 22.09.16, 2022.09.11, 2022-09-17, 22.06.16), and before them a survey with a
   * readpaper.com link, "被引量:11797(谷歌学术)" on line 9 and no reading date.
   */
  @Test
  void seed001() throws IOException {
    String name = "001_7caf8c73364815e7.txt";
    String text = Files.readString(RealFixtures.seed(name), StandardCharsets.UTF_8);
    assertThat(ReportedCounts.find(text, name)).containsExactly(
        r(null, 11797, null, "Google Scholar", 9),
        r("2012.06908", 26, "2022-10-06", null, 29),
        r("2104.08821", 83, "2022-09-18", null, 96),
        r("1909.10351", 67, "2022-09-16", null, 116),
        r("1903.12136", 226, "2022-09-11", null, 135),
        r("2012.01266v1", 1, "2022-09-17", null, 156),
        r("2004.02984", 162, "2022-06-16", null, 172));
  }

  @ParameterizedTest
  @ValueSource(strings = {"000_643db767900e06e2.txt", "002_a513cab50487f207.txt", "003_2074566bdd68eeb8.txt",
      "004_424488900405d3ee.txt"})
  void otherSeedsStateNoCounts(String name) throws IOException {
    String text = Files.readString(RealFixtures.seed(name), StandardCharsets.UTF_8);
    assertThat(ReportedCounts.find(text, name)).isEmpty();
  }

  @Test
  void ownReadingNotes() {
    String text = new String(RealFixtures.resource("import/reading-notes.txt"), StandardCharsets.UTF_8);
    assertThat(ReportedCounts.find(text, "reading-notes.txt")).containsExactly(
        r("10.1145/1541880.1541882", 11797, null, "Google Scholar", 4),
        r("1909.10351", 67, "2022-09-16", null, 12),
        r("2104.08821", 83, "2022-09-18", "Google Scholar", 18),
        r("2012.01266v1", 1, "2022-09-17", null, 26),
        r("1503.02531", 12345, "2023-01-05", "Semantic Scholar", 32),
        r("2002.05715", 40, "2022-08-01", null, 46),
        // the second count of a block does not reach above the first: no paper
        r(null, 45, "2022-08-01", "Baidu Scholar", 47));
    assertThat(ReportedCounts.find(text, "reading-notes.txt")).filteredOn(Reported::storable).hasSize(5);
  }

  @Test
  void markdownNotesBlockAtHeadings() {
    String md = """
        ## TinyBERT
        - 论文：[paper](https://arxiv.org/abs/1909.10351)
        - **被引量**：67
        - 阅读时间：22.09.16

        ## SimCSE
        | 项目 | 内容 |
        |---|---|
        | 被引量 | 83 |
        | 阅读时间 | 2022-09-18 |
        """;
    assertThat(ReportedCounts.find(md, "notes.md")).containsExactly(
        r("1909.10351", 67, "2022-09-16", null, 3),
        r(null, 83, "2022-09-18", null, 9));
  }

  @Test
  void htmlNotesKeepSourceLinesAndReadLinks() {
    String html = """
        <!DOCTYPE html>
        <html><body>
        <h2>TinyBERT</h2>
        <p>论文地址: <a href="https://arxiv.org/abs/1909.10351">链接</a></p>
        <p>被引量: <b>67</b> (谷歌学术)</p>
        <script>var x = "被引量: 99";
        </script>
        <p>阅读时间: 2022-09-16</p>
        <h2>SimCSE</h2>
        <p><a href='https://arxiv.org/pdf/2104.08821.pdf'>pdf</a> &nbsp;</p>
        <p>Cited&nbsp;by 83</p>
        </body></html>
        """;
    assertThat(ReportedCounts.find(html, "notes.html")).containsExactly(
        r("1909.10351", 67, "2022-09-16", "Google Scholar", 5),
        r("2104.08821", 83, null, null, 11));
  }

  @Test
  void htmlSavedOnOneLineReadsLikeLines() {
    String html = "<html><body><h2>TinyBERT</h2><p>论文地址: <a href=\"https://arxiv.org/abs/1909.10351\">链接</a>"
        + "</p><p>被引量: 67</p><p>阅读时间: 2022-09-16</p><h2>SimCSE</h2><table><tr><td>被引量</td><td>83</td>"
        + "</tr><tr><td>阅读时间</td><td>22.09.18</td></tr></table></body></html>";
    assertThat(ReportedCounts.find(html, "notes.html")).containsExactly(
        r("1909.10351", 67, "2022-09-16", null, 1),
        r(null, 83, "2022-09-18", null, 1));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "被引量:67|67",
      "被引量：11,797(谷歌学术)|11797",
      "被引用次数: 5 次|5",
      "被引次数 12|12",
      "引用量:3|3",
      "引用数：8|8",
      "Cited by 120|120",
      "cited by: 7 (Google Scholar)|7",
      "Citations: 9|9",
      "Citation count: 10|10",
      "Times cited: 11|11",
      "Zitiert von: 12|12",
      "- **被引量**: 13|13",
      "> 被引量(Semantic Scholar): 14|14",
      "3. 被引量:15|15",
      "被引量:16.|16",
  })
  void countLines(String line, int expected) {
    List<Reported> found = ReportedCounts.find("arXiv:1909.10351\n" + line + "\n阅读时间:22.09.16\n", "x.txt");
    assertThat(found).extracting(Reported::count).containsExactly(expected);
    assertThat(found.get(0).readOn()).isEqualTo(LocalDate.of(2022, 9, 16));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "被引量:1.2k", "被引量:3万", "Cited by 67+", "被引量:12k", "引用量:约 30", "被引量: 1,2345",
      "Citations: 2. Hinton et al.", "Citations: 3) Smith", "引用在训练模型的时候", "66277位读者 | 引用 5",
      "本文被引量很高: 100", "被引量: 99999999999", "Cited by", "citation: Jiao et al. 2020",
  })
  void notCounts(String line) {
    assertThat(ReportedCounts.find("arXiv:1909.10351\n" + line + "\n阅读时间:22.09.16\n", "x.txt")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "22.09.16|2022-09-16",
      "2022.09.11|2022-09-11",
      "2022-09-17|2022-09-17",
      "2022/9/7|2022-09-07",
      "2022年9月1日|2022-09-01",
      "22-06-16|2022-06-16",
  })
  void dates(String written, String expected) {
    assertThat(ReportedCounts.date(written)).isEqualTo(LocalDate.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2022.13.01", "22.02.30", "2021.04", "昨天", "", "20220917"})
  void notDates(String written) {
    assertThat(ReportedCounts.date(written)).isNull();
  }

  @Test
  void aCountBelongsToTheIdOnItsOwnLineFirst() {
    String text = "https://arxiv.org/abs/2002.05709\narXiv:2002.05715 is on the line above\n"
        + "Cited by 5: arXiv:1909.10351\n阅读时间:22.09.16";
    assertThat(ReportedCounts.find(text, "x.txt")).extracting(Reported::id)
        .containsExactly(PaperId.parse("1909.10351"));
  }

  @Test
  void emptyAndIdFreeDocuments() {
    assertThat(ReportedCounts.find("", "x.txt")).isEmpty();
    assertThat(ReportedCounts.find(null, "x.txt")).isEmpty();
    assertThat(ReportedCounts.find("被引量:5\n阅读时间:22.09.16", "-"))
        .containsExactly(r(null, 5, "2022-09-16", null, 1));
  }
}
