package dev.papers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad flag value is exit 2 with one line that names the flag, before anything is sent or read. */
class FlagErrorsTest {
  @TempDir Path home;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    // Nothing listens there: a test that sent a request would fail with exit 1, not 2.
    cli = new CliHarness(home, "http://127.0.0.1:9/api/query", "http://127.0.0.1:9/graph/v1");
  }

  @Test
  void anUnknownSourceIsNamedWithTheKnownOnes() {
    CliHarness.Run r = cli.run("fetch", "1909.10351", "--sources", "arxiv,bogus");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("papers: --sources: unknown source \"bogus\" (known: arxiv, s2, openalex, scholar)\n");
  }

  @Test
  void anEmptySourceListNamesTheSourcesThereAre() {
    CliHarness.Run r = cli.run("refresh", "--sources", ",");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("papers: --sources: name at least one of arxiv, s2, openalex, scholar\n");
  }

  @Test
  void sourcesAreCaseInsensitiveAndTakeTheJsonName() {
    CliHarness.Run r = cli.run("import", "--offline", "--sources", "ArXiv,semanticScholar", "x.txt");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("papers: import: --offline sends nothing; drop --sources or --offline\n");
  }

  @Test
  void papersSourcesFromTheEnvironmentIsCheckedTheSameWay() {
    cli.env.put("PAPERS_SOURCES", "s3");
    CliHarness.Run r = cli.run("fetch", "1909.10351");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("papers: --sources: unknown source \"s3\" (known: arxiv, s2, openalex, scholar)\n");
  }

  @Test
  void anUnknownFormatListsTheFormats() {
    CliHarness.Run r = cli.run("rank", "--topic", "t", "--format", "pdf");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("papers: --format: unknown format \"pdf\"; formats: table, markdown, json, csv, bibtex, html\n");
  }

  @Test
  void aBadDurationSaysWhatADurationIs() {
    CliHarness.Run r = cli.run("refresh", "--older-than", "7 days");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("papers: --older-than: \"7 days\" is not a duration (a number with ms, s, m, h, d or w,"
        + " such as 7d or 250ms)\n");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "rank --topic t --limit -1          | --limit: \"-1\" is not a whole number of at least 0",
      "digest --topic t --limit -1        | --limit: \"-1\" is not a whole number of at least 0",
      "suggest --topic t --limit -1       | --limit: \"-1\" is not a whole number of at least 0",
      "refresh --limit 0                  | --limit: \"0\" is not a whole number of at least 1",
      "refresh --limit -1                 | --limit: \"-1\" is not a whole number of at least 1",
      "refresh --limit x                  | --limit: \"x\" is not a whole number of at least 1",
      "fetch --topic t --max 0            | --max: \"0\" is not a whole number of at least 1",
      "suggest --topic t --max-requests 0 | --max-requests: \"0\" is not a whole number of at least 1",
      "suggest --topic t --min-links 0    | --min-links: \"0\" is not a whole number of at least 1",
      "refresh --older-than -7d           | --older-than: \"-7d\" is not a duration of at least 0",
      "refresh --deadline 0               | --deadline: \"0\" is not a duration above 0",
  })
  void aValueOutOfItsBoundsIsOneLineInOneWordingWhateverTheCommand(String line, String message) {
    CliHarness.Run r = cli.run(line.split(" +"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("papers: " + message + "\n");
  }

  @Test
  void anUnknownFlagPointsToHelp() {
    CliHarness.Run r = cli.run("rank", "--topic", "t", "--topik");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("papers: Unknown option: '--topik'").endsWith("Try 'papers rank --help' for more information.\n");
  }

  @Test
  void theTopLevelHelpNamesEverySourceAndItsSettings() {
    CliHarness.Run r = cli.run("--help");
    assertThat(r.code()).isEqualTo(0);
    assertThat(r.out()).contains("arXiv, Semantic Scholar, OpenAlex", "PAPERS_OPENALEX_URL", "PAPERS_OPENALEX_API_KEY");
  }

  @Test
  void jsonAndAnotherFormatAreTwoAsksNotOneSilentlyDropped() {
    CliHarness.Run show = cli.run("show", "1909.10351", "--json", "--format", "bibtex");
    assertThat(show.code()).isEqualTo(2);
    assertThat(show.err()).isEqualTo("papers: --json and --format bibtex ask for two formats; give one\n");
    CliHarness.Run list = cli.run("list", "--format", "csv", "--json");
    assertThat(list.code()).isEqualTo(2);
    assertThat(list.err()).isEqualTo("papers: --json and --format csv ask for two formats; give one\n");
    assertThat(cli.run("list", "--json", "--format", "json").code()).isEqualTo(0);
  }

  @Test
  void listSinceWithoutATopicIsNotSilentlyIgnored() {
    CliHarness.Run r = cli.run("list", "--since", "2030");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("papers: --since works with --topic (it drops a topic's older papers); add --topic NAME\n");
  }
}
