package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.papers.cli.RefreshFixtures.NOW;
import static dev.papers.cli.RefreshFixtures.arxivId;
import static dev.papers.cli.RefreshFixtures.count;
import static dev.papers.cli.RefreshFixtures.ids;
import static dev.papers.cli.RefreshFixtures.s2History;
import static dev.papers.cli.RefreshFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.papers.cache.PaperCache;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RefreshCliTest {
  @RegisterExtension static WireMockExtension wm = RefreshFixtures.server();

  static final Instant EIGHT_DAYS_AGO = NOW.minus(Duration.ofDays(8));
  static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));

  @TempDir Path home;
  CliHarness cli;
  Path cacheDir;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(home, wm.baseUrl() + "/api/query", wm.baseUrl() + "/graph/v1");
    cacheDir = home.resolve("cache");
    RefreshFixtures.S2Batch.delayAfterFirst = 0;
  }

  PaperCache cache() {
    return new PaperCache(cacheDir, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  Map<String, Paper> papers() {
    PaperCache.Snapshot s = cache().loadAll();
    assertThat(s.problems()).isEmpty();
    return s.papers().stream().collect(Collectors.toMap(Paper::arxivId, Function.identity()));
  }

  List<List<String>> batches() {
    List<List<String>> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(postRequestedFor(urlPathEqualTo("/graph/v1/paper/batch")))) {
      out.add(ids(r.getBodyAsString()));
    }
    return out;
  }

  int arxivRequests() {
    return wm.findAll(getRequestedFor(urlPathEqualTo("/api/query"))).size();
  }

  @Test
  void twelveHundredStalePapersTakeThreeBatchesNoArxivAndPrintNothing() {
    seed(cacheDir, 0, 1200, EIGHT_DAYS_AGO, YESTERDAY);
    RefreshFixtures.stubAll(wm);

    CliHarness.Run r = cli.run("refresh");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    assertThat(batches()).extracting(List::size).containsExactly(500, 500, 200);
    assertThat(batches().stream().flatMap(List::stream).collect(Collectors.toSet())).hasSize(1200);
    assertThat(arxivRequests()).isZero();
    Map<String, Paper> after = papers();
    assertThat(after).hasSize(1200);
    for (Paper p : after.values()) {
      List<Observation> h = s2History(p);
      assertThat(h).as(p.id()).hasSize(2);
      assertThat(h.get(1).observedAt()).isEqualTo(NOW);
      assertThat(h.get(1).count()).isEqualTo(count(p.arxivId()));
      assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(count(p.arxivId()));
    }
  }

  @Test
  void aRefreshBringsTheRankIndexUpToDateWhenThereIsOneAndMakesNoneOtherwise() throws Exception {
    seed(cacheDir, 0, 40, EIGHT_DAYS_AGO, YESTERDAY);
    RefreshFixtures.stubAll(wm);
    Path index = cacheDir.resolve(".state/index/rank.idx");
    assertThat(cli.run("refresh").code()).isZero();
    assertThat(index).as("no rank has made one").doesNotExist();

    seed(cacheDir, 40, 40, EIGHT_DAYS_AGO, YESTERDAY);
    cache().index().close(); // a rank made one
    Object before = Files.readAttributes(index, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    assertThat(cli.run("refresh").code()).isZero();
    assertThat(Files.readAttributes(index, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
        .as("rewritten with what the refresh wrote").isNotEqualTo(before);
  }

  @Test
  void freshPapersAreSkippedWithoutARequest() {
    seed(cacheDir, 0, 40, YESTERDAY, YESTERDAY);
    RefreshFixtures.stubAll(wm);

    CliHarness.Run r = cli.run("refresh", "--summary");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(r.out()).startsWith("papers refresh: 0 refreshed, 0 not found, 0 failed, 40 skipped (fresh), 0 left;");
    assertThat(papers().values()).allSatisfy(p -> assertThat(s2History(p)).hasSize(1));
    // --older-than makes the same papers stale
    CliHarness.Run again = cli.run("refresh", "--older-than", "12h");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(batches()).extracting(List::size).containsExactly(40);
  }

  @Test
  void limitTakesNeverCountedFirstThenTheOldest() {
    // 0..4: never counted; 5..24: counted 8 + i days ago (older with i); 25..29: fresh
    seed(cacheDir, 0, 5, null, YESTERDAY);
    for (int i = 5; i < 25; i++) {
      seed(cacheDir, i, 1, NOW.minus(Duration.ofDays(8 + i)), YESTERDAY);
    }
    seed(cacheDir, 25, 5, YESTERDAY, YESTERDAY);
    RefreshFixtures.stubAll(wm);

    CliHarness.Run r = cli.run("refresh", "--limit", "10", "--summary");

    assertThat(r.code()).as(r.err()).isZero();
    List<List<String>> b = batches();
    assertThat(b).hasSize(1);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add("ARXIV:" + arxivId(i));
    }
    for (int i = 24; i >= 20; i--) {
      expected.add("ARXIV:" + arxivId(i));
    }
    assertThat(b.get(0)).containsExactlyElementsOf(expected);
    assertThat(r.out()).contains("10 refreshed").contains("5 skipped (fresh)").contains("15 left");
  }

  @Test
  void onlyStaleArxivMetadataIsAskedAndOnlyWhenArxivIsASource() {
    seed(cacheDir, 0, 7, YESTERDAY, NOW.minus(Duration.ofDays(31)));
    seed(cacheDir, 7, 13, YESTERDAY, NOW.minus(Duration.ofDays(29)));
    seed(cacheDir, 20, 1, YESTERDAY, null); // no arXiv fetch yet
    RefreshFixtures.stubAll(wm);

    CliHarness.Run s2Only = cli.run("refresh", "--sources", "s2");
    assertThat(s2Only.code()).as(s2Only.err()).isZero();
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();

    CliHarness.Run r = cli.run("refresh");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(batches()).isEmpty();
    List<LoggedRequest> asked = wm.findAll(getRequestedFor(urlPathEqualTo("/api/query")));
    assertThat(asked).hasSize(1);
    Set<String> expected = new HashSet<>();
    for (int i = 0; i < 7; i++) {
      expected.add(arxivId(i));
    }
    expected.add(arxivId(20));
    assertThat(Set.of(asked.get(0).queryParameter("id_list").firstValue().split(","))).isEqualTo(expected);
    Map<String, Paper> after = papers();
    assertThat(after.get(arxivId(0)).fetchedAt(Source.ARXIV.jsonName())).isEqualTo(NOW);
    assertThat(after.get(arxivId(0)).title()).isEqualTo("Paper " + arxivId(0) + " (revised)");
    assertThat(after.get(arxivId(0)).arxivVersion()).isEqualTo(2);
    assertThat(after.get(arxivId(10)).title()).isEqualTo("Paper " + arxivId(10));
    assertThat(after.values()).allSatisfy(p -> assertThat(s2History(p)).hasSize(1));
  }

  @Test
  void wallTimeIsWhatTheIntervalsImpose() {
    seed(cacheDir, 0, 100, EIGHT_DAYS_AGO, YESTERDAY);
    seed(cacheDir, 100, 30, EIGHT_DAYS_AGO, NOW.minus(Duration.ofDays(40)));
    RefreshFixtures.stubAll(wm);
    cli.env.put("PAPERS_S2_INTERVAL", "1s");
    cli.env.put("PAPERS_ARXIV_INTERVAL", "3s");
    cli.env.put("PAPERS_S2_BATCH", "50");
    cli.env.put("PAPERS_ARXIV_BATCH", "20");
    Instant before = cli.time.instant();

    CliHarness.Run r = cli.run("refresh", "--summary");

    assertThat(r.code()).as(r.err()).isZero();
    // ceil(130 / 50) = 3 Semantic Scholar requests, ceil(30 / 20) = 2 arXiv requests
    assertThat(batches()).extracting(List::size).containsExactly(50, 50, 30);
    assertThat(arxivRequests()).isEqualTo(2);
    // The sources are asked side by side, each in its batches as they fill: 2 gaps of 1s before S2
    // batches 2 and 3 pass while arXiv's one gap of 3s runs, before its second request: 3s, not 5s
    Duration took = Duration.between(before, cli.time.instant());
    assertThat(took).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3500));
    assertThat(r.out()).contains("130 refreshed").contains("requests: arxiv 2, semanticScholar 3; 3.0s");
  }

  @Test
  void aRateLimitIsRetriedAndTheRunSucceeds() {
    seed(cacheDir, 0, 30, EIGHT_DAYS_AGO, YESTERDAY);
    wm.stubFor(post(urlPathEqualTo("/graph/v1/paper/batch")).inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withBody("{\"message\": \"Too Many Requests\"}"))
        .willSetStateTo("ok"));
    wm.stubFor(post(urlPathEqualTo("/graph/v1/paper/batch")).inScenario("rl").whenScenarioStateIs("ok")
        .willReturn(RefreshFixtures.s2Answer()));

    CliHarness.Run r = cli.run("refresh", "--summary");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(batches()).hasSize(2);
    assertThat(r.out()).contains("30 refreshed").contains("semanticScholar 2");
    assertThat(papers().values()).allSatisfy(p -> assertThat(s2History(p)).hasSize(2));
  }

  @Test
  void unavailableForeverExits75KeepsWhatWasSavedAndTheNextRunDoesTheRest() {
    seed(cacheDir, 0, 30, EIGHT_DAYS_AGO, YESTERDAY);
    cli.env.put("PAPERS_S2_BATCH", "10");
    wm.stubFor(post(urlPathEqualTo("/graph/v1/paper/batch")).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(RefreshFixtures.s2Answer()).willSetStateTo("down"));
    wm.stubFor(post(urlPathEqualTo("/graph/v1/paper/batch")).inScenario("down").whenScenarioStateIs("down")
        .willReturn(aResponse().withStatus(503)));

    CliHarness.Run r = cli.run("refresh");

    assertThat(r.code()).as(r.err()).isEqualTo(75);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("service unavailable (HTTP 503)").contains("try again");
    assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
    // batch 1, then batch 2 tried 1 + PAPERS_MAX_RETRIES (2) times; batch 3 never sent
    List<List<String>> b = batches();
    assertThat(b).hasSize(4);
    Set<String> firstBatch = Set.copyOf(b.get(0));
    Map<String, Paper> after = papers();
    for (Paper p : after.values()) {
      boolean saved = firstBatch.contains("ARXIV:" + p.arxivId());
      assertThat(s2History(p)).as(p.id()).hasSize(saved ? 2 : 1);
      assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(saved ? count(p.arxivId()) : 5);
    }

    wm.resetAll();
    RefreshFixtures.stubAll(wm);
    cli.time.advance(Duration.ofHours(6));
    cli.env.put("PAPERS_NOW", NOW.plus(Duration.ofHours(6)).toString());
    CliHarness.Run again = cli.run("refresh");
    assertThat(again.code()).as(again.err()).isZero();
    List<List<String>> rest = batches();
    assertThat(rest).extracting(List::size).containsExactly(10, 10);
    assertThat(rest.stream().flatMap(List::stream).filter(firstBatch::contains)).isEmpty();
    assertThat(papers().values()).allSatisfy(p -> assertThat(s2History(p)).hasSize(2));
  }

  @Test
  void theDeadlineStopsBetweenBatchesAndKeepsWhatWasSaved() {
    seed(cacheDir, 0, 30, EIGHT_DAYS_AGO, YESTERDAY);
    RefreshFixtures.stubAll(wm);
    cli.env.put("PAPERS_S2_INTERVAL", "1s");
    cli.env.put("PAPERS_S2_BATCH", "10");

    // batch 1 at 0s, batch 2 at 1s; batch 3 could start at 2s and needs a margin of 1s: past 2.5s
    CliHarness.Run r = cli.run("refresh", "--deadline", "2500ms", "--summary");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(batches()).extracting(List::size).containsExactly(10, 10);
    assertThat(r.out()).contains("20 refreshed").contains("stopped at the deadline, 10 left");
    long saved = papers().values().stream().filter(p -> s2History(p).size() == 2).count();
    assertThat(saved).isEqualTo(20);

    wm.resetRequests();
    CliHarness.Run rest = cli.run("refresh");
    assertThat(rest.code()).as(rest.err()).isZero();
    assertThat(batches()).extracting(List::size).containsExactly(10);
    assertThat(papers().values()).allSatisfy(p -> assertThat(s2History(p)).hasSize(2));
  }

  @Test
  void aSuspectZeroCountsAsTheNewestObservation() {
    seed(cacheDir, 0, 3, NOW.minus(Duration.ofDays(20)), YESTERDAY);
    // paper 0: a non-zero count 20 days ago, then a suspect 0 yesterday: not stale
    cache().update(List.of(PaperId.arxiv(arxivId(0))), p -> p.merge(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName())
        .arxivId(arxivId(0)).count(0).observedAt(YESTERDAY).build(), YESTERDAY));
    Paper zero = papers().get(arxivId(0));
    assertThat(zero.history().get(1).isSuspect()).isTrue();
    assertThat(zero.citation(Source.SEMANTIC_SCHOLAR.jsonName()).observedAt()).isEqualTo(NOW.minus(Duration.ofDays(20)));
    RefreshFixtures.stubAll(wm);

    CliHarness.Run r = cli.run("refresh");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(batches()).hasSize(1);
    assertThat(batches().get(0)).containsExactly("ARXIV:" + arxivId(1), "ARXIV:" + arxivId(2));
  }

  @Test
  void summaryAndLogLinesAndNoSecretInThem() throws Exception {
    seed(cacheDir, 0, 3, EIGHT_DAYS_AGO, YESTERDAY);
    RefreshFixtures.stubAll(wm);
    cli.env.put("PAPERS_S2_API_KEY", "sekrit-key-123");
    Path log = home.resolve("logs/refresh.log");

    CliHarness.Run r = cli.run("refresh", "--summary", "--log", log.toString());
    CliHarness.Run again = cli.run("refresh", "--log", log.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).matches("papers refresh: 3 refreshed, 0 not found, 0 failed, 0 skipped \\(fresh\\), 0 left; "
        + "requests: arxiv 0, semanticScholar 1; \\d+\\.\\ds\\n");
    assertThat(again.out()).isEmpty();
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("2026-11-22T10:00:00Z exit=0 refreshed=3 notFound=0 failed=0 skipped=0 left=0 "
        + "requests=arxiv:0,semanticScholar:1 time=\\d+\\.\\ds");
    assertThat(lines.get(1)).contains("exit=0 refreshed=0").contains("skipped=3");
    assertThat(String.join("\n", lines) + r.out() + r.err()).doesNotContain("sekrit");
  }

  @Test
  void badFlagsExit2BeforeAnythingIsSent() {
    seed(cacheDir, 0, 3, EIGHT_DAYS_AGO, YESTERDAY);
    for (String[] args : List.of(new String[] {"refresh", "--older-than", "7days"},
        new String[] {"refresh", "--limit", "0"}, new String[] {"refresh", "--deadline", "0"},
        new String[] {"refresh", "--sources", "bing"})) {
      CliHarness.Run r = cli.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).startsWith("papers: ");
    }
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(cacheDir.resolve(".state/refresh.lock")).doesNotExist();
  }

  @Test
  void anUnreachableUpstreamExits1WithOneLineAndChangesNothing() {
    seed(cacheDir, 0, 3, EIGHT_DAYS_AGO, YESTERDAY);
    cli.env.put("PAPERS_S2_URL", "http://127.0.0.1:1/graph/v1");

    CliHarness.Run r = cli.run("refresh");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach 127.0.0.1").doesNotContain("\tat ");
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(papers().values()).allSatisfy(p -> assertThat(s2History(p)).hasSize(1));
  }

  /** A cached paper whose Scholar result page is {@code scholar/representation_learning.html}. */
  void seedBengio() {
    Instant eightDaysAgo = NOW.minus(Duration.ofDays(8));
    new PaperCache(cacheDir, Clock.fixed(eightDaysAgo, ZoneOffset.UTC)).update(List.of(PaperId.arxiv("1206.5538")),
        p -> p.merge(SourceRecord.builder(Source.ARXIV.jsonName()).arxivId("1206.5538")
            .title("Representation Learning: A Review and New Perspectives")
            .authors(List.of("Yoshua Bengio", "Aaron Courville", "Pascal Vincent")).year(2013)
            .observedAt(eightDaysAgo).build(), eightDaysAgo)
            .merge(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId("1206.5538").count(9000)
                .observedAt(eightDaysAgo).build(), eightDaysAgo));
  }

  @Test
  void scholarCountsAreRefreshedWithinItsBudgetAndABlockStopsItUntilTheCoolDownEnds() {
    seedBengio();
    RefreshFixtures.stubAll(wm);
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/scholar"))
        .willReturn(aResponse().withHeader("Content-Type", "text/html; charset=UTF-8").withBody(
            dev.papers.testing.RealFixtures.resource("scholar/representation_learning.html"))));

    CliHarness.Run r = cli.run("refresh", "--sources", "s2,scholar", "--summary");
    assertThat(r.code()).as(r.err()).isZero();
    Paper p = new PaperCache(cacheDir, Clock.systemUTC()).find(PaperId.arxiv("1206.5538")).orElseThrow();
    assertThat(p.citation(Source.SCHOLAR.jsonName()).count()).isEqualTo(14312);
    assertThat(p.citation(Source.SCHOLAR.jsonName()).clusterId()).isEqualTo("4358183512375315104");
    assertThat(r.out()).contains("scholar 1");

    // a week later Scholar answers with a captcha: exit 75, and the next run sends Scholar nothing
    wm.resetRequests();
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/scholar")).atPriority(1)
        .willReturn(aResponse().withHeader("Content-Type", "text/html").withBody(
            dev.papers.testing.RealFixtures.resource("scholar/gs_captcha.html"))));
    cli.env.put("PAPERS_NOW", NOW.plus(Duration.ofDays(8)).toString());
    CliHarness.Run blocked = cli.run("refresh", "--sources", "s2,scholar");
    assertThat(blocked.code()).as(blocked.err()).isEqualTo(75);
    assertThat(blocked.err()).containsIgnoringCase("scholar");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/scholar")))).hasSize(1);

    wm.resetRequests();
    cli.env.put("PAPERS_NOW", NOW.plus(Duration.ofDays(8)).plus(Duration.ofHours(1)).toString());
    CliHarness.Run cooling = cli.run("refresh", "--sources", "s2,scholar");
    assertThat(cooling.code()).isEqualTo(75);
    assertThat(cooling.err()).contains("cooling down");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/scholar")))).isEmpty();
    // the Scholar count from before is intact, and the block added nothing to the history
    Paper after = new PaperCache(cacheDir, Clock.systemUTC()).find(PaperId.arxiv("1206.5538")).orElseThrow();
    assertThat(after.citation(Source.SCHOLAR.jsonName()).count()).isEqualTo(14312);
    assertThat(after.history().stream().filter(o -> o.source().equals(Source.SCHOLAR.jsonName()))).hasSize(1);
    // after the cool-down, Scholar is asked again
    wm.resetRequests();
    cli.env.put("PAPERS_NOW", NOW.plus(Duration.ofDays(9)).toString());
    cli.run("refresh", "--sources", "scholar");
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/scholar")))).hasSize(1);
  }
}
