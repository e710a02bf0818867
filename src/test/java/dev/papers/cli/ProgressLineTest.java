package dev.papers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void aRunStoppedMidLineEndsTheLine() {
    StringWriter s = new StringWriter();
    Terminal.Line line = new Terminal.Line(new PrintWriter(s));
    line.update(3, 10, "refresh");
    assertThat(s.toString()).startsWith("\rrefresh [").endsWith("3/10");
    line.interrupted(); // what the shutdown hook does on Ctrl-C
    assertThat(s.toString()).endsWith("3/10\n");
  }

  @Test
  void aFinishedLineIsClearedAndNothingIsAddedAtExit() {
    StringWriter s = new StringWriter();
    Terminal.Line line = new Terminal.Line(new PrintWriter(s));
    line.update(10, 10, "refresh");
    String done = s.toString();
    assertThat(done).endsWith("\r");
    line.interrupted();
    assertThat(s.toString()).isEqualTo(done);
  }
}
