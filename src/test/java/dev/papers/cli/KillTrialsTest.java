package dev.papers.cli;

import static dev.papers.cli.RefreshFixtures.NOW;
import static dev.papers.cli.RefreshFixtures.arxivId;
import static dev.papers.cli.RefreshFixtures.s2History;
import static dev.papers.cli.RefreshFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.papers.Main;
import dev.papers.cache.PaperCache;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 trials of {@code refresh} and {@code fetch} at seeded random moments. After each kill: every
 * file parses, no observation stored before is lost, changed or doubled; the temporary files the kill
 * left are swept once they are an hour old; and a follow-up run completes with exactly one new
 * observation per paper. A few trials run by default; {@code -Dpapers.reliability.trials=N} (or env
 * {@code PAPERS_RELIABILITY_TRIALS}) runs N of each, {@code -Dpapers.reliability.seed=S} replays a run.
 */
@Tag("reliability")
class KillTrialsTest {
  @RegisterExtension static WireMockExtension wm = RefreshFixtures.server();
  static final int PAPERS = 300;
  static final long SEED = Long.getLong("papers.reliability.seed", 18L);
  static final Random RANDOM = new Random(SEED);

  static int refreshTrials;
  static int fetchTrials;
  static int killedMidWrite;
  static int temporariesLeft;

  @TempDir Path home;
  Process child;

  static int trials(int byDefault) {
    String s = System.getProperty("papers.reliability.trials", System.getenv("PAPERS_RELIABILITY_TRIALS"));
    return s == null || s.isBlank() ? byDefault : Integer.parseInt(s.strip());
  }

  @AfterEach
  void tearDown() throws Exception {
    RefreshFixtures.S2Batch.delayAfterFirst = 0;
    if (child != null && child.isAlive()) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private Map<String, String> childEnv(Path cacheDir) {
    Map<String, String> env = new HashMap<>();
    env.put("PAPERS_CACHE", cacheDir.toString());
    env.put("PAPERS_CONFIG", home.resolve("no-config").toString());
    env.put("PAPERS_S2_URL", wm.baseUrl() + "/graph/v1");
    env.put("PAPERS_ARXIV_URL", wm.baseUrl() + "/api/query");
    env.put("PAPERS_S2_INTERVAL", "0");
    env.put("PAPERS_ARXIV_INTERVAL", "0");
    env.put("PAPERS_NOW", NOW.toString());
    env.put("PAPERS_OPENALEX_URL", wm.baseUrl() + "/openalex"); // never the real one
    env.put("PAPERS_SOURCES", "arxiv,s2");
    return env;
  }

  /**
   * Waits until the child has written something (or ended), then kills it after a seeded random delay;
   * whether it was still running.
   */
  private boolean killAfter(java.util.function.BooleanSupplier wrote, long maxMillis) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!wrote.getAsBoolean() && child.isAlive() && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    long delay = (long) (RANDOM.nextDouble() * maxMillis);
    boolean ended = child.waitFor(delay, TimeUnit.MILLISECONDS);
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return !ended;
  }

  /** Makes the temporary files a kill left an hour old, as the next cron run would find them. */
  private static int ageTemporaries(Path cacheDir) throws Exception {
    List<Path> left = CacheInvariants.temporaries(cacheDir);
    for (Path f : left) {
      Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
    }
    return left.size();
  }

  @Test
  void refreshKilledAtRandomMoments() throws Exception {
    RefreshFixtures.stubAll(wm);
    for (int t = 0; t < trials(3); t++) {
      Path cacheDir = home.resolve("refresh" + t + "/cache");
      seed(cacheDir, 0, PAPERS, NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(1)));
      Map<String, List<Observation>> before = CacheInvariants.histories(cacheDir);
      RefreshFixtures.S2Batch.delayAfterFirst = 120;
      Map<String, String> env = childEnv(cacheDir);
      env.put("PAPERS_S2_BATCH", "20");
      child = ChildJvm.builder(Main.class, List.of("refresh", "--sources", "s2,arxiv"), env, home, "refresh" + t)
          .start();
      PaperCache watch = new PaperCache(cacheDir, Clock.fixed(NOW, ZoneOffset.UTC));
      boolean killed = killAfter(() -> s2History(watch.read("arxiv:" + arxivId(0)).orElseThrow()).size() > 1, 2000);
      RefreshFixtures.S2Batch.delayAfterFirst = 0;

      Map<String, List<Observation>> afterKill = CacheInvariants.check(cacheDir, before);
      int saved = 0;
      for (List<Observation> h : afterKill.values()) {
        assertThat(h.size()).isBetween(1, 2);
        saved += h.size() - 1;
      }
      if (killed && saved > 0 && saved < PAPERS) {
        killedMidWrite++;
      }
      int left = ageTemporaries(cacheDir);
      temporariesLeft += left;

      // The next cron run, an hour later: it takes what is left, and sweeps what the kill left behind.
      CliHarness cli = new CliHarness(cacheDir.getParent(), wm.baseUrl() + "/api/query", wm.baseUrl() + "/graph/v1");
      Instant later = NOW.plus(Duration.ofHours(1));
      cli.env.put("PAPERS_NOW", later.toString());
      CliHarness.Run next = cli.run("refresh", "--sources", "s2,arxiv");
      assertThat(next.code()).as(next.err()).isZero();
      Map<String, List<Observation>> end = CacheInvariants.check(cacheDir, afterKill);
      for (Map.Entry<String, List<Observation>> e : end.entrySet()) {
        assertThat(e.getValue()).as(e.getKey() + ": exactly one new observation").hasSize(2);
      }
      assertThat(CacheInvariants.temporaries(cacheDir)).as("swept").isEmpty();
      refreshTrials++;
      System.out.println("[reliability] refresh trial " + t + ": " + (killed ? "killed" : "ended before the kill")
          + ", " + saved + "/" + PAPERS + " saved before, " + left + " temporary file(s) left");
    }
  }

  @Test
  void fetchKilledAtRandomMoments() throws Exception {
    RefreshFixtures.stubAll(wm);
    int n = 120;
    for (int t = 0; t < trials(2); t++) {
      Path cacheDir = home.resolve("fetch" + t + "/cache");
      // Half the papers are cached already, with one count each: their history must survive the kill.
      seed(cacheDir, 0, n / 2, NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(8)));
      Map<String, List<Observation>> before = CacheInvariants.histories(cacheDir);
      List<String> args = new ArrayList<>(List.of("fetch", "--sources", "s2,arxiv"));
      for (int i = 0; i < n; i++) {
        args.add(arxivId((i + n / 2) % n)); // the new papers first: the kill lands among new entries
      }
      child = ChildJvm.builder(Main.class, args, childEnv(cacheDir), home, "fetch" + t).start();
      Path papersDir = cacheDir.resolve("papers/arxiv");
      boolean killed = killAfter(() -> {
        try (java.util.stream.Stream<Path> files = Files.list(papersDir)) {
          return files.filter(f -> !f.getFileName().toString().startsWith(".")).count() > n / 2;
        } catch (java.io.IOException e) {
          return false;
        }
      }, 300);

      Map<String, List<Observation>> afterKill = CacheInvariants.check(cacheDir, before);
      if (killed && afterKill.size() > n / 2 && afterKill.size() < n) {
        killedMidWrite++;
      }
      int left = ageTemporaries(cacheDir);
      temporariesLeft += left;

      CliHarness cli = new CliHarness(cacheDir.getParent(), wm.baseUrl() + "/api/query", wm.baseUrl() + "/graph/v1");
      cli.env.put("PAPERS_NOW", NOW.plus(Duration.ofHours(1)).toString());
      CliHarness.Run again = cli.run(args.toArray(String[]::new));
      assertThat(again.code()).as(again.err()).isZero();
      Map<String, List<Observation>> end = CacheInvariants.check(cacheDir, afterKill);
      assertThat(end).hasSize(n);
      PaperCache cache = new PaperCache(cacheDir, Clock.fixed(NOW, ZoneOffset.UTC));
      for (Paper p : cache.loadAll().papers()) {
        assertThat(s2History(p).get(s2History(p).size() - 1).observedAt()).as(p.id())
            .isEqualTo(NOW.plus(Duration.ofHours(1)));
      }
      CliHarness.Run sweep = cli.run("refresh", "--sources", "s2");
      assertThat(sweep.code()).as(sweep.err()).isZero();
      assertThat(CacheInvariants.temporaries(cacheDir)).as("swept").isEmpty();
      fetchTrials++;
      System.out.println("[reliability] fetch trial " + t + ": " + (killed ? "killed" : "ended before the kill")
          + ", " + afterKill.size() + "/" + n + " papers in the cache after it, " + left + " temporary file(s) left");
    }
  }

  @AfterAll
  static void figures() {
    System.out.println("[reliability] kill -9 trials: " + refreshTrials + " of refresh, " + fetchTrials
        + " of fetch (seed " + SEED + "), " + killedMidWrite + " killed mid-run with part saved, "
        + temporariesLeft + " temporary file(s) left by kills and swept");
  }
}
