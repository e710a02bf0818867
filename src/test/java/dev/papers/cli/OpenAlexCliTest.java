package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.papers.cli.RefreshFixtures.arxivId;
import static dev.papers.cli.RefreshFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.papers.json.Json;
import dev.papers.testing.RealFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** OpenAlex from the command line: on by default, batches at the floor, refresh, --plan, 429, the key. */
class OpenAlexCliTest {
  @RegisterExtension static WireMockExtension wm = OpenAlexFixtures.server();
  static final Instant NOW = RefreshFixtures.NOW;
  static final String EIGHT_DAYS_AGO = "2026-11-14T10:00:00Z";
  static final String KEY = "oa-KEY-3f9c1d77-never-shown";

  @TempDir Path home;
  Path cacheDir;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cacheDir = home.resolve("cache");
    cli = new CliHarness(home, wm.baseUrl() + "/api/query", wm.baseUrl() + "/graph/v1");
    cli.env.remove("PAPERS_SOURCES"); // the contract's default: arxiv,s2,openalex
  }

  List<LoggedRequest> openAlexRequests() {
    return wm.findAll(anyRequestedFor(urlPathMatching("/openalex/.*")));
  }

  static List<String> values(LoggedRequest r) {
    String f = r.queryParameter("filter").firstValue();
    return List.of(f.substring(f.indexOf(':') + 1).split("\\|"));
  }

  static JsonNode json(String s) throws IOException {
    return Json.mapper().readTree(s);
  }

  @Test
  void aFetchOf120PapersSendsThreeOpenAlexRequestsAndStoresCountsAndHistograms() throws IOException {
    RefreshFixtures.stubAll(wm);
    OpenAlexFixtures.stubWorks(wm);
    List<String> ids = IntStream.range(0, 120).mapToObj(RefreshFixtures::arxivId).toList();
    List<String> args = new ArrayList<>(List.of("fetch", "--json"));
    args.addAll(ids);

    CliHarness.Run r = cli.run(args.toArray(String[]::new));

    assertThat(r.code()).as(r.err()).isZero();
    List<LoggedRequest> sent = openAlexRequests();
    assertThat(sent).hasSize(3);
    assertThat(sent).allSatisfy(q -> {
      assertThat(q.getUrl()).startsWith("/openalex/works?");
      assertThat(values(q).size()).isLessThanOrEqualTo(50);
    });
    JsonNode papers = json(r.out());
    assertThat(papers).hasSize(120);
    for (JsonNode p : papers) {
      String a = p.get("arxivId").asText();
      assertThat(p.get("openAlexId").asText()).isEqualTo(OpenAlexFixtures.work(a));
      assertThat(p.at("/citations/openAlex/count").asInt()).isEqualTo(OpenAlexFixtures.count(a));
      assertThat(p.at("/citations/semanticScholar/count").asInt()).isEqualTo(RefreshFixtures.count(a));
      JsonNode h = p.at("/histograms/openAlex");
      assertThat(h.get("madeAt").asText()).isEqualTo(NOW.toString());
      assertThat(h.at("/byYear/2026").asInt()).isEqualTo(OpenAlexFixtures.count(a) / 2);
      assertThat(p.get("title").asText()).isEqualTo("Paper " + a + " (revised)"); // arXiv's, not OpenAlex's
    }
  }

  @Test
  void showListsTheWorkAndEveryYearOfTheHistogram() {
    RefreshFixtures.stubAll(wm);
    OpenAlexFixtures.stubWorks(wm);
    assertThat(cli.run("fetch", arxivId(0), arxivId(1)).code()).isZero(); // two ids: batches
    CliHarness.Run r = cli.run("show", "W1200100001");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("openalex:W1200100001").contains("citations: openAlex 201")
        .contains("citations by year (openAlex, made 2026-11-22):")
        .contains("2024: 101 2025: 0 2026: 100");
  }

  @Test
  void refreshSendsTheFloorAndThenAsksByWorkId() {
    seed(cacheDir, 0, 120, Instant.parse(EIGHT_DAYS_AGO), NOW.minusSeconds(86_400));
    RefreshFixtures.stubAll(wm);
    OpenAlexFixtures.stubWorks(wm);

    CliHarness.Run r = cli.run("refresh", "--summary");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("120 refreshed").contains("openAlex 3").contains("semanticScholar 1");
    assertThat(openAlexRequests()).hasSize(3).allSatisfy(q ->
        assertThat(q.queryParameter("filter").firstValue()).startsWith("doi:10.48550/arxiv."));

    wm.resetRequests();
    cli.env.put("PAPERS_NOW", "2026-12-01T10:00:00Z");
    CliHarness.Run again = cli.run("refresh", "--sources", "openalex", "--summary");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(openAlexRequests()).hasSize(3).allSatisfy(q ->
        assertThat(q.queryParameter("filter").firstValue()).startsWith("openalex:W1"));
    assertThat(again.out()).contains("120 refreshed");
  }

  @Test
  void planSaysWhatARunWouldSendAndSendsNothing() {
    seed(cacheDir, 0, 120, Instant.parse(EIGHT_DAYS_AGO), NOW.minusSeconds(86_400 * 40));
    cli.env.put("PAPERS_OPENALEX_INTERVAL", "100ms");
    cli.env.put("PAPERS_S2_INTERVAL", "1s");
    cli.env.put("PAPERS_ARXIV_INTERVAL", "3s");

    CliHarness.Run r = cli.run("refresh", "--plan");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(r.out()).containsPattern("arXiv\\s+120\\s+2\\s+3s")
        .containsPattern("Semantic Scholar\\s+120\\s+1\\s+0s")
        .containsPattern("OpenAlex\\s+120\\s+3\\s+200ms")
        .containsPattern("total\\s+6\\s+3.2s");
    assertThat(cli.run("refresh", "--plan", "--limit", "10", "--sources", "openalex").out())
        .containsPattern("OpenAlex\\s+10\\s+1\\s+0s").doesNotContain("arXiv");
  }

  @Test
  void twoWorksForOnePaperTheMoreCitedCountsAndExplainNamesBoth() throws IOException {
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/ARXIV:2304.05376")).willReturn(okJson("""
        {"paperId": "0000000000000000000000000000000000002304", "externalIds": {"ArXiv": "2304.05376",
         "DOI": "10.1038/s42256-024-00832-8"}, "title": "ChemCrow", "year": 2023, "publicationDate": "2023-04-11",
         "citationCount": 300, "influentialCitationCount": 10}""")));
    wm.stubFor(get(urlPathEqualTo("/openalex/works")).willReturn(okJson(
        new String(RealFixtures.resource("openalex/list_preprint_and_published.json"), StandardCharsets.UTF_8))));

    CliHarness.Run r = cli.run("fetch", "2304.05376", "--sources", "s2,openalex", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(openAlexRequests()).hasSize(1);
    assertThat(values(openAlexRequests().get(0)))
        .containsExactlyInAnyOrder("10.48550/arxiv.2304.05376", "10.1038/s42256-024-00832-8");
    JsonNode p = json(r.out()).get(0);
    assertThat(p.get("id").asText()).isEqualTo("arxiv:2304.05376");
    assertThat(p.get("openAlexId").asText()).isEqualTo("W4396723768");
    assertThat(p.at("/citations/openAlex/count").asInt()).isEqualTo(236);
    assertThat(p.at("/histograms/openAlex/byYear/2025").asInt()).isEqualTo(143);
    assertThat(p.get("aliases").toString()).contains("openalex:W4365597205", "openalex:W4396723768");
    assertThat(p.get("doi").asText()).isEqualTo("10.1038/s42256-024-00832-8");
    assertThat(p.at("/history").toString()).doesNotContain("\"count\":106");

    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/chem.json"), "{\"title\": \"c\", \"include\": [\"2304.05376\"]}");
    CliHarness.Run rank = cli.run("rank", "--topic", "chem", "--format", "json", "--explain");
    assertThat(rank.code()).as(rank.err()).isZero();
    JsonNode row = json(rank.out()).get(0);
    assertThat(row.get("velocityMethod").asText()).isEqualTo("histogram");
    assertThat(row.get("source").asText()).isEqualTo("openAlex");
    // made 2026-11-22: 2026 has no entry (0), 2025: 143 (x2), 2024: 77 (x1)
    assertThat(row.get("velocity").asDouble()).isEqualTo((2 * 143 + 77) / 6.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(row.get("explain").toString()).contains("W4396723768 (counted, the more cited) and W4365597205");
  }

  @Test
  void the429StopsOpenAlexUntilMidnightUtcForEveryRunSharingTheCacheAndLosesNothingElse() throws IOException {
    seed(cacheDir, 0, 3, Instant.parse(EIGHT_DAYS_AGO), NOW.minusSeconds(86_400));
    RefreshFixtures.stubAll(wm);
    wm.stubFor(get(urlPathMatching("/openalex/.*")).willReturn(aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Rate limit exceeded\"}")));

    CliHarness.Run first = cli.run("refresh");

    assertThat(first.code()).isEqualTo(75);
    assertThat(openAlexRequests()).hasSize(1); // not retried
    assertThat(first.err()).contains("allowance").contains("2026-11-23T00:00:00Z");
    assertThat(first.err().lines().filter(l -> l.contains("allowance")).count()).isEqualTo(1);
    for (int i = 0; i < 3; i++) {
      JsonNode p = json(cli.run("show", arxivId(i), "--json").out());
      assertThat(p.at("/citations/semanticScholar/count").asInt()).isEqualTo(RefreshFixtures.count(arxivId(i)));
    }

    // a second run later that day, sharing the cache: nothing is sent to OpenAlex
    cli.env.put("PAPERS_NOW", "2026-11-22T23:59:00Z");
    CliHarness.Run second = cli.run("fetch", "2001.00009", "2001.00010");
    assertThat(second.code()).as(second.err()).isEqualTo(75);
    assertThat(second.err()).contains("2026-11-23T00:00:00Z");
    assertThat(openAlexRequests()).hasSize(1);
    assertThat(json(cli.run("show", "2001.00009", "--json").out()).at("/citations/semanticScholar/count").asInt())
        .isEqualTo(RefreshFixtures.count("2001.00009"));

    // after midnight UTC it is asked again
    OpenAlexFixtures.stubWorks(wm);
    cli.env.put("PAPERS_NOW", "2026-11-23T00:00:01Z");
    CliHarness.Run third = cli.run("fetch", "2001.00009", "2001.00010");
    assertThat(third.code()).as(third.err()).isZero();
    assertThat(openAlexRequests()).hasSize(2);
  }

  @Test
  void theKeyIsSentButNeverShownLoggedOrStored() throws IOException {
    seed(cacheDir, 0, 2, Instant.parse(EIGHT_DAYS_AGO), NOW.minusSeconds(86_400));
    RefreshFixtures.stubAll(wm);
    cli.env.put("PAPERS_OPENALEX_API_KEY", KEY);
    cli.env.put("PAPERS_CONTACT", "me@example.org");
    wm.stubFor(get(urlPathEqualTo("/openalex/works")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"Invalid query parameters error.\", \"message\": \"bad api_key=" + KEY + "\"}")));
    wm.stubFor(get(urlPathMatching("/openalex/works/.+")).willReturn(aResponse().withStatus(500)
        .withBody("<html>upstream failed for /works?api_key=" + KEY + "</html>")));
    Path log = home.resolve("refresh.log");

    List<CliHarness.Run> runs = List.of(
        cli.run("refresh", "--summary", "--verbose", "--log", log.toString()),
        cli.run("fetch", "2001.00001", "--verbose", "--json", "--stacktrace"),
        cli.run("fetch", "2001.00001", "2001.00002", "--verbose"));
    wm.stubFor(get(urlPathMatching("/openalex/.*")).willReturn(aResponse().withStatus(429)));
    List<CliHarness.Run> more = List.of(cli.run("refresh", "--verbose", "--sources", "openalex"),
        cli.run("fetch", "2001.00002", "2001.00003", "--verbose"), cli.run("refresh", "--plan", "--verbose"));

    for (CliHarness.Run r : Stream.concat(runs.stream(), more.stream()).toList()) {
      assertThat(r.out()).doesNotContain(KEY).doesNotContain("api_key");
      assertThat(r.err()).doesNotContain(KEY);
    }
    assertThat(runs.get(0).err()).contains("OpenAlex answered HTTP 400");
    assertThat(Files.readString(log)).doesNotContain(KEY);
    try (Stream<Path> files = Files.walk(cacheDir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(KEY);
      }
    }
    assertThat(openAlexRequests()).isNotEmpty().allSatisfy(q -> {
      assertThat(q.queryParameter("api_key").firstValue()).isEqualTo(KEY);
      assertThat(q.queryParameter("mailto").firstValue()).isEqualTo("me@example.org");
    });
  }

  @Test
  void fetchTitleExits0WhenArxivDoesNotKnowWhatTheTitleMatchFound() throws IOException {
    cli.env.put("PAPERS_SOURCES", "arxiv,s2");
    wm.stubFor(get(urlPathEqualTo("/graph/v1/paper/search/match")).willReturn(okJson("""
        {"data": [{"paperId": "00000000000000000000000000000000000000aa", "externalIds": {"ArXiv": "2501.99999"},
          "title": "A paper arXiv has lost", "year": 2025, "citationCount": 3, "matchScore": 99.0}]}""")));
    wm.stubFor(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
        .withBody(RealFixtures.resource("arxiv/empty.xml"))));

    CliHarness.Run r = cli.run("fetch", "--title", "A paper arXiv has lost", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(json(r.out()).get(0).at("/citations/semanticScholar/count").asInt()).isEqualTo(3);
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/api/query")))).hasSize(1);
  }

  @Test
  void aBatchSettingOutsideOneToAHundredIsBadInput() {
    cli.env.put("PAPERS_OPENALEX_BATCH", "101");
    CliHarness.Run r = cli.run("refresh", "--plan");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("PAPERS_OPENALEX_BATCH");
    assertThat(post(urlPathEqualTo("/x"))).isNotNull();
  }

  @Test
  void aTopicHarvestAsksOpenAlexTooInOneRequest() throws IOException {
    RefreshFixtures.stubAll(wm);
    OpenAlexFixtures.stubWorks(wm);
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/t.json"),
        "{\"title\": \"t\", \"include\": [\"2001.00001\", \"2001.00002\", \"2001.00003\"]}");

    CliHarness.Run r = cli.run("fetch", "--topic", "t", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(openAlexRequests()).hasSize(1);
    assertThat(values(openAlexRequests().get(0))).hasSize(3);
    for (JsonNode p : json(r.out())) {
      assertThat(p.at("/citations/openAlex/count").asInt()).isEqualTo(OpenAlexFixtures.count(p.get("arxivId").asText()));
      assertThat(p.get("topics").toString()).contains("t");
    }
  }
}
