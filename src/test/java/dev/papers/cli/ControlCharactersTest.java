package dev.papers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papers.cache.PaperCache;
import dev.papers.json.Json;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.model.Visible;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, defect 5: text from upstreams holding ESC, BEL, C1 controls and bidirectional overrides
 * never reaches the terminal raw, in any text output or error; JSON stays JSON and means the same.
 */
class ControlCharactersTest {
  static final String ESC = "\u001b";
  static final String TITLE = "Evil " + ESC + "[2J" + ESC + "]0;pwned\u0007 title \u009b31m with \u202egnp.exe";
  static final String AUTHOR = "Mallory " + ESC + "[31mRed\u202e";
  static final String VENUE = "Conf\u0007 of " + ESC + "P bells";
  static final String ABSTRACT = "An abstract " + ESC + "[1m bold \u0085 and \u2066isolate\u2069.";

  @TempDir Path home;
  CliHarness cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliHarness(home, "http://127.0.0.1:9/api/query", "http://127.0.0.1:9/graph/v1");
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/evil.json"), """
        {"title": "Evil \\u001b[5m topic \\u202e", "include": ["2001.00001"]}
        """);
    Instant at = Instant.parse("2026-11-01T00:00:00Z");
    PaperCache cache = new PaperCache(home.resolve("cache"), Clock.fixed(at, ZoneOffset.UTC));
    SourceRecord r = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId("2001.00001").title(TITLE)
        .authors(List.of(AUTHOR)).venue(VENUE).abstractText(ABSTRACT).published(LocalDate.parse("2020-01-01"))
        .year(2020).count(12).observedAt(at).build();
    cache.update(List.of(PaperId.arxiv("2001.00001")), p -> p.merge(r, at).withTopic("evil", at));
  }

  /** No character a terminal obeys: line feed, tab and (CSV's line ends) carriage return only. */
  static void assertVisible(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && c != '\t' && c != '\r') {
        assertThat(Visible.unsafe(c)).as("U+%04X at %d in %s", (int) c, i, text).isFalse();
      }
    }
  }

  @Test
  void everyTextFormatShowsThemAsEscapes() {
    for (String[] args : List.of(
        new String[] {"show", "2001.00001"},
        new String[] {"list"},
        new String[] {"list", "--topic", "evil"},
        new String[] {"rank", "--topic", "evil"},
        new String[] {"rank", "--topic", "evil", "--explain"},
        new String[] {"rank", "--topic", "evil", "--format", "markdown"},
        new String[] {"rank", "--topic", "evil", "--format", "csv"},
        new String[] {"rank", "--topic", "evil", "--format", "bibtex"})) {
      CliHarness.Run run = cli.run(args);
      assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isZero();
      assertVisible(run.out());
      assertVisible(run.err());
    }
    String show = cli.run("show", "2001.00001").out();
    // ESC and BEL were dropped when the record was stored (as whitespace is); the override is shown
    assertThat(show).contains("\\u202egnp.exe").contains("Evil [2J");
  }

  @Test
  void jsonStaysValidAndMeansTheSame() throws Exception {
    for (String[] args : List.of(new String[] {"show", "2001.00001", "--json"},
        new String[] {"list", "--json"}, new String[] {"rank", "--topic", "evil", "--format", "json"})) {
      CliHarness.Run run = cli.run(args);
      assertVisible(run.out());
      JsonNode n = Json.mapper().readTree(run.out());
      JsonNode paper = n.isArray() ? n.get(0) : n;
      String stored = new PaperCache(home.resolve("cache"), Clock.systemUTC()).read("arxiv:2001.00001")
          .orElseThrow().title();
      assertThat(paper.get("title").asText()).as(String.join(" ", args)).isEqualTo(stored).contains("\u202e");
    }
  }

  @Test
  void errorsEchoNothingRaw() {
    CliHarness.Run unknown = cli.run("rank", "--topic", "evil", "--b" + ESC + "[31mad\nline");
    assertThat(unknown.code()).isEqualTo(2);
    assertVisible(unknown.err());
    assertThat(unknown.err()).contains("\\u001b[31m").contains("\\u000a").hasLineCount(2);

    CliHarness.Run duration = cli.run("refresh", "--older-than", "3" + ESC + "]0;x\u0007d\u202e");
    assertThat(duration.code()).isEqualTo(2);
    assertVisible(duration.err());
    assertThat(duration.err()).contains("\\u001b");

    CliHarness.Run id = cli.run("show", "x" + ESC + "[2J\u202e");
    assertThat(id.code()).isEqualTo(2);
    assertVisible(id.err());
    assertThat(id.err()).contains("\\u202e");

    CliHarness.Run topic = cli.run("rank", "--topic", "no" + ESC + "pe");
    assertThat(topic.code()).isEqualTo(2);
    assertVisible(topic.err());
  }
}
