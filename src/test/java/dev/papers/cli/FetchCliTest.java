package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@WireMockTest
class FetchCliTest {
  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  static final String TINYBERT_FEED = """
      <?xml version='1.0' encoding='UTF-8'?>
      <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
        <opensearch:totalResults>1</opensearch:totalResults>
        <opensearch:startIndex>0</opensearch:startIndex>
        <opensearch:itemsPerPage>1</opensearch:itemsPerPage>
        <entry>
          <id>http://arxiv.org/abs/1909.10351v5</id>
          <title>TinyBERT: Distilling BERT for Natural Language
        Understanding</title>
          <updated>2020-10-16T04:02:31Z</updated>
          <link href="https://arxiv.org/abs/1909.10351v5" rel="alternate" type="text/html"/>
          <summary>Language model pre-training, such as BERT, has significantly improved the performances.</summary>
          <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
          <published>2019-09-23T13:05:35Z</published>
          <arxiv:comment>Findings of EMNLP 2020</arxiv:comment>
          <arxiv:primary_category term="cs.CL"/>
          <author><name>Xiaoqi Jiao</name></author>
          <author><name>Yichun Yin</name></author>
        </entry>
      </feed>
      """;

  static final String TINYBERT_S2 = """
      [{"paperId": "0cbf97173391b0430140117027edcaf1a37968c7", "corpusId": 202719327,
        "externalIds": {"ArXiv": "1909.10351", "DBLP": "x", "DOI": "10.18653/v1/2020.findings-emnlp.372", "CorpusId": 202719327},
        "title": "TinyBERT: Distilling BERT for Natural Language Understanding", "abstract": null,
        "venue": "Findings", "year": 2019, "publicationDate": "2019-09-23",
        "authors": [{"authorId": "1", "name": "Xiaoqi Jiao"}], "citationCount": 1834, "influentialCitationCount": 230}]
      """;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    cli = CliHarness.on(home, wm);
  }

  void stubTinyBert() {
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).withQueryParam("id_list", equalTo("1909.10351"))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml").withBody(TINYBERT_FEED)));
    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TINYBERT_S2)));
    wm.getWireMock().register(get(urlPathMatching("/graph/v1/paper/.*"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(TINYBERT_S2.strip().substring(1, TINYBERT_S2.strip().length() - 1))));
  }

  @Test
  void fetchPrintsAndStoresThePaperAndShowWorksOffline() throws Exception {
    stubTinyBert();
    CliHarness.Run r = cli.run("fetch", "https://arxiv.org/pdf/1909.10351.pdf");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("TinyBERT: Distilling BERT for Natural Language Understanding")
        .contains("Xiaoqi Jiao").contains("semanticScholar 1834");
    assertThat(home.resolve("cache/papers/arxiv/1909.10351.json")).exists();

    wm.getWireMock().resetMappings();
    wm.getWireMock().resetRequests();
    CliHarness.Run show = cli.run("show", "1909.10351v2", "--json");
    assertThat(show.code()).as(show.err()).isZero();
    JsonNode n = Json.mapper().readTree(show.out());
    assertThat(n.get("id").asText()).isEqualTo("arxiv:1909.10351");
    assertThat(n.get("arxivVersion").asInt()).isEqualTo(5);
    assertThat(n.get("title").asText()).isEqualTo("TinyBERT: Distilling BERT for Natural Language Understanding");
    assertThat(n.get("published").asText()).isEqualTo("2019-09-23");
    assertThat(n.get("doi").asText()).isEqualTo("10.18653/v1/2020.findings-emnlp.372");
    assertThat(n.get("history")).hasSize(1);
    assertThat(n.get("history").get(0).get("count").asInt()).isEqualTo(1834);
    assertThat(n.get("history").get(0).get("observedAt").asText()).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
    // the DOI a source linked leads to the same entry
    assertThat(cli.run("show", "doi:10.18653/v1/2020.findings-emnlp.372", "--json").out()).contains("arxiv:1909.10351");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1909.1035", "2019.12345", "../../etc/passwd", "", "tiny bert", "hep-th/9913001"})
  void badInputExits2WithoutARequestOrAStackTrace(String bad) {
    CliHarness.Run r = cli.run("fetch", "1909.10351", bad);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("papers: not a paper identifier: \"").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(home.resolve("cache/papers")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PAPERS_ARXIV_URL=notaurl", "PAPERS_S2_URL=ftp://x", "PAPERS_SCHOLAR_URL=:::"})
  void aSourceUrlThatIsNotHttpExits2BeforeAnyRequest(String setting) {
    String[] kv = setting.split("=", 2);
    cli.env.put(kv[0], kv[1]);
    CliHarness.Run r = cli.run("fetch", "1909.10351");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("papers: " + kv[0] + ": \"" + kv[1] + "\" is not an http(s) URL\n");
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void controlCharactersAndHugeInputAreQuotedSafely() {
    CliHarness.Run r = cli.run("fetch", "19\u001b[2J09.10351");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("\\u001b").doesNotContain("\u001b");
    CliHarness.Run big = cli.run("fetch", "x".repeat(10_240));
    assertThat(big.code()).isEqualTo(2);
    assertThat(big.err().length()).isLessThan(300);
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void aThousandTwoHundredIdsTakeThreeSemanticScholarAndTwelveArxivRequests() {
    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("[]")));
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).willReturn(aResponse()
        .withHeader("Content-Type", "application/atom+xml").withBody("""
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
              <opensearch:totalResults>0</opensearch:totalResults>
            </feed>""")));
    List<String> args = new ArrayList<>(List.of("fetch"));
    for (int i = 0; i < 1200; i++) {
      args.add(String.format("2001.%05d", i + 1));
    }
    CliHarness.Run r = cli.run(args.toArray(String[]::new));
    assertThat(wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/graph/v1/paper/batch")))).hasSize(3);
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/api/query")))).hasSize(12);
    assertThat(r.code()).isNotZero();
  }

  @Test
  void rateLimitedSemanticScholarExits75AndKeepsWhatWasStored() throws Exception {
    stubTinyBert();
    assertThat(cli.run("fetch", "1909.10351").code()).isZero();
    wm.getWireMock().register(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching("/graph/v1/.*"))
        .atPriority(1).willReturn(aResponse().withStatus(429).withBody("{\"message\": \"Too Many Requests\"}")));
    cli.time.advance(java.time.Duration.ofDays(1));
    CliHarness.Run r = cli.run("fetch", "1909.10351");
    assertThat(r.code()).as(r.err()).isEqualTo(75);
    assertThat(r.err()).contains("rate limited").contains("try again");
    JsonNode n = Json.mapper().readTree(cli.run("show", "1909.10351", "--json").out());
    assertThat(n.get("citations").get("semanticScholar").get("count").asInt()).isEqualTo(1834);
  }

  @Test
  void anUnreachableUpstreamIsOneClearLineAndExit1() {
    cli.env.put("PAPERS_S2_URL", "http://127.0.0.1:1/graph/v1");
    cli.env.put("PAPERS_ARXIV_URL", "http://127.0.0.1:1/api/query");
    CliHarness.Run r = cli.run("fetch", "1909.10351");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot reach 127.0.0.1").doesNotContain("\tat ");
  }

  @Test
  void theApiKeyIsSentButNeverPrintedOrStored() throws Exception {
    stubTinyBert();
    cli.env.put("PAPERS_S2_API_KEY", "sekrit-key-123");
    CliHarness.Run r = cli.run("fetch", "1909.10351", "--json", "--verbose");
    assertThat(r.code()).isZero();
    assertThat(wm.getWireMock().find(anyRequestedFor(urlPathMatching("/graph/v1/.*"))
        .withHeader("x-api-key", equalTo("sekrit-key-123")))).isNotEmpty();
    assertThat(wm.getWireMock().find(anyRequestedFor(urlPathMatching("/api/query"))
        .withHeader("x-api-key", matching(".*")))).isEmpty();
    assertThat(r.out() + r.err()).doesNotContain("sekrit");
    try (Stream<Path> files = Files.walk(home.resolve("cache"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("sekrit");
      }
    }
  }

  @Test
  void aDoiOnlyPaperIsAPaper() throws Exception {
    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("""
            [{"paperId": "71b4ef8a1cb6c3be9ccb7b4b8e1f1d9c8f1b7a3e", "externalIds": {"DOI": "10.1145/1541880.1541882"},
              "title": "Anomaly detection: A survey", "venue": "ACM Computing Surveys", "year": 2009,
              "authors": [{"name": "V. Chandola"}], "citationCount": 9000, "influentialCitationCount": 500}]""")));
    wm.getWireMock().register(get(urlPathMatching("/graph/v1/paper/.*")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("""
            {"paperId": "71b4ef8a1cb6c3be9ccb7b4b8e1f1d9c8f1b7a3e", "externalIds": {"DOI": "10.1145/1541880.1541882"},
              "title": "Anomaly detection: A survey", "venue": "ACM Computing Surveys", "year": 2009,
              "authors": [{"name": "V. Chandola"}], "citationCount": 9000, "influentialCitationCount": 500}""")));
    CliHarness.Run r = cli.run("fetch", "https://doi.org/10.1145/1541880.1541882", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = Json.mapper().readTree(r.out()).get(0);
    assertThat(n.get("id").asText()).isEqualTo("doi:10.1145/1541880.1541882");
    assertThat(n.get("arxivId").isNull()).isTrue();
    assertThat(n.get("citations").get("semanticScholar").get("count").asInt()).isEqualTo(9000);
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/api/query")))).isEmpty();
  }

  @Test
  void anOldStyleIdIsFetchedAndStoredUnderASafeFileName() throws Exception {
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).withQueryParam("id_list", equalTo("hep-th/9901001"))
        .willReturn(aResponse().withHeader("Content-Type", "application/atom+xml").withBody("""
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
              <entry>
                <id>http://arxiv.org/abs/hep-th/9901001v2</id>
                <published>1999-01-04T12:00:00Z</published>
                <title>An Old Style Paper</title>
                <summary>Old.</summary>
                <author><name>Ed Witten</name></author>
                <arxiv:primary_category term="hep-th"/>
              </entry>
            </feed>""")));
    wm.getWireMock().register(get(urlPathMatching("/graph/v1/paper/.*")).willReturn(aResponse().withStatus(404)
        .withBody("{\"error\":\"Paper with id ARXIV:hep-th/9901001 not found\"}")));
    CliHarness.Run r = cli.run("fetch", "https://arxiv.org/abs/hep-th.AB/9901001v1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(home.resolve("cache/papers/arxiv/hep-th%2F9901001.json")).exists();
    JsonNode n = Json.mapper().readTree(cli.run("show", "hep-th/9901001v2", "--json").out());
    assertThat(n.get("arxivId").asText()).isEqualTo("hep-th/9901001");
    assertThat(n.get("arxivVersion").asInt()).isEqualTo(2);
    assertThat(n.get("published").asText()).isEqualTo("1999-01-04");
  }

  @Test
  void aTitleLookupFindsThePaperAndFetchesItsArxivRecord() throws Exception {
    stubTinyBert();
    wm.getWireMock().register(get(urlPathEqualTo("/graph/v1/paper/search/match")).atPriority(1)
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(new String(
            dev.papers.testing.RealFixtures.resource("s2/match_one.json"), java.nio.charset.StandardCharsets.UTF_8))));
    CliHarness.Run r = cli.run("fetch", "--title", "tinybert distilling bert", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode n = Json.mapper().readTree(r.out()).get(0);
    assertThat(n.get("id").asText()).isEqualTo("arxiv:1909.10351");
    assertThat(n.get("primaryCategory").asText()).isEqualTo("cs.CL");
    assertThat(n.get("history").size()).isGreaterThanOrEqualTo(1);
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/graph/v1/paper/search/match"))
        .withQueryParam("query", equalTo("tinybert distilling bert")))).hasSize(1);
  }

  @Test
  void aDoiThatArxivLinksLeadsToTheSameEntry() throws Exception {
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).willReturn(aResponse()
        .withHeader("Content-Type", "application/atom+xml").withBody(dev.papers.testing.RealFixtures.resource(
            "arxiv/legacy_idlist_1501.00123v3.xml"))));
    CliHarness.Run r = cli.run("fetch", "1501.00123", "--sources", "arxiv");
    assertThat(r.code()).as(r.err()).isZero();
    CliHarness.Run show = cli.run("show", "10.1103/PhysRevD.91.012345", "--json");
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(Json.mapper().readTree(show.out()).get("id").asText()).isEqualTo("arxiv:1501.00123");
    // and a paper that is not cached is one clear line, exit 1
    CliHarness.Run missing = cli.run("show", "2101.00001");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("not in the cache").contains("papers fetch 2101.00001");
  }

  @Test
  void papersThatSemanticScholarGivesOneDoiKeepTheirOwnEntriesAndTheDoiNamesNone() throws Exception {
    String volume = "10.5555/proceedings.volume.2020";
    StringBuilder batch = new StringBuilder("[");
    String[] ids = {"1909.10351", "1910.01108", "2002.02925"};
    for (int i = 0; i < ids.length; i++) {
      batch.append(i == 0 ? "" : ",").append("""
          {"paperId": "%040d", "externalIds": {"ArXiv": "%s", "DOI": "%s"}, "title": "Paper %d",
           "year": 2020, "citationCount": %d, "influentialCitationCount": 1}
          """.formatted(i + 1, ids[i], volume, i, 100 * (i + 1)));
    }
    batch.append("]");
    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch"))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(batch.toString())));
    CliHarness.Run r = cli.run("fetch", "--sources", "s2", "--verbose", ids[0], ids[1], ids[2]);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("doi:" + volume).contains("shared");
    for (int i = 0; i < ids.length; i++) {
      CliHarness.Run show = cli.run("show", "--json", ids[i]);
      assertThat(show.code()).as(show.err()).isZero();
      JsonNode p = Json.mapper().readTree(show.out());
      assertThat(p.get("id").asText()).isEqualTo("arxiv:" + ids[i]);
      assertThat(p.get("title").asText()).isEqualTo("Paper " + i);
      assertThat(p.get("history")).hasSize(1);
      assertThat(p.get("history").get(0).get("count").asInt()).isEqualTo(100 * (i + 1));
    }
    try (Stream<Path> files = Files.list(home.resolve("cache/papers/arxiv"))) {
      assertThat(files.count()).isEqualTo(3);
    }
    CliHarness.Run shared = cli.run("show", volume);
    assertThat(shared.code()).isEqualTo(1);
    assertThat(shared.err()).contains("several papers").contains("arxiv:1909.10351").contains("arxiv:2002.02925")
        .doesNotContain("Exception");
  }
}
