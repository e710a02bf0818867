package dev.papers.source.s2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.testing.RealFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and normalizing real S2 recordings and hand-made bodies: no network. */
class S2ParserTest {
  private static final Instant NOW = Instant.parse("2026-11-22T00:00:00Z");

  private static byte[] real(String name) {
    return RealFixtures.bytes("s2/" + name);
  }

  private static byte[] own(String name) {
    return RealFixtures.resource("s2/" + name);
  }

  // ---- real recordings ----

  @Test
  void realBatchKeepsOrderWithLeadingNull() throws IOException {
    List<S2Dto.Paper> papers = S2Parser.batch(real("s2_2024_paper_batch_post_with_null.json")).stream().map(S2Parser.Item::paper).toList();
    assertThat(papers).hasSize(4);
    assertThat(papers.get(0)).isNull();
    List<SourceRecord> r = papers.subList(1, 4).stream().map(p -> S2Normalizer.record(p, NOW)).toList();

    assertThat(r.get(0).s2Id()).isEqualTo("c31c87c591a25c64fbaa82e8ac6a81831b6ac7ce");
    assertThat(r.get(0).title()).isEqualTo("How Much Should We Trust Differences-in-Differences Estimates?");
    assertThat(r.get(0).count()).isEqualTo(10670);
    assertThat(r.get(0).influential()).isEqualTo(578);
    assertThat(r.get(0).year()).isEqualTo(2001);
    assertThat(r.get(0).published()).isEqualTo(LocalDate.of(2001, 10, 1));
    assertThat(r.get(0).corpusId()).isEqualTo(470667L);
    assertThat(r.get(0).doi()).isEqualTo("10.2139/ssrn.288970");
    // venue "" is unknown: the journal's name stands in
    assertThat(r.get(0).venue()).isEqualTo("Experimental & Empirical Studies eJournal");
    assertThat(r.get(0).authors()).containsExactly("Marianne Bertrand", "E. Duflo", "S. Mullainathan");
    assertThat(r.get(0).source()).isEqualTo("semanticScholar");
    assertThat(r.get(0).observedAt()).isEqualTo(NOW);

    assertThat(r.get(1).s2Id()).isEqualTo("cb1ebd913c3724c599f6b276b14b5c6253da68f3");
    assertThat(r.get(1).count()).isEqualTo(2185);
    assertThat(r.get(1).influential()).isEqualTo(245);
    assertThat(r.get(1).year()).isEqualTo(2013);
    assertThat(r.get(1).abstractText()).doesNotContain("\n").startsWith("Microcredit has spread");

    assertThat(r.get(2).s2Id()).isEqualTo("0f40b1f08821e22e859c6050916cec3667778613");
    assertThat(r.get(2).count()).isZero();
    assertThat(r.get(2).influential()).isZero();
    assertThat(r.get(2).published()).isNull();
    assertThat(r.get(2).year()).isEqualTo(2023);
    assertThat(r.get(2).venue()).isNull(); // venue "" and journal null
    assertThat(r.get(2).doi()).isEqualTo("10.1257/rct.1355");
  }

  @Test
  void realMatchAttention2024AndDec2024() throws IOException {
    SourceRecord oct = first(real("s2_2024_paper_search_match_attention_arxiv1706.03762.json"));
    SourceRecord dec = first(real("s2_2024dec_paper_search_match_attention_arxiv1706.03762.json"));
    for (SourceRecord r : List.of(oct, dec)) {
      assertThat(r.s2Id()).isEqualTo("204e3073870fae3d05bcbc2f6a8e263d9b72e776");
      assertThat(r.arxivId()).isEqualTo("1706.03762");
      assertThat(r.arxivVersion()).isNull();
      assertThat(r.corpusId()).isEqualTo(13756489L); // only in externalIds here
      assertThat(r.title()).isEqualTo("Attention is All you Need");
      assertThat(r.venue()).isEqualTo("Neural Information Processing Systems");
      assertThat(r.year()).isEqualTo(2017);
      assertThat(r.published()).isEqualTo(LocalDate.of(2017, 6, 12));
      assertThat(r.authors()).hasSize(8).endsWith("Illia Polosukhin");
      assertThat(r.doi()).isNull();
      assertThat(r.ids()).contains(PaperId.arxiv("1706.03762"));
    }
    assertThat(oct.count()).isEqualTo(107745);
    assertThat(oct.influential()).isEqualTo(15613);
    assertThat(dec.count()).isEqualTo(111096);
    assertThat(dec.influential()).isEqualTo(15817);
  }

  @Test
  void realMatchAgrawal() throws IOException {
    SourceRecord r = first(real("s2_2024_paper_search_match_agrawal1993.json"));
    assertThat(r.doi()).isEqualTo("10.1145/170035.170072");
    assertThat(r.count()).isEqualTo(16127);
    assertThat(r.influential()).isEqualTo(1442);
    assertThat(r.venue()).isEqualTo("SIGMOD Conference");
    assertThat(r.authors()).containsExactly("R. Agrawal", "T. Imielinski", "A. Swami");
  }

  @Test
  void realTitleOnlyGetHasAbsentFieldsThatStayUnknown() throws IOException {
    SourceRecord r = S2Normalizer.record(S2Parser.paper(real("s2_2026_paper_get_doi_mind_fields_title.json")), NOW);
    assertThat(r.s2Id()).isEqualTo("2d5673caa9e6af3a7b82a43f19ee920992db07ad");
    assertThat(r.title()).isEqualTo("Computing Machinery and Intelligence");
    assertThat(r.count()).as("absent count is unknown, never 0").isNull();
    assertThat(r.influential()).isNull();
    assertThat(r.year()).isNull();
    assertThat(r.authors()).isNull();
    assertThat(r.doi()).isNull();
    assertThat(r.venue()).isNull();
  }

  @Test
  void realMatchWithOnlyPaperId() throws IOException {
    SourceRecord r = first(real("s2_2026_paper_search_match_bert_fields_paperId.json"));
    assertThat(r.s2Id()).isEqualTo("df2b0e26d0599ce3e70df8a9da02e51594e0e992");
    assertThat(r.title()).isNull();
    assertThat(r.count()).isNull();
  }

  @Test
  void realEmptySearchHasNoData() throws IOException {
    S2Dto.Results res = S2Parser.results(real("s2_2023_paper_search_empty_total0.json"));
    assertThat(res.total()).isZero();
    assertThat(res.data()).isEmpty();
    assertThat(res.next()).isNull();
  }

  @Test
  void realErrorBodies() {
    assertThat(S2Parser.errorText(real("s2_2023_paper_404_not_found_id0.json")))
        .isEqualTo("Paper with id 0 not found");
    assertThat(S2Parser.errorText(real("s2_2023_paper_400_unrecognized_fields.json")))
        .isEqualTo("Unrecognized or unsupported fields: [unknown]");
  }

  @Test
  void realErrorBodyIsNotAPaperList() {
    byte[] body = real("s2_2023_paper_404_not_found_id0.json"); // outside the lambda: a skip must stay a skip
    assertThatThrownBy(() -> S2Parser.batch(body)).isInstanceOf(IOException.class);
  }

  @Test
  void realCitationItemReadsAsACitingPaperWithAYear() throws IOException {
    String item = RealFixtures.text("s2/s2_citation_item_citingPaper_contexts_intents.json");
    byte[] page = ("{\"offset\":0,\"data\":[" + item.strip() + "]}").getBytes(StandardCharsets.UTF_8);
    S2Dto.CitationPage p = S2Parser.citations(page);
    assertThat(S2Parser.years(p)).containsExactly(2023);
    assertThat(p.next()).isNull();
    SourceRecord citing = S2Normalizer.record(p.data().get(0).citingPaper(), NOW);
    assertThat(citing.doi()).isEqualTo("10.1109/lra.2022.3229266");
    assertThat(citing.venue()).isEqualTo("IEEE Robotics and Automation Letters");
  }

  // ---- hand-made ----

  @Test
  void ownBatchWithNullAbsentNullAndEmptyFields() throws IOException {
    List<S2Dto.Paper> papers = S2Parser.batch(own("batch_null_first.json")).stream().map(S2Parser.Item::paper).toList();
    assertThat(papers).hasSize(4);
    assertThat(papers.get(0)).isNull();

    SourceRecord old = S2Normalizer.record(papers.get(1), NOW);
    assertThat(old.s2Id()).isEqualTo("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1");
    assertThat(old.arxivId()).isEqualTo("hep-th/9901001");
    assertThat(old.doi()).isEqualTo("10.1000/abc.def");
    assertThat(old.title()).isEqualTo("An old-style arXiv paper");
    assertThat(old.abstractText()).isEqualTo("First line. Second line.");
    assertThat(old.authors()).containsExactly("A. Author", "B. Bauthor");
    assertThat(old.venue()).isEqualTo("Journal of Hand-made Tests");
    assertThat(old.count()).isEqualTo(42);
    assertThat(old.ids()).containsExactly(PaperId.arxiv("hep-th/9901001"), PaperId.doi("10.1000/abc.def"),
        PaperId.s2("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1"), PaperId.corpus(111));

    SourceRecord nulls = S2Normalizer.record(papers.get(2), NOW);
    assertThat(nulls.s2Id()).isEqualTo("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb2");
    assertThat(Arrays.asList(nulls.title(), nulls.authors(), nulls.count(), nulls.influential(), nulls.venue(),
        nulls.published(), nulls.year(), nulls.doi(), nulls.arxivId(), nulls.corpusId())).containsOnlyNulls();

    SourceRecord zero = S2Normalizer.record(papers.get(3), NOW);
    assertThat(zero.count()).as("a real 0 stays 0").isZero();
    assertThat(zero.corpusId()).isEqualTo(333L);
    assertThat(zero.doi()).isNull();
    assertThat(zero.venue()).isNull();
    assertThat(zero.published()).as("a bare year is not a date").isNull();
  }

  @Test
  void ownAbsentFields() throws IOException {
    SourceRecord r = S2Normalizer.record(S2Parser.paper(own("paper_fields_absent.json")), NOW);
    assertThat(r.title()).isEqualTo("Only a title was asked for");
    assertThat(r.count()).isNull();
    assertThat(r.authors()).isNull();
  }

  @Test
  void ownSearchPagesAndMatches() throws IOException {
    assertThat(S2Parser.results(own("search_no_data.json")).data()).isEmpty();
    S2Dto.Results page = S2Parser.results(own("search_page.json"));
    assertThat(page.total()).isEqualTo(1234);
    assertThat(page.next()).isEqualTo(2);
    assertThat(page.data()).hasSize(2);
    S2Dto.Results bulk = S2Parser.results(own("bulk_page1.json"));
    assertThat(bulk.token()).isEqualTo("PAGE2TOKEN");
    assertThat(S2Parser.results(own("bulk_page2.json")).token()).isNull();
    assertThat(first(own("match_paperid_only.json")).title()).isNull();
    assertThat(first(own("match_one.json")).arxivId()).isEqualTo("1909.10351");
  }

  @Test
  void ownCitationPageKeepsNullYears() throws IOException {
    S2Dto.CitationPage p = S2Parser.citations(own("citations_page.json"));
    assertThat(p.next()).isEqualTo(5);
    assertThat(S2Parser.years(p)).containsExactly(2021, null, null, null, 2023);
  }

  @Test
  void ownErrorBodies() {
    assertThat(S2Parser.errorText(own("error_404.json"))).isEqualTo("Paper with id ARXIV:0704.00001 not found");
    assertThat(S2Parser.errorText(own("error_400.json"))).isEqualTo("No valid paper ids given");
    assertThat(S2Parser.errorText(own("error_504_gateway.json"))).isEqualTo("Endpoint request timed out");
    assertThat(S2Parser.errorText("<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    assertThat(S2Parser.errorText("plain  text\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("plain text");
  }

  @Test
  void wrongShapesAreParseErrors() {
    byte[] nul = "null".getBytes(StandardCharsets.UTF_8);
    byte[] array = "[]".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> S2Parser.paper(nul)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> S2Parser.paper(array)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> S2Parser.paper(new byte[0])).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> S2Parser.results(array)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> S2Parser.batch("{\"data\":[]}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> S2Parser.paper("{\"paperId\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }

  private static SourceRecord first(byte[] body) throws IOException {
    return S2Normalizer.record(S2Parser.results(body).data().get(0), NOW);
  }
}
