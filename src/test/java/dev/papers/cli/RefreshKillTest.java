package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.papers.Main;
import dev.papers.cache.PaperCache;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A refresh killed with kill -9 in the middle leaves a valid cache, and the next run does only what is left. */
class RefreshKillTest {
  @RegisterExtension static WireMockExtension wm = RefreshFixtures.server();
  static final int PAPERS = 1200;

  @TempDir Path home;
  Process child;

  @AfterEach
  void tearDown() throws Exception {
    RefreshFixtures.S2Batch.delayAfterFirst = 0;
    if (child != null && child.isAlive()) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void killedMidRunThenResumedEveryPaperHasExactlyOneNewObservation() throws Exception {
    Path cacheDir = home.resolve("cache");
    seed(cacheDir, 0, PAPERS, NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(1)));
    RefreshFixtures.stubAll(wm);
    // The first batch is answered at once, every later one after 3 s: the kill lands in the middle.
    RefreshFixtures.S2Batch.delayAfterFirst = 3000;
    Map<String, String> env = new HashMap<>();
    env.put("PAPERS_CACHE", cacheDir.toString());
    env.put("PAPERS_CONFIG", "/dev/null"); // no configuration (a missing file is warned about)
    env.put("PAPERS_S2_URL", wm.baseUrl() + "/graph/v1");
    env.put("PAPERS_OPENALEX_URL", wm.baseUrl() + "/openalex");
    env.put("PAPERS_SOURCES", "arxiv,s2");
    env.put("PAPERS_ARXIV_URL", wm.baseUrl() + "/api/query");
    env.put("PAPERS_S2_INTERVAL", "0");
    env.put("PAPERS_ARXIV_INTERVAL", "0");
    env.put("PAPERS_NOW", NOW.toString());
    env.put("PAPERS_S2_BATCH", "200");
    env.put("PAPERS_USER_AGENT", "papers-child");
    child = ChildJvm.builder(Main.class, List.of("refresh"), env, home, "refresh").start();

    // Wait until the child has stored its first answer (the stalest paper, first by id, goes first).
    PaperCache cache = new PaperCache(cacheDir, Clock.fixed(NOW, ZoneOffset.UTC));
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (s2History(cache.read("arxiv:" + arxivId(0)).orElseThrow()).size() < 2) {
      assertThat(child.isAlive()).as("the refresh ended before it was killed: "
          + Files.readString(home.resolve("refresh.err"))).isTrue();
      assertThat(System.nanoTime()).as("the refresh never stored anything").isLessThan(until);
      Thread.sleep(10);
    }
    // show and list work while a refresh runs
    CliHarness cli = new CliHarness(home, wm.baseUrl() + "/api/query", wm.baseUrl() + "/graph/v1");
    assertThat(cli.run("show", arxivId(0)).code()).isZero();
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

    // The cache is valid: every file reads, no temporary file ends in .json, list works.
    PaperCache.Snapshot afterKill = cache.loadAll();
    assertThat(afterKill.problems()).isEmpty();
    assertThat(afterKill.papers()).hasSize(PAPERS);
    try (Stream<Path> files = Files.walk(cacheDir)) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("."))
          .filter(f -> f.getFileName().toString().endsWith(".json"))).isEmpty();
    }
    CliHarness.Run list = cli.run("list", "--json");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(RefreshFixtures.json(list.out())).hasSize(PAPERS);

    Set<String> saved = new HashSet<>();
    for (Paper p : afterKill.papers()) {
      List<Observation> h = s2History(p);
      assertThat(h).as(p.id()).hasSizeBetween(1, 2);
      if (h.size() == 2) {
        assertThat(h.get(1).observedAt()).isEqualTo(NOW);
        assertThat(h.get(1).count()).isEqualTo(count(p.arxivId()));
        saved.add(p.arxivId());
      }
    }
    assertThat(saved.size()).as("killed in the middle").isBetween(1, PAPERS - 1);

    // The next run (an hour later, so that asking a saved paper again would add an observation).
    RefreshFixtures.S2Batch.delayAfterFirst = 0;
    Instant later = NOW.plus(Duration.ofHours(1));
    cli.env.put("PAPERS_NOW", later.toString());
    cli.env.put("PAPERS_USER_AGENT", "papers-resume");
    CliHarness.Run resume = cli.run("refresh");
    assertThat(resume.code()).as(resume.err()).isZero();
    assertThat(resume.out() + resume.err()).isEmpty();

    Set<String> askedAgain = new HashSet<>();
    for (LoggedRequest r : wm.findAll(postRequestedFor(urlPathEqualTo("/graph/v1/paper/batch"))
        .withHeader("User-Agent", equalTo("papers-resume")))) {
      for (String id : ids(r.getBodyAsString())) {
        assertThat(askedAgain.add(id.substring(6))).as("asked twice: " + id).isTrue();
      }
    }
    assertThat(askedAgain).hasSize(PAPERS - saved.size()).doesNotContainAnyElementsOf(saved);
    PaperCache.Snapshot end = cache.loadAll();
    assertThat(end.problems()).isEmpty();
    assertThat(end.papers()).hasSize(PAPERS);
    for (Paper p : end.papers()) {
      List<Observation> h = s2History(p);
      assertThat(h).as(p.id()).hasSize(2);
      assertThat(h.get(1).observedAt()).isEqualTo(saved.contains(p.arxivId()) ? NOW : later);
    }
  }
}
