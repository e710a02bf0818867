package dev.papers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papers.cache.PaperCache;
import dev.papers.json.Json;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: tag-only topics, {@code papers topics}, {@code --limit} in every format, list and show formats. */
class TopicsCliTest {
  @TempDir Path home;
  CliHarness cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliHarness(home, "http://127.0.0.1:9/api/query", "http://127.0.0.1:9/graph/v1");
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/demo.json"), """
        {"title": "Demo topic", "keywords": ["distilling"], "include": ["2001.00001", "1503.02531"]}
        """);
    Instant at = Instant.parse("2026-11-01T00:00:00Z");
    PaperCache cache = new PaperCache(home.resolve("cache"), Clock.fixed(at, ZoneOffset.UTC));
    for (int i = 1; i <= 4; i++) {
      String id = "2001.0000" + i;
      SourceRecord r = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId(id)
          .title(i == 4 ? null : "Distilling things, part " + i).authors(List.of("Ann Able"))
          .published(LocalDate.parse("2020-01-0" + i)).year(2020).count(i == 3 ? null : i == 1 ? 1 : 10 * i).observedAt(at)
          .build();
      cache.update(List.of(PaperId.arxiv(id)), p -> p.merge(r, at));
    }
  }

  @Test
  void aTagAloneMakesATopicThatRanksAndTopicsListsThemAll() throws Exception {
    Path notes = home.resolve("notes.md");
    Files.writeString(notes, "Read arXiv:2001.00002 and https://arxiv.org/abs/2001.00004 today.\n");
    CliHarness.Run imported = cli.run("import", "--offline", "--topic", "mytopic", notes.toString());
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.err()).contains("papers rank --topic mytopic");

    CliHarness.Run rank = cli.run("rank", "--topic", "mytopic", "--format", "json");
    assertThat(rank.code()).as(rank.err()).isZero();
    JsonNode a = Json.mapper().readTree(rank.out());
    assertThat(a).extracting(n -> n.get("id").asText()).containsExactlyInAnyOrder("arxiv:2001.00002", "arxiv:2001.00004");
    assertThat(cli.run("list", "--topic", "mytopic").out()).contains("2001.00002").contains("2001.00004");

    CliHarness.Run topics = cli.run("topics");
    assertThat(topics.code()).as(topics.err()).isZero();
    List<String> lines = topics.out().lines().toList();
    assertThat(lines.get(0)).startsWith("topic").contains("members");
    assertThat(lines).anyMatch(l -> l.matches("demo +3 \\+1 +file +Demo topic"));
    assertThat(lines).anyMatch(l -> l.matches("mytopic +2 +tag +\\(papers tagged mytopic\\)"));
    JsonNode json = Json.mapper().readTree(cli.run("topics", "--json").out());
    assertThat(json).extracting(n -> n.get("name").asText()).containsExactly("demo", "mytopic");

    CliHarness.Run unknown = cli.run("rank", "--topic", "nothing");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown topic \"nothing\"").contains("demo").contains("papers topics");
  }

  @Test
  void limitCapsEveryFormatAndAllListsTheUnranked() throws Exception {
    // demo: 2001.00001..3 by keyword (00003 has no count), 00004 has no title and so no keyword; 1503.02531 not cached
    JsonNode two = Json.mapper().readTree(cli.run("rank", "--topic", "demo", "--limit", "2", "--format", "json").out());
    assertThat(two).hasSize(2);
    assertThat(two.get(0).get("rank").asInt()).isEqualTo(1);
    List<CSVRecord> csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(cli.run("rank", "--topic", "demo", "--limit", "1", "--format", "csv").out()))
        .getRecords();
    assertThat(csv).hasSize(1);
    assertThat(cli.run("rank", "--topic", "demo", "--limit", "1", "--format", "markdown").out())
        .contains("1. [").doesNotContain("2. [").doesNotContain("Not ranked yet");
    String table = cli.run("rank", "--topic", "demo", "--limit", "2").out();
    assertThat(table).contains("-- 2 more not ranked yet (--all lists them)").doesNotContain("papers fetch");
    JsonNode all = Json.mapper().readTree(cli.run("rank", "--topic", "demo", "--limit", "1", "--all", "--format",
        "json").out());
    assertThat(all).hasSize(3);
    assertThat(all.get(1).get("rank").isNull()).isTrue();
    JsonNode room = Json.mapper().readTree(cli.run("rank", "--topic", "demo", "--limit", "3", "--format", "json").out());
    assertThat(room).hasSize(3);
  }

  @Test
  void listHasRanksFormatsAndShowExportsOnePaperAsBibtex() throws Exception {
    CliHarness.Run bib = cli.run("list", "--format", "bibtex");
    assertThat(bib.code()).as(bib.err()).isZero();
    BibTeXParser parser = new BibTeXParser();
    BibTeXDatabase db = parser.parse(new StringReader(bib.out()));
    assertThat(parser.getExceptions()).isEmpty();
    assertThat(db.getEntries()).hasSize(3).containsKey(new Key("able2020distilling-2001.00001"));
    assertThat(bib.err()).contains("left out of the BibTeX: 2001.00004 has no title yet");
    assertThat(bib.out()).doesNotContain("citations");

    CliHarness.Run csv = cli.run("list", "--topic", "demo", "--format", "csv");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(csv.out())).getRecords();
    assertThat(rows).extracting(r -> r.get("id")).containsExactly("arxiv:2001.00001", "arxiv:2001.00002",
        "arxiv:2001.00003");
    assertThat(rows.get(1).get("citations")).isEqualTo("20");

    String md = cli.run("list", "--topic", "demo", "--format", "markdown").out();
    assertThat(md).startsWith("## Demo topic (demo)").contains("- [Distilling things, part 1](https://arxiv.org/abs/2001.00001)")
        .contains("1 citation").doesNotContain("1 citations").contains("- `1503.02531`: not fetched yet");
    assertThat(Json.mapper().readTree(cli.run("list", "--format", "json").out())).hasSize(4);

    CliHarness.Run one = cli.run("show", "2001.00002", "--format", "bibtex");
    assertThat(one.code()).as(one.err()).isZero();
    BibTeXDatabase single = new BibTeXParser().parse(new StringReader(one.out()));
    assertThat(single.getEntries()).containsOnlyKeys(new Key("able2020distilling"));
    CliHarness.Run untitled = cli.run("show", "2001.00004", "--format", "bibtex");
    assertThat(untitled.code()).isEqualTo(1);
    assertThat(untitled.err()).contains("no title yet");
    assertThat(cli.run("show", "2001.00002", "--format", "xml").code()).isEqualTo(2);
  }
}
