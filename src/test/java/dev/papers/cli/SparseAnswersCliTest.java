package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.json.Json;
import dev.papers.testing.RealFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real upstream answers that say less than was asked (only {@code paperId} and {@code title}, only
 * {@code paperId} and {@code matchScore}), a feed with a stray newline in front, and a 400 about the
 * fields: what the contract still promises for each.
 */
@WireMockTest
class SparseAnswersCliTest {
  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    cli = CliHarness.on(home, wm);
  }

  private void s2(String path, int status, byte[] body) {
    wm.getWireMock().register(get(urlPathEqualTo("/graph/v1" + path)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  private void arxiv(byte[] feed) {
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).willReturn(aResponse()
        .withHeader("Content-Type", "application/atom+xml; charset=utf-8").withBody(feed)));
  }

  private static JsonNode only(CliHarness.Run r) throws Exception {
    JsonNode a = Json.mapper().readTree(r.out());
    assertThat(a.size()).isEqualTo(1);
    return a.get(0);
  }

  @Test
  void aDoiFetchedFromAnAnswerWithoutExternalIdsStillHasItsDoi() throws Exception {
    s2("/paper/DOI:10.1093/mind/lix.236.433", 200,
        RealFixtures.bytes("s2/s2_2026_paper_get_doi_mind_fields_title.json"));

    CliHarness.Run r = cli.run("fetch", "doi:10.1093/MIND/LIX.236.433", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = only(r);
    assertThat(n.get("id").asText()).isEqualTo("doi:10.1093/mind/lix.236.433");
    assertThat(n.get("doi").asText()).isEqualTo("10.1093/mind/lix.236.433");
    assertThat(n.get("s2Id").asText()).isEqualTo("2d5673caa9e6af3a7b82a43f19ee920992db07ad");
    assertThat(n.get("title").asText()).isEqualTo("Computing Machinery and Intelligence");
  }

  @Test
  void anArxivIdFetchedFromSemanticScholarAloneStillHasItsArxivId() throws Exception {
    s2("/paper/ARXIV:1706.03762", 200,
        "{\"paperId\": \"204e3073870fae3d05bcbc2f6a8e263d9b72e776\", \"title\": \"Attention is All you Need\"}\n"
            .getBytes(StandardCharsets.UTF_8));

    CliHarness.Run r = cli.run("fetch", "arXiv:1706.03762v5", "--sources", "s2", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = only(r);
    assertThat(n.get("id").asText()).isEqualTo("arxiv:1706.03762");
    assertThat(n.get("arxivId").asText()).isEqualTo("1706.03762");
  }

  @Test
  void aTitleMatchThatNamesOnlyAPaperIdIsFollowedByTheRecordItself() throws Exception {
    s2("/paper/search/match", 200, RealFixtures.bytes("s2/s2_2026_paper_search_match_bert_fields_paperId.json"));
    s2("/paper/df2b0e26d0599ce3e70df8a9da02e51594e0e992", 200, ("{\"paperId\": "
        + "\"df2b0e26d0599ce3e70df8a9da02e51594e0e992\", \"externalIds\": {\"ArXiv\": \"1810.04805\", "
        + "\"DOI\": \"10.18653/v1/N19-1423\", \"CorpusId\": 52967399}, \"title\": \"BERT: Pre-training of Deep "
        + "Bidirectional Transformers for Language Understanding\", \"venue\": \"North American Chapter of the "
        + "Association for Computational Linguistics\", \"year\": 2019, \"citationCount\": 120985}\n")
        .getBytes(StandardCharsets.UTF_8));
    arxiv(RealFixtures.bytes("arxiv/arxiv_2026_idlist_1810.04805.xml"));

    CliHarness.Run r = cli.run("fetch", "--title",
        "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = only(r);
    assertThat(n.get("id").asText()).isEqualTo("arxiv:1810.04805");
    assertThat(n.get("arxivId").asText()).isEqualTo("1810.04805");
    assertThat(n.get("doi").asText()).isEqualTo("10.18653/v1/n19-1423");
    assertThat(n.get("s2Id").asText()).isEqualTo("df2b0e26d0599ce3e70df8a9da02e51594e0e992");
    assertThat(n.get("title").asText()).startsWith("BERT: Pre-training");
    assertThat(n.get("primaryCategory").asText()).isEqualTo("cs.CL");
    assertThat(n.get("citations").get("semanticScholar").get("count").asInt()).isEqualTo(120985);
    assertThat(wm.getWireMock().find(getRequestedFor(
        urlPathEqualTo("/graph/v1/paper/df2b0e26d0599ce3e70df8a9da02e51594e0e992")))).hasSize(1);
  }

  @Test
  void aTitleMatchWhosePaperCannotBeReadIsNotASuccess() throws Exception {
    s2("/paper/search/match", 200, RealFixtures.bytes("s2/s2_2026_paper_search_match_bert_fields_paperId.json"));
    s2("/paper/df2b0e26d0599ce3e70df8a9da02e51594e0e992", 400,
        RealFixtures.bytes("s2/s2_2023_paper_400_unrecognized_fields.json"));

    CliHarness.Run r = cli.run("fetch", "--title", "BERT", "--sources", "s2");

    assertThat(r.code()).isNotZero().isNotEqualTo(75);
    assertThat(r.err()).contains("Unrecognized or unsupported fields").doesNotContain("Exception");
  }

  @Test
  void aFeedWithANewlineBeforeItsDeclarationIsRead() throws Exception {
    byte[] real = RealFixtures.bytes("arxiv/arxiv_2026_idlist_1706.03762_max1.xml");
    byte[] feed = new byte[real.length + 2];
    feed[0] = '\n';
    feed[1] = '\n';
    System.arraycopy(real, 0, feed, 2, real.length);
    arxiv(feed);

    CliHarness.Run r = cli.run("fetch", "1706.03762", "--sources", "arxiv", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(only(r).get("title").asText()).isEqualTo("Attention Is All You Need");
  }

  @Test
  void aFourHundredAboutTheFieldsIsAPartialFailureNotANotFound() throws Exception {
    arxiv(RealFixtures.bytes("arxiv/arxiv_2026_idlist_1706.03762_max1.xml"));
    s2("/paper/ARXIV:1706.03762", 400, RealFixtures.bytes("s2/s2_2023_paper_400_unrecognized_fields.json"));

    CliHarness.Run r = cli.run("fetch", "1706.03762");

    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("semanticScholar").contains("Unrecognized or unsupported fields");
  }
}
