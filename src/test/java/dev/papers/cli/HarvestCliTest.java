package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.papers.cache.PaperCache;
import dev.papers.json.Json;
import dev.papers.model.Histogram;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import dev.papers.rank.RankOptions;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import dev.papers.rank.Ranker;
import dev.papers.rank.VelocityResult;
import dev.papers.topic.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code papers fetch --topic} and {@code papers fetch --histogram} against stand-in arXiv and Semantic
 * Scholar servers ({@code src/test/resources/harvest/}).
 *
 * <p>The distillation fixtures: arXiv's search matches 250 papers ({@code 2001.00001} to
 * {@code 2001.00250}, pages of 100 served for start 0 and 100 only); Semantic Scholar's bulk search
 * gives 220 papers in two pages (token {@code TOKEN2}): the first 50 are arXiv's first 50, the next 10
 * have arXiv ids arXiv's search did not give ({@code 2002.00051} to {@code 2002.00060}), the rest only a
 * DOI; the 61st is from 2010, older than the topic's {@code since}. The topic excludes
 * {@code 2001.00003} and includes {@code 1503.02531} and a DOI. Semantic Scholar's batch endpoint is a
 * stand-in that answers any ARXIV: or DOI: id it is sent.
 */
class HarvestCliTest {
  static final String NOW = "2026-11-22T10:00:00Z";
  static final String ARXIV_QUERY = "abs:\"knowledge distillation\"";
  static final String S2_QUERY = "knowledge distillation";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(new FakeS2Batch()))
      .failOnUnmatchedRequests(true)
      .build();

  @TempDir Path home;
  CliHarness cli;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliHarness(home, wm.baseUrl() + "/api/query", wm.baseUrl() + "/graph/v1");
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/distillation.json"), """
        {
          "title": "Knowledge distillation",
          "arxiv": "abs:\\"knowledge distillation\\"",
          "semanticScholar": "knowledge distillation",
          "keywords": ["distillation"],
          "include": ["1503.02531", "10.1145/1541880.1541882"],
          "exclude": ["2001.00003"],
          "since": 2015
        }
        """);
  }

  static String fixture(String name) {
    try (InputStream in = HarvestCliTest.class.getResourceAsStream("/harvest/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new AssertionError("no fixture " + name, e);
    }
  }

  static void stubArxivSearch() {
    for (int start : new int[] {0, 100}) {
      wm.stubFor(get(urlPathEqualTo("/api/query"))
          .withQueryParam("search_query", equalTo(ARXIV_QUERY))
          .withQueryParam("start", equalTo(Integer.toString(start)))
          .withQueryParam("max_results", equalTo("100"))
          .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
              .withBody(fixture("arxiv_page" + (start / 100 + 1) + ".xml"))));
    }
    wm.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("id_list", matching(".+"))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
            .withBody(fixture("arxiv_idlist.xml"))));
  }

  static void stubBulk() {
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/search/bulk"))
        .withQueryParam("query", equalTo(S2_QUERY))
        .withQueryParam("sort", equalTo("citationCount:desc"))
        .withQueryParam("token", absent())
        .willReturn(json(fixture("s2_bulk_page1.json"))));
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/search/bulk"))
        .withQueryParam("query", equalTo(S2_QUERY))
        .withQueryParam("token", equalTo("TOKEN2"))
        .willReturn(json(fixture("s2_bulk_page2.json"))));
  }

  static void stubBatch() {
    wm.stubFor(post(urlPathEqualTo("/graph/v1/paper/batch"))
        .willReturn(aResponse().withTransformers(FakeS2Batch.NAME)));
  }

  static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body);
  }

  static List<LoggedRequest> requests(RequestPatternBuilder pattern) {
    return wm.findAll(pattern);
  }

  static List<LoggedRequest> arxivSearches() {
    return requests(getRequestedFor(urlPathEqualTo("/api/query")).withQueryParam("search_query", matching(".*")));
  }

  static List<LoggedRequest> arxivIdLists() {
    return requests(getRequestedFor(urlPathEqualTo("/api/query")).withQueryParam("id_list", matching(".*")));
  }

  static List<LoggedRequest> bulkSearches() {
    return requests(getRequestedFor(urlPathEqualTo("/graph/v1/paper/search/bulk")));
  }

  static List<LoggedRequest> batches() {
    return requests(postRequestedFor(urlPathEqualTo("/graph/v1/paper/batch")));
  }

  static int allRequests() {
    return requests(anyRequestedFor(anyUrl())).size();
  }

  List<Paper> cached() {
    return new PaperCache(home.resolve("cache"), Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC))
        .loadAll().papers();
  }

  List<Paper> tagged(String topic) {
    return cached().stream().filter(p -> p.topics().contains(topic)).toList();
  }

  static List<String> batchIds(LoggedRequest r) throws IOException {
    JsonNode ids = Json.mapper().readTree(r.getBodyAsString()).get("ids");
    return java.util.stream.StreamSupport.stream(ids.spliterator(), false).map(JsonNode::asText).toList();
  }

  @Test
  void harvestsPagesStopsAtMaxTagsCandidatesAndFetchesOnlyWhatIsMissing() throws Exception {
    stubArxivSearch();
    stubBulk();
    stubBatch();
    CliHarness.Run r = cli.run("fetch", "--topic", "distillation", "--max", "200");
    assertThat(r.code()).as(r.err()).isZero();

    // arXiv: two pages of 100, start 0 and 100, never start 200 although 250 match.
    assertThat(arxivSearches()).hasSize(2);
    assertThat(arxivSearches().stream().map(q -> q.queryParameter("start").firstValue()).toList())
        .containsExactly("0", "100");
    assertThat(arxivSearches()).allSatisfy(q ->
        assertThat(q.queryParameter("max_results").firstValue()).isEqualTo("100"));
    // Semantic Scholar: bulk search, first page then its continuation token.
    assertThat(bulkSearches()).hasSize(2);
    assertThat(bulkSearches().get(1).queryParameter("token").firstValue()).isEqualTo("TOKEN2");
    // One batch for the counts the searches did not carry: arXiv-only candidates and the includes.
    assertThat(batches()).hasSize(1);
    List<String> asked = batchIds(batches().get(0));
    assertThat(asked).hasSize(78).contains("ARXIV:1503.02531", "DOI:10.1145/1541880.1541882", "ARXIV:2001.00126")
        .doesNotContain("ARXIV:2001.00001", "ARXIV:2001.00003", "ARXIV:2001.00127");
    // One id_list for the arXiv papers only Semantic Scholar found, and the arXiv include.
    assertThat(arxivIdLists()).hasSize(1);
    assertThat(arxivIdLists().get(0).queryParameter("id_list").firstValue().split(","))
        .containsExactlyInAnyOrder("2002.00051", "2002.00052", "2002.00053", "2002.00054", "2002.00055",
            "2002.00056", "2002.00057", "2002.00058", "2002.00059", "2002.00060", "1503.02531");
    assertThat(allRequests()).isEqualTo(6);

    // 200 candidates from the searches, plus the two includes; each one tagged.
    List<Paper> tagged = tagged("distillation");
    assertThat(tagged).extracting(Paper::id).hasSize(202);
    assertThat(cached()).extracting(Paper::id).hasSize(202);
    Set<String> ids = tagged.stream().map(Paper::id).collect(Collectors.toSet());
    assertThat(ids).contains("arxiv:2001.00001", "arxiv:2001.00126", "arxiv:2002.00060", "arxiv:1503.02531",
        "doi:10.1145/1541880.1541882", "doi:10.9999/s2.0125")
        .doesNotContain("arxiv:2001.00003", "arxiv:2001.00127", "doi:10.9999/s2.0060", "doi:10.9999/s2.0126");
    assertThat(tagged).allSatisfy(p -> assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName())).as(p.id()).isNotNull());
    Paper both = tagged.stream().filter(p -> p.id().equals("arxiv:2001.00001")).findFirst().orElseThrow();
    assertThat(both.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(2000); // from the bulk search
    assertThat(both.published()).hasToString("2020-01-02"); // arXiv's date wins
    Paper hinton = tagged.stream().filter(p -> p.id().equals("arxiv:1503.02531")).findFirst().orElseThrow();
    assertThat(hinton.title()).isEqualTo("Distilling the Knowledge in a Neural Network");
    assertThat(r.err()).contains("distillation: 202 candidates (arXiv 125, Semantic Scholar 124, include 2), "
        + "202 new, 0 updated, 0 fresh, 6 requests");

    // Run twice: only the searches are sent; nothing fresh is fetched or written again.
    wm.resetRequests();
    Path file = home.resolve("cache/papers/arxiv/2001.00001.json");
    String before = Files.readString(file);
    CliHarness.Run again = cli.run("fetch", "--topic", "distillation", "--max", "200", "--json");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(arxivSearches()).hasSize(2);
    assertThat(bulkSearches()).hasSize(2);
    assertThat(batches()).isEmpty();
    assertThat(arxivIdLists()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(again.err()).contains("202 candidates").contains("0 new, 0 updated, 202 fresh, 4 requests");
    JsonNode printed = Json.mapper().readTree(again.out());
    assertThat(printed).hasSize(202);
    assertThat(printed).allSatisfy(n -> assertThat(n.get("topics").toString()).contains("\"distillation\""));

    // Eight days on the counts are stale: the searches' counts are stored, one batch asks for the rest,
    // and arXiv metadata (under 30 days old) is not asked for again.
    wm.resetRequests();
    cli.env.put("PAPERS_NOW", "2026-11-30T10:00:00Z");
    CliHarness.Run later = cli.run("fetch", "--topic", "distillation", "--max", "200");
    assertThat(later.code()).as(later.err()).isZero();
    assertThat(batches()).hasSize(1);
    assertThat(batchIds(batches().get(0))).hasSize(78);
    assertThat(arxivIdLists()).isEmpty();
    assertThat(later.err()).contains("0 new, 202 updated, 0 fresh, 5 requests");
    Paper again1 = new PaperCache(home.resolve("cache"), Clock.systemUTC()).read("arxiv:2001.00001").orElseThrow();
    assertThat(again1.history()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403})
  void aRefusedBulkSearchFallsBackToRelevanceSearch(int status) throws Exception {
    Files.writeString(home.resolve("queries/s2only.json"), """
        {"title": "S2 only", "semanticScholar": "knowledge distillation"}
        """);
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/search/bulk"))
        .willReturn(json("{\"error\": \"Unrecognized or unsupported parameter\"}").withStatus(status)));
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/search")).withQueryParam("query", equalTo(S2_QUERY))
        .withQueryParam("offset", equalTo("0")).withQueryParam("limit", equalTo("100"))
        .willReturn(json(fixture("s2_relevance_page1.json"))));
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/search")).withQueryParam("query", equalTo(S2_QUERY))
        .withQueryParam("offset", equalTo("100")).withQueryParam("limit", equalTo("50"))
        .willReturn(json(fixture("s2_relevance_page2.json"))));
    CliHarness.Run r = cli.run("fetch", "--topic", "s2only", "--max", "150");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(bulkSearches()).hasSize(1);
    assertThat(requests(getRequestedFor(urlPathEqualTo("/graph/v1/paper/search")))).hasSize(2);
    assertThat(allRequests()).isEqualTo(3); // the relevance results carry the counts: no batch
    assertThat(tagged("s2only")).extracting(Paper::id).hasSize(150);
    assertThat(tagged("s2only"))
        .allSatisfy(p -> assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName())).isNotNull());
    assertThat(r.err()).contains("s2only: 150 candidates (arXiv 0, Semantic Scholar 150 by relevance, include 0)");
  }

  @Test
  void aRateLimitedArxivSearchIsTryLaterAndKeepsWhatSemanticScholarFound() {
    wm.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("search_query", matching(".*"))
        .willReturn(aResponse().withStatus(503).withBody("busy")));
    wm.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("id_list", matching(".+"))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
            .withBody(fixture("arxiv_idlist.xml"))));
    stubBulk();
    stubBatch();
    CliHarness.Run r = cli.run("fetch", "--topic", "distillation", "--max", "20");
    assertThat(r.code()).as(r.err()).isEqualTo(75);
    assertThat(r.err()).contains("arXiv search").contains("try again").doesNotContain("\tat ");
    assertThat(bulkSearches()).hasSize(1); // 120 on the first page are more than 20
    // The search reads 20 results; the excluded 2001.00003 is one of them; plus the two includes.
    assertThat(tagged("distillation")).extracting(Paper::id).hasSize(21)
        .contains("arxiv:2001.00020", "arxiv:1503.02531", "doi:10.1145/1541880.1541882");
    assertThat(cli.time.sleeps()).isNotEmpty(); // the retries waited, on the fake clock
  }

  @Test
  void nothingFetchedAtAllIsExit1EvenWhenCachedIncludesAreTagged() throws Exception {
    stubArxivSearch();
    stubBatch();
    assertThat(cli.run("fetch", "1503.02531", "10.1145/1541880.1541882").code()).isZero();
    Paper before = cached().get(0);
    String dead = "http://127.0.0.1:1";
    cli.env.put("PAPERS_ARXIV_URL", dead + "/api/query");
    cli.env.put("PAPERS_S2_URL", dead + "/graph/v1");
    CliHarness.Run r = cli.run("fetch", "--topic", "distillation", "--max", "5");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach").doesNotContain("\tat ");
    Paper after = tagged("distillation").get(0); // tagged all the same; nothing it held is lost
    assertThat(after.id()).isEqualTo("arxiv:1503.02531");
    assertThat(after.history()).isEqualTo(before.history());

    cli.env.put("PAPERS_ARXIV_URL", wm.baseUrl() + "/api/query"); // arXiv answers, Semantic Scholar does not
    CliHarness.Run some = cli.run("fetch", "--topic", "distillation");
    assertThat(some.code()).as(some.err()).isEqualTo(3);
    assertThat(some.err()).contains("cannot reach");
  }

  @Test
  void anIncludeNoSourceKnowsIsPartialAndNamed() throws Exception {
    Files.writeString(home.resolve("queries/few.json"), """
        {"title": "Few", "include": ["CorpusId:42", "1503.02531"]}
        """);
    wm.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("id_list", equalTo("1503.02531"))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
            .withBody(fixture("arxiv_idlist.xml"))));
    stubBatch();
    CliHarness.Run r = cli.run("fetch", "--topic", "few");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("not found").contains("CorpusId:42").doesNotContain("1503.02531)");
    // the paper no source found is not counted as new: only the one now in the cache is
    assertThat(r.err()).contains("few: 2 candidates").contains(", 1 new, 0 updated, 0 fresh");
    assertThat(tagged("few")).extracting(Paper::id).containsExactly("arxiv:1503.02531");
    assertThat(batches()).hasSize(1);
    assertThat(batchIds(batches().get(0))).containsExactly("CorpusId:42", "ARXIV:1503.02531");
  }

  @Test
  void aTopicWithASyntaxErrorIsExit2BeforeAnyRequest() throws IOException {
    Files.writeString(home.resolve("queries/broken.json"), "{\n  \"title\": \"Broken\",\n  \"arxiv\": ,\n}\n");
    CliHarness.Run r = cli.run("fetch", "--topic", "broken", "--max", "200");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("broken.json:3:").doesNotContain("\tat ");
    CliHarness.Run unknown = cli.run("fetch", "--topic", "nosuch");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown topic \"nosuch\"").contains("distillation");
    Files.writeString(home.resolve("queries/empty.json"), "{\"title\": \"Nothing to search\"}");
    assertThat(cli.run("fetch", "--topic", "empty").code()).isEqualTo(2);
    assertThat(cli.run("fetch", "1909.10351", "--topic", "distillation").code()).isEqualTo(2);
    assertThat(cli.run("fetch", "1909.10351", "--max", "3").code()).isEqualTo(2);
    assertThat(allRequests()).isZero();
    assertThat(home.resolve("cache/papers")).doesNotExist();
  }

  @Test
  void histogramIsStoredWithItsDateAndRankUsesIt() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("id_list", equalTo("1909.10351"))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
            .withBody(FetchCliTest.TINYBERT_FEED)));
    String tinybert = FetchCliTest.TINYBERT_S2.strip();
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/ARXIV:1909.10351"))
        .willReturn(json(tinybert.substring(1, tinybert.length() - 1).replace("1834", "1234"))));
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/ARXIV:1909.10351/citations"))
        .withQueryParam("offset", equalTo("0")).withQueryParam("limit", equalTo("1000"))
        .withQueryParam("fields", equalTo("year"))
        .willReturn(json(fixture("citations_page1.json"))));
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/ARXIV:1909.10351/citations"))
        .withQueryParam("offset", equalTo("1000"))
        .willReturn(json(fixture("citations_page2.json"))));

    CliHarness.Run r = cli.run("fetch", "1909.10351", "--histogram");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(requests(getRequestedFor(urlPathEqualTo("/graph/v1/paper/ARXIV:1909.10351/citations"))))
        .hasSize(2);

    JsonNode shown = Json.mapper().readTree(cli.run("show", "1909.10351", "--json").out());
    JsonNode h = shown.get("histograms").get("semanticScholar");
    assertThat(h.get("madeAt").asText()).isEqualTo(NOW);
    assertThat(h.get("byYear").toString()).isEqualTo("{\"2023\":34,\"2024\":300,\"2025\":400,\"2026\":500}");
    assertThat(h.get("counted").asInt()).isEqualTo(1234);
    assertThat(h.get("partial").asBoolean()).isFalse();

    Paper paper = cached().get(0);
    Histogram stored = paper.histograms().get(Source.SEMANTIC_SCHOLAR.jsonName());
    assertThat(stored.byYear()).isEqualTo(new TreeMap<>(Map.of(2023, 34, 2024, 300, 2025, 400, 2026, 500)));
    Topic topic = new Topic("tiny", "TinyBERT", null, null, List.of(), List.of(PaperId.parse("1909.10351")),
        List.of("1909.10351"), List.of(), List.of(), null);
    RankResult ranking = Ranker.rank(topic, cached(), new RankOptions(null, null, Instant.parse(NOW)));
    RankedPaper first = ranking.entries().get(0);
    assertThat(first.velocity().method()).isEqualTo(VelocityResult.HISTOGRAM);
    assertThat(first.velocity().source()).isEqualTo(Source.SEMANTIC_SCHOLAR.jsonName());
    double daysIntoYear = 325 + 10 / 24.0; // 1 January to 22 November, 10:00
    double expected = (3 * 500 * 365 / daysIntoYear + 2 * 400 + 300) / 6.0;
    assertThat(first.velocity().velocity()).isCloseTo(expected, within(1e-6));
    assertThat(first.velocity().count()).isEqualTo(1234);
  }

  @Test
  void harvestWithHistogramCountsEachStaleCandidateOnce() throws Exception {
    Files.writeString(home.resolve("queries/tiny.json"), """
        {"title": "TinyBERT", "include": ["1909.10351"]}
        """);
    wm.stubFor(get(urlPathEqualTo("/api/query")).withQueryParam("id_list", equalTo("1909.10351"))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
            .withBody(FetchCliTest.TINYBERT_FEED)));
    String tinybert = FetchCliTest.TINYBERT_S2.strip();
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/ARXIV:1909.10351"))
        .willReturn(json(tinybert.substring(1, tinybert.length() - 1))));
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/ARXIV:1909.10351/citations"))
        .withQueryParam("offset", equalTo("0"))
        .willReturn(json("{\"offset\": 0, \"data\": [{\"citingPaper\": {\"paperId\": \"a\", \"year\": 2025}}]}")));
    CliHarness.Run r = cli.run("fetch", "--topic", "tiny", "--histogram", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = Json.mapper().readTree(r.out()).get(0);
    assertThat(n.get("topics").toString()).isEqualTo("[\"tiny\"]");
    assertThat(n.get("histograms").get("semanticScholar").get("byYear").toString()).isEqualTo("{\"2025\":1}");
    assertThat(allRequests()).isEqualTo(3);
    wm.resetRequests();
    CliHarness.Run again = cli.run("fetch", "--topic", "tiny", "--histogram");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(allRequests()).isZero();
    assertThat(again.err()).contains("tiny: 1 candidate (arXiv 0, Semantic Scholar 0, include 1), 0 new, 0 updated, "
        + "1 fresh, 0 requests");
  }

  /**
   * A stand-in for {@code POST /paper/batch}: answers, in request order, a made-up paper for every
   * {@code ARXIV:} or {@code DOI:} id, and null for anything else.
   */
  static final class FakeS2Batch implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-s2-batch";

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      try {
        JsonNode ids = Json.mapper().readTree(event.getRequest().getBodyAsString()).get("ids");
        ArrayNode out = Json.mapper().createArrayNode();
        for (JsonNode id : ids) {
          String s = id.asText();
          if (!s.startsWith("ARXIV:") && !s.startsWith("DOI:")) {
            out.addNull();
            continue;
          }
          String value = s.substring(s.indexOf(':') + 1);
          ObjectNode p = out.addObject();
          p.put("paperId", String.format("%040x", Math.abs((long) s.hashCode())));
          p.putObject("externalIds").put(s.startsWith("ARXIV:") ? "ArXiv" : "DOI", value);
          p.put("title", "Semantic Scholar's record of " + value);
          p.put("year", 2020);
          p.put("citationCount", 100 + Math.floorMod(s.hashCode(), 900));
          p.put("influentialCitationCount", 3);
        }
        return aResponse().withHeader("Content-Type", "application/json")
            .withBody(Json.mapper().writeValueAsString(out)).build();
      } catch (IOException e) {
        return new ResponseDefinition(400, "{\"error\": \"" + e.getMessage() + "\"}");
      }
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }
}
