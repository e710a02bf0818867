package dev.papers.cli;

import static dev.papers.cli.RefreshFixtures.NOW;
import static dev.papers.cli.RefreshFixtures.arxivId;
import static dev.papers.cli.RefreshFixtures.count;
import static dev.papers.cli.RefreshFixtures.hex40;
import static dev.papers.cli.RefreshFixtures.s2History;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.papers.cache.PaperCache;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.testing.Tmpfs;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, defect 3: the disk fills during {@code refresh --summary --log F} (a real tmpfs, the log on
 * another disk). What was saved stays saved and readable, the run exits 3, the summary and the log line
 * say how many were saved and why it stopped, and once there is room again a run completes the rest.
 */
@Tag("reliability")
class DiskFullTest {
  @RegisterExtension static WireMockExtension wm = RefreshFixtures.server();
  static final int PAPERS = 60;
  static final int PAGE = 4096;

  @TempDir Path home;
  Tmpfs tmpfs;

  @AfterEach
  void unmount() throws Exception {
    if (tmpfs != null) {
      tmpfs.close();
    }
  }

  /** Seeds papers whose files sit just under a page, so that each new observation costs a page. */
  static void seedNearPageSize(Path cacheDir) throws Exception {
    Instant countAt = NOW.minus(Duration.ofDays(8));
    PaperCache cache = new PaperCache(cacheDir, Clock.fixed(countAt, ZoneOffset.UTC));
    int pad = 0;
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < (round == 0 ? 1 : PAPERS); i++) {
        String a = arxivId(i);
        int padding = pad;
        cache.update(List.of(PaperId.arxiv(a)), p -> round(p, a, padding, countAt));
      }
      if (round == 0) {
        long size = Files.size(cacheDir.resolve("papers/arxiv/" + arxivId(0) + ".json"));
        pad = (int) (PAGE - 40 - size);
        assertThat(pad).isPositive();
      }
    }
    long size = Files.size(cacheDir.resolve("papers/arxiv/" + arxivId(1) + ".json"));
    assertThat(size).isBetween((long) PAGE - 80, (long) PAGE - 1);
  }

  private static Paper round(Paper p, String a, int padding, Instant at) {
    Paper q = p.merge(SourceRecord.builder(Source.ARXIV.jsonName()).arxivId(a).arxivVersion(1).title("Paper " + a)
        .abstractText("x".repeat(Math.max(1, padding))).observedAt(NOW).build(), at);
    if (s2History(q).isEmpty()) {
      q = q.merge(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId(a).s2Id(hex40(a)).count(5)
          .observedAt(at).build(), at);
    }
    return q;
  }

  @Test
  void aDiskFillingMidRunStopsCleanlyAndSaysSo() throws Exception {
    Path cacheDir = home.resolve("cache");
    tmpfs = Tmpfs.mount(cacheDir, 2L * 1024 * 1024);
    seedNearPageSize(cacheDir);
    RefreshFixtures.stubAll(wm);
    CliHarness cli = new CliHarness(home, wm.baseUrl() + "/api/query", wm.baseUrl() + "/graph/v1");
    cli.env.put("PAPERS_S2_BATCH", "10");
    // A first refresh that has nothing to do makes the state files (locks, holder) while there is room.
    cli.env.put("PAPERS_NOW", NOW.minus(Duration.ofDays(7)).toString());
    assertThat(cli.run("refresh", "--sources", "s2").code()).isZero();
    cli.env.put("PAPERS_NOW", NOW.toString());

    // Fill the disk, leaving a dozen pages.
    long free = Files.getFileStore(cacheDir).getUsableSpace();
    Path filler = cacheDir.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[PAGE];
      for (long left = free - 12L * PAGE; left > 0; left -= PAGE) {
        out.write(block);
      }
    }
    Path log = home.resolve("logs/refresh.log"); // another disk

    CliHarness.Run r = cli.run("refresh", "--sources", "s2", "--summary", "--log", log.toString());
    System.out.println("[reliability] disk full: " + r.out().strip() + " | " + r.err().strip() + " | exit " + r.code());

    PaperCache cache = new PaperCache(cacheDir, Clock.fixed(NOW, ZoneOffset.UTC));
    PaperCache.Snapshot after = cache.loadAll();
    assertThat(after.problems()).isEmpty();
    assertThat(after.papers()).hasSize(PAPERS);
    int saved = 0;
    for (Paper p : after.papers()) {
      List<Observation> h = s2History(p);
      assertThat(h).as(p.id()).hasSizeBetween(1, 2);
      if (h.size() == 2) {
        assertThat(h.get(1).count()).isEqualTo(count(p.arxivId()));
        saved++;
      }
    }
    assertThat(saved).as("the disk filled in the middle").isBetween(1, PAPERS - 1);
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).startsWith("papers refresh: " + saved + " refreshed")
        .contains("stopped: cannot write to the cache: No space left on device, " + saved + " saved");
    assertThat(r.err()).contains("No space left on device").doesNotContain("internal error", "Exception");
    assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("exit=3", "refreshed=" + saved,
        "note=\"stopped: cannot write to the cache: No space left on device\"");
    try (Stream<Path> files = Files.walk(cacheDir)) {
      assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }

    // Room again: the next run does the rest.
    assertThat(r.code()).isEqualTo(3);
    Files.delete(filler);
    // One batch for what is left (a lone paper would be asked by GET /paper/{id}, which the stand-in
    // does not answer).
    cli.env.put("PAPERS_S2_BATCH", "500");
    CliHarness.Run again = cli.run("refresh", "--sources", "s2", "--summary");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).startsWith("papers refresh: " + (PAPERS - saved) + " refreshed");
    for (Paper p : cache.loadAll().papers()) {
      assertThat(s2History(p)).as(p.id()).hasSize(2);
    }
  }

  @Test
  void aDiskFillingDuringFetchSavesWhatItCanAndExitsThree() throws Exception {
    Path cacheDir = home.resolve("cache");
    tmpfs = Tmpfs.mount(cacheDir, 1024 * 1024);
    RefreshFixtures.stubAll(wm);
    CliHarness cli = new CliHarness(home, wm.baseUrl() + "/api/query", wm.baseUrl() + "/graph/v1");
    List<String> args = new java.util.ArrayList<>(List.of("fetch", "--sources", "s2"));
    for (int i = 0; i < PAPERS; i++) {
      args.add(arxivId(i));
    }
    long free = Files.getFileStore(cacheDir).getUsableSpace();
    Path filler = cacheDir.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[PAGE];
      for (long left = free - 12L * PAGE; left > 0; left -= PAGE) {
        out.write(block);
      }
    }

    CliHarness.Run r = cli.run(args.toArray(String[]::new));
    System.out.println("[reliability] disk full during fetch: " + r.err().strip() + " | exit " + r.code());

    PaperCache.Snapshot after = new PaperCache(cacheDir, Clock.fixed(NOW, ZoneOffset.UTC)).loadAll();
    assertThat(after.problems()).isEmpty();
    assertThat(after.papers().size()).as("the disk filled in the middle").isBetween(1, PAPERS - 1);
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("cannot write to the cache: No space left on device");
    CacheInvariants.plainErrors("fetch on a full disk", r.err());
    assertThat(CacheInvariants.temporaries(cacheDir)).isEmpty();

    Files.delete(filler);
    CliHarness.Run again = cli.run(args.toArray(String[]::new));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(CacheInvariants.histories(cacheDir)).hasSize(PAPERS);
  }
}
