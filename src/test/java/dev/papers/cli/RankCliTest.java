package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.json.Json;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 3's "done when": two fetches a year apart, then rank in every format, offline. */
@WireMockTest
class RankCliTest {
  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  static String batch(int a, int b) {
    return """
        [{"paperId": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "externalIds": {"ArXiv": "2001.00001"},
          "title": "Alpha: Distilling Things", "year": 2020, "publicationDate": "2020-01-01",
          "authors": [{"name": "Ann Able"}], "citationCount": %d, "influentialCitationCount": 1},
         {"paperId": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "externalIds": {"ArXiv": "2002.00002"},
          "title": "Beta, \\"quoted\\" & =formula", "year": 2020, "publicationDate": "2020-02-01",
          "authors": [{"name": "Bob Baker"}, {"name": "Cy Cole"}], "citationCount": %d, "influentialCitationCount": 2}]
        """.formatted(a, b);
  }

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) throws Exception {
    this.wm = wm;
    cli = CliHarness.on(home, wm);
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/demo.json"), """
        {"title": "Demo", "keywords": ["distilling"], "include": ["2002.00002", "1909.10351"], "since": 2015}
        """);
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withBody(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>")));
  }

  void fetchAt(String now, int a, int b) {
    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(batch(a, b))));
    cli.env.put("PAPERS_NOW", now);
    CliHarness.Run r = cli.run("fetch", "2001.00001", "2002.00002", "--sources", "s2");
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void observedVelocityIsTheCountDifferencePerYearBestFirst() throws Exception {
    fetchAt("2025-11-22T00:00:00Z", 100, 50);
    fetchAt("2026-11-22T00:00:00Z", 200, 400);
    wm.getWireMock().resetRequests();
    CliHarness.Run r = cli.run("rank", "--topic", "demo", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode a = Json.mapper().readTree(r.out());
    assertThat(a.get(0).get("id").asText()).isEqualTo("arxiv:2002.00002");
    assertThat(a.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(a.get(0).get("velocityMethod").asText()).isEqualTo("observed");
    assertThat(a.get(0).get("velocity").asDouble()).isCloseTo(350.0, within(1e-9));
    assertThat(a.get(0).get("citations").asInt()).isEqualTo(400);
    assertThat(a.get(0).get("source").asText()).isEqualTo("semanticScholar");
    assertThat(a.get(1).get("id").asText()).isEqualTo("arxiv:2001.00001");
    assertThat(a.get(1).get("velocity").asDouble()).isCloseTo(100.0, within(1e-9));
    // an include that was never fetched follows, unranked
    assertThat(a.get(2).get("id").asText()).contains("1909.10351");
    assertThat(a.get(2).get("rank").isNull()).isTrue();
    assertThat(a.get(2).get("velocity").isNull()).isTrue();
    // rank is offline
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void oneSnapshotGivesLifetimeVelocityAndAsOfHidesLaterObservations() throws Exception {
    fetchAt("2025-11-22T00:00:00Z", 100, 50);
    fetchAt("2026-11-22T00:00:00Z", 200, 400);
    JsonNode a = Json.mapper().readTree(cli.run("rank", "--topic", "demo", "--format", "json",
        "--as-of", "2026-01-01").out());
    // as of 2026-01-01 only the first snapshot exists: lifetime = count / (days from published to observedAt / 365.25)
    double ageA = (java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2020, 1, 1),
        java.time.LocalDate.of(2025, 11, 22))) / 365.25;
    double ageB = (java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.of(2020, 2, 1),
        java.time.LocalDate.of(2025, 11, 22))) / 365.25;
    assertThat(a.get(0).get("id").asText()).isEqualTo("arxiv:2001.00001");
    assertThat(a.get(0).get("velocityMethod").asText()).isEqualTo("lifetime");
    assertThat(a.get(0).get("citations").asInt()).isEqualTo(100);
    assertThat(a.get(0).get("velocity").asDouble()).isCloseTo(100 / ageA, within(1e-6));
    assertThat(a.get(1).get("velocity").asDouble()).isCloseTo(50 / ageB, within(1e-6));
  }

  @Test
  void everyFormatIsProducedAndReadableByRealParsers() throws Exception {
    fetchAt("2025-11-22T00:00:00Z", 100, 50);
    fetchAt("2026-11-22T00:00:00Z", 200, 400);

    CliHarness.Run table = cli.run("rank", "--topic", "demo");
    assertThat(table.code()).isZero();
    assertThat(table.out()).contains("Alpha: Distilling Things").doesNotContain("\u001b[");
    table.out().lines().forEach(l -> assertThat(l.length()).isLessThanOrEqualTo(100));

    CliHarness.Run md = cli.run("rank", "--topic", "demo", "--format", "markdown");
    assertThat(md.out()).contains("1. ").contains("](https://arxiv.org/abs/2002.00002)");

    CliHarness.Run csv = cli.run("rank", "--topic", "demo", "--format", "csv");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.out())).getRecords();
    assertThat(rows.get(0).get("id")).isEqualTo("arxiv:2002.00002");
    assertThat(rows.get(0).get("title")).isEqualTo("Beta, \"quoted\" & =formula");
    assertThat(rows.get(0).get("citations")).isEqualTo("400");

    CliHarness.Run bib = cli.run("rank", "--topic", "demo", "--format", "bibtex");
    BibTeXDatabase db = new BibTeXParser().parse(new StringReader(bib.out()));
    assertThat(db.getEntries()).hasSize(2);
    for (var e : db.getEntries().values()) {
      assertThat(e.getField(new Key("eprint"))).isNotNull();
      assertThat(e.getField(new Key("archivePrefix")).toUserString()).isEqualTo("arXiv");
    }

    CliHarness.Run explain = cli.run("rank", "--topic", "demo", "--explain");
    assertThat(explain.out()).contains("observed");

    CliHarness.Run bad = cli.run("rank", "--topic", "demo", "--format", "xml");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(cli.run("rank", "--topic", "nope").err()).contains("demo");
  }

  @Test
  void aMalformedTopicIsExit2NamingFileAndLine() throws Exception {
    Files.writeString(home.resolve("queries/broken.json"), "{\n  \"title\": \"x\",\n  \"include\": [1909.1035]\n}\n");
    CliHarness.Run r = cli.run("rank", "--topic", "broken");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("broken.json").contains(":3:");
  }
}
