package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.papers.app.App;
import dev.papers.Main;
import dev.papers.config.Settings;
import dev.papers.json.Json;
import dev.papers.source.scholar.ScholarParser;
import dev.papers.source.scholar.ScholarResult;
import dev.papers.testing.RealFixtures;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@WireMockTest
class ImportCliTest {
  static final String SEED_001 = "001_7caf8c73364815e7.txt";
  static final String REAL_SCHOLAR = "scholar/scholar_2020_search_results_10_of_about30_geomap.html";

  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    cli = CliHarness.on(home, wm);
  }

  // --- helpers ---------------------------------------------------------------------------------

  static Path resource(String name) {
    try {
      return Path.of(ImportCliTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(CliHarness.Run r) throws Exception {
    return Json.mapper().readTree(r.out());
  }

  static List<String> ids(JsonNode records) {
    List<String> ids = new ArrayList<>();
    records.forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  static JsonNode byId(JsonNode records, String id) {
    for (JsonNode n : records) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no record " + id + " in " + records);
  }

  /** The observations of one source in a record's history. */
  static List<JsonNode> history(JsonNode record, String source) {
    List<JsonNode> out = new ArrayList<>();
    record.get("history").forEach(h -> {
      if (h.get("source").asText().equals(source)) {
        out.add(h);
      }
    });
    return out;
  }

  void assertNothingSent() {
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  CliHarness.Run runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    App app = new App(Settings.of(cli.env, home), cli.time, cli.time, cli.time);
    app.setStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    int code = Main.run(args, cli.env, home, new PrintWriter(out, true), new PrintWriter(err, true), app);
    return new CliHarness.Run(code, out.toString(), err.toString());
  }

  static String feed(String... ids) {
    StringBuilder b = new StringBuilder("""
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
        """);
    b.append("<opensearch:totalResults>").append(ids.length).append("</opensearch:totalResults>\n");
    for (String id : ids) {
      b.append("<entry><id>http://arxiv.org/abs/").append(id).append("v1</id><title>Paper ").append(id)
          .append("</title><updated>2020-01-02T00:00:00Z</updated><published>2020-01-01T00:00:00Z</published>")
          .append("<summary>About ").append(id).append(".</summary>")
          .append("<arxiv:primary_category term=\"cs.CL\"/><category term=\"cs.CL\"/>")
          .append("<author><name>Ann Author</name></author></entry>\n");
    }
    return b.append("</feed>\n").toString();
  }

  static String s2Batch(String... ids) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      items.add("{\"paperId\": \"" + "%040x".formatted(i + 1) + "\", \"externalIds\": {\"ArXiv\": \"" + ids[i]
          + "\"}, \"title\": \"Paper " + ids[i] + "\", \"year\": 2020, \"publicationDate\": \"2020-01-01\","
          + " \"authors\": [{\"name\": \"Ann Author\"}], \"citationCount\": " + (100 + i)
          + ", \"influentialCitationCount\": 1}");
    }
    return "[" + String.join(",", items) + "]";
  }

  void stubFetch(String... ids) {
    wm.getWireMock().register(get(urlPathEqualTo("/api/query"))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml").withBody(feed(ids))));
    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(s2Batch(ids))));
    String one = s2Batch(ids[0]);
    wm.getWireMock().register(get(urlPathMatching("/graph/v1/paper/ARXIV:" + ids[0].replace(".", "\\.")))
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(one.substring(1, one.length() - 1))));
  }

  // --- seeds, offline ----------------------------------------------------------------------------

  static Stream<Arguments> seeds() {
    return Stream.of(
        Arguments.of("000_643db767900e06e2.txt", List.of()),
        Arguments.of(SEED_001, List.of("2012.06908", "2104.08821", "1909.10351", "1903.12136", "2012.01266",
            "2004.02984")),
        Arguments.of("002_a513cab50487f207.txt", List.of("1503.02531", "2002.05715", "1912.01412", "2002.08155",
            "2001.08055", "2002.05638", "2002.05709", "2002.06885", "2002.08512", "1909.06576")),
        Arguments.of("003_2074566bdd68eeb8.txt", List.of()),
        Arguments.of("004_424488900405d3ee.txt", List.of("1911.11423", "1905.11946", "1704.04861", "1512.03385",
            "1912.02292")));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eachSeedOfflineFindsExactlyItsIdsAndSendsNothing(String seed, List<String> expected) throws Exception {
    Path file = RealFixtures.seed(seed);
    CliHarness.Run r = cli.run("import", "--offline", "--json", file.toString());
    assertNothingSent();
    assertThat(ids(json(r))).containsExactlyElementsOf(expected.stream().map(id -> "arxiv:" + id).toList());
    if (expected.isEmpty()) {
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).contains(seed + ": no paper identifiers found")
          .contains("nothing imported").doesNotContain("\tat ");
    } else {
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.err()).contains(seed + ": " + expected.size() + " arXiv ids");
      for (String id : expected) {
        assertThat(home.resolve("cache/papers/arxiv/" + id + ".json")).exists();
      }
    }
  }

  @Test
  void seed001StoresSixDatedReportedCountsAndNotTheUndatedOne() throws Exception {
    Path file = RealFixtures.seed(SEED_001);
    CliHarness.Run r = cli.run("import", "--offline", "--json", "--verbose", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertNothingSent();
    assertThat(r.err()).contains(SEED_001 + ": 6 arXiv ids, 6 reported counts, 1 count not stored")
        .contains(SEED_001 + ":9: a count of 11797 (Google Scholar) with no date; not stored");
    JsonNode records = json(r);
    Object[][] expected = {
        {"2012.06908", 26, "2022-10-06", 29},
        {"2104.08821", 83, "2022-09-18", 96},
        {"1909.10351", 67, "2022-09-16", 116},
        {"1903.12136", 226, "2022-09-11", 135},
        {"2012.01266", 1, "2022-09-17", 156},
        {"2004.02984", 162, "2022-06-16", 172},
    };
    for (Object[] e : expected) {
      JsonNode p = byId(records, "arxiv:" + e[0]);
      List<JsonNode> reported = history(p, "reported");
      assertThat(reported).as("%s", e[0]).hasSize(1);
      assertThat(reported.get(0).get("count").asInt()).isEqualTo(e[1]);
      assertThat(reported.get(0).get("observedAt").asText()).isEqualTo(e[2] + "T00:00:00Z");
      assertThat(reported.get(0).get("provenance").asText()).isEqualTo(SEED_001 + ":" + e[3]);
      JsonNode current = p.get("citations").get("reported");
      assertThat(current.get("count").asInt()).isEqualTo(e[1]);
      assertThat(current.get("observedAt").asText()).isEqualTo(e[2] + "T00:00:00Z");
      assertThat(p.get("titleSource").asText()).isEqualTo("reported");
    }
    // the titles, years, venues and first authors the notes state, the English title over two lines joined
    JsonNode lottery = byId(records, "arxiv:2012.06908");
    assertThat(lottery.get("title").asText()).isEqualTo("The Lottery Tickets Hypothesis for Supervised and "
        + "Self-supervised Pre-training in Computer Vision Models");
    assertThat(lottery.get("year").asInt()).isEqualTo(2021);
    assertThat(lottery.get("venue").asText()).isEqualTo("CVPR");
    assertThat(lottery.get("authors").toString()).isEqualTo("[\"Tianlong Chen\"]");
    assertThat(byId(records, "arxiv:1909.10351").get("title").asText())
        .isEqualTo("TINYBERT: DISTILLING BERT FOR NATURAL LAN-GUAGE UNDERSTANDING");
    assertThat(byId(records, "arxiv:2104.08821").get("title").asText())
        .isEqualTo("SimCSE: Simple Contrastive Learning of Sentence Embeddings");
    assertThat(r.err()).contains(SEED_001 + ": 6 arXiv ids, 6 reported counts, 1 count not stored, 6 titles stated");
    assertThat(r.out()).doesNotContain("11797");
    try (Stream<Path> files = Files.walk(home.resolve("cache"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).doesNotContain("11797");
      }
    }

    // importing the same notes again adds nothing to the history
    cli.env.put("PAPERS_NOW", "2026-11-25T10:00:00Z");
    CliHarness.Run again = cli.run("import", "--offline", "--json", file.toString());
    assertThat(again.code()).isZero();
    assertThat(history(byId(json(again), "arxiv:1909.10351"), "reported")).hasSize(1);
  }

  @Test
  void ownReadingNotes() throws Exception {
    CliHarness.Run r = cli.run("import", "--offline", "--json", "--verbose", "--topic", "distillation",
        resource("import/reading-notes.txt").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertNothingSent();
    JsonNode records = json(r);
    assertThat(ids(records)).containsExactly("doi:10.1145/1541880.1541882", "arxiv:1909.10351",
        "arxiv:2104.08821", "arxiv:2012.01266", "arxiv:1503.02531", "arxiv:2002.05709", "arxiv:2002.05715");
    records.forEach(n -> assertThat(n.get("topics").toString()).isEqualTo("[\"distillation\"]"));
    assertThat(history(byId(records, "doi:10.1145/1541880.1541882"), "reported")).isEmpty();
    assertThat(byId(records, "doi:10.1145/1541880.1541882").get("doi").asText()).isEqualTo("10.1145/1541880.1541882");
    assertThat(byId(records, "arxiv:2012.01266").get("arxivId").asText()).isEqualTo("2012.01266");
    assertThat(history(byId(records, "arxiv:2002.05709"), "reported")).isEmpty();
    JsonNode simcse = history(byId(records, "arxiv:2104.08821"), "reported").get(0);
    assertThat(simcse.get("count").asInt()).isEqualTo(83);
    assertThat(simcse.get("observedAt").asText()).isEqualTo("2022-09-18T00:00:00Z");
    assertThat(simcse.get("provenance").asText()).isEqualTo("reading-notes.txt:18");
    JsonNode hinton = byId(records, "arxiv:1503.02531").get("citations").get("reported");
    assertThat(hinton.get("count").asInt()).isEqualTo(12345);
    assertThat(hinton.get("observedAt").asText()).isEqualTo("2023-01-05T00:00:00Z");
    assertThat(byId(records, "arxiv:2002.05715").get("citations").get("reported").get("count").asInt())
        .isEqualTo(40);
    assertThat(r.err())
        .contains("reading-notes.txt: 6 arXiv ids, 1 DOI, 5 reported counts, 2 counts not stored")
        .contains("reading-notes.txt:4: a count of 11797 (Google Scholar) with no date; not stored")
        .contains("reading-notes.txt:47: a count of 45 (Baidu Scholar) read on 2022-08-01 names no paper")
        .contains("no topic file");
  }

  // --- fetching ----------------------------------------------------------------------------------

  @Test
  void foundIdsAreFetchedInOneBatchPerSourceAndTagged() throws Exception {
    Path notes = home.resolve("notes.md");
    Files.writeString(notes, """
        # Reading list
        - TinyBERT: https://arxiv.org/abs/1909.10351v2
        - SimCSE (arXiv:2104.08821)
        - [SimCLR](https://arxiv.org/pdf/2002.05709.pdf)
        - TinyBERT again: arxiv.org/abs/1909.10351
        """);
    stubFetch("1909.10351", "2104.08821", "2002.05709");
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/distillation.json"), "{\"title\": \"Distillation\"}");
    CliHarness.Run r = cli.run("import", notes.toString(), "--topic", "distillation", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("no topic file").contains("notes.md: 3 arXiv ids");

    List<LoggedRequest> s2 = wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/graph/v1/paper/batch")));
    assertThat(s2).hasSize(1);
    JsonNode body = Json.mapper().readTree(s2.get(0).getBodyAsString());
    assertThat(body.get("ids").toString()).isEqualTo("[\"ARXIV:1909.10351\",\"ARXIV:2104.08821\",\"ARXIV:2002.05709\"]");
    List<LoggedRequest> arxiv = wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/api/query")));
    assertThat(arxiv).hasSize(1);
    assertThat(arxiv.get(0).queryParameter("id_list").firstValue())
        .isEqualTo("1909.10351,2104.08821,2002.05709");

    JsonNode records = json(r);
    assertThat(ids(records)).containsExactly("arxiv:1909.10351", "arxiv:2104.08821", "arxiv:2002.05709");
    for (JsonNode n : records) {
      assertThat(n.get("topics").toString()).isEqualTo("[\"distillation\"]");
      assertThat(n.get("title").asText()).startsWith("Paper ");
      assertThat(n.get("citations").get("semanticScholar").get("count").asInt()).isBetween(100, 102);
    }
  }

  @Test
  void anOfflineEntryHoldsOnlyItsIdAndALaterFetchFillsItIn() throws Exception {
    Path notes = home.resolve("notes.txt");
    Files.writeString(notes, "see arXiv:1909.10351\n");
    assertThat(cli.run("import", "--offline", notes.toString()).code()).isZero();
    assertNothingSent();
    CliHarness.Run show = cli.run("show", "1909.10351", "--json");
    assertThat(show.code()).as(show.err()).isZero();
    JsonNode before = Json.mapper().readTree(show.out());
    assertThat(before.get("id").asText()).isEqualTo("arxiv:1909.10351");
    assertThat(before.get("title").isNull()).isTrue();
    assertThat(before.get("arxivId").asText()).isEqualTo("1909.10351");
    assertThat(before.get("history")).isEmpty();

    stubFetch("1909.10351");
    CliHarness.Run fetch = cli.run("fetch", "1909.10351", "--json");
    assertThat(fetch.code()).as(fetch.err()).isZero();
    JsonNode after = Json.mapper().readTree(fetch.out()).get(0);
    assertThat(after.get("id").asText()).isEqualTo("arxiv:1909.10351");
    assertThat(after.get("title").asText()).isEqualTo("Paper 1909.10351");
    assertThat(after.get("citations").get("semanticScholar").get("count").asInt()).isEqualTo(100);
  }

  @Test
  void standardInput() throws Exception {
    CliHarness.Run r = runWithStdin("被引量:67\n论文地址: https://arxiv.org/abs/1909.10351\n",
        "import", "--offline", "--json", "-");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(ids(json(r))).containsExactly("arxiv:1909.10351");
    assertThat(r.err()).contains("stdin: 1 arXiv id");

    CliHarness.Run html = runWithStdin("<html><body><a href=\"https://arxiv.org/abs/2002.05709\">SimCLR</a>"
        + "</body></html>", "import", "--offline", "--json", "-");
    assertThat(ids(json(html))).containsExactly("arxiv:2002.05709");

    CliHarness.Run twice = runWithStdin("arXiv:1909.10351", "import", "--offline", "-", "-");
    assertThat(twice.code()).isEqualTo(2);
    assertNothingSent();
  }

  // --- Scholar pages -----------------------------------------------------------------------------

  @Test
  void realScholarResultsPageImportsItsTenResultsWithoutARequest() throws Exception {
    Path page = RealFixtures.path(REAL_SCHOLAR);
    List<ScholarResult> results = ScholarParser.parse(RealFixtures.text(REAL_SCHOLAR), null).results();
    CliHarness.Run r = cli.run("import", page.toString(), "--json", "--topic", "geology");
    assertThat(r.code()).as(r.err()).isZero();
    assertNothingSent();
    JsonNode records = json(r);
    assertThat(records).hasSize(10);
    int[] counts = {4, 6, 80, 7, 30, 92, 67, 18, 41, 3};
    for (int i = 0; i < 10; i++) {
      String cluster = results.get(i).clusterId();
      JsonNode n = records.get(i);
      assertThat(n.get("id").asText()).isEqualTo("scholar:" + cluster);
      JsonNode c = n.get("citations").get("scholar");
      assertThat(c.get("count").asInt()).isEqualTo(counts[i]);
      assertThat(c.get("clusterId").asText()).isEqualTo(cluster);
      assertThat(c.get("observedAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
      assertThat(n.get("topics").toString()).isEqualTo("[\"geology\"]");
    }
    assertThat(records.get(0).get("id").asText()).isEqualTo("scholar:15801554877513113826");
    assertThat(records.get(0).get("title").asText()).isEqualTo("Geology of the Olympus Range Area, Southern Victoria Land");
    assertThat(r.err()).contains("Google Scholar results page, 10 results (0 on cached papers, 10 new)");
  }

  @Test
  void savedCitedByPageImportsItsTenResults() throws Exception {
    CliHarness.Run r = cli.run("import", resource("scholar/cited_by_10.html").toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertNothingSent();
    JsonNode records = json(r);
    assertThat(records).hasSize(10);
    int[] counts = {25, 112, 3, 0, 7, 1234, 9, 410, 0, 58};
    for (int i = 0; i < 10; i++) {
      assertThat(records.get(i).get("id").asText()).isEqualTo("scholar:120000000000000000" + String.format("%02d", i + 1));
      assertThat(records.get(i).get("citations").get("scholar").get("count").asInt()).isEqualTo(counts[i]);
    }
    assertThat(r.err()).contains("Google Scholar \"Cited by\" page, 10 results");
  }

  @Test
  void aResultLandsOnTheCachedPaperItsTitleOrLinkNames() throws Exception {
    stubFetch("1909.10351");
    assertThat(cli.run("fetch", "1909.10351").code()).isZero();
    // The fetched title, as a source gave it: Scholar's result must match it by title.
    Path cached = home.resolve("cache/papers/arxiv/1909.10351.json");
    Files.writeString(cached, Files.readString(cached)
        .replace("\"title\" : \"Paper 1909.10351\"", "\"title\" : \"TinyBERT: Distilling BERT for Natural Language Understanding\"")
        .replace("\"year\" : 2020", "\"year\" : 2019")
        .replace("Ann Author", "Xiaoqi Jiao"));
    assertThat(cli.run("show", "1909.10351").out()).contains("TinyBERT");
    wm.getWireMock().resetRequests();
    cli.env.put("PAPERS_NOW", "2026-11-22T11:00:00Z");

    CliHarness.Run r = cli.run("import", resource("import/scholar-distillation.html").toString(), "--json",
        "--verbose");
    assertThat(r.code()).as(r.err()).isZero();
    assertNothingSent();
    JsonNode records = json(r);
    assertThat(ids(records)).containsExactly("arxiv:1909.10351", "arxiv:1503.02531",
        "scholar:18446744073709551615", "scholar:3333333333333333333");

    JsonNode tiny = records.get(0);
    assertThat(tiny.get("title").asText()).isEqualTo("TinyBERT: Distilling BERT for Natural Language Understanding");
    assertThat(tiny.get("citations").get("scholar").get("count").asInt()).isEqualTo(1540);
    assertThat(tiny.get("citations").get("scholar").get("clusterId").asText()).isEqualTo("1111111111111111111");
    assertThat(tiny.get("citations").get("semanticScholar").get("count").asInt()).isEqualTo(100);
    assertThat(tiny.get("aliases").toString()).contains("scholar:1111111111111111111");
    assertThat(home.resolve("cache/papers/scholar/1111111111111111111.json")).doesNotExist();

    JsonNode hinton = records.get(1); // linked to arXiv: keyed by its arXiv id, Scholar's metadata meanwhile
    assertThat(hinton.get("title").asText()).isEqualTo("Distilling the knowledge in a neural network");
    assertThat(hinton.get("citations").get("scholar").get("count").asInt()).isEqualTo(19000);
    assertThat(records.get(2).get("citations").get("scholar").get("clusterId").asText())
        .isEqualTo("18446744073709551615");
    assertThat(records.get(3).get("citations").get("scholar").get("count").asInt()).isZero();
    assertThat(r.err()).contains("results page, 4 results (1 on a cached paper, 3 new)")
        .contains("\"TinyBERT: Distilling BERT for natural language understanding\" (cited by 1540) is arxiv:1909.10351: title match");

    // the page again, a day later: the same entries, one more observation each, nothing new
    cli.env.put("PAPERS_NOW", "2026-11-23T11:00:00Z");
    CliHarness.Run again = cli.run("import", resource("import/scholar-distillation.html").toString(), "--json");
    assertThat(ids(json(again))).containsExactlyElementsOf(ids(records));
    assertThat(history(json(again).get(0), "scholar")).hasSize(2);
    assertThat(again.err()).contains("(4 on cached papers, 0 new)");
  }

  @Test
  void aResultStoredOnItsOwnJoinsThePaperOnceThatIsCached() throws Exception {
    Path page = resource("import/scholar-distillation.html");
    assertThat(cli.run("import", page.toString()).code()).isZero();
    assertThat(home.resolve("cache/papers/scholar/1111111111111111111.json")).exists();
    cli.env.put("PAPERS_NOW", "2026-11-22T11:00:00Z");
    stubFetch("1909.10351");
    assertThat(cli.run("fetch", "1909.10351").code()).isZero();
    Path cached = home.resolve("cache/papers/arxiv/1909.10351.json");
    Files.writeString(cached, Files.readString(cached)
        .replace("\"title\" : \"Paper 1909.10351\"", "\"title\" : \"TinyBERT: Distilling BERT for Natural Language Understanding\""));
    cli.env.put("PAPERS_NOW", "2026-11-23T11:00:00Z");
    CliHarness.Run r = cli.run("import", page.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    // the two entries are one now: the older (the Scholar one) keeps its id, the arXiv id is an alias
    JsonNode tiny = json(r).get(0);
    assertThat(tiny.get("id").asText()).isEqualTo("scholar:1111111111111111111");
    assertThat(tiny.get("arxivId").asText()).isEqualTo("1909.10351");
    assertThat(history(tiny, "scholar")).hasSize(2);
    assertThat(cli.run("show", "1909.10351", "--json").out()).contains("\"id\" : \"scholar:1111111111111111111\"");
  }

  // --- bad input ---------------------------------------------------------------------------------

  @Test
  void anUnreadableFileExits2NamingItBeforeAnythingIsSent() throws Exception {
    Path good = home.resolve("good.txt");
    Files.writeString(good, "arXiv:1909.10351\n");
    stubFetch("1909.10351");
    CliHarness.Run missing = cli.run("import", good.toString(), home.resolve("missing.md").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("cannot read").contains("missing.md").contains("no such file")
        .doesNotContain("\tat ");
    assertThat(missing.err().lines().count()).isEqualTo(1);
    CliHarness.Run dir = cli.run("import", good.toString(), home.toString());
    assertThat(dir.code()).isEqualTo(2);
    assertThat(dir.err()).contains("is a directory");
    assertNothingSent();
    assertThat(home.resolve("cache/papers")).doesNotExist();
  }

  @Test
  void aBadTopicNameOrFlagsExit2() {
    Path notes = resource("import/reading-notes.txt");
    CliHarness.Run topic = cli.run("import", notes.toString(), "--topic", "../etc");
    assertThat(topic.code()).isEqualTo(2);
    assertThat(topic.err()).contains("not a topic name: \"../etc\"");
    assertThat(cli.run("import", notes.toString(), "--offline", "--sources", "s2").code()).isEqualTo(2);
    assertThat(cli.run("import", notes.toString(), "--sources", "bing").code()).isEqualTo(2);
    assertThat(cli.run("import").code()).isEqualTo(2);
    assertNothingSent();
    assertThat(home.resolve("cache/papers")).doesNotExist();
  }

  @Test
  void anUnreachableUpstreamStillKeepsWhatTheDocumentStates() throws Exception {
    cli.env.put("PAPERS_S2_URL", "http://127.0.0.1:1/graph/v1");
    cli.env.put("PAPERS_ARXIV_URL", "http://127.0.0.1:1/api/query");
    Path notes = home.resolve("notes.txt");
    Files.writeString(notes, "论文地址:https://arxiv.org/abs/1909.10351\n被引量:67\n阅读时间:22.09.16\n");
    CliHarness.Run r = cli.run("import", notes.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("cannot reach 127.0.0.1").doesNotContain("\tat ");
    JsonNode p = Json.mapper().readTree(cli.run("show", "1909.10351", "--json").out());
    assertThat(p.get("citations").get("reported").get("count").asInt()).isEqualTo(67);

    Path plain = home.resolve("plain.txt");
    Files.writeString(plain, "arXiv:2002.05709\n");
    assertThat(cli.run("import", plain.toString()).code()).isEqualTo(3); // its id is stored
    assertThat(cli.run("show", "2002.05709").code()).isZero();
  }

  @Test
  void whenNoSourceCanBeReachedTheIdsFoundAreStoredAndTaggedAsOfflineWould() throws Exception {
    stubFetch("1909.10351");
    assertThat(cli.run("fetch", "1909.10351").code()).isZero();
    String dead = "http://127.0.0.1:1";
    cli.env.put("PAPERS_S2_URL", dead + "/graph/v1");
    cli.env.put("PAPERS_ARXIV_URL", dead + "/api/query");
    cli.env.put("PAPERS_OPENALEX_URL", dead + "/openalex");
    cli.env.remove("PAPERS_SOURCES"); // arxiv, s2 and openalex
    Path notes = home.resolve("notes.txt");
    Files.writeString(notes, "arXiv:1909.10351\narXiv:2002.05709\nhttps://doi.org/10.1145/1541880.1541882\n");

    CliHarness.Run r = cli.run("import", notes.toString(), "--topic", "kd");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err().lines().filter(l -> l.contains("cannot reach"))).singleElement().asString()
        .contains("semanticScholar, arxiv, openAlex").contains("tagged kd");
    assertThat(r.err()).doesNotContain("\tat ");
    JsonNode members = Json.mapper().readTree(cli.run("list", "--topic", "kd", "--json").out());
    assertThat(ids(members)).containsExactlyInAnyOrder("arxiv:1909.10351", "arxiv:2002.05709",
        "doi:10.1145/1541880.1541882");
    assertThat(byId(members, "arxiv:2002.05709").get("history")).isEmpty();
    assertThat(byId(members, "doi:10.1145/1541880.1541882").get("doi").asText()).isEqualTo("10.1145/1541880.1541882");
    JsonNode kept = byId(members, "arxiv:1909.10351");
    assertThat(kept.get("citations").get("semanticScholar").get("count").asInt()).isEqualTo(100);
    assertThat(kept.get("title").asText()).isEqualTo("Paper 1909.10351");
  }

  @Test
  void helpNamesTheCommand() {
    CliHarness.Run r = cli.run("import", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("--offline").contains("--topic").contains("Examples:");
    assertThat(cli.run("--help").out()).contains("import");
  }
}
