package dev.papers.source.s2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.http.IntervalGate;
import dev.papers.http.Upstream;
import dev.papers.model.SourceRecord;
import dev.papers.source.SourceException;
import dev.papers.testing.FakeTime;
import dev.papers.testing.RealFixtures;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Recommendations API: its request, the recorded answers, and its failures. */
@WireMockTest
class S2RecommendationsTest {
  private static final String PATH = "/recommendations/v1/papers/";
  private static final String KEY = "rec-key-5b1d-SECRET";
  private final FakeTime time = new FakeTime();

  private S2Recommendations source(WireMockRuntimeInfo wm, int retries, String key) {
    Upstream up = new Upstream(() -> TestKit.CLIENT, new IntervalGate(null, time, time), time, time, new Random(7));
    return new S2Recommendations(wm.getHttpBaseUrl() + "/recommendations/v1", up,
        S2Source.defaultPolicy(Duration.ZERO, retries, Duration.ofSeconds(30), key), time);
  }

  @Test
  void recordedAnswerOfAHundredPapersParsesInOrder() throws IOException {
    List<S2Dto.Paper> papers = S2Recommendations.parse(
        RealFixtures.bytes("s2/s2_2024_recommendations_forpaper_10.2139_ssrn.2250500.json"));
    assertThat(papers).hasSize(100).doesNotContainNull();
    assertThat(papers.get(0).paperId()).isEqualTo("3e9bc879e8ba944d3e830e4b8565dfe6f2ec4bd8");
    assertThat(papers.get(0).title()).startsWith("Report shows slight improvement on grantmaker diversity");
    assertThat(papers.get(1).title()).isEqualTo("Diversifying the board starts with self\u2010examination, assessment of needs");
    assertThat(papers.get(99).paperId()).isEqualTo("1ee12e484201294c66fb3889282f0da564d1b88e");
    // fields=title: no counts, no ids beyond paperId; the normalizer leaves them unknown, never 0
    SourceRecord r = S2Normalizer.record(papers.get(0), time.instant());
    assertThat(r.count()).isNull();
    assertThat(r.arxivId()).isNull();
    assertThat(r.s2Id()).isEqualTo("3e9bc879e8ba944d3e830e4b8565dfe6f2ec4bd8");
  }

  @Test
  void recordedEmptyAnswerIsNoPapers() throws IOException {
    assertThat(S2Recommendations.parse(RealFixtures.bytes("s2/s2_2023_recommendations_forpaper_empty.json"))).isEmpty();
  }

  @Test
  void handMadeAnswerKeepsNullsForTheCallerAndSkipsThemInRecords(WireMockRuntimeInfo wm) throws Exception {
    byte[] body = RealFixtures.resource("s2/recommendations_mixed.json");
    List<S2Dto.Paper> papers = S2Recommendations.parse(body);
    assertThat(papers).hasSize(5);
    assertThat(papers.get(1)).isNull();

    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(new String(body, java.nio.charset.StandardCharsets.UTF_8))));
    List<SourceRecord> recs = source(wm, 0, null).recommend(List.of(TestKit.hex40(9)), List.of(), 10);
    assertThat(recs).extracting(SourceRecord::s2Id).containsExactly(
        "c0ffee0000000000000000000000000000000001", "c0ffee0000000000000000000000000000000002",
        "c0ffee0000000000000000000000000000000003");
    SourceRecord first = recs.get(0);
    assertThat(first.source()).isEqualTo("semanticScholar");
    assertThat(first.arxivId()).isEqualTo("2101.00001");
    assertThat(first.doi()).isEqualTo("10.1000/xyz.1");
    assertThat(first.title()).isEqualTo("Tiny Students, Big Teachers");
    assertThat(first.venue()).isEqualTo("Journal of Small Models");
    assertThat(first.authors()).containsExactly("Ada Lovelace", "Émile Noether");
    assertThat(first.count()).isEqualTo(42);
    assertThat(first.influential()).isEqualTo(7);
    assertThat(first.published()).isEqualTo(LocalDate.of(2021, 1, 4));
    assertThat(first.observedAt()).isEqualTo(time.instant());
    assertThat(recs.get(1).count()).isNull();
    assertThat(recs.get(1).published()).isNull();
    assertThat(recs.get(2).count()).isEqualTo(3);
  }

  @Test
  void oneRequestCarriesPositivesNegativesFieldsLimitAndTheKey(WireMockRuntimeInfo wm) throws Exception {
    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"recommendedPapers\": []}")));
    String a = TestKit.hex40(1);
    String b = TestKit.hex40(2);
    String n = TestKit.hex40(3);
    List<SourceRecord> recs = source(wm, 0, KEY).recommend(
        List.of(a.toUpperCase(), a, " " + b + " ", ""), List.of(n, b), 250);
    assertThat(recs).isEmpty();
    verify(1, anyRequestedFor(anyUrl()));
    verify(postRequestedFor(urlPathEqualTo(PATH))
        .withQueryParam("limit", equalTo("250"))
        .withQueryParam("fields", equalTo(S2Source.FIELDS))
        .withHeader("x-api-key", equalTo(KEY))
        .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("application/json"))
        // deduplicated, lower-case; a paper that is both is a positive
        .withRequestBody(equalToJson("{\"positivePaperIds\": [\"" + a + "\", \"" + b + "\"],"
            + " \"negativePaperIds\": [\"" + n + "\"]}")));
  }

  @Test
  void noPositivesSendsNothing(WireMockRuntimeInfo wm) throws Exception {
    assertThat(source(wm, 0, null).recommend(List.of(), List.of(TestKit.hex40(3)), 10)).isEmpty();
    assertThat(source(wm, 0, null).recommend(List.of(" "), List.of(), 10)).isEmpty();
    verify(0, anyRequestedFor(anyUrl()));
    assertThatThrownBy(() -> source(wm, 0, null).recommend(List.of("x"), List.of(), 501))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failuresNameTheKindAndNeverTheKey(WireMockRuntimeInfo wm) {
    String a = TestKit.hex40(1);
    stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":\"No positive paper examples given " + KEY + "\"}")));
    assertThatThrownBy(() -> source(wm, 0, KEY).recommend(List.of(a), List.of(), 10))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.CLIENT);
          assertThat(e.isTryLater()).isFalse();
          assertThat(e.getMessage()).contains("HTTP 400").contains("No positive paper examples given")
              .doesNotContain(KEY);
          assertThat(e.url()).doesNotContain(KEY);
        });

    stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
        .withBody("{\"message\": \"Too Many Requests.\", \"code\": \"429\"}")));
    assertThatThrownBy(() -> source(wm, 1, KEY).recommend(List.of(a), List.of(), 10))
        .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.isTryLater()).isTrue());

    stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson("{\"data\": []}")));
    assertThatThrownBy(() -> source(wm, 0, KEY).recommend(List.of(a), List.of(), 10))
        .isInstanceOfSatisfying(SourceException.class, e -> {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.PARSE);
          assertThat(e.getMessage()).contains("recommendedPapers");
        });
    assertThat(source(wm, 0, KEY).toString()).doesNotContain(KEY).contains("api key set");
  }

  @Test
  void aBodyOfTheWrongShapeIsAParseError() {
    assertThatThrownBy(() -> S2Recommendations.parse(RealFixtures.resource("s2/recommendations_wrong_shape.json")))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> S2Recommendations.parse("[]".getBytes())).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> S2Recommendations.parse(new byte[0])).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> S2Recommendations.parse("{\"recommendedPapers\": null}".getBytes()))
        .isInstanceOf(IOException.class);
  }
}
