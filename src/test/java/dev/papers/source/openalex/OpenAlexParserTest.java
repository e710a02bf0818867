package dev.papers.source.openalex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.papers.model.Histogram;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.testing.RealFixtures;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing and normalizing every real OpenAlex recording and the hand-made bodies: no network. */
class OpenAlexParserTest {
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  private static byte[] real(String name) {
    return RealFixtures.bytes("openalex/" + name);
  }

  private static byte[] own(String name) {
    return RealFixtures.resource("openalex/" + name);
  }

  private static SourceRecord work(byte[] body) throws IOException {
    return OpenAlexNormalizer.record(OpenAlexParser.work(body), NOW);
  }

  private static List<SourceRecord> list(byte[] body) throws IOException {
    return OpenAlexParser.page(body).results().stream().map(w -> OpenAlexNormalizer.record(w, NOW)).toList();
  }

  private static Map<Integer, Integer> years(SourceRecord r) {
    return r.histogram().byYear();
  }

  // ---- real recordings ----

  @Test
  void real2022LegacySchemaByDoi() throws IOException {
    byte[] body = real("openalex_2022_work_doi_10.7717_peerj.4375_legacy_schema.json");
    assertThat(OpenAlexParser.isJson(body, "application/json")).isTrue();
    SourceRecord r = work(body);
    assertThat(r.source()).isEqualTo("openAlex");
    assertThat(r.openAlexId()).isEqualTo("W2741809807");
    assertThat(r.doi()).isEqualTo("10.7717/peerj.4375");
    assertThat(r.arxivId()).isNull();
    assertThat(r.title()).startsWith("The state of OA: a large-scale analysis");
    assertThat(r.year()).isEqualTo(2018);
    assertThat(r.published()).isEqualTo(LocalDate.of(2018, 2, 13));
    assertThat(r.venue()).isEqualTo("PeerJ"); // host_venue, the 2022 format
    assertThat(r.authors()).startsWith("Heather A. Piwowar");
    assertThat(r.count()).isEqualTo(394);
    assertThat(years(r)).containsExactly(Map.entry(2017, 6), Map.entry(2018, 47), Map.entry(2019, 97),
        Map.entry(2020, 126), Map.entry(2021, 108), Map.entry(2022, 13));
    assertThat(r.histogram().source()).isEqualTo("openAlex");
    assertThat(r.histogram().madeAt()).isEqualTo(NOW);
    assertThat(r.histogram().total()).isEqualTo(394);
    assertThat(r.observedAt()).isEqualTo(NOW);
    assertThat(r.referencedWorks()).isNotEmpty().allMatch(w -> w.matches("W\\d+"));
    assertThat(r.ids()).extracting(PaperId::key).containsExactly("doi:10.7717/peerj.4375", "openalex:W2741809807");
  }

  @Test
  void real2025PrimaryLocationSchemaByDoi() throws IOException {
    SourceRecord r = work(real("openalex_2025_work_doi_10.1016_j.addr.2015.01.008.json"));
    assertThat(r.openAlexId()).isEqualTo("W2033425827");
    assertThat(r.doi()).isEqualTo("10.1016/j.addr.2015.01.008");
    assertThat(r.title()).isEqualTo("Pharmacokinetics, biodistribution and cell uptake of antisense oligonucleotides");
    assertThat(r.published()).isEqualTo(LocalDate.of(2015, 2, 7));
    assertThat(r.count()).isEqualTo(750);
    assertThat(years(r)).hasSize(11).containsEntry(2025, 40).containsEntry(2015, 13);
    assertThat(r.abstractText()).startsWith("Pharmacokinetic properties of oligonucleotides are largely driven by "
        + "chemistry of the backbone").doesNotContain("  ");
    assertThat(r.venue()).isNotNull();
  }

  @Test
  void real2026NullTitleZeroCitationsEmptyCounts() throws IOException {
    SourceRecord r = work(real("openalex_2026_work_id_W4234567890_null_title.json"));
    assertThat(r.openAlexId()).isEqualTo("W4234567890");
    assertThat(r.title()).isNull();
    assertThat(r.abstractText()).isNull(); // abstract_inverted_index null
    assertThat(r.doi()).isEqualTo("10.4018/jnn.20180101");
    assertThat(r.count()).isZero();
    assertThat(r.histogram()).isNotNull();
    assertThat(years(r)).isEmpty();
    assertThat(r.authors()).containsExactly("Bakhtiyor Rasulev"); // author.id null
    assertThat(r.venue()).isEqualTo("Journal of Nanotoxicology and Nanomedicine");
  }

  @Test
  void real2022DoiListWithCursorAndItsEmptyLastPage() throws IOException {
    OpenAlexDto.Page p1 = OpenAlexParser.page(real("openalex_2022_list_filter_doi_cursor_page1.json"));
    assertThat(p1.meta().count()).isEqualTo(2);
    assertThat(p1.meta().page()).isNull();
    assertThat(p1.meta().nextCursor()).isNotBlank(); // even though every result fits the first page
    List<SourceRecord> r = list(real("openalex_2022_list_filter_doi_cursor_page1.json"));
    assertThat(r).extracting(SourceRecord::openAlexId).containsExactly("W4224016882", "W4223895588");
    assertThat(r).extracting(SourceRecord::doi)
        .containsExactly("10.1371/journal.pone.0266781", "10.1371/journal.pone.0267149");
    assertThat(r).extracting(SourceRecord::count).containsExactly(0, 0);
    assertThat(r).allSatisfy(x -> assertThat(x.histogram().byYear()).isEmpty());

    OpenAlexDto.Page p2 = OpenAlexParser.page(real("openalex_2022_list_filter_doi_cursor_page2_empty.json"));
    assertThat(p2.results()).isEmpty();
    assertThat(p2.meta().nextCursor()).isNull();
  }

  @Test
  void real2025OpenAlexIdListNov2025SchemaArxivFromLocations() throws IOException {
    byte[] body = real("openalex_2025_list_filter_openalex_ids_cursor.json");
    List<SourceRecord> r = list(body);
    assertThat(r).extracting(SourceRecord::openAlexId).containsExactly("W3046863325", "W3045921891");
    SourceRecord acm = r.get(0);
    assertThat(acm.doi()).isEqualTo("10.1145/3383583.3398584");
    assertThat(acm.arxivId()).isNull();
    assertThat(acm.count()).isEqualTo(5);
    // 2024 had no citations: OpenAlex leaves the year out
    assertThat(years(acm)).containsExactly(Map.entry(2022, 2), Map.entry(2023, 1), Map.entry(2025, 2));
    SourceRecord arxiv = r.get(1);
    assertThat(arxiv.doi()).isEqualTo("10.48550/arxiv.2007.14454");
    assertThat(arxiv.arxivId()).isEqualTo("2007.14454");
    assertThat(arxiv.count()).isZero();
    assertThat(arxiv.authors()).contains("Maria Liakata");
    assertThat(arxiv.venue()).isNull(); // the arXiv repository is not a venue
    assertThat(arxiv.referencedWorks()).contains("W2741809807");
    assertThat(arxiv.ids()).extracting(PaperId::key).containsOnly("arxiv:2007.14454", "openalex:W3045921891");
  }

  @Test
  void real2025CitesListHasTheNewTenDigitIds() throws IOException {
    OpenAlexDto.Page p = OpenAlexParser.page(real("openalex_2025_list_filter_cites.json"));
    assertThat(p.meta().count()).isEqualTo(5);
    assertThat(p.meta().perPage()).isEqualTo(200);
    List<SourceRecord> r = list(real("openalex_2025_list_filter_cites.json"));
    assertThat(r).extracting(SourceRecord::openAlexId)
        .containsExactly("W4311043552", "W4293919086", "W4387316167", "W4415603090", "W7104728135");
    assertThat(r).extracting(SourceRecord::count).containsExactly(6, 3, 1, 0, 0);
    assertThat(r.get(0).histogram().byYear()).containsEntry(2024, 3).containsEntry(2022, 1);
    assertThat(r).allSatisfy(x -> assertThat(x.referencedWorks()).isNotNull());
  }

  @Test
  void real2025PaperQaArxivWorkYearPrecisionDateIsDropped() throws IOException {
    SourceRecord r = list(real("openalex_2025_list_filter_title_search_paperqa_arxiv.json")).get(0);
    assertThat(r.openAlexId()).isEqualTo("W4389761608");
    assertThat(r.arxivId()).isEqualTo("2312.07559");
    assertThat(r.published()).isNull(); // "2023-01-01" for a December 2023 paper
    assertThat(r.year()).isEqualTo(2023);
    assertThat(r.count()).isEqualTo(27);
    assertThat(years(r)).containsExactly(Map.entry(2023, 1), Map.entry(2024, 14), Map.entry(2025, 12));
    assertThat(r.authors()).contains("Jakub Lála", "Odhran O’Donoghue");
  }

  @Test
  void real2025ChemCrowIsTwoWorks() throws IOException {
    List<SourceRecord> r = list(real("openalex_2025_list_filter_title_search_chemcrow_arxiv_and_journal.json"));
    assertThat(r).hasSize(2);
    SourceRecord journal = r.get(0);
    SourceRecord preprint = r.get(1);
    assertThat(journal.openAlexId()).isEqualTo("W4396723768");
    assertThat(journal.doi()).isEqualTo("10.1038/s42256-024-00832-8");
    assertThat(journal.arxivId()).isNull(); // no link to the preprint
    assertThat(journal.count()).isEqualTo(236);
    assertThat(journal.venue()).isEqualTo("Nature Machine Intelligence");
    assertThat(journal.published()).isEqualTo(LocalDate.of(2024, 5, 8));
    assertThat(preprint.openAlexId()).isEqualTo("W4365597205");
    assertThat(preprint.arxivId()).isEqualTo("2304.05376");
    assertThat(preprint.count()).isEqualTo(106);
    assertThat(preprint.published()).isNull();
  }

  @Test
  void real400ErrorIsReadAsText() {
    byte[] body = real("openalex_2026_error_400_invalid_filter.json");
    assertThat(OpenAlexParser.errorText(body)).startsWith("Invalid query parameters error. DOESNTEXIST is not a valid field")
        .hasSizeLessThanOrEqualTo(201);
    assertThatThrownBy(() -> OpenAlexParser.page(body)).isInstanceOf(IOException.class).hasMessageContaining("error");
    assertThatThrownBy(() -> OpenAlexParser.work(body)).isInstanceOf(IOException.class);
  }

  @Test
  void realHtml404IsNeverReadAsJson() {
    byte[] body = real("openalex_2025_error_404_work_doi_select.html");
    assertThat(OpenAlexParser.isJson(body, "text/html; charset=utf-8")).isFalse();
    assertThat(OpenAlexParser.isJson(body, "application/json")).isFalse();
    assertThat(OpenAlexParser.errorText(body)).isNull();
    assertThatThrownBy(() -> OpenAlexParser.work(body)).isInstanceOf(IOException.class).hasMessageContaining("HTML");
  }

  // ---- hand-made, the same paths ----

  @Test
  void own2022HostVenueWithArxivInAnAlternateVenue() throws IOException {
    SourceRecord r = work(own("work_2022_host_venue.json"));
    assertThat(r.openAlexId()).isEqualTo("W1000000001");
    assertThat(r.doi()).isEqualTo("10.1103/physrevb.85.115117"); // lower-case
    assertThat(r.arxivId()).isEqualTo("1111.2011"); // from a pdf URL with a version
    assertThat(r.title()).isEqualTo("Quantum criticality for extended nodes");
    assertThat(r.venue()).isEqualTo("Physical Review B");
    assertThat(r.published()).isEqualTo(LocalDate.of(2012, 3, 19));
    assertThat(r.authors()).containsExactly("James M. Murray", "Adrian Del Maestro");
    assertThat(years(r)).containsExactly(Map.entry(2019, 3), Map.entry(2021, 1));
    assertThat(r.referencedWorks()).containsExactly("W2", "W3");
  }

  @Test
  void own2025ArxivDoiJanuaryFirstDropped() throws IOException {
    SourceRecord r = work(own("work_2025_primary_location.json"));
    assertThat(r.arxivId()).isEqualTo("2312.07559");
    assertThat(r.published()).isNull();
    assertThat(r.year()).isEqualTo(2023);
    assertThat(r.venue()).isNull();
    assertThat(r.referencedWorks()).isEmpty();
    assertThat(r.abstractText()).isEqualTo("Large language models answer. Small retrieval models help.");
  }

  @Test
  void ownNov2025ArxivFromLocationIdOnly() throws IOException {
    SourceRecord r = work(own("work_2025nov_location_ids.json"));
    assertThat(r.doi()).isNull();
    assertThat(r.arxivId()).isEqualTo("2007.14454"); // pmh:oai:arXiv.org:<id>
    assertThat(r.published()).isEqualTo(LocalDate.of(2020, 7, 28)); // not 1 January: kept
    assertThat(r.authors()).containsExactly("Michael Färber"); // raw_author_name when display_name is null
    assertThat(r.referencedWorks()).containsExactly("W2741809807");
    assertThat(years(r)).doesNotContainKey(2024);
  }

  @Test
  void ownNullTitleZeroCitations() throws IOException {
    SourceRecord r = work(own("work_null_title_zero.json"));
    assertThat(r.title()).isNull();
    assertThat(r.doi()).isEqualTo("10.4018/jnn.20180101");
    assertThat(r.count()).isZero();
    assertThat(r.histogram().byYear()).isEmpty();
    assertThat(r.published()).isEqualTo(LocalDate.of(2018, 1, 1)); // not an arXiv work: kept
  }

  @Test
  void ownCountsThatAreNotWholeNumbersAreNotStored() throws IOException {
    OpenAlexDto.Work w = OpenAlexParser.work(own("work_bad_counts.json"));
    SourceRecord r = OpenAlexNormalizer.record(w, NOW);
    assertThat(r.count()).isNull();
    assertThat(OpenAlexNormalizer.badCount(w)).isEqualTo("12.5");
    assertThat(r.histogram()).isNull(); // one entry of -1
    assertThat(r.title()).isEqualTo("Bad counts"); // the other fields are kept
  }

  @Test
  void ownListWithCursorNullElementAndEmptyLastPage() throws IOException {
    OpenAlexDto.Page p = OpenAlexParser.page(own("list_doi_cursor_page1.json"));
    assertThat(p.results()).hasSize(2);
    assertThat(p.meta().nextCursor()).isEqualTo("IlsxNjQ5XSI=");
    List<SourceRecord> r = list(own("list_doi_cursor_page1.json"));
    assertThat(r).extracting(SourceRecord::venue).containsExactly("PLOS ONE", "PLOS ONE");
    assertThat(r.get(1).histogram().byYear()).containsExactly(Map.entry(2023, 3));
    OpenAlexDto.Page last = OpenAlexParser.page(own("list_empty_last_page.json"));
    assertThat(last.results()).isEmpty();
    assertThat(last.meta().nextCursor()).isNull();
  }

  @Test
  void ownPreprintAndPublishedAreTwoRecords() throws IOException {
    List<SourceRecord> r = list(own("list_preprint_and_published.json"));
    assertThat(r).extracting(SourceRecord::openAlexId).containsExactly("W4396723768", "W4365597205");
    assertThat(r).extracting(SourceRecord::arxivId).containsExactly(null, "2304.05376");
    assertThat(r).extracting(SourceRecord::count).containsExactly(236, 106);
  }

  @Test
  void ownErrors() {
    assertThat(OpenAlexParser.errorText(own("error_400.json")))
        .isEqualTo("Invalid query parameters error. DOESNTEXIST is not a valid field. Valid fields are underscore "
            + "or hyphenated versions of: doi, cites, openalex");
    byte[] html = own("error_404.html");
    assertThat(OpenAlexParser.isJson(html, null)).isFalse();
    assertThat(OpenAlexParser.errorText(html)).isNull();
    assertThatThrownBy(() -> OpenAlexParser.page(html)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> OpenAlexParser.page(new byte[0])).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> OpenAlexParser.page("[1,2]".getBytes())).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> OpenAlexParser.page("{\"results\": {}}".getBytes())).isInstanceOf(IOException.class);
    assertThat(OpenAlexParser.errorText("Resource not found.".getBytes())).isEqualTo("Resource not found.");
  }

  @Test
  void workIdsAndDois() {
    assertThat(OpenAlexNormalizer.workId("https://openalex.org/W2741809807")).isEqualTo("W2741809807");
    assertThat(OpenAlexNormalizer.workId("w2741809807")).isEqualTo("W2741809807");
    assertThat(OpenAlexNormalizer.workId("https://openalex.org/A5050444884")).isNull();
    assertThat(OpenAlexNormalizer.bareDoi("https://doi.org/10.1016%2Fj.addr.2015.01.008")).isEqualTo("10.1016/j.addr.2015.01.008");
    assertThat(OpenAlexNormalizer.bareDoi("not a doi")).isNull();
  }

  @Test
  void histogramKeepsTotalAndSum() {
    Histogram h = OpenAlexNormalizer.histogram(
        dev.papers.json.Json.mapper().createArrayNode()
            .add(dev.papers.json.Json.mapper().createObjectNode().put("year", 2024).put("cited_by_count", 3))
            .add(dev.papers.json.Json.mapper().createObjectNode().put("year", 2022).put("cited_by_count", 4)),
        NOW, 10);
    assertThat(h.counted()).isEqualTo(7);
    assertThat(h.total()).isEqualTo(10);
    assertThat(h.partial()).isFalse();
  }
}
