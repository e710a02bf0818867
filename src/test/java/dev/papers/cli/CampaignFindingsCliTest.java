package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.cache.PaperCache;
import dev.papers.model.PaperId;
import dev.papers.testing.Tmpfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smaller findings of issue 18's campaign, each pinned. */
@Tag("reliability")
@WireMockTest
class CampaignFindingsCliTest {
  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    cli = CliHarness.on(home, wm);
  }

  private int requests() {
    return wm.getWireMock().find(anyRequestedFor(anyUrl())).size();
  }

  @Test
  void fetchOnAReadOnlyCacheSaysSoAndSendsNothing() throws Exception {
    Path cacheDir = home.resolve("cache");
    try (Tmpfs fs = Tmpfs.mount(cacheDir, 1024 * 1024)) {
      RefreshFixtures.seed(cacheDir, 0, 3, RefreshFixtures.NOW.minus(Duration.ofDays(8)), null);
      fs.readOnly();

      for (String[] args : List.of(new String[] {"fetch", "1909.10351"}, new String[] {"refresh"},
          new String[] {"fetch", "--title", "Attention is all you need"})) {
        CliHarness.Run r = cli.run(args);
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("the cache " + cacheDir + " is read-only")
            .doesNotContain("internal error", "Exception", "cannot lock");
        assertThat(r.err().lines().count()).isEqualTo(1);
      }
      assertThat(requests()).isZero();
      // Reading still works.
      assertThat(cli.run("show", RefreshFixtures.arxivId(0)).code()).isZero();
      fs.writable();
    }
  }

  @Test
  void refreshSweepsTemporaryFilesOfKilledRunsOlderThanAnHour() throws Exception {
    Path cacheDir = home.resolve("cache");
    RefreshFixtures.seed(cacheDir, 0, 2, RefreshFixtures.NOW.minus(Duration.ofDays(1)), null);
    Path dir = cacheDir.resolve("papers/arxiv");
    String a = RefreshFixtures.arxivId(0);
    Path old = Files.writeString(dir.resolve("." + a + ".json.4242.1f2e3d4c5b6a7980.tmp"), "{\"half");
    Path recent = Files.writeString(dir.resolve("." + a + ".json.4243.0a0b0c0d0e0f1011.tmp"), "{\"half");
    Path oldAlias = Files.writeString(Files.createDirectories(cacheDir.resolve("aliases/s2"))
        .resolve(".abc.4242.77.tmp"), "x");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
    Files.setLastModifiedTime(oldAlias, FileTime.from(Instant.now().minus(Duration.ofHours(5))));
    Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));

    CliHarness.Run r = cli.run("refresh", "--sources", "s2", "--verbose");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(old).doesNotExist();
    assertThat(oldAlias).doesNotExist();
    assertThat(recent).exists(); // may belong to a write in progress
    assertThat(r.err()).contains("removed 2 temporary file(s)");
    assertThat(new PaperCache(cacheDir, Clock.fixed(RefreshFixtures.NOW, ZoneOffset.UTC)).loadAll().problems())
        .isEmpty();
  }

  @Test
  void arxivIdsFromTheFutureAreRefusedBeforeAnyRequest() {
    cli.env.put("PAPERS_NOW", "2026-12-06T10:00:00Z");
    for (String id : List.of("8909.10351", "2701.00001", "arXiv:2701.00001v2", "https://arxiv.org/abs/3001.12345",
        "10.48550/arXiv.9912.00001")) {
      CliHarness.Run r = cli.run("fetch", "1909.10351", id);
      assertThat(r.code()).as(id + ": " + r.err()).isEqualTo(2);
      assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
      assertThat(r.err()).contains("not a paper identifier").contains("after this month (2026-12)");
      assertThat(cli.run("show", id).code()).isEqualTo(2);
    }
    assertThat(requests()).isZero();
  }

  @Test
  void thisMonthsIdsAreFineAndTheRuleFollowsTheClock() {
    Instant now = Instant.parse("2026-12-31T23:59:59Z");
    assertThat(PaperId.parse("2612.00001").notAfter(now, "2612.00001")).isEqualTo(PaperId.arxiv("2612.00001"));
    assertThat(PaperId.parse("hep-th/9901001").notAfter(now, "x").value()).isEqualTo("hep-th/9901001");
    assertThat(PaperId.parse("10.1145/1.2").notAfter(now, "x").kind()).isEqualTo(PaperId.Kind.DOI);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PaperId.parse("2701.00001").notAfter(now, "2701.00001"))
        .hasMessageContaining("\"2701.00001\"");
    assertThat(PaperId.parse("2701.00001").notAfter(Instant.parse("2027-01-01T00:00:00Z"), "x")).isNotNull();
  }

  @Test
  void semanticScholarAnswersForAnotherPaperAreDroppedAndVerboseSaysSo() throws Exception {
    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("["
            + "{\"paperId\": \"" + "a".repeat(40) + "\", \"externalIds\": {\"ArXiv\": \"2001.00009\"},"
            + " \"title\": \"Someone else\", \"citationCount\": 99},"
            + "{\"paperId\": \"" + "b".repeat(40) + "\", \"externalIds\": {\"ArXiv\": \"2001.00002\"},"
            + " \"title\": \"Paper 2\", \"citationCount\": 7}]")));

    StringBuilder feed = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n"
        + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\">\n");
    for (String id : List.of("2001.00001", "2001.00002")) {
      feed.append("<entry><id>http://arxiv.org/abs/").append(id).append("v1</id><title>Paper ").append(id)
          .append("</title><published>2020-01-02T03:04:05Z</published><updated>2020-01-02T03:04:05Z</updated>")
          .append("<summary>S.</summary><author><name>A</name></author></entry>\n");
    }
    wm.getWireMock().register(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/query"))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml").withBody(feed + "</feed>\n")));

    CliHarness.Run quiet = cli.run("fetch", "2001.00001", "2001.00002");
    CliHarness.Run loud = cli.run("fetch", "--verbose", "2001.00001", "2001.00002");

    // arXiv found both papers: no failure, and only --verbose tells what Semantic Scholar's answer was.
    assertThat(quiet.code()).as(quiet.err()).isZero();
    assertThat(quiet.err()).isEmpty();
    assertThat(loud.code()).isZero();
    assertThat(loud.err()).contains("2001.00001").contains("answered for arXiv 2001.00001 with another paper"
        + " (arXiv 2001.00009)");
    assertThat(cli.run("show", "2001.00009").code()).isEqualTo(1);
  }
}
