package dev.papers.source.s2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.papers.source.s2.TestKit.BASE_PATH;
import static dev.papers.source.s2.TestKit.hex40;
import static dev.papers.source.s2.TestKit.own;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.papers.json.Json;
import dev.papers.model.PaperId;
import dev.papers.source.Lookup;
import dev.papers.source.SourceException;
import dev.papers.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link S2Source#lookup}: single GETs, batches, failures and retries, against WireMock. */
@WireMockTest
class S2LookupTest {
  private static final String BATCH = BASE_PATH + "/paper/batch";
  private FakeTime time;

  @BeforeEach
  void setUp() {
    time = new FakeTime();
  }

  private S2Source source(WireMockRuntimeInfo wm, int maxRetries) {
    return TestKit.source(wm, time, maxRetries, null);
  }

  private static List<PaperId> corpusIds(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(PaperId::corpus).toList();
  }

  /** The batch answer S2 would give for corpus ids: null for every 7th, a contradiction for 5. */
  private static String corpusAnswer(int from, int to) {
    ArrayNode a = Json.mapper().createArrayNode();
    for (int n = from; n <= to; n++) {
      if (n % 7 == 0) {
        a.addNull();
        continue;
      }
      ObjectNode p = a.addObject();
      p.put("paperId", hex40(n));
      p.put("corpusId", n == 5 ? 99_999 : n);
      p.put("title", "Paper " + n);
      p.put("citationCount", n * 10);
    }
    return a.toString();
  }

  private static String firstId(int n) {
    return "CorpusId:" + n;
  }

  @Test
  void twelveHundredIdsTakeExactlyThreeBatchesAndLandOnTheirIds(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(BATCH)).withQueryParam("fields", equalTo(S2Source.FIELDS))
        .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
        .withRequestBody(matchingJsonPath("$.ids[0]", equalTo(firstId(1))))
        .willReturn(okJson(corpusAnswer(1, 500))));
    stubFor(post(urlPathEqualTo(BATCH)).withQueryParam("fields", equalTo(S2Source.FIELDS))
        .withRequestBody(matchingJsonPath("$.ids[0]", equalTo(firstId(501))))
        .willReturn(okJson(corpusAnswer(501, 1000))));
    stubFor(post(urlPathEqualTo(BATCH)).withQueryParam("fields", equalTo(S2Source.FIELDS))
        .withRequestBody(matchingJsonPath("$.ids[0]", equalTo(firstId(1001))))
        .willReturn(okJson(corpusAnswer(1001, 1200))));
    List<PaperId> ids = corpusIds(1, 1200);
    List<long[]> progress = new ArrayList<>();

    Map<PaperId, Lookup> got = source(wm, 2).lookup(ids, (done, total, what) -> progress.add(new long[] {done, total}));

    verify(3, postRequestedFor(urlPathEqualTo(BATCH)));
    List<LoggedRequest> reqs = new ArrayList<>(findAll(postRequestedFor(urlPathEqualTo(BATCH))));
    reqs.sort(Comparator.comparingInt(r -> Integer.parseInt(TestKit.ids(r.getBodyAsString()).get(0).substring(9))));
    assertThat(reqs).extracting(r -> TestKit.ids(r.getBodyAsString()).size()).containsExactly(500, 500, 200);
    List<String> sent = new ArrayList<>();
    reqs.forEach(r -> sent.addAll(TestKit.ids(r.getBodyAsString())));
    assertThat(sent).isEqualTo(ids.stream().map(id -> "CorpusId:" + id.value()).toList());

    assertThat(got.keySet()).containsExactlyElementsOf(ids);
    for (int n = 1; n <= 1200; n++) {
      Lookup l = got.get(PaperId.corpus(n));
      if (n % 7 == 0) {
        assertThat(l).as("id %d", n).isInstanceOf(Lookup.NotFound.class);
      } else if (n == 5) {
        assertThat(l).as("contradicting corpus id").isInstanceOf(Lookup.NotFound.class);
        assertThat(((Lookup.NotFound) l).reason()).contains("CorpusId:99999");
      } else {
        assertThat(l).as("id %d", n).isInstanceOf(Lookup.Found.class);
        assertThat(((Lookup.Found) l).record().count()).isEqualTo(n * 10);
        assertThat(((Lookup.Found) l).record().s2Id()).isEqualTo(hex40(n));
        assertThat(((Lookup.Found) l).record().observedAt()).isEqualTo(time.instant());
      }
    }
    assertThat(progress).extracting(p -> p[0]).containsExactly(500L, 1000L, 1200L);
  }

  @Test
  void batchDedupesSendsArxivWithoutVersionAndChecksWhatComesBack(WireMockRuntimeInfo wm) {
    String answer = "[{\"paperId\":\"" + hex40(1) + "\",\"externalIds\":{\"ArXiv\":\"1909.10351\"},\"citationCount\":7},"
        + "null,"
        + "{\"paperId\":\"" + hex40(3) + "\",\"externalIds\":{\"DOI\":\"10.1145/1541880.1541882\"},\"citationCount\":9},"
        + "{\"paperId\":\"" + hex40(4) + "\",\"externalIds\":{\"ArXiv\":\"1810.04805\"},\"citationCount\":120985}]";
    stubFor(post(urlPathEqualTo(BATCH)).willReturn(okJson(answer)));
    List<PaperId> ids = List.of(PaperId.parse("1909.10351v2"), PaperId.parse("arXiv:1909.10351"),
        PaperId.parse("hep-th/9901001v3"), PaperId.parse("doi:10.1145/1541880.1541882"),
        PaperId.parse("scholar:15570691018430890829"), PaperId.parse("1706.03762"), PaperId.parse("1909.10351v2"));

    Map<PaperId, Lookup> got = source(wm, 0).lookup(ids, null);

    verify(1, postRequestedFor(urlPathEqualTo(BATCH)));
    assertThat(TestKit.ids(findAll(postRequestedFor(urlPathEqualTo(BATCH))).get(0).getBodyAsString()))
        .containsExactly("ARXIV:1909.10351", "ARXIV:hep-th/9901001", "DOI:10.1145/1541880.1541882", "ARXIV:1706.03762");
    assertThat(got).hasSize(6);
    assertThat(got.get(PaperId.parse("1909.10351v2"))).isInstanceOf(Lookup.Found.class);
    assertThat(got.get(PaperId.parse("1909.10351"))).isEqualTo(got.get(PaperId.parse("1909.10351v2")));
    assertThat(got.get(PaperId.parse("hep-th/9901001v3"))).isInstanceOf(Lookup.NotFound.class);
    assertThat(((Lookup.Found) got.get(PaperId.parse("10.1145/1541880.1541882"))).record().count()).isEqualTo(9);
    assertThat(got.get(PaperId.parse("scholar:15570691018430890829"))).isInstanceOf(Lookup.NotFound.class);
    Lookup wrong = got.get(PaperId.parse("1706.03762"));
    assertThat(wrong).as("answer names arXiv 1810.04805 for 1706.03762").isInstanceOf(Lookup.NotFound.class);
    assertThat(((Lookup.NotFound) wrong).reason()).contains("1810.04805");
  }

  @Test
  void acceptsEverythingButScholar() {
    S2Source s = new S2Source("http://localhost:1", null,
        S2Source.defaultPolicy(Duration.ZERO, 0, Duration.ZERO, null), time);
    assertThat(s.accepts(PaperId.parse("1909.10351v1"))).isTrue();
    assertThat(s.accepts(PaperId.parse("10.1145/1541880.1541882"))).isTrue();
    assertThat(s.accepts(PaperId.parse("CorpusId:1"))).isTrue();
    assertThat(s.accepts(PaperId.parse(hex40(1)))).isTrue();
    assertThat(s.accepts(PaperId.parse("scholar:15570691018430890829"))).isFalse();
    assertThat(s.name()).isEqualTo("semanticScholar");
  }

  @Test
  void onlyScholarIdsSendNothing(WireMockRuntimeInfo wm) {
    PaperId sch = PaperId.parse("scholar:1");
    assertThat(source(wm, 0).lookup(List.of(sch), null).get(sch)).isInstanceOf(Lookup.NotFound.class);
    verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void singleVersionedArxivIsOneGetWithoutVersion(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/ARXIV:1909.10351")).withQueryParam("fields", equalTo(S2Source.FIELDS))
        .willReturn(okJson(own("paper_tinybert.json"))));
    PaperId id = PaperId.parse("https://arxiv.org/abs/1909.10351v3");

    Lookup l = source(wm, 0).lookup(List.of(id), null).get(id);

    assertThat(l).isInstanceOf(Lookup.Found.class);
    assertThat(((Lookup.Found) l).record().count()).isEqualTo(1500);
    assertThat(((Lookup.Found) l).record().arxivId()).isEqualTo("1909.10351");
    verify(1, getRequestedFor(urlPathEqualTo(BASE_PATH + "/paper/ARXIV:1909.10351")));
    verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void singleOldStyleArxivAndDoiKeepTheirSlash(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/ARXIV:hep-th/9901001"))
        .willReturn(okJson("{\"paperId\":\"" + hex40(1) + "\",\"externalIds\":{\"ArXiv\":\"hep-th/9901001\"}}")));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/DOI:10.1145/1541880.1541882"))
        .willReturn(okJson("{\"paperId\":\"" + hex40(2) + "\",\"citationCount\":3}")));
    PaperId old = PaperId.parse("hep-th/9901001v2");
    PaperId doi = PaperId.parse("https://doi.org/10.1145/1541880.1541882");
    S2Source s = source(wm, 0);

    assertThat(s.lookup(List.of(old), null).get(old)).isInstanceOf(Lookup.Found.class);
    assertThat(s.lookup(List.of(doi), null).get(doi)).isInstanceOf(Lookup.Found.class);
  }

  @Test
  void aFourHundredAboutTheFieldsIsAFailureNotANotFound(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/ARXIV:1706.03762")).willReturn(aResponse().withStatus(400)
        .withBody(dev.papers.testing.RealFixtures.bytes("s2/s2_2023_paper_400_unrecognized_fields.json"))));
    PaperId a = PaperId.parse("1706.03762");

    Lookup l = source(wm, 3).lookup(List.of(a), null).get(a);

    assertThat(l).isInstanceOf(Lookup.Failed.class);
    SourceException e = ((Lookup.Failed) l).error();
    assertThat(e.kind()).isEqualTo(SourceException.Kind.CLIENT);
    assertThat(e.isTryLater()).isFalse();
    assertThat(e.getMessage()).contains("HTTP 400").contains("Unrecognized or unsupported fields");
    verify(1, getRequestedFor(urlPathEqualTo(BASE_PATH + "/paper/ARXIV:1706.03762")));
  }

  @Test
  void notFoundAndBadIdAnswersAreNotFoundWithS2sWords(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/ARXIV:0704.0001"))
        .willReturn(aResponse().withStatus(404).withBody(own("error_404.json"))));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:1"))
        .willReturn(aResponse().withStatus(400).withBody(own("error_400.json"))));
    PaperId a = PaperId.parse("0704.0001");
    PaperId c = PaperId.corpus(1);
    S2Source s = source(wm, 3);

    Lookup la = s.lookup(List.of(a), null).get(a);
    Lookup lc = s.lookup(List.of(c), null).get(c);

    assertThat(la).isInstanceOf(Lookup.NotFound.class);
    assertThat(((Lookup.NotFound) la).reason()).isEqualTo("Paper with id ARXIV:0704.00001 not found");
    assertThat(lc).isInstanceOf(Lookup.NotFound.class);
    assertThat(((Lookup.NotFound) lc).reason()).isEqualTo("No valid paper ids given");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void otherClientAndServerErrorsFailWithTheUrl(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:1"))
        .willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Forbidden\"}")));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:2")).willReturn(aResponse().withStatus(500)));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:3")).willReturn(aResponse().withStatus(418)));
    S2Source s = source(wm, 1);

    SourceException e1 = failed(s, PaperId.corpus(1));
    assertThat(e1.kind()).isEqualTo(SourceException.Kind.CLIENT);
    assertThat(e1.status()).isEqualTo(403);
    assertThat(e1.getMessage()).contains("403").contains("Forbidden");
    assertThat(e1.url()).contains("/graph/v1/paper/CorpusId:1?fields=");
    SourceException e2 = failed(s, PaperId.corpus(2));
    assertThat(e2.kind()).isEqualTo(SourceException.Kind.SERVER);
    verify(2, getRequestedFor(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:2")));
    assertThat(failed(s, PaperId.corpus(3)).kind()).isEqualTo(SourceException.Kind.CLIENT);
  }

  @Test
  void garbageAndPaperlessAnswersAreParseFailures(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:1")).willReturn(okJson("<html>oops</html>")));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:2")).willReturn(okJson("{\"title\":\"no id\"}")));
    S2Source s = source(wm, 0);
    assertThat(failed(s, PaperId.corpus(1)).kind()).isEqualTo(SourceException.Kind.PARSE);
    assertThat(failed(s, PaperId.corpus(2)).kind()).isEqualTo(SourceException.Kind.PARSE);
  }

  private static SourceException failed(S2Source s, PaperId id) {
    Lookup l = s.lookup(List.of(id), null).get(id);
    assertThat(l).isInstanceOf(Lookup.Failed.class);
    return ((Lookup.Failed) l).error();
  }

  @Test
  void rateLimitedTwiceThenAnswered(WireMockRuntimeInfo wm) {
    String url = BASE_PATH + "/paper/CorpusId:7";
    stubFor(get(urlPathEqualTo(url)).inScenario("r").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withBody(own("error_429.json"))).willSetStateTo("once"));
    stubFor(get(urlPathEqualTo(url)).inScenario("r").whenScenarioStateIs("once")
        .willReturn(aResponse().withStatus(429).withBody(own("error_429.json"))).willSetStateTo("twice"));
    stubFor(get(urlPathEqualTo(url)).inScenario("r").whenScenarioStateIs("twice")
        .willReturn(okJson("{\"paperId\":\"" + hex40(7) + "\",\"corpusId\":7,\"citationCount\":70}")));
    PaperId id = PaperId.corpus(7);

    Lookup l = source(wm, 4).lookup(List.of(id), null).get(id);

    assertThat(l).isInstanceOf(Lookup.Found.class);
    assertThat(((Lookup.Found) l).record().count()).isEqualTo(70);
    verify(3, getRequestedFor(urlPathEqualTo(url)));
    assertThat(time.sleeps()).hasSize(2).allSatisfy(d -> assertThat(d).isPositive()
        .isLessThanOrEqualTo(Duration.ofSeconds(30)));
  }

  @Test
  void rateLimitedForeverFailsEveryIdAfterMaxRetriesPlusOneRequests(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(BATCH)).willReturn(aResponse().withStatus(429).withBody(own("error_429.json"))));
    List<PaperId> ids = corpusIds(1, 1200);

    Map<PaperId, Lookup> got = source(wm, 2).lookup(ids, null);

    verify(3, postRequestedFor(urlPathEqualTo(BATCH)));
    assertThat(TestKit.ids(findAll(postRequestedFor(urlPathEqualTo(BATCH))).get(2).getBodyAsString()))
        .hasSize(500).startsWith("CorpusId:1");
    SourceException first = ((Lookup.Failed) got.get(PaperId.corpus(1))).error();
    assertThat(first.isTryLater()).isTrue();
    assertThat(first.status()).isEqualTo(429);
    assertThat(got.values()).hasSize(1200).allSatisfy(l -> {
      assertThat(l).isInstanceOf(Lookup.Failed.class);
      assertThat(((Lookup.Failed) l).error()).isSameAs(first);
    });
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void tryLaterOnTheSecondChunkStopsBeforeTheThird(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.ids[0]", equalTo(firstId(1))))
        .willReturn(okJson(corpusAnswer(1, 500))));
    stubFor(post(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.ids[0]", equalTo(firstId(501))))
        .willReturn(aResponse().withStatus(503)));
    List<PaperId> ids = corpusIds(1, 1200);

    Map<PaperId, Lookup> got = source(wm, 1).lookup(ids, null);

    verify(3, postRequestedFor(urlPathEqualTo(BATCH))); // 1 + (1 + 1 retry); chunk 3 never sent
    assertThat(got.get(PaperId.corpus(1))).isInstanceOf(Lookup.Found.class);
    SourceException e = ((Lookup.Failed) got.get(PaperId.corpus(501))).error();
    assertThat(e.isTryLater()).isTrue();
    assertThat(((Lookup.Failed) got.get(PaperId.corpus(1200))).error()).isSameAs(e);
  }

  @Test
  void aClientFailureOnOneChunkDoesNotStopTheNext(WireMockRuntimeInfo wm) {
    stubFor(post(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.ids[0]", equalTo(firstId(1))))
        .willReturn(aResponse().withStatus(400).withBody(own("error_400.json"))));
    stubFor(post(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.ids[0]", equalTo(firstId(501))))
        .willReturn(okJson("[null, null]")));
    stubFor(post(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.ids[0]", equalTo(firstId(1001))))
        .willReturn(okJson(corpusAnswer(1001, 1200))));

    Map<PaperId, Lookup> got = source(wm, 0).lookup(corpusIds(1, 1200), null);

    verify(3, postRequestedFor(urlPathEqualTo(BATCH)));
    SourceException e = ((Lookup.Failed) got.get(PaperId.corpus(2))).error();
    assertThat(e.kind()).isEqualTo(SourceException.Kind.CLIENT);
    assertThat(e.getMessage()).contains("No valid paper ids given");
    SourceException wrongLength = ((Lookup.Failed) got.get(PaperId.corpus(600))).error();
    assertThat(wrongLength.kind()).isEqualTo(SourceException.Kind.PARSE);
    assertThat(wrongLength.getMessage()).contains("2 papers for 500 ids");
    assertThat(got.get(PaperId.corpus(1002))).isInstanceOf(Lookup.Found.class);
    assertThat(got.get(PaperId.corpus(1001))).isInstanceOf(Lookup.NotFound.class);
  }

  @Test
  void gatewayTimeoutIsTryLaterAndNeverACount(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:1"))
        .willReturn(aResponse().withStatus(504).withBody(own("error_504_gateway.json"))));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:2"))
        .willReturn(aResponse().withStatus(502).withBody(own("error_504_gateway.json"))));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:3")).willReturn(okJson(own("error_504_gateway.json"))));
    stubFor(post(urlPathEqualTo(BATCH))
        .willReturn(aResponse().withStatus(504).withBody(own("error_504_gateway.json"))));
    S2Source s = source(wm, 1);

    for (int n = 1; n <= 3; n++) {
      SourceException e = failed(s, PaperId.corpus(n));
      assertThat(e.isTryLater()).as("CorpusId:%d", n).isTrue();
      verify(2, getRequestedFor(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:" + n)));
    }
    Map<PaperId, Lookup> batch = s.lookup(corpusIds(10, 11), null);
    assertThat(batch.values()).allSatisfy(l -> {
      assertThat(l).isInstanceOf(Lookup.Failed.class);
      assertThat(((Lookup.Failed) l).error().isTryLater()).isTrue();
    });
  }
}
