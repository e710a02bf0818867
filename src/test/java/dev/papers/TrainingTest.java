package dev.papers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {
  @TempDir Path home;

  @Test
  void theTrainingRunRunsEveryOfflineCommandSuccessfullyAndLeavesNothingBehind() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    long before;
    try (Stream<Path> s = Files.list(tmp)) {
      before = s.filter(p -> p.getFileName().toString().startsWith("papers-cds")).count();
    }
    Training.run(home); // throws when a command does not exit as expected
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("papers-cds")).count()).isEqualTo(before);
    }
    try (Stream<Path> s = Files.list(home)) {
      assertThat(s).as("nothing written beside the launcher").isEmpty();
    }
  }
}
