package dev.papers.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.papers.model.PaperId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicStoreTest {
  @TempDir Path dir;

  private static final String GOOD = """
      {
        "title": "Knowledge distillation",
        "arxiv": "abs:\\"knowledge distillation\\"",
        "semanticScholar": "knowledge distillation",
        "keywords": ["distillation", "distil"],
        "include": ["1503.02531", "arXiv:1909.10351v2", "https://doi.org/10.1145/1541880.1541882"],
        "exclude": ["hep-th/9901001"],
        "since": 2015,
        "comment": "fields the contract does not name are ignored"
      }
      """;

  private TopicStore store(String name, String json) throws IOException {
    Files.writeString(dir.resolve(name + ".json"), json, StandardCharsets.UTF_8);
    return new TopicStore(dir);
  }

  @Test
  void readsAGoodFile() throws IOException {
    Topic t = store("distillation", GOOD).load("distillation");
    assertThat(t.name()).isEqualTo("distillation");
    assertThat(t.title()).isEqualTo("Knowledge distillation");
    assertThat(t.arxiv()).isEqualTo("abs:\"knowledge distillation\"");
    assertThat(t.semanticScholar()).isEqualTo("knowledge distillation");
    assertThat(t.keywords()).containsExactly("distillation", "distil");
    assertThat(t.includeRaw()).containsExactly(
        "1503.02531", "arXiv:1909.10351v2", "https://doi.org/10.1145/1541880.1541882");
    assertThat(t.include()).extracting(PaperId::key)
        .containsExactly("arxiv:1503.02531", "arxiv:1909.10351", "doi:10.1145/1541880.1541882");
    assertThat(t.exclude()).extracting(PaperId::key).containsExactly("arxiv:hep-th/9901001");
    assertThat(t.since()).isEqualTo(2015);
  }

  @Test
  void onlyTitleIsRequired() throws IOException {
    Topic t = store("tiny", "{\"title\": \"T\"}").load("tiny");
    assertThat(t.keywords()).isEmpty();
    assertThat(t.include()).isEmpty();
    assertThat(t.since()).isNull();
    assertThat(t.arxiv()).isNull();
  }

  /** Malformed files: the message names the file, the line (and column) and what is wrong. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      invalid JSON (missing comma)  | {"title": "T"\\n "since": 2015}                  | bad.json:2:     | invalid JSON
      trailing comma               | {"title": "T",\\n"keywords": ["a",]\\n}          | bad.json:2:     | invalid JSON
      wrong type: since as string  | {"title": "T",\\n\\n  "since": "2015"}           | bad.json:3:12   | "since" must be a year (an integer), found the string "2015"
      wrong type: keywords string  | {"title": "T",\\n"keywords": "distil"}           | bad.json:2:13   | "keywords" must be an array of strings, found the string "distil"
      number inside keywords       | {"title": "T",\\n"keywords": ["a",\\n 7]}        | bad.json:3:2    | found the number 7 in it
      wrong type: title            | {"title": 3}                                     | bad.json:1:11   | "title" must be a string, found the number 3
      bad include id quoted        | {"title": "T",\\n"include": ["1503.02531",\\n  "2019.12345"]} | bad.json:3:3 | "include": not a paper identifier: "2019.12345"
      bad exclude id quoted        | {"title": "T",\\n"exclude": ["nope"]}            | bad.json:2:13   | "exclude": not a paper identifier: "nope"
      missing title                | {"keywords": []}                                 | bad.json:       | missing "title"
      empty title                  | {"title": "  "}                                  | bad.json:1:11   | "title" must not be empty
      empty keyword                | {"title": "T", "keywords": [""]}                 | bad.json:1:29   | "keywords" holds an empty string
      not an object                | ["title"]                                        | bad.json:1:1    | a topic is a JSON object, found an array
      empty file                   | ''                                               | bad.json        | empty file
      duplicate field              | {"title": "T",\\n "title": "U"}                  | bad.json:2:     | invalid JSON: Duplicate field 'title'
      content after the object     | {"title": "T"}\\n{}                              | bad.json:2:1    | after the topic object
      since not a year             | {"title": "T", "since": 15}                      | bad.json:1:25   | four-digit year
      """)
  void malformedFileNamesFileLineAndProblem(String rule, String json, String where, String what)
      throws IOException {
    TopicStore s = store("bad", json.replace("\\n", "\n"));
    assertThatThrownBy(() -> s.load("bad"))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining(dir.resolve("bad.json") + where.substring("bad.json".length()))
        .hasMessageContaining(what)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void unknownTopicListsTheTopicsThereAre() throws IOException {
    store("distillation", GOOD);
    store("contrastive", "{\"title\": \"C\"}");
    Files.writeString(dir.resolve("README.md"), "not a topic");
    assertThatThrownBy(() -> new TopicStore(dir).load("distilation"))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("unknown topic \"distilation\"")
        .hasMessageContaining("contrastive, distillation");
  }

  @Test
  void noTopicsAtAll() {
    assertThatThrownBy(() -> new TopicStore(dir.resolve("missing")).load("x"))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("there are no topic files");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "..", "a/b", "/etc/passwd", "Topic", ".hidden", "", "a b", "x\\y", "-x"})
  void refusesNamesThatAreNotTopicNames(String name) throws IOException {
    Files.writeString(dir.getParent().resolve("x.json"), "{\"title\": \"outside\"}");
    assertThatThrownBy(() -> new TopicStore(dir).load(name))
        .isInstanceOf(TopicException.class)
        .hasMessageStartingWith("not a topic name");
  }

  @Test
  void namesAreSortedTopicFilesOnly() throws IOException {
    store("b-topic", GOOD);
    store("a.topic_2", GOOD);
    Files.writeString(dir.resolve("Upper.json"), GOOD);
    Files.writeString(dir.resolve("notes.txt"), "x");
    assertThat(new TopicStore(dir).names()).containsExactly("a.topic_2", "b-topic");
  }

  @Test
  void aCapitalisedNameOfATopicThereIsSuggestsItsLowerCase() throws IOException {
    TopicStore topics = store("distillation", GOOD);
    assertThatThrownBy(() -> topics.load("Distillation"))
        .isInstanceOf(TopicException.class)
        .hasMessageEndingWith("starting with a letter or digit); did you mean distillation?");
    assertThatThrownBy(() -> topics.load("Nosuch"))
        .isInstanceOf(TopicException.class)
        .hasMessageEndingWith("starting with a letter or digit)");
  }
}
