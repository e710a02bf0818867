package dev.papers.source.scholar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.http.Clients;
import dev.papers.http.IntervalGate;
import dev.papers.http.Policy;
import dev.papers.http.ProxyConfig;
import dev.papers.http.Upstream;
import dev.papers.json.Json;
import dev.papers.model.SourceRecord;
import dev.papers.source.SourceException;
import dev.papers.source.SourceException.Kind;
import dev.papers.testing.FakeTime;
import dev.papers.testing.RealFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WireMockTest
class ScholarSourceTest {
  private static final String UA = "papers-test/1.0 (scholar)";
  private static final String CLUSTER = "15801554877513113826";

  @TempDir Path state;
  private final FakeTime time = new FakeTime(Instant.parse("2026-11-22T00:00:00Z"));
  private String base;
  private OkHttpClient shared;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    base = wm.getHttpBaseUrl();
    shared = Clients.create("papers/0.1", ProxyConfig.fromEnv(Map.of()), Duration.ofSeconds(10));
  }

  private static byte[] own(String name) {
    return RealFixtures.resource("scholar/" + name);
  }

  private ScholarSource source(ScholarSettings settings) {
    return source(settings, new Random(7), () -> shared);
  }

  private ScholarSource source(ScholarSettings settings, Random random, Supplier<OkHttpClient> client) {
    Upstream upstream = new Upstream(client, new IntervalGate(state.resolve("rate"), time, time), time, time,
        new Random(3));
    Policy policy = ScholarSource.defaultPolicy(Duration.ofSeconds(20), 4, Duration.ofSeconds(60), UA);
    return new ScholarSource(base, upstream, policy, time, state, settings, random);
  }

  private ScholarSource source() {
    return source(ScholarSettings.defaults());
  }

  private static void serve(String path, byte[] body) {
    stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(body)));
  }

  @Test
  void searchAsksForTheTitleInEnglish() throws Exception {
    serve("/scholar", own("best_result.html"));
    ScholarPage page = source().searchTitle("Attention Is All You Need");

    assertThat(page.results()).hasSize(1);
    assertThat(page.total()).isNull();
    verify(1, getRequestedFor(urlPathEqualTo("/scholar"))
        .withQueryParam("q", equalTo("Attention Is All You Need"))
        .withQueryParam("hl", equalTo("en"))
        .withHeader("User-Agent", equalTo(UA)));
  }

  @Test
  void realRecordingServed() throws Exception {
    String real = RealFixtures.text("scholar/scholar_2020_search_results_10_of_about30_geomap.html");
    serve("/scholar", real.getBytes(StandardCharsets.UTF_8));
    ScholarSource s = source();
    ScholarMatcher.Outcome o = s.find("Geology of the Olympus Range Area, Southern Victoria Land", 1996, "Isaac");

    assertThat(o.status()).isEqualTo(ScholarMatcher.Status.MATCH);
    SourceRecord rec = ScholarSource.toRecord(o.match().result(), time.instant());
    assertThat(rec.source()).isEqualTo("scholar");
    assertThat(rec.count()).isEqualTo(4);
    assertThat(rec.clusterId()).isEqualTo(CLUSTER);
    assertThat(rec.year()).isEqualTo(1996);
    assertThat(rec.authors()).containsExactly("MJ Isaac", "TJ Chinn", "SW Edbrooke", "PJ Forsyth");
    assertThat(rec.observedAt()).isEqualTo(time.instant());
  }

  @Test
  void citedByAsksForTheCluster() throws Exception {
    serve("/scholar", own("cited_by_10.html"));
    ScholarPage page = source().citedBy(CLUSTER);

    assertThat(page.citedByPage()).isTrue();
    assertThat(page.citesId()).isEqualTo(CLUSTER);
    assertThat(page.results()).hasSize(10);
    assertThat(page.nextUrl()).startsWith(base + "/scholar?start=10");
    verify(1, getRequestedFor(urlPathEqualTo("/scholar"))
        .withQueryParam("cites", equalTo(CLUSTER)).withQueryParam("hl", equalTo("en"))
        .withQueryParam("q", absent()));
    assertThatThrownBy(() -> source().citedBy("18446744073709551616")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lookupGivesARecordReadyMatch() throws Exception {
    serve("/scholar", own("best_result.html"));
    ScholarMatcher.Match m = source().lookup("Attention is All you Need", 2017, "Vaswani").orElseThrow();
    SourceRecord rec = ScholarSource.toRecord(m.result(), time.instant());
    assertThat(rec.count()).isEqualTo(107745);
    assertThat(rec.clusterId()).isEqualTo("2960712678066186980");
    assertThat(rec.title()).isEqualTo("Attention is all you need");
  }

  @Test
  void aResultWithoutCitedByCountsZero() {
    ScholarResult r = ScholarParser.parse(new String(own("cited_by_10.html"), StandardCharsets.UTF_8), null)
        .results().get(3);
    assertThat(r.citedBy()).isNull();
    assertThat(ScholarSource.toRecord(r, time.instant()).count()).isEqualTo(0);
  }

  @Test
  void captchaStartsACoolDownThatTheNextRunHonours() throws Exception {
    serve("/scholar", own("sorry_recaptcha.html"));
    Instant until = time.instant().plus(Duration.ofHours(6));

    SourceException e = catchThrowableOfType(SourceException.class, () -> source().searchTitle("deep learning"));
    assertThat(e.kind()).isEqualTo(Kind.BLOCKED);
    assertThat(e.isTryLater()).isTrue();
    assertThat(e.retryAt()).isEqualTo(until);
    assertThat(e.getMessage()).contains("blocked").contains("#recaptcha").contains(until.toString());
    Path file = state.resolve("scholar-cooldown.json");
    JsonNode cd = Json.mapper().readTree(file.toFile());
    assertThat(cd.path("until").asText()).isEqualTo(until.toString());
    assertThat(cd.path("reason").asText()).contains("#recaptcha");
    verify(1, anyRequestedFor(anyUrl()));

    // A later run (a new instance, cron say) sends nothing while the cool-down lasts.
    time.advance(Duration.ofHours(5));
    ScholarSource next = source();
    assertThat(next.coolDown()).isPresent();
    SourceException cooling = catchThrowableOfType(SourceException.class, () -> next.searchTitle("deep learning"));
    assertThat(cooling.kind()).isEqualTo(Kind.BLOCKED);
    assertThat(cooling.getMessage())
        .startsWith("Google Scholar is cooling down after a block until " + until + "; not asking it");
    assertThat(cooling.retryAt()).isEqualTo(until);
    assertThatThrownBy(() -> next.citedBy(CLUSTER)).isInstanceOf(SourceException.class);
    assertThat(next.requestsSent()).isZero();
    verify(1, anyRequestedFor(anyUrl()));

    // Once it expires, requests go again.
    time.advance(Duration.ofHours(1).plusSeconds(1));
    serve("/scholar", own("best_result.html"));
    ScholarSource later = source();
    assertThat(later.coolDown()).isEmpty();
    assertThat(later.searchTitle("attention is all you need").results()).hasSize(1);
    verify(2, anyRequestedFor(anyUrl()));
  }

  @Test
  void realCaptchaRecordingIsABlock() {
    serve("/scholar", RealFixtures.bytes("scholar/scholar_2018_blocked_captcha_sorry_page.html"));
    SourceException e = catchThrowableOfType(SourceException.class, () -> source().searchTitle("program phase"));
    assertThat(e.kind()).isEqualTo(Kind.BLOCKED);
    assertThat(Files.exists(state.resolve("scholar-cooldown.json"))).isTrue();
  }

  @Test
  void configurableCoolDown() {
    serve("/scholar", own("gs_captcha.html"));
    ScholarSettings s = new ScholarSettings(Duration.ofHours(24), 20, null);
    SourceException e = catchThrowableOfType(SourceException.class, () -> source(s).searchTitle("x"));
    assertThat(e.retryAt()).isEqualTo(time.instant().plus(Duration.ofHours(24)));
    assertThat(e.getMessage()).contains("cool-down of 24h");
  }

  @Test
  void status403IsABlock() {
    stubFor(get(urlPathEqualTo("/scholar")).willReturn(aResponse().withStatus(403).withBody("Forbidden")));
    SourceException e = catchThrowableOfType(SourceException.class, () -> source().searchTitle("x"));
    assertThat(e.kind()).isEqualTo(Kind.BLOCKED);
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.getMessage()).contains("403");
    assertThat(Files.exists(state.resolve("scholar-cooldown.json"))).isTrue();
  }

  @Test
  void redirectToSorryIsABlock() {
    stubFor(get(urlPathEqualTo("/scholar")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "/sorry/index?continue=" + base + "/scholar%3Fq%3Dx&q=EgQ")));
    serve("/sorry/index", "<html><body>please wait</body></html>".getBytes(StandardCharsets.UTF_8));
    SourceException e = catchThrowableOfType(SourceException.class, () -> source().searchTitle("x"));
    assertThat(e.kind()).isEqualTo(Kind.BLOCKED);
    assertThat(e.getMessage()).contains("/sorry/");
    assertThat(Files.exists(state.resolve("scholar-cooldown.json"))).isTrue();
  }

  @Test
  void sorryAnsweredWith429IsABlockAfterOneRetryAtMost() {
    stubFor(get(urlPathEqualTo("/scholar")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "/sorry/index?continue=x")));
    stubFor(get(urlPathMatching("/sorry/.*")).willReturn(aResponse().withStatus(429)
        .withBody(own("sorry_captcha_form.html"))));
    SourceException e = catchThrowableOfType(SourceException.class, () -> source().searchTitle("x"));
    assertThat(e.kind()).isEqualTo(Kind.BLOCKED);
    assertThat(e.status()).isEqualTo(429);
    verify(2, getRequestedFor(urlPathEqualTo("/scholar"))); // one try, one retry, never four
    assertThat(Files.exists(state.resolve("scholar-cooldown.json"))).isTrue();
  }

  @Test
  void emptyResultIsNotABlock() throws Exception {
    serve("/scholar", own("no_results.html"));
    ScholarSource s = source();
    ScholarPage page = s.searchTitle("xyzzy qwerty plugh");
    assertThat(page.results()).isEmpty();
    assertThat(page.total()).isZero();
    assertThat(s.find("xyzzy qwerty plugh", null, null).status()).isEqualTo(ScholarMatcher.Status.NONE);
    assertThat(Files.exists(state.resolve("scholar-cooldown.json"))).isFalse();
  }

  @Test
  void somethingElseIsAParseError() {
    serve("/scholar", "<html><body>Welcome to nginx!</body></html>".getBytes(StandardCharsets.UTF_8));
    SourceException e = catchThrowableOfType(SourceException.class, () -> source().searchTitle("x"));
    assertThat(e.kind()).isEqualTo(Kind.PARSE);
    stubFor(get(urlPathEqualTo("/scholar")).willReturn(aResponse().withStatus(404).withBody("nope")));
    assertThat(catchThrowableOfType(SourceException.class, () -> source().searchTitle("x")).kind())
        .isEqualTo(Kind.CLIENT);
    assertThat(Files.exists(state.resolve("scholar-cooldown.json"))).isFalse();
  }

  @Test
  void budgetPerRun() throws Exception {
    serve("/scholar", own("best_result.html"));
    ScholarSource s = source(new ScholarSettings(Duration.ofHours(6), 2, null));
    s.searchTitle("a");
    s.citedBy(CLUSTER);
    SourceException e = catchThrowableOfType(SourceException.class, () -> s.searchTitle("c"));
    assertThat(e.kind()).isEqualTo(Kind.TRY_LATER);
    assertThat(e.getMessage()).contains("request budget of 2 for this run is used up");
    assertThat(s.requestsSent()).isEqualTo(2);
    verify(2, anyRequestedFor(anyUrl()));
    // a new run has a new budget
    source(new ScholarSettings(Duration.ofHours(6), 2, null)).searchTitle("c");
    verify(3, anyRequestedFor(anyUrl()));
  }

  @Test
  void intervalWithJitterOnTop() throws Exception {
    serve("/scholar", own("best_result.html"));
    Random almostHalf = new Random() {
      private static final long serialVersionUID = 1L;

      @Override
      public double nextDouble() {
        return 0.999;
      }
    };
    ScholarSource s = source(ScholarSettings.defaults(), almostHalf, () -> shared);
    s.searchTitle("a");
    s.searchTitle("b");
    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(20_000 + 9_990));

    ScholarSource seeded = source(ScholarSettings.defaults(), new Random(1), () -> shared);
    seeded.searchTitle("c");
    Duration d = time.sleeps().get(1);
    assertThat(d).isGreaterThan(Duration.ofSeconds(20)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void cookiesAreKeptBetweenRuns() throws Exception {
    stubFor(get(urlPathEqualTo("/scholar")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html; charset=UTF-8")
        .withHeader("Set-Cookie", "GSP=LM=1:S=abc; expires=Fri, 01-Jan-2100 00:00:00 GMT; path=/")
        .withHeader("Set-Cookie", "SESSION=only-now; path=/")
        .withBody(own("best_result.html"))));

    ScholarCookieJar jar1 = new ScholarCookieJar(state, base, Clock.systemUTC());
    source(ScholarSettings.defaults(), new Random(1), ScholarCookieJar.install(() -> shared, jar1)).searchTitle("a");
    verify(1, getRequestedFor(urlPathEqualTo("/scholar")).withHeader("Cookie", absent()));
    Path file = state.resolve("scholar-cookies.json");
    assertThat(file).exists();
    assertThat(Files.readString(file)).contains("GSP").doesNotContain("only-now");
    try (Stream<Path> files = Files.list(state)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }

    // the next run: a new jar read from the file, a new client
    ScholarCookieJar jar2 = new ScholarCookieJar(state, base, Clock.systemUTC());
    assertThat(jar2.loadForRequest(HttpUrl.get(base + "/scholar"))).extracting(c -> c.name()).containsExactly("GSP");
    source(ScholarSettings.defaults(), new Random(1), ScholarCookieJar.install(() -> shared, jar2)).searchTitle("b");
    verify(getRequestedFor(urlPathEqualTo("/scholar")).withQueryParam("q", equalTo("b"))
        .withHeader("Cookie", containing("GSP=LM=1:S=abc"))
        .withHeader("Cookie", notContaining("SESSION")));
    // only the Scholar host gets them
    assertThat(jar2.loadForRequest(HttpUrl.get("https://example.org/"))).isEmpty();
    assertThat(jar2.loadForRequest(HttpUrl.get(base + "/scholar"))).hasSize(2); // the session cookie, for this run
  }

  @Test
  void expiredCoolDownFileDoesNotStopRequests() throws Exception {
    new CoolDown(state).start(new CoolDown.State(time.instant().minusSeconds(1), "old block", null));
    serve("/scholar", own("best_result.html"));
    assertThat(source().searchTitle("a").results()).hasSize(1);
  }

  @Test
  void looksLikeScholarPageForImport() {
    assertThat(ScholarSource.looksLikeScholarPage(new String(own("cited_by_10.html"), StandardCharsets.UTF_8))).isTrue();
    assertThat(ScholarSource.looksLikeScholarPage("<html><body><h1>My paper</h1></body></html>")).isFalse();
  }

  @Test
  void policyDefaults() {
    Policy p = ScholarSource.defaultPolicy(null, 4, Duration.ofSeconds(60), "UA/1");
    assertThat(p.source()).isEqualTo("scholar");
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.maxRetries()).isEqualTo(1);
    assertThat(p.headers()).containsEntry("User-Agent", "UA/1");
    assertThat(ScholarSource.defaultPolicy(Duration.ZERO, 0, Duration.ofSeconds(60), null).headers()).isEmpty();
    assertThat(List.of(ScholarSettings.defaults().coolDown(), ScholarSettings.defaults().budgetPerRun()))
        .containsExactly(Duration.ofHours(6), 20);
  }
}
