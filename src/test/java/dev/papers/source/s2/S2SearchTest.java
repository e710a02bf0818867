package dev.papers.source.s2;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.papers.source.s2.TestKit.BASE_PATH;
import static dev.papers.source.s2.TestKit.citationPage;
import static dev.papers.source.s2.TestKit.own;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.model.Histogram;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.source.SourceException;
import dev.papers.testing.FakeTime;
import dev.papers.testing.RealFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Title match, bulk and relevance search, citations and histograms, against WireMock. */
@WireMockTest
class S2SearchTest {
  private static final String MATCH = BASE_PATH + "/paper/search/match";
  private static final String BULK = BASE_PATH + "/paper/search/bulk";
  private static final String SEARCH = BASE_PATH + "/paper/search";
  private static final String PAPER = "204e3073870fae3d05bcbc2f6a8e263d9b72e776";
  private static final String CITATIONS = BASE_PATH + "/paper/" + PAPER + "/citations";
  private FakeTime time;

  @BeforeEach
  void setUp() {
    time = new FakeTime();
  }

  private S2Source source(WireMockRuntimeInfo wm) {
    return TestKit.source(wm, time, 1, null);
  }

  // ---- title match ----

  @Test
  void matchTitleSendsOneLineQueryAndFields(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo(MATCH))
        .withQueryParam("query", equalTo("TinyBERT: Distilling BERT for Natural Language Understanding"))
        .withQueryParam("fields", equalTo(S2Source.FIELDS))
        .willReturn(okJson(own("match_one.json"))));

    Optional<SourceRecord> r =
        source(wm).matchTitle("TinyBERT:  Distilling BERT\n for Natural Language Understanding ");

    assertThat(r).isPresent();
    assertThat(r.get().arxivId()).isEqualTo("1909.10351");
    assertThat(r.get().count()).isEqualTo(1500);
    assertThat(r.get().observedAt()).isEqualTo(time.instant());
  }

  @Test
  void matchTitleOnRealAttentionRecording(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo(MATCH)).withQueryParam("query", equalTo("Attention is All you Need"))
        .willReturn(okJson(RealFixtures.text("s2/s2_2024dec_paper_search_match_attention_arxiv1706.03762.json"))));

    SourceRecord r = source(wm).matchTitle("Attention is All you Need").orElseThrow();

    assertThat(r.count()).isEqualTo(111096);
    assertThat(r.s2Id()).isEqualTo(PAPER);
  }

  @Test
  void matchTitleNotFoundIsEmpty(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo(MATCH)).withQueryParam("query", equalTo("no such paper"))
        .willReturn(aResponse().withStatus(404).withBody(own("match_title_not_found.json"))));
    stubFor(get(urlPathEqualTo(MATCH)).withQueryParam("query", equalTo("empty data"))
        .willReturn(okJson("{\"data\": []}")));
    stubFor(get(urlPathEqualTo(MATCH)).withQueryParam("query", equalTo("id only"))
        .willReturn(okJson(own("match_paperid_only.json"))));
    S2Source s = source(wm);

    assertThat(s.matchTitle("no such paper")).isEmpty();
    assertThat(s.matchTitle("empty data")).isEmpty();
    SourceRecord idOnly = s.matchTitle("id only").orElseThrow();
    assertThat(idOnly.s2Id()).isEqualTo("eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee55");
    assertThat(idOnly.title()).isNull();
    assertThat(idOnly.count()).isNull();
  }

  @Test
  void blankTitleSendsNothing(WireMockRuntimeInfo wm) throws Exception {
    assertThat(source(wm).matchTitle(" \n\t")).isEmpty();
    assertThat(source(wm).matchTitle(null)).isEmpty();
    verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void matchTitleRefusedIsAClientFailure(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(MATCH)).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"bad query\"}")));
    assertThatThrownBy(() -> source(wm).matchTitle("x"))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.CLIENT);
          assertThat(e.getMessage()).contains("bad query");
          assertThat(e.url()).contains("/paper/search/match?query=x");
        });
  }

  // ---- bulk search ----

  @Test
  void bulkPagesWithTheTokenUntilThereIsNone(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo(BULK)).withQueryParam("query", equalTo("knowledge distillation"))
        .withQueryParam("sort", equalTo("citationCount:desc")).withQueryParam("fields", equalTo(S2Source.FIELDS))
        .withQueryParam("token", absent())
        .willReturn(okJson(own("bulk_page1.json"))));
    stubFor(get(urlPathEqualTo(BULK)).withQueryParam("query", equalTo("knowledge distillation"))
        .withQueryParam("sort", equalTo("citationCount:desc"))
        .withQueryParam("token", equalTo("PAGE2TOKEN"))
        .willReturn(okJson(own("bulk_page2.json"))));
    S2Source s = source(wm);
    List<SourceRecord> all = new ArrayList<>();
    List<Integer> totals = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      BulkPage p = s.searchBulk("knowledge distillation", token);
      all.addAll(p.records());
      totals.add(p.total());
      token = p.token();
      pages++;
    } while (token != null && pages < 10);

    assertThat(pages).isEqualTo(2);
    verify(2, getRequestedFor(urlPathEqualTo(BULK)));
    assertThat(totals).containsExactly(3, 3);
    assertThat(all).extracting(SourceRecord::count).containsExactly(900, 800, 700);
    assertThat(all).extracting(SourceRecord::title).containsExactly("Most cited", "Second most cited", "Third");
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 403, 404})
  void bulkRefusalIsAClientFailureToFallBackOn(int status, WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(BULK)).willReturn(aResponse().withStatus(status).withBody("{\"error\":\"no\"}")));
    assertThatThrownBy(() -> source(wm).searchBulk("q", null))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.CLIENT);
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.isTryLater()).isFalse();
        });
  }

  // ---- relevance search ----

  @Test
  void relevanceSearchPage(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("query", equalTo("distillation"))
        .withQueryParam("offset", equalTo("0")).withQueryParam("limit", equalTo("2"))
        .withQueryParam("fields", equalTo(S2Source.FIELDS))
        .willReturn(okJson(own("search_page.json"))));

    RelevancePage p = source(wm).searchRelevance("distillation", 0, 2);

    assertThat(p.total()).isEqualTo(1234);
    assertThat(p.next()).isEqualTo(2);
    assertThat(p.records()).extracting(SourceRecord::title).containsExactly("First hit", "Second hit");
    assertThat(p.records().get(1).count()).isNull();
  }

  @Test
  void emptySearchWithoutData(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo(SEARCH)).willReturn(okJson(own("search_no_data.json"))));
    RelevancePage p = source(wm).searchRelevance("n0 r3sult", 0, 100);
    assertThat(p.total()).isZero();
    assertThat(p.next()).isNull();
    assertThat(p.records()).isEmpty();
  }

  // ---- citations and histograms ----

  private static List<Integer> years(int n2020, int n2021, int n2022, int none) {
    List<Integer> y = new ArrayList<>();
    y.addAll(Collections.nCopies(n2020, 2020));
    y.addAll(Collections.nCopies(n2021, 2021));
    y.addAll(Collections.nCopies(n2022, 2022));
    y.addAll(Collections.nCopies(none, (Integer) null));
    return y;
  }

  private static void citations(int offset, int limit, Integer next, List<Integer> years) {
    stubFor(get(urlPathEqualTo(CITATIONS)).withQueryParam("fields", equalTo("year"))
        .withQueryParam("offset", equalTo(Integer.toString(offset)))
        .withQueryParam("limit", equalTo(Integer.toString(limit)))
        .willReturn(okJson(citationPage(offset, next, years))));
  }

  @Test
  void citationPageKeepsYearlessCitingPapers(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo(CITATIONS)).withQueryParam("offset", equalTo("0"))
        .willReturn(okJson(own("citations_page.json"))));
    CitationPage p = source(wm).citations(PaperId.s2(PAPER), 0, 5);
    assertThat(p.offset()).isZero();
    assertThat(p.next()).isEqualTo(5);
    assertThat(p.years()).containsExactly(2021, null, null, null, 2023);
  }

  @Test
  void histogramStopsAtTheCapAndScalesToTheTotal(WireMockRuntimeInfo wm) throws Exception {
    citations(0, 1000, 1000, years(600, 400, 0, 0));
    citations(1000, 1000, 2000, years(0, 500, 400, 100));

    Histogram h = source(wm).histogram(PaperId.s2(PAPER), 4000, 2000);

    verify(2, getRequestedFor(urlPathEqualTo(CITATIONS)));
    verify(0, getRequestedFor(urlPathEqualTo(CITATIONS)).withQueryParam("offset", equalTo("2000")));
    assertThat(h.partial()).isTrue();
    assertThat(h.counted()).isEqualTo(2000);
    assertThat(h.total()).isEqualTo(4000);
    // 1,900 of the 2,000 read have a year; each year doubles: 3,800 with a year out of 4,000
    assertThat(h.byYear()).containsExactly(entry(2020, 1200), entry(2021, 1800), entry(2022, 800));
    assertThat(h.source()).isEqualTo("semanticScholar");
    assertThat(h.madeAt()).isEqualTo(time.instant());
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void lastPageIsShortenedSoOffsetPlusLimitStaysWithinTheCap(WireMockRuntimeInfo wm) throws Exception {
    citations(0, 1000, 1000, years(1000, 0, 0, 0));
    citations(1000, 500, 1500, years(0, 500, 0, 0));

    Histogram h = source(wm).histogram(PaperId.s2(PAPER), null, 1500);

    verify(2, getRequestedFor(urlPathEqualTo(CITATIONS)));
    assertThat(h.partial()).isTrue();
    assertThat(h.total()).isNull();
    assertThat(h.byYear()).containsExactly(entry(2020, 1000), entry(2021, 500));
  }

  @Test
  void defaultCapStaysBelowS2sTenThousandWindow(WireMockRuntimeInfo wm) throws Exception {
    for (int off = 0; off < 9000; off += 1000) {
      citations(off, 1000, off + 1000, years(1000, 0, 0, 0));
    }
    citations(9000, 999, 9999, years(999, 0, 0, 0));

    Histogram h = source(wm).histogram(PaperId.s2(PAPER), 50_000, S2Source.CITATION_CAP);

    verify(10, getRequestedFor(urlPathEqualTo(CITATIONS)));
    assertThat(h.partial()).isTrue();
    assertThat(h.counted()).isEqualTo(9999);
    assertThat(h.byYear()).containsExactly(entry(2020, 50_000));
  }

  @Test
  void completeHistogramIsNotScaled(WireMockRuntimeInfo wm) throws Exception {
    citations(0, 1000, 1000, years(3, 0, 0, 0));
    citations(1000, 1000, null, years(0, 2, 1, 1));

    Histogram h = source(wm).histogram(PaperId.s2(PAPER), 100, 10_000);

    assertThat(h.partial()).isFalse();
    assertThat(h.counted()).isEqualTo(7);
    assertThat(h.total()).isEqualTo(100);
    assertThat(h.byYear()).containsExactly(entry(2020, 3), entry(2021, 2), entry(2022, 1));
  }

  @Test
  void aRefusedLaterPageEndsTheCountAsPartial(WireMockRuntimeInfo wm) throws Exception {
    citations(0, 1000, 1000, years(1000, 0, 0, 0));
    stubFor(get(urlPathEqualTo(CITATIONS)).withQueryParam("offset", equalTo("1000"))
        .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"offset + limit must be < 10000\"}")));

    Histogram h = source(wm).histogram(PaperId.s2(PAPER), 3000, 10_000);

    assertThat(h.partial()).isTrue();
    assertThat(h.byYear()).containsExactly(entry(2020, 3000));
  }

  @Test
  void histogramFailsOnATryLaterPage(WireMockRuntimeInfo wm) {
    citations(0, 1000, 1000, years(1000, 0, 0, 0));
    stubFor(get(urlPathEqualTo(CITATIONS)).withQueryParam("offset", equalTo("1000"))
        .willReturn(aResponse().withStatus(429)));
    assertThatThrownBy(() -> source(wm).histogram(PaperId.s2(PAPER), 3000, 10_000))
        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.isTryLater()).isTrue());
  }

  @Test
  void citationsOfAnUnknownPaperFailOnTheFirstPage(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(CITATIONS))
        .willReturn(aResponse().withStatus(404).withBody("{\"error\":\"Paper with id " + PAPER + " not found\"}")));
    assertThatThrownBy(() -> source(wm).histogram(PaperId.s2(PAPER), 10, 10_000))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.CLIENT);
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.getMessage()).contains("not found");
        });
  }

  @Test
  void citationsOfADoiKeepTheSlashInThePath(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/DOI:10.1145/1541880.1541882/citations"))
        .willReturn(okJson(citationPage(0, null, List.of(2019)))));
    assertThat(source(wm).citations(PaperId.parse("10.1145/1541880.1541882"), 0, 1000).years())
        .containsExactly(2019);
  }
}
