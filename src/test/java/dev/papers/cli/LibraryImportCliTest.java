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
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.papers.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code papers import} of BibTeX and CSL-JSON libraries, online and offline, and of what is not text. */
@WireMockTest
class LibraryImportCliTest {
  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  static final String BIB = """
      @string{acl = {Proceedings of {NAACL}}}
      @inproceedings{devlin2019,
        title = {{BERT}: Pre-training of Deep Bidirectional Transformers},
        author = {Devlin, Jacob and Chang, Ming-Wei},
        booktitle = acl, year = {2019},
        doi = {10.18653/v1/N19-1423}, eprint = {1810.04805}, archivePrefix = {arXiv}
      }
      @article{jiao2019, title = {TinyBERT}, journal = {arXiv preprint arXiv:1909.10351}, year = {2019}}
      @inproceedings{acl2020, title = {Longformer-ish: an {ACL} paper}, url = {https://aclanthology.org/2020.acl-main.463/}}
      @article{liu2019, title = {RoBERTa: A Robustly Optimized {BERT} Pretraining Approach},
        author = {Liu, Yinhan and Ott, Myle}, year = {2019}}
      """;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) {
    this.wm = wm;
    cli = CliHarness.on(home, wm);
  }

  JsonNode json(CliHarness.Run r) throws Exception {
    return Json.mapper().readTree(r.out());
  }

  static JsonNode byId(JsonNode records, String id) {
    for (JsonNode n : records) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no " + id + " in " + records);
  }

  void assertNothingSent() {
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).isEmpty();
  }

  Path write(String name, String text) throws Exception {
    Path p = home.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  List<Path> cachedPapers() throws Exception {
    Path dir = home.resolve("cache/papers");
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void bibtexOnlineSendsBatchedLookupsAndOneTitleMatchPerEntryWithoutIds() throws Exception {
    Path bib = write("refs.bib", BIB);
    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("""
            [{"paperId": "%s", "externalIds": {"ArXiv": "1810.04805", "DOI": "10.18653/v1/N19-1423"},
              "title": "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
              "year": 2019, "citationCount": 90000},
             {"paperId": "%s", "externalIds": {"ArXiv": "1909.10351"}, "title": "TinyBERT: Distilling BERT",
              "year": 2019, "citationCount": 1500},
             {"paperId": "%s", "externalIds": {"ACL": "2020.acl-main.463"}, "title": "Climbing towards NLU",
              "year": 2020, "citationCount": 900}]
            """.formatted("a".repeat(40), "b".repeat(40), "c".repeat(40)))));
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).willReturn(aResponse()
        .withHeader("Content-Type", "application/atom+xml").withBody(ImportCliTest.feed("1810.04805", "1909.10351", "1907.11692"))));
    wm.getWireMock().register(get(urlPathEqualTo("/graph/v1/paper/search/match")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("""
            {"data": [{"paperId": "%s", "externalIds": {"ArXiv": "1907.11692"},
              "title": "RoBERTa: A Robustly Optimized BERT Pretraining Approach", "year": 2019,
              "citationCount": 20000, "matchScore": 200}]}
            """.formatted("d".repeat(40)))));

    CliHarness.Run r = cli.run("import", bib.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("refs.bib: BibTeX library, 4 entries (3 with identifiers, 1 by title only)");

    List<LoggedRequest> batch = wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/graph/v1/paper/batch")));
    assertThat(batch).hasSize(1);
    assertThat(Json.mapper().readTree(batch.get(0).getBodyAsString()).get("ids").toString())
        .isEqualTo("[\"ARXIV:1810.04805\",\"ARXIV:1909.10351\",\"ACL:2020.acl-main.463\"]");
    List<LoggedRequest> match = wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/graph/v1/paper/search/match")));
    assertThat(match).hasSize(1);
    assertThat(match.get(0).queryParameter("query").firstValue())
        .isEqualTo("RoBERTa: A Robustly Optimized BERT Pretraining Approach");

    JsonNode records = json(r);
    JsonNode bert = byId(records, "arxiv:1810.04805");
    assertThat(bert.get("aliases").toString()).contains("doi:10.18653/v1/n19-1423");
    assertThat(bert.get("titleSource").asText()).isIn("arxiv", "semanticScholar");
    JsonNode acl = byId(records, "acl:2020.acl-main.463");
    assertThat(acl.get("title").asText()).isEqualTo("Climbing towards NLU");
    assertThat(acl.get("titleSource").asText()).isEqualTo("semanticScholar");
    JsonNode roberta = byId(records, "arxiv:1907.11692");
    assertThat(roberta.get("citations").get("semanticScholar").get("count").asInt()).isEqualTo(20000);

    CliHarness.Run show = cli.run("show", "10.18653/v1/N19-1423", "--json");
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(Json.mapper().readTree(show.out()).get("id").asText()).isEqualTo("arxiv:1810.04805");
  }

  @Test
  void bibtexOfflineStoresWhatTheEntriesStateAndSendsNothing() throws Exception {
    Path bib = write("refs.bib", BIB);
    CliHarness.Run r = cli.run("import", "--offline", "--verbose", "--json", bib.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertNothingSent();
    JsonNode records = json(r);
    assertThat(records).hasSize(3);
    JsonNode bert = byId(records, "arxiv:1810.04805");
    assertThat(bert.get("title").asText()).isEqualTo("BERT: Pre-training of Deep Bidirectional Transformers");
    assertThat(bert.get("titleSource").asText()).isEqualTo("reported");
    assertThat(bert.get("doi").asText()).isEqualTo("10.18653/v1/n19-1423");
    assertThat(bert.get("year").asInt()).isEqualTo(2019);
    assertThat(bert.get("venue").asText()).isEqualTo("Proceedings of NAACL");
    assertThat(bert.get("authors").toString()).isEqualTo("[\"Jacob Devlin\",\"Ming-Wei Chang\"]");
    assertThat(byId(records, "acl:2020.acl-main.463").get("title").asText())
        .isEqualTo("Longformer-ish: an ACL paper");
    assertThat(r.err()).contains("\"RoBERTa: A Robustly Optimized BERT Pretraining Approach\" has no identifier;"
        + " not stored (--offline sends no title lookup)");
    CliHarness.Run show = cli.run("show", "doi:10.18653/v1/N19-1423", "--json");
    assertThat(Json.mapper().readTree(show.out()).get("id").asText()).isEqualTo("arxiv:1810.04805");
  }

  @Test
  void cslJsonOfflineAndOnline() throws Exception {
    Path csl = write("refs.json", """
        [{"id": "a", "type": "article", "title": "TinyBERT: Distilling BERT for Natural Language Understanding",
          "number": "arXiv:1909.10351", "author": [{"family": "Jiao", "given": "Xiaoqi"}],
          "issued": {"date-parts": [[2019, 9, 23]]}},
         {"id": "b", "type": "article-journal", "title": "Anomaly detection: A survey",
          "container-title": "ACM Computing Surveys", "DOI": "10.1145/1541880.1541882"}]
        """);
    CliHarness.Run off = cli.run("import", "--offline", "--json", csl.toString());
    assertThat(off.code()).as(off.err()).isZero();
    assertNothingSent();
    JsonNode records = json(off);
    assertThat(byId(records, "arxiv:1909.10351").get("authors").toString()).isEqualTo("[\"Xiaoqi Jiao\"]");
    assertThat(byId(records, "doi:10.1145/1541880.1541882").get("venue").asText()).isEqualTo("ACM Computing Surveys");
    assertThat(off.err()).contains("refs.json: CSL-JSON library, 2 entries (2 with identifiers, 0 by title only)");

    wm.getWireMock().register(post(urlPathEqualTo("/graph/v1/paper/batch")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("""
            [{"paperId": "%s", "externalIds": {"ArXiv": "1909.10351"}, "title": "TinyBERT (S2)", "citationCount": 1},
             {"paperId": "%s", "externalIds": {"DOI": "10.1145/1541880.1541882"}, "title": "Anomaly Detection: A Survey",
              "venue": "ACM Comput. Surv.", "citationCount": 2}]
            """.formatted("b".repeat(40), "e".repeat(40)))));
    wm.getWireMock().register(get(urlPathEqualTo("/api/query")).willReturn(aResponse()
        .withHeader("Content-Type", "application/atom+xml").withBody(ImportCliTest.feed("1909.10351"))));
    CliHarness.Run on = cli.run("import", "--json", csl.toString());
    assertThat(on.code()).as(on.err()).isZero();
    assertThat(wm.getWireMock().find(postRequestedFor(urlPathEqualTo("/graph/v1/paper/batch")))).hasSize(1);
    assertThat(wm.getWireMock().find(getRequestedFor(urlPathEqualTo("/graph/v1/paper/search/match")))).isEmpty();
    JsonNode survey = byId(json(on), "doi:10.1145/1541880.1541882");
    assertThat(survey.get("title").asText()).isEqualTo("Anomaly Detection: A Survey");
    assertThat(survey.get("titleSource").asText()).isEqualTo("semanticScholar");
    assertThat(survey.get("venue").asText()).isEqualTo("ACM Comput. Surv.");
  }

  @Test
  void binaryAndMislabelledFilesAreExitTwoNamingThemAndNothingIsStored() throws Exception {
    byte[] elf = new byte[8192];
    elf[0] = 0x7f;
    elf[1] = 'E';
    Path bin = home.resolve("ls");
    Files.write(bin, elf);
    Path notes = write("notes.md", "see arXiv:1909.10351\n");
    CliHarness.Run r = cli.run("import", "--offline", notes.toString(), bin.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("papers: import: cannot import ls: it is binary (NUL bytes); nothing imported"
        + " from it");
    assertThat(cachedPapers()).as("nothing stored, not even from the good file before it").isEmpty();

    CliHarness.Run notBib = cli.run("import", "--offline", write("refs.bib", "my notes, not BibTeX\n").toString());
    assertThat(notBib.code()).isEqualTo(2);
    assertThat(notBib.err()).contains("refs.bib").contains("not BibTeX").doesNotContain("\tat ");

    CliHarness.Run notCsl = cli.run("import", "--offline",
        write("refs.json", "{\"papers\": [\"1909.10351\"]}").toString());
    assertThat(notCsl.code()).isEqualTo(2);
    assertThat(notCsl.err()).contains("refs.json").contains("not CSL-JSON");
    assertThat(cachedPapers()).isEmpty();
    assertNothingSent();

    if (Files.isRegularFile(Path.of("/bin/ls"))) {
      CliHarness.Run ls = cli.run("import", "/bin/ls");
      assertThat(ls.code()).isEqualTo(2);
      assertThat(ls.err()).contains("ls").doesNotContain("\tat ");
      assertNothingSent();
    }
  }
}
