package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's "done when": fetches over weeks, then the digest in every format, offline. */
@WireMockTest
class DigestCliTest {
  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  static String paper(String s2, String arxiv, String title, int count) {
    return """
        {"paperId": "%s", "externalIds": {"ArXiv": "%s"}, "title": "%s", "year": 2020,
         "publicationDate": "2020-01-01", "authors": [{"name": "Ann Able"}], "citationCount": %d,
         "abstract": "We distil things. More."}""".formatted(s2.repeat(40), arxiv, title, count);
  }

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) throws Exception {
    this.wm = wm;
    cli = CliHarness.on(home, wm);
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/demo.json"), """
        {"title": "Demo", "keywords": ["distil"], "since": 2015}
        """);
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withBody(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>")));
  }

  void fetchAt(String now, String body, String... ids) {
    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    cli.env.put("PAPERS_NOW", now);
    CliHarness.Run r = cli.run(concat(new String[] {"fetch", "--sources", "s2"}, ids));
    assertThat(r.code()).as(r.err()).isZero();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  void history() {
    fetchAt("2026-10-01T00:00:00Z", "[" + paper("a", "2001.00001", "Alpha: distil slowly", 100) + ","
        + paper("b", "2002.00002", "Beta: distil fast", 50) + "]", "2001.00001", "2002.00002");
    fetchAt("2026-11-20T00:00:00Z", "[" + paper("a", "2001.00001", "Alpha: distil slowly", 110) + ","
        + paper("b", "2002.00002", "Beta: distil fast", 90) + "," + paper("c", "2003.00003", "Gamma: distil anew", 5)
        + "]", "2001.00001", "2002.00002", "2003.00003");
    cli.env.put("PAPERS_NOW", "2026-11-22T10:00:00Z");
    wm.getWireMock().resetRequests();
  }

  @Test
  void jsonNamesTheNewTheRisersInOrderAndTheReadingList() throws Exception {
    history();
    CliHarness.Run r = cli.run("digest", "--topic", "demo", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode d = Json.mapper().readTree(r.out());
    assertThat(d.get("topic").asText()).isEqualTo("demo");
    assertThat(d.get("since").asText()).isEqualTo("2026-11-15T10:00:00Z");
    assertThat(d.get("asOf").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(d.get("new")).hasSize(1);
    assertThat(d.get("new").get(0).get("id").asText()).isEqualTo("arxiv:2003.00003");
    assertThat(d.get("new").get(0).get("firstSentence").asText()).isEqualTo("We distil things.");
    JsonNode rising = d.get("rising");
    assertThat(rising).hasSize(2);
    assertThat(rising.get(0).get("id").asText()).isEqualTo("arxiv:2002.00002");
    assertThat(rising.get(0).get("growth").asInt()).isEqualTo(40);
    assertThat(rising.get(0).get("source").asText()).isEqualTo("semanticScholar");
    assertThat(rising.get(0).get("citations").asInt()).isEqualTo(90);
    assertThat(rising.get(0).get("velocityMethod").asText()).isEqualTo("observed");
    assertThat(rising.get(1).get("growth").asInt()).isEqualTo(10);
    for (JsonNode p : d.get("readingList")) {
      assertThat(p.has("title") && p.has("citations") && p.has("velocity") && p.has("velocityMethod")).isTrue();
    }
    assertThat(d.get("readingList").get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(d.get("readingList").get(0).get("links").get("arxiv").asText())
        .isEqualTo("https://arxiv.org/abs/2002.00002");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).as("a digest sends nothing").isEmpty();
  }

  @Test
  void sinceAsADateAndLimit() throws Exception {
    history();
    JsonNode d = Json.mapper().readTree(cli.run("digest", "--topic", "demo", "--format", "json",
        "--since", "2026-09-01", "--limit", "1").out());
    assertThat(d.get("since").asText()).isEqualTo("2026-09-01T00:00:00Z");
    assertThat(d.get("new")).hasSize(3); // all three were first seen after September 1st
    assertThat(d.get("rising")).isEmpty(); // and none had a count before it
    assertThat(d.get("readingList")).hasSize(1);
  }

  @Test
  void markdownAndHtml() throws Exception {
    history();
    CliHarness.Run md = cli.run("digest", "--topic", "demo");
    assertThat(md.code()).as(md.err()).isZero();
    assertThat(md.out()).startsWith("# Demo: what is new since 2026-11-15\n").contains("## References\n");
    CliHarness.Run html = cli.run("digest", "--topic", "demo", "--format", "html");
    Document page = Jsoup.parse(html.out());
    assertThat(page.select("svg.chart")).hasSize(2); // Alpha and Beta were counted twice; Gamma once
    CliHarness.Run rank = cli.run("rank", "--topic", "demo", "--format", "html");
    assertThat(rank.code()).as(rank.err()).isZero();
    assertThat(Jsoup.parse(rank.out()).select("svg.chart")).hasSize(2);
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void badInputIsExitTwoWithOneLine() {
    for (String[] args : new String[][] {{"digest", "--topic", "demo", "--since", "last week"},
        {"digest", "--topic", "demo", "--format", "pdf"}, {"digest", "--topic", "demo", "--limit", "-1"},
        {"digest", "--topic", "nosuch"}}) {
      CliHarness.Run r = cli.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err().strip()).startsWith("papers: ").doesNotContain("\tat ");
      assertThat(r.out()).isEmpty();
    }
  }
}
