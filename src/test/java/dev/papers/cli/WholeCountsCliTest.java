package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract's "a count is a whole number, 0 or more": a Semantic Scholar batch whose records carry
 * counts of every wrong kind stores every paper's other fields, no such count, and names each value
 * with --verbose; one unreadable record fails only its own paper.
 */
@WireMockTest
class WholeCountsCliTest {
  static final String[] BAD = {"12.5", "-3", "true", "{\"n\": 1}", "\"12\"", "9223372036854775808",
      "9007199254740993", "[1]", "1e400"};

  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    cli = CliHarness.on(home, wm);
  }

  static String arxiv(int i) {
    return String.format("2001.%05d", i + 1);
  }

  static String hex(int i) {
    return String.format("%040x", i + 1);
  }

  static String paper(int i, String count) {
    return "{\"paperId\": \"" + hex(i) + "\", \"externalIds\": {\"ArXiv\": \"" + arxiv(i) + "\"}, \"title\": \"Paper "
        + i + "\", \"year\": 2020, \"citationCount\": " + count + ", \"influentialCitationCount\": 1}";
  }

  private void batch(List<String> records) {
    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("[" + String.join(",", records) + "]")));
  }

  @Test
  void badCountsAreNotStoredTheRestOfEachRecordIsAndVerboseNamesTheValues() throws Exception {
    List<String> records = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of("fetch", "--sources", "s2", "--json", "--verbose"));
    for (int i = 0; i < BAD.length; i++) {
      records.add(paper(i, BAD[i]));
      args.add(arxiv(i));
    }
    records.add(paper(BAD.length, "42"));
    args.add(arxiv(BAD.length));
    batch(records);

    CliHarness.Run r = cli.run(args.toArray(String[]::new));

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode out = Json.mapper().readTree(r.out());
    assertThat(out.size()).isEqualTo(BAD.length + 1);
    for (int i = 0; i < BAD.length; i++) {
      JsonNode p = out.get(i);
      assertThat(p.get("title").asText()).isEqualTo("Paper " + i);
      assertThat(p.get("s2Id").asText()).isEqualTo(hex(i));
      assertThat(p.get("citations").has("semanticScholar")).as(BAD[i]).isFalse();
      assertThat(p.get("history")).as(BAD[i]).isEmpty();
    }
    JsonNode good = out.get(BAD.length);
    assertThat(good.at("/citations/semanticScholar/count").asInt()).isEqualTo(42);
    assertThat(r.err()).contains("not a whole number: 12.5", "negative: -3", "not a number: true",
        "not a number: an object", "not a number: a string \"12\"", "9223372036854775808", "9007199254740993",
        "not a number: an array");
    assertThat(r.err()).doesNotContain("java.", "Integer", "jackson", "Exception");
  }

  @Test
  void withoutVerboseNothingIsSaidAndTheStoredCountIsKept() throws Exception {
    batch(List.of(paper(0, "7"), paper(1, "8")));
    assertThat(cli.run("fetch", "--sources", "s2", arxiv(0), arxiv(1)).code()).isZero();
    cli.env.put("PAPERS_NOW", "2026-11-29T10:00:00Z");
    batch(List.of(paper(0, "12.5"), paper(1, "9")));

    CliHarness.Run r = cli.run("fetch", "--sources", "s2", "--json", arxiv(0), arxiv(1));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode out = Json.mapper().readTree(r.out());
    assertThat(out.get(0).at("/citations/semanticScholar/count").asInt()).isEqualTo(7);
    assertThat(out.get(0).get("history")).hasSize(1);
    assertThat(out.get(1).at("/citations/semanticScholar/count").asInt()).isEqualTo(9);
  }

  @Test
  void oneUnreadableRecordFailsOnlyItsOwnPaper() throws Exception {
    String broken = "{\"paperId\": \"" + hex(1) + "\", \"title\": {\"not\": \"a title\"}, \"citationCount\": 3}";
    batch(List.of(paper(0, "5"), broken, paper(2, "6")));

    CliHarness.Run r = cli.run("fetch", "--sources", "s2", "--json", arxiv(0), arxiv(1), arxiv(2));

    assertThat(r.code()).as(r.err()).isEqualTo(3);
    JsonNode out = Json.mapper().readTree(r.out());
    assertThat(out.size()).isEqualTo(2);
    assertThat(out.get(0).at("/citations/semanticScholar/count").asInt()).isEqualTo(5);
    assertThat(out.get(1).at("/citations/semanticScholar/count").asInt()).isEqualTo(6);
    assertThat(r.err()).contains(arxiv(1)).doesNotContain("java.", "jackson", "S2Dto", "Exception");
    assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
  }

  @Test
  void aSingleGetWithAFractionalCountStoresThePaperWithoutIt() throws Exception {
    wm.getWireMock().register(get(urlPathEqualTo("/graph/v1/paper/ARXIV:" + arxiv(0))).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody(paper(0, "12.5"))));

    CliHarness.Run r = cli.run("fetch", "--sources", "s2", "--json", "-v", arxiv(0));

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode p = Json.mapper().readTree(r.out()).get(0);
    assertThat(p.get("title").asText()).isEqualTo("Paper 0");
    assertThat(p.get("history")).isEmpty();
    assertThat(r.err()).contains("12.5");
  }

  @Test
  void aTitleMatchWithAWrongTypeCountStoresThePaperWithoutIt() throws Exception {
    wm.getWireMock().register(get(urlPathEqualTo("/graph/v1/paper/search/match")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"data\": [" + paper(0, "true") + "]}")));
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/atom+xml")
        .withBody("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>")));

    CliHarness.Run r = cli.run("fetch", "--title", "Paper 0", "--sources", "s2", "--json", "--verbose");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode p = Json.mapper().readTree(r.out()).get(0);
    assertThat(p.get("title").asText()).isEqualTo("Paper 0");
    assertThat(p.get("history")).isEmpty();
    assertThat(r.err()).contains("not a number: true");
  }
}
