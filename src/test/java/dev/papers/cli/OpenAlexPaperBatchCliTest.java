package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.papers.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAlex batches papers, not values: a paper's arXiv DOI and published DOI (or its two works) travel in
 * one request, so N papers are ceil(N / 50) requests however many DOIs each has; and a count that is not
 * a whole number is not stored, and --verbose names it.
 */
class OpenAlexPaperBatchCliTest {
  @RegisterExtension static WireMockExtension wm = OpenAlexFixtures.server();

  @TempDir Path home;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(home, wm.baseUrl() + "/api/query", wm.baseUrl() + "/graph/v1");
    cli.env.remove("PAPERS_SOURCES");
  }

  @AfterEach
  void tearDown() {
    RefreshFixtures.S2Batch.doiPrefix = null;
  }

  List<LoggedRequest> openAlexRequests() {
    return wm.findAll(anyRequestedFor(urlPathMatching("/openalex/.*")));
  }

  /** Every request holds at most 100 values, and each paper's values all sit in one of them. */
  static void eachPaperInOneRequest(List<LoggedRequest> sent, List<String> arxivIds, boolean byWork) {
    List<List<String>> values = sent.stream().map(OpenAlexCliTest::values).toList();
    assertThat(values).allSatisfy(v -> assertThat(v.size()).isLessThanOrEqualTo(100));
    for (String a : arxivIds) {
      String one = byWork ? OpenAlexFixtures.work(a) : "10.48550/arxiv." + a;
      String two = byWork ? OpenAlexFixtures.publishedWork(a) : OpenAlexFixtures.PUBLISHED + a;
      assertThat(values).as(a).filteredOn(v -> v.contains(one)).hasSize(1).allSatisfy(v ->
          assertThat(v).contains(two));
    }
  }

  @Test
  void a120PaperFetchWithTwoDoisEachIsThreeRequestsAndSoIsTheRefreshByTheirTwoWorks() throws IOException {
    RefreshFixtures.stubAll(wm);
    OpenAlexFixtures.stubWorks(wm);
    RefreshFixtures.S2Batch.doiPrefix = OpenAlexFixtures.PUBLISHED;
    List<String> ids = IntStream.range(0, 120).mapToObj(RefreshFixtures::arxivId).toList();
    List<String> args = new ArrayList<>(List.of("fetch", "--json"));
    args.addAll(ids);

    CliHarness.Run r = cli.run(args.toArray(String[]::new));

    assertThat(r.code()).as(r.err()).isZero();
    List<LoggedRequest> sent = openAlexRequests();
    assertThat(sent).hasSize(3);
    assertThat(sent).allSatisfy(q -> assertThat(q.queryParameter("filter").firstValue()).startsWith("doi:"));
    assertThat(sent.stream().mapToInt(q -> OpenAlexCliTest.values(q).size()).sum()).isEqualTo(240);
    eachPaperInOneRequest(sent, ids, false);
    JsonNode papers = Json.mapper().readTree(r.out());
    assertThat(papers).hasSize(120);
    for (JsonNode p : papers) {
      String a = p.get("arxivId").asText();
      assertThat(p.get("doi").asText()).isEqualTo(OpenAlexFixtures.PUBLISHED + a);
      // the more cited of the two works gives the count
      assertThat(p.at("/citations/openAlex/count").asInt()).as(a).isEqualTo(OpenAlexFixtures.publishedCount(a));
    }

    // A month later every paper is stale and known by its two works: the plan says 3, the run sends 3.
    wm.resetRequests();
    cli.env.put("PAPERS_NOW", "2026-12-22T10:00:00Z");
    CliHarness.Run plan = cli.run("refresh", "--plan", "--sources", "openalex");
    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).containsPattern("OpenAlex\\s+120\\s+3\\s");
    assertThat(openAlexRequests()).isEmpty();
    CliHarness.Run again = cli.run("refresh", "--sources", "openalex", "--summary");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("120 refreshed");
    List<LoggedRequest> byWork = openAlexRequests();
    assertThat(byWork).hasSize(3).allSatisfy(q ->
        assertThat(q.queryParameter("filter").firstValue()).startsWith("openalex:W"));
    eachPaperInOneRequest(byWork, ids, true);
  }

  @Test
  void aBatchOfAHundredPapersWithTwoDoisEachStillKeepsAHundredValuesARequest() {
    RefreshFixtures.stubAll(wm);
    OpenAlexFixtures.stubWorks(wm);
    RefreshFixtures.S2Batch.doiPrefix = OpenAlexFixtures.PUBLISHED;
    cli.env.put("PAPERS_OPENALEX_BATCH", "100");
    List<String> ids = IntStream.range(0, 120).mapToObj(RefreshFixtures::arxivId).toList();
    List<String> args = new ArrayList<>(List.of("fetch", "--json"));
    args.addAll(ids);

    CliHarness.Run r = cli.run(args.toArray(String[]::new));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(openAlexRequests()).hasSize(3);
    eachPaperInOneRequest(openAlexRequests(), ids, false);
  }

  @Test
  void aCountThatIsNotAWholeNumberIsNotStoredAndVerboseNamesIt() throws IOException {
    RefreshFixtures.stubAll(wm);
    ObjectNode page = Json.mapper().createObjectNode();
    page.putObject("meta").put("count", 2).putNull("page").put("per_page", 200);
    ArrayNode results = page.putArray("results");
    OpenAlexFixtures.workJson(results, RefreshFixtures.arxivId(0));
    OpenAlexFixtures.workJson(results, RefreshFixtures.arxivId(1)).put("cited_by_count", 12.5);
    wm.stubFor(get(urlPathEqualTo("/openalex/works")).willReturn(okJson(page.toString())));
    String good = RefreshFixtures.arxivId(0);
    String bad = RefreshFixtures.arxivId(1);

    CliHarness.Run r = cli.run("fetch", "--json", "--verbose", good, bad);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(openAlexRequests()).hasSize(1);
    JsonNode papers = Json.mapper().readTree(r.out());
    JsonNode g = papers.get(0);
    JsonNode b = papers.get(1);
    assertThat(g.get("arxivId").asText()).isEqualTo(good);
    assertThat(g.at("/citations/openAlex/count").asInt()).isEqualTo(OpenAlexFixtures.count(good));
    assertThat(b.get("arxivId").asText()).isEqualTo(bad);
    assertThat(b.at("/citations/openAlex").isMissingNode()).as(b.toString()).isTrue();
    assertThat(b.get("openAlexId").asText()).isEqualTo(OpenAlexFixtures.work(bad)); // the rest is stored
    assertThat(b.toString()).doesNotContain("12.5");
    assertThat(r.err()).containsPattern("arxiv:" + bad + ".*12\\.5");
    assertThat(r.err()).doesNotContain("Exception");

    CliHarness.Run quiet = cli.run("fetch", good, bad);
    assertThat(quiet.code()).as(quiet.err()).isZero();
    assertThat(quiet.err()).doesNotContain("12.5");
  }
}
