package dev.papers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Commands stay thin: parse, call one service, render. A file in {@code cli/} that grows past 120 lines is doing a service's job. */
class CliSizeTest {
  static final int MAX_LINES = 120;

  @Test
  void noFileInCliIsLongerThan120Lines() throws IOException {
    Path cli = Path.of("src/main/java/dev/papers/cli");
    List<Path> files;
    try (Stream<Path> s = Files.list(cli)) {
      files = s.filter(f -> f.toString().endsWith(".java")).toList();
    }
    assertThat(files).as("cli sources under " + cli.toAbsolutePath()).isNotEmpty();
    for (Path f : files) {
      assertThat(Files.readAllLines(f)).as(f.getFileName() + " (thin commands: at most " + MAX_LINES + " lines)")
          .hasSizeLessThanOrEqualTo(MAX_LINES);
    }
  }
}
