package dev.papers.source.arxiv;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.papers.http.IntervalGate;
import dev.papers.http.Policy;
import dev.papers.http.Reply;
import dev.papers.http.Upstream;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.source.Lookup;
import dev.papers.source.SourceException;
import dev.papers.testing.FakeTime;
import dev.papers.testing.RealFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WireMockTest
class ArxivSourceTest {
  private static final OkHttpClient CLIENT = new OkHttpClient();
  private static final String PATH = "/api/query";
  private static final int MAX_RETRIES = 2;

  private FakeTime time;
  private String base;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    time = new FakeTime();
    base = wm.getHttpBaseUrl() + PATH;
  }

  private ArxivSource source(int batchSize) {
    Upstream upstream = new Upstream(() -> CLIENT, new IntervalGate(null, time, time), time, time, new Random(1));
    Policy policy = ArxivSource.defaultPolicy(Duration.ofSeconds(3), MAX_RETRIES, Duration.ofSeconds(60));
    return new ArxivSource(base, upstream, policy, time, batchSize);
  }

  private static ResponseDefinitionBuilder atom(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/atom+xml; charset=utf-8")
        .withBody(body);
  }

  private static ResponseDefinitionBuilder atom(String body) {
    return atom(200, body);
  }

  private static void stubIds(String idList, ResponseDefinitionBuilder answer) {
    stubFor(get(urlPathEqualTo(PATH)).withQueryParam("id_list", equalTo(idList)).willReturn(answer));
  }

  private static List<PaperId> ids(String... ids) {
    List<PaperId> out = new ArrayList<>();
    for (String id : ids) {
      out.add(PaperId.parse(id));
    }
    return out;
  }

  private static SourceRecord found(Lookup l) {
    assertThat(l).isInstanceOf(Lookup.Found.class);
    return ((Lookup.Found) l).record();
  }

  private static String notFound(Lookup l) {
    assertThat(l).isInstanceOf(Lookup.NotFound.class);
    return ((Lookup.NotFound) l).reason();
  }

  private static SourceException failed(Lookup l) {
    assertThat(l).isInstanceOf(Lookup.Failed.class);
    return ((Lookup.Failed) l).error();
  }

  private static List<LoggedRequest> requests() {
    return com.github.tomakehurst.wiremock.client.WireMock.findAll(getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void oneIdIsAskedWithIdListAndMaxResults() {
    stubFor(get(urlPathEqualTo(PATH)).withQueryParam("id_list", equalTo("1909.10351"))
        .withQueryParam("max_results", equalTo("100")).willReturn(atom(AtomFeeds.feed("1909.10351v2"))));
    List<PaperId> asked = ids("1909.10351");
    Map<PaperId, Lookup> out = source(100).lookup(asked, null);

    assertThat(out).containsOnlyKeys(asked);
    SourceRecord r = found(out.get(asked.get(0)));
    assertThat(r.source()).isEqualTo("arxiv");
    assertThat(r.arxivId()).isEqualTo("1909.10351");
    assertThat(r.arxivVersion()).isEqualTo(2);
    assertThat(r.title()).isEqualTo("Paper 1909.10351v2");
    assertThat(r.published()).isEqualTo(LocalDate.of(2020, 1, 2));
    assertThat(r.observedAt()).isEqualTo(time.instant());
    verify(exactly(1), getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(requests().get(0).getHeader("Accept")).contains("application/atom+xml");
  }

  @Test
  void twelveHundredIdsTakeTwelveRequestsAndAreMatchedById() {
    List<String> keys = new ArrayList<>();
    for (int i = 1; i <= 1200; i++) {
      keys.add(String.format("2101.%05d", i));
    }
    Random shuffle = new Random(7);
    for (int from = 0; from < keys.size(); from += 100) {
      List<String> batch = keys.subList(from, from + 100);
      List<String> answer = batch.stream().map(k -> k + "v" + version(k)).collect(Collectors.toList());
      Collections.shuffle(answer, shuffle);
      stubIds(String.join(",", batch), atom(AtomFeeds.feed(answer)));
    }
    List<long[]> progress = new ArrayList<>();
    List<PaperId> asked = ids(keys.toArray(String[]::new));

    Map<PaperId, Lookup> out = source(100).lookup(asked, (done, total, what) -> progress.add(new long[] {done, total}));

    assertThat(out).hasSize(1200);
    for (PaperId id : asked) {
      SourceRecord r = found(out.get(id));
      assertThat(r.arxivId()).isEqualTo(id.value());
      assertThat(r.arxivVersion()).isEqualTo(version(id.value()));
      assertThat(r.title()).isEqualTo("Paper " + id.value() + "v" + version(id.value()));
    }
    verify(exactly(12), getRequestedFor(urlPathEqualTo(PATH)));
    verify(exactly(12), getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("max_results", equalTo("100")));
    assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(1200, 1200));
    assertThat(progress).hasSize(13);
    // The interval (3 s) is kept between requests, on the fake clock.
    assertThat(time.sleeps()).hasSize(11).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(3)));
  }

  private static int version(String key) {
    return 1 + Integer.parseInt(key.substring(5)) % 4;
  }

  @Test
  void shuffledAnswersAreMatchedByIdAndStrangersIgnored() {
    stubIds("1501.00001,1501.00002,1501.00003",
        atom(AtomFeeds.feed("1501.00003v3", "1501.09999v1", "1501.00001v1", "1501.00002v2")));
    List<PaperId> asked = ids("1501.00001", "1501.00002", "1501.00003");
    Map<PaperId, Lookup> out = source(100).lookup(asked, null);

    assertThat(out).containsOnlyKeys(asked);
    assertThat(found(out.get(asked.get(0))).title()).isEqualTo("Paper 1501.00001v1");
    assertThat(found(out.get(asked.get(1))).title()).isEqualTo("Paper 1501.00002v2");
    assertThat(found(out.get(asked.get(2))).arxivVersion()).isEqualTo(3);
  }

  @Test
  void anIdWithNoEntryIsNotFound() {
    stubIds("1501.00001,1501.00002", atom(AtomFeeds.feed("1501.00001v1")));
    List<PaperId> asked = ids("1501.00001", "1501.00002");
    Map<PaperId, Lookup> out = source(100).lookup(asked, null);
    found(out.get(asked.get(0)));
    assertThat(notFound(out.get(asked.get(1)))).isNotBlank();
  }

  @Test
  void anEmptyFeedMeansNoneFound() {
    stubIds("2501.99999,2501.99998", atom(new String(RealFixtures.resource("arxiv/empty.xml"),
        StandardCharsets.UTF_8)));
    Map<PaperId, Lookup> out = source(100).lookup(ids("2501.99999", "2501.99998"), null);
    assertThat(out.values()).hasSize(2).allSatisfy(l -> assertThat(l).isInstanceOf(Lookup.NotFound.class));
  }

  @Test
  void anErrorEntryWithStatus200IsNotFoundWithArxivsMessage() {
    stubIds("1501.00001", atom(AtomFeeds.error("1501.00001")));
    Map<PaperId, Lookup> out = source(100).lookup(ids("1501.00001"), null);
    assertThat(notFound(out.get(PaperId.parse("1501.00001")))).isEqualTo("arXiv: incorrect id format for 1501.00001");
    verify(exactly(1), getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aRefusedIdIsNotFoundAndTheRestOfTheBatchIsAskedAgainWithoutIt() {
    stubIds("1501.00001,1501.00002,1501.00003", atom(400, AtomFeeds.error("1501.00002")));
    stubIds("1501.00001,1501.00003", atom(AtomFeeds.feed("1501.00003v1", "1501.00001v1")));
    List<PaperId> asked = ids("1501.00001", "1501.00002", "1501.00003");
    Map<PaperId, Lookup> out = source(100).lookup(asked, null);

    assertThat(found(out.get(asked.get(0))).arxivId()).isEqualTo("1501.00001");
    assertThat(notFound(out.get(asked.get(1)))).isEqualTo("arXiv: incorrect id format for 1501.00002");
    assertThat(found(out.get(asked.get(2))).arxivId()).isEqualTo("1501.00003");
    verify(exactly(2), getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void anErrorNamingNoAskedIdFailsTheBatchAsAClientError() {
    // The answer names "xyz", which is none of the ids asked.
    byte[] body = RealFixtures.resource("arxiv/error_incorrect_id.xml");
    stubFor(get(urlPathEqualTo(PATH)).withQueryParam("id_list", equalTo("1501.00001,1501.00002"))
        .willReturn(aResponse().withStatus(400).withBody(body)));
    Map<PaperId, Lookup> out = source(100).lookup(ids("1501.00001", "1501.00002"), null);
    assertThat(out.values()).hasSize(2).allSatisfy(l -> {
      SourceException e = failed(l);
      assertThat(e.kind()).isEqualTo(SourceException.Kind.CLIENT);
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.getMessage()).contains("incorrect id format for xyz");
      assertThat(e.url()).contains("id_list=1501.00001,1501.00002");
    });
    verify(exactly(1), getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void rateExceededIsRetriedAfterABackoff() {
    stubFor(get(urlPathEqualTo(PATH)).inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("Rate exceeded."))
        .willSetStateTo("calm"));
    stubFor(get(urlPathEqualTo(PATH)).inScenario("rate").whenScenarioStateIs("calm")
        .willReturn(atom(AtomFeeds.feed("1501.00001v1"))));
    Map<PaperId, Lookup> out = source(100).lookup(ids("1501.00001"), null);

    assertThat(found(out.get(PaperId.parse("1501.00001"))).arxivId()).isEqualTo("1501.00001");
    verify(exactly(2), getRequestedFor(urlPathEqualTo(PATH)));
    assertThat(time.sleeps()).isNotEmpty();
    assertThat(time.sleeps().get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void serviceUnavailableAfterRetriesFailsAsTryLaterAndStopsSending() {
    stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    List<PaperId> asked = ids("1501.00001", "1501.00002", "1501.00003", "1501.00004", "1501.00005");
    Map<PaperId, Lookup> out = source(2).lookup(asked, null);

    assertThat(out).containsOnlyKeys(asked);
    SourceException first = failed(out.get(asked.get(0)));
    assertThat(first.isTryLater()).isTrue();
    assertThat(first.status()).isEqualTo(503);
    assertThat(first.url()).contains("id_list=1501.00001,1501.00002");
    for (PaperId id : asked) {
      assertThat(failed(out.get(id))).isSameAs(first);
    }
    verify(exactly(MAX_RETRIES + 1), getRequestedFor(urlPathEqualTo(PATH)));
    verify(exactly(MAX_RETRIES + 1), getRequestedFor(urlPathEqualTo(PATH))
        .withQueryParam("id_list", equalTo("1501.00001,1501.00002")));
  }

  @Test
  void otherFailuresMarkTheirBatchAndTheNextBatchIsStillAsked() {
    stubIds("1501.00001", aResponse().withStatus(404).withHeader("Content-Type", "text/html")
        .withBody("<html><body>Not here</body></html>"));
    stubIds("1501.00002", aResponse().withStatus(500).withBody("oops"));
    stubIds("1501.00003", atom(AtomFeeds.feed("1501.00003v1")));
    stubIds("1501.00004", atom("<html>this is not a feed"));
    List<PaperId> asked = ids("1501.00001", "1501.00002", "1501.00003", "1501.00004");
    Map<PaperId, Lookup> out = source(1).lookup(asked, null);

    SourceException client = failed(out.get(asked.get(0)));
    assertThat(client.kind()).isEqualTo(SourceException.Kind.CLIENT);
    assertThat(client.status()).isEqualTo(404);
    assertThat(client.url()).startsWith(base).contains("id_list=1501.00001");
    SourceException server = failed(out.get(asked.get(1)));
    assertThat(server.kind()).isEqualTo(SourceException.Kind.SERVER);
    assertThat(server.isTryLater()).isFalse();
    found(out.get(asked.get(2)));
    SourceException parse = failed(out.get(asked.get(3)));
    assertThat(parse.kind()).isEqualTo(SourceException.Kind.PARSE);
    assertThat(parse.url()).contains("id_list=1501.00004");
    // 404 once, 500 with its retries, then one each.
    verify(exactly(1 + (MAX_RETRIES + 1) + 1 + 1), getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void aVersionedIdIsAskedWithoutItsVersionAndGetsTheLatest() {
    stubIds("1909.10351", atom(AtomFeeds.feed("1909.10351v2")));
    PaperId v1 = PaperId.parse("1909.10351v1");
    Map<PaperId, Lookup> out = source(100).lookup(List.of(v1), null);
    SourceRecord r = found(out.get(v1));
    assertThat(r.arxivId()).isEqualTo("1909.10351");
    assertThat(r.arxivVersion()).isEqualTo(2);
    assertThat(requests()).extracting(q -> q.queryParameter("id_list").firstValue()).containsExactly("1909.10351");
  }

  @Test
  void anOldStyleIdIsAskedWithoutItsSubjectClass() {
    stubIds("math/0309136", atom(AtomFeeds.feed("math/0309136v1")));
    PaperId id = PaperId.parse("math.GT/0309136");
    Map<PaperId, Lookup> out = source(100).lookup(List.of(id), null);
    assertThat(found(out.get(id)).arxivId()).isEqualTo("math/0309136");
    assertThat(requests().get(0).getUrl()).contains("id_list=math/0309136");
  }

  @Test
  void formsOfOnePaperAreAskedOnce() {
    stubIds("1909.10351,hep-th/9901001", atom(AtomFeeds.feed("hep-th/9901001v3", "1909.10351v5")));
    List<PaperId> asked = ids("1909.10351", "1909.10351v1", "arXiv:1909.10351v2", "hep-th/9901001");
    Map<PaperId, Lookup> out = source(100).lookup(asked, null);
    assertThat(out).containsOnlyKeys(asked);
    for (PaperId id : asked.subList(0, 3)) {
      assertThat(found(out.get(id)).arxivVersion()).isEqualTo(5);
    }
    assertThat(found(out.get(asked.get(3))).arxivVersion()).isEqualTo(3);
    verify(exactly(1), getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void otherKindsOfIdsAreNotAsked() {
    ArxivSource s = source(100);
    PaperId doi = PaperId.parse("10.1145/1541880.1541882");
    assertThat(s.accepts(doi)).isFalse();
    assertThat(s.accepts(PaperId.parse("1909.10351"))).isTrue();
    assertThat(s.name()).isEqualTo("arxiv");
    assertThat(s.lookup(List.of(doi), null).get(doi)).isInstanceOf(Lookup.NotFound.class);
    verify(exactly(0), getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void searchSendsAnEncodedQueryAndReadsThePage() throws Exception {
    String query = "ti:\"knowledge distillation\" AND cat:cs.LG";
    stubFor(get(urlPathEqualTo(PATH)).withQueryParam("search_query", equalTo(query))
        .withQueryParam("start", equalTo("20")).withQueryParam("max_results", equalTo("3"))
        .willReturn(aResponse().withStatus(200).withBody(RealFixtures.resource("arxiv/current_search_page.xml"))));
    ArxivSearchPage page = source(100).searchPage(query, 20, 3);

    assertThat(page.totalResults()).isEqualTo(4242);
    assertThat(page.start()).isEqualTo(20);
    assertThat(page.records()).extracting(SourceRecord::arxivId)
        .containsExactly("2301.01234", "math/0309136", "2104.00001");
    assertThat(page.records().get(0).doi()).isEqualTo("10.5555/widget.2023.001");
    assertThat(page.records().get(2).title()).isEqualTo("0");
    String url = requests().get(0).getUrl();
    assertThat(url).doesNotContain(" ").doesNotContain("\"")
        .contains("search_query=ti%3A%22knowledge%20distillation%22%20AND%20cat%3Acs.LG");
  }

  @Test
  void searchReadsARealPage() throws Exception {
    byte[] body = RealFixtures.bytes("arxiv/arxiv_2026_search_testing_start0_max10.xml");
    stubFor(get(urlPathEqualTo(PATH)).withQueryParam("search_query", equalTo("testing"))
        .willReturn(aResponse().withStatus(200).withBody(body)));
    ArxivSearchPage page = source(100).searchPage("testing", 0, 10);
    assertThat(page.totalResults()).isEqualTo(214881);
    assertThat(page.records()).hasSize(10);
    assertThat(page.records().stream().filter(r -> r.doi() != null)).hasSize(6);
  }

  @Test
  void searchErrorIsAClientFailure() {
    stubFor(get(urlPathEqualTo(PATH)).willReturn(atom(400, AtomFeeds.error("nope"))));
    assertThatThrownBy(() -> source(100).searchPage("all:x", 0, 10))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.CLIENT);
          assertThat(e.getMessage()).contains("incorrect id format for nope");
          assertThat(e.url()).contains("search_query=all%3Ax");
        });
  }

  @Test
  void searchRefusesNonsenseArguments() {
    ArxivSource s = source(100);
    assertThatThrownBy(() -> s.searchPage(" ", 0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.searchPage("x", -1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.searchPage("x", 0, 0)).isInstanceOf(IllegalArgumentException.class);
    verify(exactly(0), getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void constructorRefusesABadUrlOrBatchSize() {
    assertThatThrownBy(() -> new ArxivSource("not a url", null, null, time, 100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a url");
    assertThatThrownBy(() -> new ArxivSource(base, null, null, time, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void policyRecognizesRateExceededOnlyAsPlainText() {
    Policy p = ArxivSource.defaultPolicy(Duration.ofSeconds(3), 4, Duration.ofSeconds(60));
    assertThat(p.source()).isEqualTo("arxiv");
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(p.maxRetries()).isEqualTo(4);
    assertThat(p.maxBackoff()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.softTryLater().test(reply(200, "Rate exceeded."))).isTrue();
    assertThat(p.softTryLater().test(reply(403, "Rate exceeded.\n"))).isTrue();
    assertThat(p.softTryLater().test(reply(200, AtomFeeds.feed("1501.00001v1")))).isFalse();
    assertThat(p.softTryLater().test(reply(200, "<p>Rate exceeded.</p>"))).isFalse();
    assertThat(p.softTryLater().test(reply(500, "Rate exceeded."))).isFalse();
    assertThat(p.softTryLater().test(reply(200, ""))).isFalse();
  }

  private static Reply reply(int status, String body) {
    return new Reply(status, "http://x/", Map.of(), body.getBytes(StandardCharsets.UTF_8));
  }
}
