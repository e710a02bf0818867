package dev.papers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubcommandsTest {
  static final List<String> ALL = List.of("fetch", "show", "list", "rank", "digest", "export", "topics", "import", "refresh",
      "suggest", "completion", "help");

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "rank --topic x        | rank",
      "show 1909.10351       | show",
      "fetch --help          | fetch",
      "help rank             | help rank",
      "help help             | help",
      "--version             | ''",
      "-V                    | ''",
      "--help                | *",
      "--help rank           | *",
      "-h show               | *",
      "--version --help      | *",
      "''                    | *",
      "help                  | *",
      "help nosuch           | *",
      "rnak                  | *",
      "-- rank               | *",
  })
  void aRunBuildsOnlyTheCommandsItNeeds(String line, String want) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    List<String> expected = want.equals("*") ? ALL : want.isEmpty() ? List.of() : List.of(want.split(" "));
    assertThat(PapersCommand.subcommandsFor(args)).isEqualTo(expected);
  }
}
