package dev.papers.source.s2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static dev.papers.source.s2.TestKit.BASE_PATH;
import static dev.papers.source.s2.TestKit.hex40;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.http.Policy;
import dev.papers.model.PaperId;
import dev.papers.source.Lookup;
import dev.papers.source.SourceException;
import dev.papers.testing.FakeTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API key goes in {@code x-api-key} and nowhere else: no message, no toString, no URL. */
@WireMockTest
class S2SecretTest {
  private static final String KEY = "s2k-7f3c9a1e-VERY-SECRET";
  private final FakeTime time = new FakeTime();

  @Test
  void keyIsSentInTheHeaderOnEveryKindOfRequest(WireMockRuntimeInfo wm) throws Exception {
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:1")).withHeader("x-api-key", equalTo(KEY))
        .willReturn(okJson("{\"paperId\":\"" + hex40(1) + "\"}")));
    stubFor(post(urlPathEqualTo(BASE_PATH + "/paper/batch")).withHeader("x-api-key", equalTo(KEY))
        .willReturn(okJson("[null, null]")));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/search/match")).withHeader("x-api-key", equalTo(KEY))
        .willReturn(okJson("{\"data\":[]}")));
    S2Source s = TestKit.source(wm, time, 0, "  " + KEY + "\n");

    assertThat(s.lookup(List.of(PaperId.corpus(1)), null).get(PaperId.corpus(1))).isInstanceOf(Lookup.Found.class);
    assertThat(s.lookup(List.of(PaperId.corpus(2), PaperId.corpus(3)), null).values())
        .allMatch(l -> l instanceof Lookup.NotFound);
    assertThat(s.matchTitle("t")).isEmpty();
    verify(3, anyRequestedFor(anyUrl()).withHeader("x-api-key", equalTo(KEY)));
  }

  @Test
  void noKeyNoHeader(WireMockRuntimeInfo wm) {
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:1")).withHeader("x-api-key", absent())
        .willReturn(okJson("{\"paperId\":\"" + hex40(1) + "\"}")));
    for (String none : new String[] {null, "", "   "}) {
      S2Source s = TestKit.source(wm, time, 0, none);
      assertThat(s.lookup(List.of(PaperId.corpus(1)), null).get(PaperId.corpus(1))).isInstanceOf(Lookup.Found.class);
      assertThat(S2Source.defaultPolicy(Duration.ZERO, 0, Duration.ZERO, none).headers()).isEmpty();
    }
    verify(3, anyRequestedFor(anyUrl()).withHeader("x-api-key", absent()));
  }

  @Test
  void keyAppearsInNoMessageNoToStringNoUrl(WireMockRuntimeInfo wm) {
    String echo = "{\"error\":\"bad key " + KEY + "\"}";
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:1"))
        .willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Forbidden " + KEY + "\"}")));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:2")).willReturn(aResponse().withStatus(429)));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:3")).willReturn(aResponse().withStatus(500)));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:4")).willReturn(aResponse().withStatus(400).withBody(echo)));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:5")).willReturn(aResponse().withStatus(404).withBody(echo)));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:6")).willReturn(okJson(KEY + " is not JSON")));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/CorpusId:7"))
        .willReturn(aResponse().withStatus(504).withBody("{\"message\":\"Endpoint request timed out\"}")));
    stubFor(post(urlPathEqualTo(BASE_PATH + "/paper/batch")).willReturn(aResponse().withStatus(401).withBody(echo)));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/search/match")).willReturn(aResponse().withStatus(400).withBody(echo)));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/search/bulk")).willReturn(aResponse().withStatus(403).withBody(echo)));
    stubFor(get(urlPathEqualTo(BASE_PATH + "/paper/search")).willReturn(okJson("[\"" + KEY + "\"]")));
    Policy policy = S2Source.defaultPolicy(Duration.ZERO, 1, Duration.ofSeconds(5), KEY);
    S2Source s = TestKit.source(wm, time, policy);
    List<String> texts = new ArrayList<>();
    List<SourceException> errors = new ArrayList<>();

    for (int n = 1; n <= 7; n++) {
      Map<PaperId, Lookup> one = s.lookup(List.of(PaperId.corpus(n)), null);
      texts.add(one.toString());
      one.values().forEach(l -> {
        if (l instanceof Lookup.Failed f) {
          errors.add(f.error());
        }
      });
    }
    Map<PaperId, Lookup> batch = s.lookup(List.of(PaperId.corpus(8), PaperId.corpus(9)), null);
    texts.add(batch.toString());
    errors.add(((Lookup.Failed) batch.get(PaperId.corpus(8))).error());
    collect(errors, () -> s.matchTitle("t"));
    collect(errors, () -> s.searchBulk("q", null));
    collect(errors, () -> s.searchRelevance("q", 0, 10));

    assertThat(errors).hasSize(9); // ids 1, 2, 3, 6, 7 (4 and 5 are not found), the batch, match, bulk, search
    for (SourceException e : errors) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        texts.add(String.valueOf(t.getMessage()));
        texts.add(t.toString());
      }
      texts.add(e.url());
    }
    texts.add(s.toString());
    texts.add(policy.toString());
    assertThat(texts).isNotEmpty().noneMatch(t -> t.contains(KEY));
    assertThat(String.join("\n", texts)).contains("***").contains("Forbidden").contains("x-api-key");
    assertThat(s.toString()).contains("api key set");
  }

  private interface Call {
    Object run() throws SourceException;
  }

  private static void collect(List<SourceException> errors, Call c) {
    try {
      c.run();
    } catch (SourceException e) {
      errors.add(e);
    }
  }
}
