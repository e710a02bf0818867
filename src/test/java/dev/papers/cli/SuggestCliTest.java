package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.papers.cli.SuggestGraph.OA;
import static dev.papers.cli.SuggestGraph.REC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code papers suggest} on a stand-in citation graph (see {@link SuggestGraph}). */
@WireMockTest
class SuggestCliTest {
  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) throws Exception {
    this.wm = wm;
    cli = SuggestGraph.harness(home, wm);
    SuggestGraph.seed(home, Instant.parse("2026-11-01T00:00:00Z"));
    SuggestGraph.openAlex(wm);
  }

  static List<String> ids(JsonNode a) {
    List<String> ids = new ArrayList<>();
    a.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  JsonNode json(String... args) throws IOException {
    CliHarness.Run r = cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return Json.mapper().readTree(r.out());
  }

  @Test
  void theLinkedPapersBestVelocityFirstEachWithReasonsAtAHandfulOfBatchedRequests() throws Exception {
    SuggestGraph.recommendations(wm);
    JsonNode a = json("suggest", "--topic", "kd", "--format", "json");
    assertThat(ids(a)).containsExactly("arxiv:2301.00101", "doi:10.2222/r202", "arxiv:2302.00102", "doi:10.2222/r201");

    JsonNode c1 = a.get(0);
    assertThat(c1.get("rank").asInt()).isEqualTo(1);
    assertThat(c1.get("title").asText()).isEqualTo("C1: distilling twice");
    assertThat(c1.get("openAlexId").asText()).isEqualTo("W101");
    assertThat(c1.get("arxivId").asText()).isEqualTo("2301.00101");
    // the histogram velocity its OpenAlex record gives: 2026 (none), 2025 and 2024 weighted 3:2:1
    assertThat(c1.get("velocityMethod").asText()).isEqualTo("histogram");
    assertThat(c1.get("source").asText()).isEqualTo("openAlex");
    assertThat(c1.get("velocity").asDouble()).isCloseTo((2 * 120 + 60) / 6.0, within(1e-9));
    assertThat(c1.get("citations").asInt()).isEqualTo(300);
    assertThat(c1.get("links").asInt()).isEqualTo(2);
    assertThat(c1.get("reasons").toString()).isEqualTo(
        "[{\"kind\":\"cites\",\"members\":[\"arxiv:2001.00001\",\"arxiv:2002.00002\"],\"source\":\"openAlex\"}]");

    assertThat(a.get(1).get("reasons").toString()).isEqualTo(
        "[{\"kind\":\"citedBy\",\"members\":[\"arxiv:2001.00001\",\"doi:10.1111/m3\"],\"source\":\"openAlex\"}]");
    // one paper, two sources: OpenAlex cites-link and histogram, Semantic Scholar's recommendation and id
    JsonNode c2 = a.get(2);
    assertThat(c2.get("s2Id").asText()).isEqualTo("c2".repeat(20));
    assertThat(c2.get("velocity").asDouble()).isCloseTo(10.0, within(1e-9));
    assertThat(c2.get("reasons").toString()).isEqualTo(
        "[{\"kind\":\"cites\",\"members\":[\"arxiv:2001.00001\"],\"source\":\"openAlex\"},"
            + "{\"kind\":\"recommended\",\"members\":[\"arxiv:2001.00001\",\"arxiv:2002.00002\"],"
            + "\"source\":\"semanticScholar\"}]");
    assertThat(a.get(3).get("links").asInt()).isEqualTo(3);

    // members' records, the works citing them, the works they cite: 3 OpenAlex requests; 1 recommendation
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo(OA)))).hasSize(3);
    assertThat(wm.getWireMock().find(postRequestedFor(urlPathEqualTo(REC)))).hasSize(1);
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).hasSize(4);
  }

  @Test
  void membersAndTheExcludedPaperAreNeverSuggestedEvenWithOneLinkEnough() throws Exception {
    SuggestGraph.recommendations(wm);
    JsonNode a = json("suggest", "--topic", "kd", "--format", "json", "--min-links", "1");
    assertThat(ids(a)).containsExactly("doi:10.2222/r203", "doi:10.3333/c3", "arxiv:2301.00101", "doi:10.2222/r202",
        "arxiv:2302.00102", "doi:10.4444/only", "doi:10.2222/r201");
    assertThat(ids(a)).doesNotContain("arxiv:2001.00001", "arxiv:2002.00002", "doi:10.1111/m3", "arxiv:2009.00009");
    JsonNode onlyRecommended = a.get(5);
    assertThat(onlyRecommended.get("velocityMethod").asText()).isEqualTo("lifetime");
    assertThat(onlyRecommended.get("source").asText()).isEqualTo("semanticScholar");
    assertThat(onlyRecommended.get("reasons").get(0).get("kind").asText()).isEqualTo("recommended");
  }

  @Test
  void minLinksAndLimitCut() throws Exception {
    SuggestGraph.recommendations(wm);
    assertThat(ids(json("suggest", "--topic", "kd", "--format", "json", "--min-links", "3")))
        .containsExactly("doi:10.2222/r201");
    assertThat(ids(json("suggest", "--topic", "kd", "--format", "json", "--limit", "2")))
        .containsExactly("arxiv:2301.00101", "doi:10.2222/r202");
    CliHarness.Run none = cli.run("suggest", "--topic", "kd", "--min-links", "4");
    assertThat(none.code()).isZero();
    assertThat(none.out()).contains("none to 4").contains("--min-links 3");
  }

  /** Every file under the cache but run state (.state: request spacing, locks), with its bytes. */
  Map<String, String> cacheFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    Path root = home.resolve("cache");
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.startsWith(".state")) {
          files.put(rel, new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
        }
      }
    }
    return files;
  }

  @Test
  void withoutAddNothingIsWrittenWithAddTheSuggestionsAreStoredAndBecomeMembers() throws Exception {
    SuggestGraph.recommendations(wm);
    Map<String, String> before = cacheFiles();
    for (String f : new String[] {"table", "json", "markdown", "csv"}) {
      assertThat(cli.run("suggest", "--topic", "kd", "--format", f, "--explain").code()).isZero();
    }
    assertThat(cacheFiles()).isEqualTo(before);

    CliHarness.Run add = cli.run("suggest", "--topic", "kd", "--limit", "2", "--add");
    assertThat(add.code()).as(add.err()).isZero();
    assertThat(add.err()).contains("added 2 papers to the topic kd");
    JsonNode c1 = Json.mapper().readTree(cli.run("show", "2301.00101", "--json").out());
    assertThat(c1.get("topics").toString()).isEqualTo("[\"kd\"]");
    assertThat(c1.get("openAlexId").asText()).isEqualTo("W101");
    assertThat(c1.get("citations").get("openAlex").get("count").asInt()).isEqualTo(300);
    assertThat(c1.get("histograms").get("openAlex").get("byYear").get("2025").asInt()).isEqualTo(120);
    JsonNode members = Json.mapper().readTree(cli.run("list", "--topic", "kd", "--json").out());
    assertThat(ids(members)).contains("arxiv:2301.00101", "doi:10.2222/r202").hasSize(5);

    // the papers added are members now (W101 and W202 join the filters): never suggested again
    var w = wm.getWireMock();
    w.register(SuggestGraph.list("openalex:W11|W12|W101|W13|W202").willReturn(okJson(SuggestGraph.page(
        SuggestGraph.work("W11", null, "Member one", "2020-01-15", 55, SuggestGraph.y(), "W201", "W202", "W12"),
        SuggestGraph.work("W12", null, "Member two", "2020-01-15", 55, SuggestGraph.y(), "W201", "W203"),
        SuggestGraph.work("W101", null, "C1", "2023-01-10", 300, SuggestGraph.y(), "W11", "W12", "W50"),
        SuggestGraph.work("W13", null, "Member three", "2019-05-05", 20, SuggestGraph.y(), "W201", "W202", "W19"),
        SuggestGraph.work("W202", null, "R202", "2018-06-01", 90, SuggestGraph.y())))));
    w.register(SuggestGraph.list("cites:W11|W12|W101|W13|W202").willReturn(okJson(SuggestGraph.page(
        SuggestGraph.work("W101", "10.48550/arxiv.2301.00101", "C1", "2023-01-10", 300, SuggestGraph.y(), "W11", "W12"),
        SuggestGraph.work("W102", "10.48550/arxiv.2302.00102", "C2", "2023-02-10", 40, SuggestGraph.y(2025, 30), "W11"),
        SuggestGraph.work("W103", "10.3333/c3", "C3", "2024-01-05", 999, SuggestGraph.y(2025, 900), "W13")))));
    // W50, which C1 cites, is one link away; OpenAlex does not know it
    w.register(SuggestGraph.list("openalex:W201|W203|W50").willReturn(okJson(SuggestGraph.page(
        SuggestGraph.work("W201", "10.2222/r201", "R201", "2015-06-01", 50, SuggestGraph.y(2025, 6, 2024, 6)),
        SuggestGraph.work("W203", "10.2222/r203", "R203", "2018-06-01", 9000, SuggestGraph.y(2025, 6000))))));
    w.resetRequests();
    CliHarness.Run again = cli.run("suggest", "--topic", "kd", "--format", "json");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(ids(Json.mapper().readTree(again.out()))).containsExactly("arxiv:2302.00102", "doi:10.2222/r201");
  }

  @Test
  void eachFormat() throws Exception {
    SuggestGraph.recommendations(wm);
    CliHarness.Run table = cli.run("suggest", "--topic", "kd");
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.out()).contains("C1: distilling twice").contains("cites 2 of your papers")
        .contains("cited by 2").contains("cites 1 of your papers, recommended").contains("cited by 3")
        .doesNotContain("\u001b[").doesNotContain("2001.00001");
    // not a terminal: nothing is cut (SuggestTableWriterTest fits a terminal's width)
    assertThat(table.out()).doesNotContain("…");

    CliHarness.Run explain = cli.run("suggest", "--topic", "kd", "--explain");
    assertThat(explain.out()).contains("cites 2 of your papers: 2001.00001, 2002.00002")
        .contains("cited by 2: 2001.00001, 10.1111/m3")
        .contains("recommended from 2 of your papers by Semantic Scholar")
        .contains("histogram (openAlex");

    CliHarness.Run md = cli.run("suggest", "--topic", "kd", "--format", "markdown");
    assertThat(md.out()).startsWith("## Knowledge distillation: papers to read next")
        .contains("1. [C1: distilling twice](https://arxiv.org/abs/2301.00101)")
        .contains("2. [R202: cited by two](https://doi.org/10.2222/r202)")
        .contains("cites 2 of your papers.").contains("cited by 2.");
    CliHarness.Run mdx = cli.run("suggest", "--topic", "kd", "--format", "markdown", "--explain");
    assertThat(mdx.out()).contains("   - cites 2 of your papers: 2001.00001, 2002.00002");

    CliHarness.Run csv = cli.run("suggest", "--topic", "kd", "--format", "csv");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.out())).getRecords();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).get("id")).isEqualTo("arxiv:2301.00101");
    assertThat(rows.get(0).get("links")).isEqualTo("2");
    assertThat(rows.get(0).get("reasons")).isEqualTo("cites 2 of your papers");
    assertThat(rows.get(0).get("cites")).isEqualTo("arxiv:2001.00001; arxiv:2002.00002");
    assertThat(rows.get(2).get("recommended")).isEqualTo("true");
    assertThat(rows.get(0).get("recommended")).isEqualTo("false");
    assertThat(csv.out()).contains("\r\n");
  }

  @Test
  void aFailingRecommendationsApiStillShowsTheGraphsCandidatesWithExit3() throws Exception {
    SuggestGraph.failingRecommendations(wm, 500);
    CliHarness.Run r = cli.run("suggest", "--topic", "kd", "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    // C2 has only its cites-link left: one link
    assertThat(ids(Json.mapper().readTree(r.out())))
        .containsExactly("arxiv:2301.00101", "doi:10.2222/r202", "doi:10.2222/r201");
    assertThat(r.err()).contains("semanticScholar").contains("HTTP 500").contains("recommendations")
        .doesNotContain("Exception");
  }

  @Test
  void aRateLimitedRecommendationsApiIsTryLater() throws Exception {
    SuggestGraph.failingRecommendations(wm, 429);
    CliHarness.Run r = cli.run("suggest", "--topic", "kd", "--format", "json");
    assertThat(r.code()).as(r.err()).isEqualTo(75);
    assertThat(ids(Json.mapper().readTree(r.out()))).hasSize(3);
    assertThat(r.err()).contains("try again");
  }

  @Test
  void aFailingOpenAlexLeavesTheRecommendations() throws Exception {
    wm.getWireMock().resetMappings();
    SuggestGraph.recommendations(wm);
    wm.getWireMock().register(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(OA)).willReturn(
        com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
            .withBody("{\"error\": \"Invalid query parameters error.\", \"message\": \"no\"}")));
    CliHarness.Run r = cli.run("suggest", "--topic", "kd", "--format", "json", "--min-links", "1");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    // without OpenAlex, Semantic Scholar's counts give the velocities (lifetime)
    JsonNode a = Json.mapper().readTree(r.out());
    assertThat(ids(a)).containsExactly("arxiv:2302.00102", "doi:10.4444/only");
    assertThat(a.get(0).get("velocityMethod").asText()).isEqualTo("lifetime");
    assertThat(r.err()).contains("openAlex").contains("HTTP 400");
    // after OpenAlex refused once, nothing more is asked of it
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo(OA)))).hasSize(1);
  }

  @Test
  void theBudgetBoundsTheRequestsAndSaysSo() throws Exception {
    SuggestGraph.recommendations(wm);
    CliHarness.Run r = cli.run("suggest", "--topic", "kd", "--format", "json", "--max-requests", "3");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).hasSize(3);
    assertThat(r.err()).contains("--max-requests");
    // the works members cite were not fetched: only what cites them and the recommendations
    assertThat(ids(Json.mapper().readTree(r.out()))).containsExactly("arxiv:2301.00101", "arxiv:2302.00102");
  }

  @Test
  void badInputIsExit2BeforeAnyRequest() throws Exception {
    assertThat(cli.run("suggest", "--topic", "kd", "--format", "bibtex").code()).isEqualTo(2);
    assertThat(cli.run("suggest", "--topic", "kd", "--format", "bibtex").err())
        .contains("--format: suggest does not write \"bibtex\"; formats: table, markdown, json, csv");
    assertThat(cli.run("suggest", "--topic", "kd", "--min-links", "0").code()).isEqualTo(2);
    assertThat(cli.run("suggest", "--topic", "kd", "--max-requests", "0").code()).isEqualTo(2);
    assertThat(cli.run("suggest", "--topic", "kd", "--limit", "-1").code()).isEqualTo(2);
    CliHarness.Run unknown = cli.run("suggest", "--topic", "nope");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("kd");
    assertThat(cli.run("suggest").code()).isEqualTo(2);
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
    CliHarness.Run help = cli.run("suggest", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--max-requests").contains("default 100").contains("--min-links");
  }

  @Test
  void aTopicWithNoPapersSendsNothing() throws Exception {
    Files.writeString(home.resolve("queries/empty.json"), "{\"title\": \"Empty\", \"keywords\": [\"zzz\"]}");
    CliHarness.Run r = cli.run("suggest", "--topic", "empty");
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("no papers in the cache");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }
}
