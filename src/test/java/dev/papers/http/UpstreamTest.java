package dev.papers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.papers.source.SourceException;
import dev.papers.source.SourceException.Kind;
import dev.papers.testing.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpstreamTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .failOnUnmatchedRequests(true)
      .build();

  private static final OkHttpClient CLIENT = new OkHttpClient.Builder()
      .connectTimeout(2, TimeUnit.SECONDS)
      .readTimeout(5, TimeUnit.SECONDS)
      .build();

  private FakeTime time;
  private Upstream upstream;

  @BeforeEach
  void setUp() {
    time = new FakeTime();
    upstream = upstream(CLIENT, new Random(42));
  }

  private Upstream upstream(OkHttpClient client, Random random) {
    return new Upstream(() -> client, new IntervalGate(null, time, time), time, time, random);
  }

  private static Policy policy(int maxRetries, Duration maxBackoff) {
    return new Policy("test", Duration.ZERO, maxRetries, maxBackoff, Map.of(), null);
  }

  private static Request req(String path) {
    return new Request.Builder().url(wm.url(path)).build();
  }

  @Test
  void okPassesThroughWithBodyHeadersAndFinalUrl() throws Exception {
    wm.stubFor(get("/start").willReturn(aResponse().withStatus(302).withHeader("Location", "/final")));
    wm.stubFor(get("/final").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/plain; charset=ISO-8859-1")
        .withHeader("X-Thing", "a")
        .withBody("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))));

    Reply r = upstream.send(req("/start"), policy(4, Duration.ofSeconds(60)));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.ok()).isTrue();
    assertThat(r.url()).isEqualTo(wm.url("/final"));
    assertThat(r.header("X-THING")).isEqualTo("a");
    assertThat(r.text()).isEqualTo("caf\u00e9");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void notFoundIsReturnedNotThrown() throws Exception {
    wm.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("nope")));

    Reply r = upstream.send(req("/missing"), policy(4, Duration.ofSeconds(60)));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.text()).isEqualTo("nope");
    wm.verify(1, getRequestedFor(urlEqualTo("/missing")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void tooManyRequestsTwiceThenOkRetriesWithGrowingJitteredBackoff() throws Exception {
    wm.stubFor(get("/r").inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429)).willSetStateTo("one"));
    wm.stubFor(get("/r").inScenario("s").whenScenarioStateIs("one")
        .willReturn(aResponse().withStatus(429)).willSetStateTo("two"));
    wm.stubFor(get("/r").inScenario("s").whenScenarioStateIs("two")
        .willReturn(aResponse().withStatus(200).withBody("ok")));

    Reply r = upstream.send(req("/r"), policy(4, Duration.ofSeconds(60)));

    assertThat(r.text()).isEqualTo("ok");
    wm.verify(3, getRequestedFor(urlEqualTo("/r")));
    List<Duration> sleeps = time.sleeps();
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  /** A Random whose every draw is the same value, to pin the jitter to either end. */
  private static Random fixedRandom(double value) {
    return new Random() {
      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 0.999999})
  void backoffDoublesWithinHalfAndFullOfTheCeilingAndIsCapped(double draw) {
    wm.stubFor(get("/busy").willReturn(aResponse().withStatus(503)));
    Upstream u = upstream(CLIENT, fixedRandom(draw));

    SourceException e = catchThrowableOfType(SourceException.class,
        () -> u.send(req("/busy"), policy(5, Duration.ofMillis(3000))));

    assertThat(e.kind()).isEqualTo(Kind.TRY_LATER);
    long[] ceilings = {1000, 2000, 3000, 3000, 3000};
    List<Duration> sleeps = time.sleeps();
    assertThat(sleeps).hasSize(ceilings.length);
    for (int i = 0; i < ceilings.length; i++) {
      long ms = sleeps.get(i).toMillis();
      assertThat(ms).as("sleep %d", i).isBetween(ceilings[i] / 2, ceilings[i]);
      assertThat(ms).as("sleep %d", i)
          .isCloseTo(ceilings[i] / 2 + (long) (draw * (ceilings[i] / 2)), org.assertj.core.data.Offset.offset(1L));
    }
  }

  @Test
  void unavailableForeverGivesUpAfterMaxRetriesWithTryLater() {
    wm.stubFor(get("/down?q=1").willReturn(aResponse().withStatus(503)));

    SourceException e = catchThrowableOfType(SourceException.class,
        () -> upstream.send(req("/down?q=1"), policy(3, Duration.ofSeconds(60))));

    assertThat(e.kind()).isEqualTo(Kind.TRY_LATER);
    assertThat(e.isTryLater()).isTrue();
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.url()).isEqualTo(wm.url("/down?q=1"));
    assertThat(e.source()).isEqualTo("test");
    wm.verify(4, getRequestedFor(urlEqualTo("/down?q=1")));
    assertThat(time.sleeps()).hasSize(3);
  }

  @Test
  void retryAfterSecondsIsHonouredExactly() throws Exception {
    wm.stubFor(get("/ra").inScenario("ra").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
    wm.stubFor(get("/ra").inScenario("ra").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200)));

    Reply r = upstream.send(req("/ra"), policy(4, Duration.ofSeconds(60)));

    assertThat(r.status()).isEqualTo(200);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterHttpDateIsHonoured() throws Exception {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        time.instant().plusSeconds(30).atOffset(ZoneOffset.UTC));
    wm.stubFor(get("/rd").inScenario("rd").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withHeader("Retry-After", date)).willSetStateTo("ok"));
    wm.stubFor(get("/rd").inScenario("rd").whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200)));

    Reply r = upstream.send(req("/rd"), policy(4, Duration.ofSeconds(60)));

    assertThat(r.status()).isEqualTo(200);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void retryAfterBeyondMaxBackoffGivesUpAtOnceWithRetryAt() {
    Instant start = time.instant();
    wm.stubFor(get("/later").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    SourceException e = catchThrowableOfType(SourceException.class,
        () -> upstream.send(req("/later"), policy(4, Duration.ofSeconds(60))));

    assertThat(e.kind()).isEqualTo(Kind.TRY_LATER);
    assertThat(e.status()).isEqualTo(429);
    assertThat(e.retryAt()).isEqualTo(start.plusSeconds(3600));
    assertThat(time.sleeps()).isEmpty();
    wm.verify(1, getRequestedFor(urlEqualTo("/later")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"900000000000000000", "99999999999999999999999", "soon", "-5"})
  void absurdRetryAfterNeverBreaksTheRetryLoop(String value) {
    wm.stubFor(get("/odd").willReturn(aResponse().withStatus(429).withHeader("Retry-After", value)));

    SourceException e = catchThrowableOfType(SourceException.class,
        () -> upstream.send(req("/odd"), policy(1, Duration.ofSeconds(60))));

    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(Kind.TRY_LATER);
  }

  @Test
  void gatewayTimeoutIsTryLater() {
    wm.stubFor(get("/gw").willReturn(aResponse().withStatus(504)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Endpoint request timed out\"}")));

    SourceException e = catchThrowableOfType(SourceException.class,
        () -> upstream.send(req("/gw"), policy(2, Duration.ofSeconds(60))));

    assertThat(e.kind()).isEqualTo(Kind.TRY_LATER);
    assertThat(e.status()).isEqualTo(504);
    wm.verify(3, getRequestedFor(urlEqualTo("/gw")));
  }

  @Test
  void softTryLaterBodyIsRetried() throws Exception {
    wm.stubFor(get("/arxiv").inScenario("soft").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(200).withBody("Rate exceeded.")).willSetStateTo("ok"));
    wm.stubFor(get("/arxiv").inScenario("soft").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withBody("<feed/>")));
    Policy p = new Policy("arxiv", Duration.ZERO, 4, Duration.ofSeconds(60), Map.of(),
        reply -> reply.text().strip().equals("Rate exceeded."));

    Reply r = upstream.send(req("/arxiv"), p);

    assertThat(r.text()).isEqualTo("<feed/>");
    wm.verify(2, getRequestedFor(urlEqualTo("/arxiv")));
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void softTryLaterForeverEndsInTryLater() {
    wm.stubFor(get("/arxiv").willReturn(aResponse().withStatus(200).withBody("Rate exceeded.")));
    Policy p = new Policy("arxiv", Duration.ZERO, 1, Duration.ofSeconds(60), Map.of(),
        reply -> reply.text().strip().equals("Rate exceeded."));

    SourceException e = catchThrowableOfType(SourceException.class, () -> upstream.send(req("/arxiv"), p));

    assertThat(e.kind()).isEqualTo(Kind.TRY_LATER);
    assertThat(e.getMessage()).contains("Rate exceeded.");
  }

  @Test
  void zeroRetriesSendsOneRequest() {
    wm.stubFor(get("/once").willReturn(aResponse().withStatus(429)));

    SourceException e = catchThrowableOfType(SourceException.class,
        () -> upstream.send(req("/once"), policy(0, Duration.ofSeconds(60))));

    assertThat(e.kind()).isEqualTo(Kind.TRY_LATER);
    wm.verify(1, getRequestedFor(urlEqualTo("/once")));
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void negativeRetriesBehaveAsZero() {
    wm.stubFor(get("/once").willReturn(aResponse().withStatus(429)));

    SourceException e = catchThrowableOfType(SourceException.class,
        () -> upstream.send(req("/once"), policy(-1, Duration.ofSeconds(60))));

    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(Kind.TRY_LATER);
    wm.verify(1, getRequestedFor(urlEqualTo("/once")));
  }

  private static String everything(Throwable t) {
    StringWriter sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    return sw + " " + t;
  }

  @Test
  void policyHeadersAreSentAndTheSecretIsNeverPrinted() throws Exception {
    wm.stubFor(get("/key").withHeader("x-api-key", equalTo("SECRET"))
        .willReturn(aResponse().withStatus(429)));
    Policy p = new Policy("s2", Duration.ZERO, 1, Duration.ofSeconds(60), Map.of("x-api-key", "SECRET"), null);

    SourceException e = catchThrowableOfType(SourceException.class, () -> upstream.send(req("/key"), p));

    wm.verify(2, getRequestedFor(urlEqualTo("/key")).withHeader("x-api-key", equalTo("SECRET")));
    assertThat(everything(e)).doesNotContain("SECRET");
    assertThat(e.url()).doesNotContain("SECRET");
    assertThat(p.toString()).doesNotContain("SECRET").contains("x-api-key");
  }

  @Test
  void policyHeadersAreNotSentToAnotherHostOnRedirect() throws Exception {
    String otherHost = "http://127.0.0.1:" + wm.getPort() + "/elsewhere";
    wm.stubFor(get("/go").willReturn(aResponse().withStatus(302).withHeader("Location", otherHost)));
    wm.stubFor(get("/elsewhere").willReturn(aResponse().withStatus(200).withBody("there")));
    wm.stubFor(get("/same").willReturn(aResponse().withStatus(302).withHeader("Location", "/here")));
    wm.stubFor(get("/here").willReturn(aResponse().withStatus(200)));
    Policy p = new Policy("s2", Duration.ZERO, 0, Duration.ofSeconds(60), Map.of("x-api-key", "SECRET"), null);

    assertThat(req("/go").url().host()).isEqualTo("localhost");
    assertThat(upstream.send(req("/go"), p).text()).isEqualTo("there");
    assertThat(upstream.send(req("/same"), p).status()).isEqualTo(200);

    wm.verify(getRequestedFor(urlEqualTo("/go")).withHeader("x-api-key", equalTo("SECRET")));
    wm.verify(getRequestedFor(urlEqualTo("/elsewhere")).withHeader("x-api-key", absent()));
    wm.verify(getRequestedFor(urlEqualTo("/here")).withHeader("x-api-key", equalTo("SECRET")));
  }

  @Test
  void connectionRefusedIsUnreachableWithoutRetries() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/x";
    Policy p = new Policy("closed", Duration.ZERO, 4, Duration.ofSeconds(60), Map.of("x-api-key", "SECRET"), null);

    SourceException e = catchThrowableOfType(SourceException.class,
        () -> upstream.send(new Request.Builder().url(url).build(), p));

    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.isTryLater()).isFalse();
    assertThat(e.url()).isEqualTo(url);
    assertThat(time.sleeps()).isEmpty();
    assertThat(upstream.requestCounts()).containsEntry("closed", 1);
    assertThat(everything(e)).doesNotContain("SECRET");
  }

  @Test
  void unknownHostIsUnreachableWithoutRetries() {
    String url = "http://papers-test.invalid/x";
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> upstream.send(new Request.Builder().url(url).build(), policy(4, Duration.ofSeconds(60))));

    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void requestCountsCountRetriesPerSource() throws Exception {
    wm.stubFor(get("/busy").willReturn(aResponse().withStatus(503)));
    wm.stubFor(get("/fine").willReturn(aResponse().withStatus(200)));
    Policy a = new Policy("arxiv", Duration.ZERO, 2, Duration.ofSeconds(60), Map.of(), null);
    Policy b = new Policy("s2", Duration.ZERO, 2, Duration.ofSeconds(60), Map.of(), null);

    catchThrowableOfType(SourceException.class, () -> upstream.send(req("/busy"), a));
    upstream.send(req("/fine"), b);
    upstream.send(req("/fine"), b);

    assertThat(upstream.requestCounts()).isEqualTo(Map.of("arxiv", 3, "s2", 2));
  }

  @Test
  void requestsAreSpacedByTheSourceInterval() throws Exception {
    wm.stubFor(get("/fine").willReturn(aResponse().withStatus(200)));
    Policy p = new Policy("arxiv", Duration.ofSeconds(3), 0, Duration.ofSeconds(60), Map.of(), null);

    upstream.send(req("/fine"), p);
    time.advance(Duration.ofSeconds(1));
    upstream.send(req("/fine"), p);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void readTimeoutIsTryLaterAfterRetries() {
    wm.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(1500)));
    OkHttpClient impatient = CLIENT.newBuilder().readTimeout(Duration.ofMillis(200)).build();
    Upstream u = upstream(impatient, new Random(1));

    long t0 = System.nanoTime();
    SourceException e = catchThrowableOfType(SourceException.class,
        () -> u.send(req("/slow"), policy(1, Duration.ofSeconds(60))));
    long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

    assertThat(e.kind()).isEqualTo(Kind.TRY_LATER);
    assertThat(e.status()).isZero();
    assertThat(u.requestCounts()).containsEntry("test", 2);
    assertThat(time.sleeps()).hasSize(1);
    assertThat(elapsedMs).isLessThan(1400);
  }

  @Test
  void serverErrorIsRetriedThenThrownAsServer() {
    wm.stubFor(get("/boom").willReturn(aResponse().withStatus(500)));

    SourceException e = catchThrowableOfType(SourceException.class,
        () -> upstream.send(req("/boom"), policy(2, Duration.ofSeconds(60))));

    assertThat(e.kind()).isEqualTo(Kind.SERVER);
    assertThat(e.status()).isEqualTo(500);
    wm.verify(3, getRequestedFor(urlPathEqualTo("/boom")));
  }

  @Test
  void oversizedBodyIsRefusedNotTruncated() {
    wm.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody(new byte[2048])));
    Upstream u = new Upstream(() -> CLIENT, new IntervalGate(null, time, time), time, time, new Random(1), 1024);

    SourceException e = catchThrowableOfType(SourceException.class,
        () -> u.send(req("/big"), policy(2, Duration.ofSeconds(60))));

    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(Kind.PARSE);
    wm.verify(1, getRequestedFor(urlEqualTo("/big")));
  }
}
