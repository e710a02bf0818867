package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvWriterTest {
  static List<CSVRecord> parse(String csv) throws IOException {
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser p = CSVParser.parse(new StringReader(csv), f)) {
      assertThat(p.getHeaderNames()).containsExactlyElementsOf(Fields.NAMES);
      return p.getRecords();
    }
  }

  static CSVRecord byId(List<CSVRecord> rows, String id) {
    return rows.stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  void headerIsTheJsonFieldNamesAndEveryMemberHasARow() throws IOException {
    String csv = ReportFixtures.write(new CsvWriter(false));
    List<CSVRecord> rows = parse(csv);
    assertThat(rows).hasSize(ReportFixtures.result().entries().size());
    assertThat(Fields.NAMES).startsWith("rank", "id", "title", "year", "citations", "velocity",
        "velocityMethod", "source");
    for (CSVRecord r : rows) {
      assertThat(r.isConsistent()).isTrue();
    }
  }

  @Test
  void rfc4180LineEnds() {
    String csv = ReportFixtures.write(new CsvWriter(false));
    assertThat(csv).endsWith("\r\n");
    // every LF outside a quoted cell is part of a CRLF
    String outside = csv.replace(ReportFixtures.MULTILINE.replace("\"", "\"\""), "");
    assertThat(outside.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void textRoundTripsWithQuotesCommasAndNewlines() throws IOException {
    List<CSVRecord> rows = parse(ReportFixtures.write(new CsvWriter(false)));
    assertThat(byId(rows, "arxiv:2004.02984").get("title")).isEqualTo(ReportFixtures.MULTILINE);
    assertThat(byId(rows, "doi:10.1000/cjk.2021").get("title")).isEqualTo(ReportFixtures.CJK);
    assertThat(byId(rows, "arxiv:1909.10351").get("authors"))
        .isEqualTo("Xiaoqi Jiao; Yichun Yin; Lifeng Shang; Xin Jiang");
  }

  @Test
  void formulaLikeTextGetsALeadingQuote() throws IOException {
    List<CSVRecord> rows = parse(ReportFixtures.write(new CsvWriter(false)));
    assertThat(byId(rows, "arxiv:2002.05715").get("title")).isEqualTo("'" + ReportFixtures.NASTY);
    assertThat(byId(rows, "arxiv:1903.12136").get("title")).startsWith("'-Distilling");
    assertThat(byId(rows, "arxiv:2012.01266").get("title")).isEqualTo("'+Meta-KD @home");
  }

  @Test
  void numbersStayNumbers() throws IOException {
    List<CSVRecord> rows = parse(ReportFixtures.write(new CsvWriter(false)));
    CSVRecord negative = byId(rows, "arxiv:2002.05715");
    assertThat(negative.get("velocity")).isEqualTo("-100");
    assertThat(Double.parseDouble(negative.get("velocity"))).isEqualTo(-100.0);
    CSVRecord first = rows.get(0);
    assertThat(first.get("rank")).isEqualTo("1");
    assertThat(first.get("id")).isEqualTo("arxiv:1909.10351");
    assertThat(Integer.parseInt(first.get("citations"))).isEqualTo(1520);
    assertThat(Double.parseDouble(first.get("velocity"))).isCloseTo(420 * 365.0 / 367, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(first.get("year")).isEqualTo("2019");
    assertThat(first.get("source")).isEqualTo("semanticScholar");
    CSVRecord unranked = byId(rows, "arxiv:2012.01266");
    assertThat(unranked.get("rank")).isEmpty();
    assertThat(unranked.get("velocity")).isEmpty();
    assertThat(unranked.get("fetchCommand")).isEqualTo("papers fetch 2012.01266");
    assertThat(byId(rows, "arxiv:1903.12136").get("provenance"))
        .isEqualTo("seeds/001_7caf8c73364815e7.txt:14");
  }

  @Test
  void explainAddsAColumn() throws IOException {
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser p = CSVParser.parse(new StringReader(ReportFixtures.write(new CsvWriter(true))), f)) {
      assertThat(p.getHeaderNames()).last().isEqualTo("explain");
      Map<String, String> first = p.getRecords().get(0).toMap();
      assertThat(first.get("explain")).startsWith("observed (semanticScholar): 1520");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      =1+1       | '=1+1
      +1         | '+1
      -1         | '-1
      @SUM(A1)   | '@SUM(A1)
      plain      | plain
      a=b        | a=b
      ``         | ``
      """)
  void neutralize(String in, String out) {
    assertThat(CsvWriter.neutralize(in)).isEqualTo(out);
    assertThat(CsvWriter.neutralize("\tx")).isEqualTo("'\tx");
    assertThat(CsvWriter.neutralize("\rx")).isEqualTo("'\rx");
  }
}
