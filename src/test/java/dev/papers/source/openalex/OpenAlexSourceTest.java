package dev.papers.source.openalex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.papers.http.IntervalGate;
import dev.papers.http.Upstream;
import dev.papers.json.Json;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.source.CitationGraph;
import dev.papers.source.Lookup;
import dev.papers.source.SourceException;
import dev.papers.testing.FakeTime;
import dev.papers.testing.RealFixtures;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OpenAlexSource} against WireMock: batches, the single-lookup fallback, 301, 429, 403, the key. */
@WireMockTest
class OpenAlexSourceTest {
  private static final OkHttpClient CLIENT = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).build();
  private static final String KEY = "sk-OA-very-secret-42";
  private FakeTime time;
  @TempDir Path state;

  @BeforeEach
  void setUp() {
    time = new FakeTime(Instant.parse("2026-12-06T10:00:00Z"));
  }

  private OpenAlexSource source(WireMockRuntimeInfo wm, int batch, String key) {
    Upstream up = new Upstream(() -> CLIENT, new IntervalGate(null, time, time), time, time, new Random(7));
    return new OpenAlexSource(wm.getHttpBaseUrl(), up,
        OpenAlexSource.defaultPolicy(Duration.ZERO, 2, Duration.ofSeconds(30)), time, state, batch,
        "me@example.org", key);
  }

  static String arxivId(int n) {
    return String.format("2401.%05d", n);
  }

  static ObjectNode work(ArrayNode results, String w, String doi, int count) {
    ObjectNode o = results.addObject();
    o.put("id", "https://openalex.org/" + w);
    o.put("doi", "https://doi.org/" + doi);
    o.put("title", "Work " + w);
    o.put("publication_year", 2024);
    o.put("cited_by_count", count);
    ArrayNode cby = o.putArray("counts_by_year");
    cby.addObject().put("year", 2025).put("cited_by_count", count);
    return o;
  }

  /** A list answer holding the arXiv works 1..n, W-ids 1000+n. */
  static String arxivWorks(int n) {
    ObjectNode page = Json.mapper().createObjectNode();
    page.putObject("meta").put("count", n).put("per_page", 200).putNull("page").put("next_cursor", "abc");
    ArrayNode results = page.putArray("results");
    for (int i = 1; i <= n; i++) {
      work(results, "W" + (1000 + i), "10.48550/arxiv." + arxivId(i), i);
    }
    return page.toString();
  }

  private static List<String> filterValues(LoggedRequest r) {
    String f = r.queryParameter("filter").firstValue();
    return List.of(f.substring(f.indexOf(':') + 1).split("\\|"));
  }

  @Test
  void oneHundredTwentyArxivPapersAreThreeRequestsOfAtMostFifty(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/works")).willReturn(okJson(arxivWorks(120))));
    List<PaperId> ids = IntStream.rangeClosed(1, 120).mapToObj(i -> PaperId.parse(arxivId(i) + "v2")).toList();

    Map<PaperId, Lookup> got = source(wm, 50, null).lookup(ids, null);

    List<LoggedRequest> sent = findAll(anyRequestedFor(anyUrl()));
    assertThat(sent).hasSize(3);
    for (LoggedRequest r : sent) {
      assertThat(r.getUrl()).startsWith("/works?");
      assertThat(r.queryParameter("filter").firstValue()).startsWith("doi:10.48550/arxiv.");
      int values = filterValues(r).size();
      assertThat(values).isLessThanOrEqualTo(50);
      assertThat(Integer.parseInt(r.queryParameter("per-page").firstValue())).isGreaterThanOrEqualTo(values);
      assertThat(r.queryParameter("mailto").firstValue()).isEqualTo("me@example.org");
      assertThat(r.queryParameter("api_key").isPresent()).isFalse();
    }
    assertThat(sent.stream().mapToInt(r -> filterValues(r).size()).sum()).isEqualTo(120);
    assertThat(got).hasSize(120);
    SourceRecord r7 = ((Lookup.Found) got.get(ids.get(6))).record();
    assertThat(r7.openAlexId()).isEqualTo("W1007");
    assertThat(r7.arxivId()).isEqualTo(arxivId(7));
    assertThat(r7.count()).isEqualTo(7);
    assertThat(r7.histogram().byYear()).containsEntry(2025, 7);
    assertThat(r7.histogram().madeAt()).isEqualTo(time.instant());
  }

  @Test
  void theBatchSizeSettingIsHonoured(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/works")).willReturn(okJson(arxivWorks(10))));
    List<PaperId> ids = IntStream.rangeClosed(1, 10).mapToObj(i -> PaperId.parse(arxivId(i))).toList();
    OpenAlexSource s = source(wm, 3, null);
    s.lookup(ids, null);
    assertThat(findAll(anyRequestedFor(anyUrl()))).hasSize(4);
    assertThat(s.requestsFor(10)).isEqualTo(4);
  }

  /** A list answer holding, for papers 1..n, the preprint (W 1000+i) and the published work (W 5000+i). */
  static String preprintAndPublished(int n) {
    ObjectNode page = Json.mapper().createObjectNode();
    page.putObject("meta").put("count", 2 * n).put("per_page", 200).putNull("page");
    ArrayNode results = page.putArray("results");
    for (int i = 1; i <= n; i++) {
      work(results, "W" + (1000 + i), "10.48550/arxiv." + arxivId(i), i);
      work(results, "W" + (5000 + i), "10.5555/pub." + i, 1000 + i);
    }
    return page.toString();
  }

  @Test
  void papersWithTwoDoisEachAreBatchedByPaperAtMostAHundredValuesARequest(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/works")).willReturn(okJson(preprintAndPublished(120))));
    List<List<PaperId>> papers = IntStream.rangeClosed(1, 120).mapToObj(i ->
        List.of(PaperId.parse(arxivId(i)), PaperId.parse("10.5555/pub." + i))).toList();
    for (int batch : new int[] {50, 100}) {
      com.github.tomakehurst.wiremock.client.WireMock.resetAllRequests();
      OpenAlexSource s = source(wm, batch, null);

      Map<PaperId, Lookup> got = s.lookupGrouped(papers, null);

      List<LoggedRequest> sent = findAll(anyRequestedFor(anyUrl()));
      assertThat(sent).as("batch " + batch).hasSize(3);
      assertThat(s.requestsFor(120)).isEqualTo(batch == 50 ? 3 : 2);
      List<List<String>> values = sent.stream().map(OpenAlexSourceTest::filterValues).toList();
      assertThat(values).allSatisfy(v -> assertThat(v.size()).isLessThanOrEqualTo(100));
      assertThat(values.stream().mapToInt(List::size).sum()).isEqualTo(240);
      for (int i = 1; i <= 120; i++) {
        String pub = "10.5555/pub." + i;
        String preprint = "10.48550/arxiv." + arxivId(i);
        assertThat(values).filteredOn(v -> v.contains(pub)).singleElement()
            .satisfies(v -> assertThat(v).contains(preprint));
      }
      assertThat(got).hasSize(240);
      assertThat(((Lookup.Found) got.get(papers.get(6).get(1))).record().count()).isEqualTo(1007);
      assertThat(((Lookup.Found) got.get(papers.get(6).get(0))).record().count()).isEqualTo(7);
    }
  }

  @Test
  void aCountThatIsNotAWholeNumberIsFoundWithANoteAndNoCount(WireMockRuntimeInfo wm) {
    ObjectNode page = Json.mapper().createObjectNode();
    page.putObject("meta").put("count", 2).put("per_page", 200).putNull("page");
    ArrayNode results = page.putArray("results");
    work(results, "W1001", "10.48550/arxiv." + arxivId(1), 4);
    work(results, "W1002", "10.48550/arxiv." + arxivId(2), 0).put("cited_by_count", 12.5);
    stubFor(get(urlPathEqualTo("/works")).willReturn(okJson(page.toString())));
    PaperId one = PaperId.parse(arxivId(1));
    PaperId two = PaperId.parse(arxivId(2));

    Map<PaperId, Lookup> got = source(wm, 50, null).lookup(List.of(one, two), null);

    Lookup.Found a = (Lookup.Found) got.get(one);
    Lookup.Found b = (Lookup.Found) got.get(two);
    assertThat(a.record().count()).isEqualTo(4);
    assertThat(a.note()).isNull();
    assertThat(b.record().count()).isNull();
    assertThat(b.record().openAlexId()).isEqualTo("W1002");
    assertThat(b.note()).contains("12.5").contains("W1002").contains("not stored");
  }

  @Test
  void oneIdIsOneGetOfTheWork(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/works/doi:10.7717/peerj.4375"))
        .willReturn(okJson(RealFixtures.text("openalex/openalex_2022_work_doi_10.7717_peerj.4375_legacy_schema.json"))));
    PaperId id = PaperId.parse("https://doi.org/10.7717/peerj.4375");
    Lookup l = source(wm, 50, null).lookup(List.of(id), null).get(id);
    assertThat(((Lookup.Found) l).record().openAlexId()).isEqualTo("W2741809807");
    verify(1, getRequestedFor(urlPathEqualTo("/works/doi:10.7717/peerj.4375")));
  }

  @Test
  void aWorkIdIsLookedUpByItsId(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/works/W4234567890"))
        .willReturn(okJson(new String(RealFixtures.resource("openalex/work_null_title_zero.json"), StandardCharsets.UTF_8)
            .replace("W1000000004", "W4234567890"))));
    PaperId id = PaperId.parse("openalex:W4234567890");
    Lookup l = source(wm, 50, null).lookup(List.of(id), null).get(id);
    assertThat(((Lookup.Found) l).record().count()).isZero();
  }

  @Test
  void workIdsGoInAnOpenAlexFilter(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/works")).willReturn(okJson(
        RealFixtures.text("openalex/openalex_2025_list_filter_openalex_ids_cursor.json"))));
    List<PaperId> ids = List.of(PaperId.parse("W3046863325"), PaperId.parse("W3045921891"));
    Map<PaperId, Lookup> got = source(wm, 50, null).lookup(ids, null);
    assertThat(got.values()).allMatch(l -> l instanceof Lookup.Found);
    verify(1, getRequestedFor(urlPathEqualTo("/works")).withQueryParam("filter", equalTo("openalex:W3046863325|W3045921891")));
  }

  @Test
  void aDoiTheBatchLeavesOutIsAskedAloneAndAMergedWorkIsFollowed(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/works")).willReturn(okJson(arxivWorks(2))));
    // the third preprint was merged into a published work: its DOI answers 301 to the work
    stubFor(get(urlPathEqualTo("/works/doi:10.48550/arxiv." + arxivId(3)))
        .willReturn(aResponse().withStatus(301).withHeader("Location", "/works/W777")));
    ObjectNode merged = Json.mapper().createObjectNode();
    merged.put("id", "https://openalex.org/W777").put("doi", "https://doi.org/10.1000/published.3")
        .put("title", "Published three").put("cited_by_count", 33);
    merged.putArray("locations").addObject().put("landing_page_url", "https://arxiv.org/abs/" + arxivId(3));
    stubFor(get(urlPathEqualTo("/works/W777")).willReturn(okJson(merged.toString())));
    // and the fourth is unknown: an HTML 404
    stubFor(get(urlPathEqualTo("/works/doi:10.48550/arxiv." + arxivId(4))).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withBody(RealFixtures.resource("openalex/error_404.html"))));
    List<PaperId> ids = IntStream.rangeClosed(1, 4).mapToObj(i -> PaperId.parse(arxivId(i))).toList();

    Map<PaperId, Lookup> got = source(wm, 50, null).lookup(ids, null);

    assertThat(got.get(ids.get(0))).isInstanceOf(Lookup.Found.class);
    SourceRecord three = ((Lookup.Found) got.get(ids.get(2))).record();
    assertThat(three.openAlexId()).isEqualTo("W777");
    assertThat(three.doi()).isEqualTo("10.1000/published.3");
    assertThat(three.count()).isEqualTo(33);
    assertThat(got.get(ids.get(3))).isInstanceOf(Lookup.NotFound.class);
    assertThat(((Lookup.NotFound) got.get(ids.get(3))).reason()).contains("not known to OpenAlex");
    verify(1, getRequestedFor(urlPathEqualTo("/works")));
    verify(1, getRequestedFor(urlPathEqualTo("/works/doi:10.48550/arxiv." + arxivId(3))));
    verify(1, getRequestedFor(urlPathEqualTo("/works/doi:10.48550/arxiv." + arxivId(4))));
    assertThat(findAll(anyRequestedFor(anyUrl()))).hasSize(4);
  }

  @Test
  void aMergedWorkOfAnotherArxivPaperIsNotThisPaper(WireMockRuntimeInfo wm) {
    ObjectNode other = Json.mapper().createObjectNode();
    other.put("id", "https://openalex.org/W5").put("doi", "https://doi.org/10.48550/arxiv.2401.99999")
        .put("cited_by_count", 1);
    stubFor(get(urlPathEqualTo("/works/doi:10.48550/arxiv.2401.00001")).willReturn(okJson(other.toString())));
    PaperId id = PaperId.parse("2401.00001");
    assertThat(source(wm, 50, null).lookup(List.of(id), null).get(id)).isInstanceOf(Lookup.NotFound.class);
  }

  @Test
  void the429SpendsTheDayNoRetryAndNoOtherInstanceSendsUntilMidnightUtc(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(anyUrl()).willReturn(aResponse().withStatus(429).withBody("{\"error\":\"Rate limit exceeded\"}")));
    List<PaperId> ids = List.of(PaperId.parse("2401.00001"), PaperId.parse("2401.00002"));

    Map<PaperId, Lookup> got = source(wm, 50, null).lookup(ids, null);

    assertThat(findAll(anyRequestedFor(anyUrl()))).hasSize(1); // not retried
    SourceException e = ((Lookup.Failed) got.get(ids.get(1))).error();
    assertThat(e.isTryLater()).isTrue();
    assertThat(e.retryAt()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    assertThat(e.getMessage()).contains("allowance").contains("2026-12-07T00:00:00Z");
    assertThat(Files.readString(state.resolve(AllowanceCoolDown.FILE))).contains("2026-12-07T00:00:00Z");

    // another run sharing the state: nothing is sent, the same try-later failure
    time.advance(Duration.ofHours(13));
    OpenAlexSource later = source(wm, 50, null);
    assertThat(later.coolDown()).isPresent();
    Lookup l = later.lookup(List.of(ids.get(0)), null).get(ids.get(0));
    assertThat(((Lookup.Failed) l).error().retryAt()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    assertThatThrownBy(() -> later.citing(List.of("W1"), 5)).isInstanceOf(SourceException.class)
        .hasMessageContaining("allowance");
    assertThat(findAll(anyRequestedFor(anyUrl()))).hasSize(1);

    // after midnight UTC it asks again
    time.advance(Duration.ofHours(1));
    stubFor(get(anyUrl()).willReturn(okJson(arxivWorks(2))));
    Map<PaperId, Lookup> again = source(wm, 50, null).lookup(ids, null);
    assertThat(again.values()).allMatch(x -> x instanceof Lookup.Found);
    assertThat(findAll(anyRequestedFor(anyUrl()))).hasSize(2);
  }

  @Test
  void a403And503AreRetriedWithBackoff(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/works")).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(403)).willSetStateTo("2"));
    stubFor(get(urlPathEqualTo("/works")).inScenario("s").whenScenarioStateIs("2")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("3"));
    stubFor(get(urlPathEqualTo("/works")).inScenario("s").whenScenarioStateIs("3")
        .willReturn(okJson(arxivWorks(2))));
    List<PaperId> ids = List.of(PaperId.parse("2401.00001"), PaperId.parse("2401.00002"));
    Map<PaperId, Lookup> got = source(wm, 50, null).lookup(ids, null);
    assertThat(got.values()).allMatch(x -> x instanceof Lookup.Found);
    assertThat(time.sleeps()).hasSize(2);
    assertThat(findAll(anyRequestedFor(anyUrl()))).hasSize(3);
  }

  @Test
  void theKeyIsSentAsApiKeyAndIsInNoFailure(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo("/works")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"Invalid query parameters error.\",\"message\":\"api_key " + KEY + " is not valid\"}")));
    stubFor(get(urlPathEqualTo("/works/doi:10.1000/bad")).willReturn(aResponse().withStatus(500)
        .withBody("boom " + KEY)));
    stubFor(get(urlPathEqualTo("/works/doi:10.1000/html")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html>" + KEY + "</html>")));
    stubFor(get(urlPathEqualTo("/works/doi:10.1000/limit")).willReturn(aResponse().withStatus(429)));
    OpenAlexSource s = source(wm, 50, KEY);
    List<SourceException> errors = new java.util.ArrayList<>();
    for (List<PaperId> ids : List.of(List.of(PaperId.parse("10.1000/a"), PaperId.parse("10.1000/b")),
        List.of(PaperId.parse("10.1000/bad")), List.of(PaperId.parse("10.1000/html")), List.of(PaperId.parse("10.1000/limit")),
        List.of(PaperId.parse("10.1000/after")))) {
      for (Lookup l : s.lookup(ids, null).values()) {
        errors.add(((Lookup.Failed) l).error());
      }
    }
    assertThatThrownBy(() -> s.works(List.of("W1", "W2"), 3)).isInstanceOf(SourceException.class)
        .satisfies(t -> errors.add((SourceException) t));
    assertThat(errors).hasSize(7);
    for (SourceException e : errors) {
      assertThat(e.getMessage()).doesNotContain(KEY);
      assertThat(String.valueOf(e.url())).doesNotContain(KEY).doesNotContain("api_key");
      assertThat(e.toString()).doesNotContain(KEY);
      assertThat(e.getCause() == null ? "" : e.getCause().toString()).doesNotContain(KEY);
    }
    assertThat(errors.get(0).getMessage()).contains("Invalid query parameters");
    assertThat(Files.readString(state.resolve(AllowanceCoolDown.FILE))).doesNotContain(KEY);
    assertThat(s.toString()).doesNotContain(KEY);
    assertThat(findAll(anyRequestedFor(anyUrl()))).allSatisfy(r ->
        assertThat(r.queryParameter("api_key").firstValue()).isEqualTo(KEY));
  }

  @Test
  void citingFollowsCursorsWithinTheCap(WireMockRuntimeInfo wm) {
    ObjectNode p1 = Json.mapper().createObjectNode();
    p1.putObject("meta").put("count", 250).put("per_page", 200).put("next_cursor", "c2");
    ArrayNode r1 = p1.putArray("results");
    for (int i = 0; i < 200; i++) {
      work(r1, "W" + (5000 + i), "10.5/c" + i, i).putArray("referenced_works").add("https://openalex.org/W1");
    }
    ObjectNode p2 = Json.mapper().createObjectNode();
    p2.putObject("meta").put("count", 250).put("per_page", 200).put("next_cursor", "c3");
    ArrayNode r2 = p2.putArray("results");
    for (int i = 200; i < 250; i++) {
      work(r2, "W" + (5000 + i), "10.5/c" + i, i);
    }
    stubFor(get(urlPathEqualTo("/works")).withQueryParam("cursor", equalTo("*")).willReturn(okJson(p1.toString())));
    stubFor(get(urlPathEqualTo("/works")).withQueryParam("cursor", equalTo("c2")).willReturn(okJson(p2.toString())));
    OpenAlexSource s = source(wm, 50, null);

    CitationGraph.Works all = assertDoesNotThrow(() -> s.citing(List.of("W1", "https://openalex.org/W2"), 10));
    assertThat(all.records()).hasSize(250);
    assertThat(all.truncated()).isFalse();
    assertThat(all.requests()).isEqualTo(2);
    assertThat(all.records().get(0).referencedWorks()).containsExactly("W1");
    verify(2, getRequestedFor(urlPathEqualTo("/works")).withQueryParam("filter", equalTo("cites:W1|W2"))
        .withQueryParam("per-page", equalTo("200")));

    CitationGraph.Works capped = assertDoesNotThrow(() -> s.citing(List.of("W1", "W2"), 1));
    assertThat(capped.records()).hasSize(200);
    assertThat(capped.truncated()).isTrue();
    assertThat(capped.requests()).isEqualTo(1);
  }

  @Test
  void citingTheRealRecordingStopsAfterOnePage(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/works")).willReturn(okJson(RealFixtures.text("openalex/openalex_2025_list_filter_cites.json"))));
    CitationGraph.Works w = assertDoesNotThrow(() -> source(wm, 50, null).citing(List.of("W3046863325", "W3045921891"), 5));
    assertThat(w.records()).hasSize(5);
    assertThat(w.requests()).isEqualTo(1);
    assertThat(w.truncated()).isFalse();
  }

  @Test
  void worksAreBatchedByTheOpenAlexFilter(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo("/works")).withQueryParam("filter", matching("openalex:.*"))
        .willReturn(okJson(arxivWorks(3))));
    List<String> ids = IntStream.range(0, 120).mapToObj(i -> "W" + (1001 + i)).toList();
    CitationGraph.Works w = assertDoesNotThrow(() -> source(wm, 50, null).works(ids, 10));
    assertThat(w.requests()).isEqualTo(3);
    assertThat(w.records()).extracting(SourceRecord::openAlexId).containsExactly("W1001", "W1002", "W1003");
    CitationGraph.Works capped = assertDoesNotThrow(() -> source(wm, 50, null).works(ids, 2));
    assertThat(capped.truncated()).isTrue();
    assertThat(capped.requests()).isEqualTo(2);
  }

  private static <T> T assertDoesNotThrow(org.junit.jupiter.api.function.ThrowingSupplier<T> s) {
    return org.junit.jupiter.api.Assertions.assertDoesNotThrow(s);
  }

  @Test
  void redactCutsTheKeyOutOfUrlsAndText() {
    assertThat(OpenAlexUrls.redact("https://api.openalex.org/works?filter=doi:x&api_key=" + KEY + "&mailto=a", KEY))
        .isEqualTo("https://api.openalex.org/works?filter=doi:x&mailto=a");
    assertThat(OpenAlexUrls.redact("https://api.openalex.org/works/W1?api_key=" + KEY, KEY))
        .isEqualTo("https://api.openalex.org/works/W1");
    assertThat(OpenAlexUrls.redact("said " + KEY, KEY)).isEqualTo("said ***");
    assertThat(OpenAlexUrls.redact("k=a%2Bb", "a+b")).isEqualTo("k=***");
  }
}
