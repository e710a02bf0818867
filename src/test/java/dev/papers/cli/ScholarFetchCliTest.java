package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.papers.app.App;
import dev.papers.Main;
import dev.papers.config.Settings;
import dev.papers.json.Json;
import dev.papers.testing.RealFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code papers fetch} with Google Scholar: WireMock stands in for arXiv, Semantic Scholar and
 * Scholar (whose pages are the hand-made ones in {@code src/test/resources/scholar/}).
 */
@WireMockTest
class ScholarFetchCliTest {
  static final String TITLE = "Representation Learning: A Review and New Perspectives";

  static final String BENGIO_FEED = """
      <?xml version='1.0' encoding='UTF-8'?>
      <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
        <opensearch:totalResults>1</opensearch:totalResults>
        <opensearch:startIndex>0</opensearch:startIndex>
        <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
        <entry>
          <id>http://arxiv.org/abs/1206.5538v3</id>
          <title>Representation Learning: A Review and New
        Perspectives</title>
          <updated>2014-04-23T11:48:22Z</updated>
          <link href="https://arxiv.org/abs/1206.5538v3" rel="alternate" type="text/html"/>
          <summary>The success of machine learning algorithms generally depends on data representation.</summary>
          <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
          <published>2012-06-24T15:14:20Z</published>
          <arxiv:primary_category term="cs.LG"/>
          <author><name>Yoshua Bengio</name></author>
          <author><name>Aaron Courville</name></author>
          <author><name>Pascal Vincent</name></author>
        </entry>
      </feed>
      """;

  static final String MAX_FEED = """
      <?xml version='1.0' encoding='UTF-8'?>
      <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
        <opensearch:totalResults>1</opensearch:totalResults>
        <entry>
          <id>http://arxiv.org/abs/2001.00001v1</id>
          <title>The largest cluster id</title>
          <updated>2020-01-01T00:00:00Z</updated>
          <summary>Limits.</summary>
          <published>2020-01-01T00:00:00Z</published>
          <arxiv:primary_category term="cs.DS"/>
          <author><name>Zed Max</name></author>
        </entry>
      </feed>
      """;

  static final String BENGIO_S2 = """
      {"paperId": "184ac0766262312ba76bbdece4e7ffad0aa8180b", "corpusId": 393948,
        "externalIds": {"ArXiv": "1206.5538", "DOI": "10.1109/TPAMI.2013.50", "CorpusId": 393948},
        "title": "Representation Learning: A Review and New Perspectives", "venue": "IEEE TPAMI", "year": 2012,
        "publicationDate": "2012-06-24", "authors": [{"name": "Yoshua Bengio"}],
        "citationCount": 11000, "influentialCitationCount": 700}
      """;

  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    cli = CliHarness.on(home, wm);
  }

  void arxiv(String id, String feed) {
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).withQueryParam("id_list", equalTo(id))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml").withBody(feed)));
  }

  void scholar(String page) {
    scholarBytes(RealFixtures.resource("scholar/" + page));
  }

  void scholarBytes(byte[] body) {
    wm.getWireMock().register(get(urlPathEqualTo("/scholar")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(body)));
  }

  List<ServeEvent> scholarRequests() {
    return wm.getWireMock().getServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith("/scholar")).toList();
  }

  JsonNode show(String id) throws Exception {
    CliHarness.Run r = cli.run("show", id, "--json");
    assertThat(r.code()).as(r.err()).isZero();
    return Json.mapper().readTree(r.out());
  }

  @Test
  void arxivThenScholarStoresTheCountAndTheClusterId() throws Exception {
    arxiv("1206.5538", BENGIO_FEED);
    scholar("representation_learning.html");

    CliHarness.Run r = cli.run("fetch", "1206.5538", "--sources", "arxiv,scholar", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode p = Json.mapper().readTree(r.out()).get(0);
    assertThat(p.get("id").asText()).isEqualTo("arxiv:1206.5538");
    JsonNode c = p.get("citations").get("scholar");
    assertThat(c.get("count").asInt()).isEqualTo(14312);
    assertThat(c.get("clusterId").isTextual()).isTrue();
    assertThat(c.get("clusterId").asText()).isEqualTo("4358183512375315104");
    assertThat(c.get("observedAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(p.get("history")).hasSize(1);
    assertThat(p.get("history").get(0).get("source").asText()).isEqualTo("scholar");
    assertThat(p.get("history").get(0).get("count").asInt()).isEqualTo(14312);
    // arXiv's metadata stands: Scholar's abbreviated names and cut venue are not taken
    assertThat(p.get("title").asText()).isEqualTo(TITLE);
    assertThat(p.get("authors").get(0).asText()).isEqualTo("Yoshua Bengio");
    assertThat(p.get("venue").isNull()).isTrue();
    assertThat(p.get("year").asInt()).isEqualTo(2012);

    wm.getWireMock().verifyThat(1, getRequestedFor(urlPathEqualTo("/scholar"))
        .withQueryParam("q", equalTo(TITLE)).withQueryParam("hl", equalTo("en"))
        .withHeader("User-Agent", containing("papers/")));
    assertThat(wm.getWireMock().find(anyRequestedFor(urlPathMatching("/graph/v1/.*")))).isEmpty();
    // the cluster id leads to the same entry
    assertThat(show("scholar:4358183512375315104").get("id").asText()).isEqualTo("arxiv:1206.5538");
  }

  @Test
  void aCaptchaExits75AndTheNextRunSendsNothingToScholar() throws Exception {
    arxiv("1206.5538", BENGIO_FEED);
    scholar("gs_captcha.html");

    CliHarness.Run r = cli.run("fetch", "1206.5538", "--sources", "arxiv,scholar");

    assertThat(r.code()).as(r.err()).isEqualTo(75);
    assertThat(r.err()).contains("blocked").contains("2026-11-22T16:00:00Z").doesNotContain("\tat ");
    assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
    assertThat(home.resolve("cache/.state/scholar-cooldown.json")).exists();
    assertThat(scholarRequests()).hasSize(1);

    wm.getWireMock().resetRequests();
    cli.time.advance(java.time.Duration.ofMinutes(5));
    CliHarness.Run again = cli.run("fetch", "1206.5538", "--sources", "scholar");

    assertThat(again.code()).as(again.err()).isEqualTo(75);
    assertThat(again.err()).contains("cooling down until 2026-11-22T16:00:00Z").contains("not asking it");
    assertThat(again.err().lines().count()).isOne();
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
    JsonNode p = show("1206.5538");
    assertThat(p.get("title").asText()).isEqualTo(TITLE);
    assertThat(p.get("authors")).hasSize(3);
    assertThat(p.get("citations").has("scholar")).isFalse();
  }

  @Test
  void aBlockMidRunStopsAskingScholarForTheRest() throws Exception {
    arxiv("1206.5538,2001.00001", BENGIO_FEED.replace("</feed>", "")
        + MAX_FEED.substring(MAX_FEED.indexOf("<entry>")));
    scholar("gs_captcha.html");
    cli.env.put("PAPERS_SCHOLAR_COOLDOWN", "0"); // even without a cool-down, this run is over for Scholar

    CliHarness.Run r = cli.run("fetch", "1206.5538", "2001.00001", "--sources", "arxiv,scholar");

    assertThat(r.code()).as(r.err()).isEqualTo(75);
    assertThat(scholarRequests()).hasSize(1);
    assertThat(r.err()).contains("blocked");
    assertThat(show("2001.00001").get("title").asText()).isEqualTo("The largest cluster id");
  }

  @Test
  void anAmbiguousPageStoresNoCountAndVerboseSaysWhy() throws Exception {
    arxiv("1206.5538", BENGIO_FEED);
    scholar("representation_learning_ambiguous.html");

    CliHarness.Run quiet = cli.run("fetch", "1206.5538", "--sources", "arxiv,scholar", "--json");
    assertThat(quiet.code()).as(quiet.err()).isZero();
    assertThat(quiet.err()).doesNotContain("ambiguous");
    JsonNode p = Json.mapper().readTree(quiet.out()).get(0);
    assertThat(p.get("citations").has("scholar")).isFalse();
    assertThat(p.get("history")).isEmpty();

    CliHarness.Run verbose = cli.run("fetch", "1206.5538", "--sources", "arxiv,scholar", "--verbose");
    assertThat(verbose.code()).as(verbose.err()).isZero();
    assertThat(verbose.err()).contains("arxiv:1206.5538").contains("ambiguous").contains("no count is stored");
    assertThat(show("1206.5538").get("citations").has("scholar")).isFalse();
  }

  @Test
  void noMatchWhenScholarIsTheOnlySourceIsAFailureForGood() throws Exception {
    arxiv("1206.5538", BENGIO_FEED);
    scholar("no_results.html");

    CliHarness.Run r = cli.run("fetch", "1206.5538", "--sources", "scholar");

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("scholar: no sure match on Google Scholar").contains("1206.5538");
    // with arXiv asked too, the same miss is a success
    assertThat(cli.run("fetch", "1206.5538", "--sources", "arxiv,scholar").code()).isZero();
  }

  @Test
  void anUnsignedClusterIdAbove2To63IsKeptExactly() throws Exception {
    arxiv("2001.00001", MAX_FEED);
    scholar("unsigned_cluster_ids.html");

    CliHarness.Run r = cli.run("fetch", "2001.00001", "--sources", "arxiv,scholar", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode c = Json.mapper().readTree(r.out()).get(0).get("citations").get("scholar");
    assertThat(c.get("clusterId").isTextual()).isTrue();
    assertThat(c.get("clusterId").asText()).isEqualTo("18446744073709551615");
    assertThat(c.get("count").asInt()).isEqualTo(5);
    String file = Files.readString(home.resolve("cache/papers/arxiv/2001.00001.json"), StandardCharsets.UTF_8);
    assertThat(file).contains("\"18446744073709551615\"");
    assertThat(show("scholar:18446744073709551615").get("id").asText()).isEqualTo("arxiv:2001.00001");
  }

  @Test
  void scholarAloneLooksTheTitleUpFirst() throws Exception {
    arxiv("1206.5538", BENGIO_FEED);
    scholar("representation_learning.html");

    CliHarness.Run r = cli.run("fetch", "1206.5538", "--sources", "scholar", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    List<ServeEvent> events = wm.getWireMock().getServeEvents().stream()
        .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
    assertThat(events).extracting(e -> e.getRequest().getUrl().replaceAll("\\?.*", ""))
        .containsExactly("/api/query", "/scholar");
    wm.getWireMock().verifyThat(1, getRequestedFor(urlPathEqualTo("/scholar")).withQueryParam("q", equalTo(TITLE)));
    JsonNode p = Json.mapper().readTree(r.out()).get(0);
    assertThat(p.get("title").asText()).isEqualTo(TITLE);
    assertThat(p.get("citations").get("scholar").get("count").asInt()).isEqualTo(14312);

    // cached now: a second Scholar-only run asks Scholar alone
    wm.getWireMock().resetRequests();
    assertThat(cli.run("fetch", "1206.5538", "--sources", "scholar").code()).isZero();
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/api/query")))).isEmpty();
    assertThat(scholarRequests()).hasSize(1);
  }

  @Test
  void theBudgetLeavesTheRestForTheNextRun() throws Exception {
    arxiv("1206.5538,2001.00001", BENGIO_FEED.replace("</feed>", "")
        + MAX_FEED.substring(MAX_FEED.indexOf("<entry>")));
    scholar("representation_learning.html");
    cli.env.put("PAPERS_SCHOLAR_BUDGET", "1");

    CliHarness.Run r = cli.run("fetch", "1206.5538", "2001.00001", "--sources", "arxiv,scholar");

    assertThat(r.code()).as(r.err()).isEqualTo(75);
    assertThat(r.err()).contains("budget of 1").contains("arxiv:2001.00001").doesNotContain("arxiv:1206.5538");
    assertThat(scholarRequests()).hasSize(1);
    assertThat(show("1206.5538").get("citations").get("scholar").get("count").asInt()).isEqualTo(14312);
    assertThat(home.resolve("cache/.state/scholar-cooldown.json")).doesNotExist();
  }

  @Test
  void theConfigurationFileTurnsScholarOnAndItsRequestsAreCounted() throws Exception {
    arxiv("1206.5538", BENGIO_FEED);
    wm.getWireMock().register(get(urlPathEqualTo("/graph/v1/paper/ARXIV:1206.5538"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(BENGIO_S2)));
    scholar("representation_learning.html");
    Path config = home.resolve("config");
    Files.writeString(config, "PAPERS_SOURCES=arxiv,s2,scholar\nPAPERS_SCHOLAR_USER_AGENT=polite-reader/2.0\n");
    cli.env.put("PAPERS_CONFIG", config.toString());
    cli.env.remove("PAPERS_SOURCES"); // the configuration file's, not the harness's
    App app = new App(Settings.load(cli.env, home), cli.time, cli.time, cli.time);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = Main.run(new String[] {"fetch", "1206.5538", "--json"}, cli.env, home, new PrintWriter(out, true),
        new PrintWriter(err, true), app);

    assertThat(code).as(err.toString()).isZero();
    JsonNode c = Json.mapper().readTree(out.toString()).get(0).get("citations");
    assertThat(c.get("semanticScholar").get("count").asInt()).isEqualTo(11000);
    assertThat(c.get("scholar").get("count").asInt()).isEqualTo(14312);
    wm.getWireMock().verifyThat(1, getRequestedFor(urlPathEqualTo("/scholar"))
        .withHeader("User-Agent", equalTo("polite-reader/2.0")));
    wm.getWireMock().verifyThat(0, getRequestedFor(urlPathMatching("/graph/v1/.*"))
        .withHeader("User-Agent", equalTo("polite-reader/2.0")));
    assertThat(app.requestCounts()).containsEntry("scholar", 1).containsEntry("arxiv", 1)
        .containsEntry("semanticScholar", 1);

    // a flag wins over the file
    wm.getWireMock().resetRequests();
    CliHarness.Run r = cli.run("fetch", "1206.5538", "--sources", "arxiv");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(scholarRequests()).isEmpty();
  }

  @Test
  void scholarCookiesAreKeptForTheNextRun() throws Exception {
    arxiv("1206.5538", BENGIO_FEED);
    wm.getWireMock().register(get(urlPathEqualTo("/scholar")).willReturn(aResponse()
        .withHeader("Content-Type", "text/html; charset=UTF-8")
        .withHeader("Set-Cookie", "NID=abc123; Path=/; Max-Age=15552000")
        .withBody(RealFixtures.resource("scholar/representation_learning.html"))));

    assertThat(cli.run("fetch", "1206.5538", "--sources", "arxiv,scholar").code()).isZero();
    assertThat(home.resolve("cache/.state/scholar-cookies.json")).exists();
    wm.getWireMock().resetRequests();
    assertThat(cli.run("fetch", "1206.5538", "--sources", "arxiv,scholar").code()).isZero();

    wm.getWireMock().verifyThat(1, getRequestedFor(urlPathEqualTo("/scholar"))
        .withHeader("Cookie", containing("NID=abc123")));
    wm.getWireMock().verifyThat(0, getRequestedFor(urlPathEqualTo("/api/query"))
        .withHeader("Cookie", containing("NID")));
  }

  @Test
  void aBadScholarSettingIsAUsageErrorBeforeAnyRequest() {
    arxiv("1206.5538", BENGIO_FEED);
    cli.env.put("PAPERS_SCHOLAR_BUDGET", "-1");

    CliHarness.Run r = cli.run("fetch", "1206.5538", "--sources", "arxiv,scholar");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("PAPERS_SCHOLAR_BUDGET");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
    // without scholar the setting is not read
    assertThat(cli.run("fetch", "1206.5538", "--sources", "arxiv").code()).isZero();
  }
  @Test
  void aRealRecordedResultPageGivesTheCountOfADoiPaper() throws Exception {
    wm.getWireMock().register(get(urlPathEqualTo("/graph/v1/paper/DOI:10.1080/00288306.1996.9514713"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
            {"paperId": "5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9", "externalIds": {"DOI": "10.1080/00288306.1996.9514713"},
             "title": "Geology of the Olympus Range area, southern Victoria Land, Antarctica", "year": 1996,
             "authors": [{"name": "M. J. Isaac"}], "citationCount": 3, "influentialCitationCount": 0}""")));
    scholarBytes(RealFixtures.bytes("scholar/scholar_2020_search_results_10_of_about30_geomap.html"));

    CliHarness.Run r = cli.run("fetch", "10.1080/00288306.1996.9514713", "--sources", "s2,scholar", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode c = Json.mapper().readTree(r.out()).get(0).get("citations");
    assertThat(c.get("semanticScholar").get("count").asInt()).isEqualTo(3);
    assertThat(c.get("scholar").get("count").asInt()).isEqualTo(4);
    assertThat(c.get("scholar").get("clusterId").asText()).isEqualTo("15801554877513113826");
  }

  @Test
  void aRealRecordedBlockPageExits75() {
    arxiv("1206.5538", BENGIO_FEED);
    scholarBytes(RealFixtures.bytes("scholar/scholar_2018_blocked_captcha_sorry_page.html"));

    CliHarness.Run r = cli.run("fetch", "1206.5538", "--sources", "arxiv,scholar");

    assertThat(r.code()).as(r.err()).isEqualTo(75);
    assertThat(r.err()).contains("blocked").contains("recaptcha");
    assertThat(home.resolve("cache/.state/scholar-cooldown.json")).exists();
  }
}
