package dev.papers;

import dev.papers.app.Version;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path home;

  String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = Map.of("PAPERS_CONFIG", "/dev/null",
        "PAPERS_CACHE", home.resolve("cache").toString());
    int code = Main.run(args, env, home, new PrintWriter(out, true), new PrintWriter(err, true), null);
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  @Test
  void theShortVersionPathPrintsWhatPicocliPrints() {
    String[] fast = run("--version");
    String[] viaPicocli = run("show", "--version");
    assertThat(fast).containsExactly("0", "papers " + Version.get() + System.lineSeparator(), "");
    assertThat(run("-V")).containsExactly(fast);
    assertThat(viaPicocli[0]).isEqualTo("0");
    assertThat(viaPicocli[1].replace("\r\n", "\n")).isEqualTo(fast[1].replace("\r\n", "\n"));
  }
}
