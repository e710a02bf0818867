package dev.papers.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: mistakes in the configuration are warned about on stderr, once, and do not stop a run. */
class ConfigWarningsTest {
  @TempDir Path home;

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("PAPERS_CACHE", home.resolve("cache").toString());
    env.put("PAPERS_QUERIES", home.resolve("queries").toString());
    env.put("HOME", home.toString());
    return env;
  }

  String[] run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, env, home, new PrintWriter(out), new PrintWriter(err), null);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void aMisspelledKeyABadLineAndAMissingFileAreWarnedOnce() throws IOException {
    Path config = home.resolve("config");
    Files.writeString(config, """
        # comment
        PAPERS_S2_APIKEY=secret
        PAPERS_S2_INTERVAL=2s
        export PAPERS_SOURCES=arxiv
        this line is no setting
        PAPERS_COLOUR=1
        """);
    Map<String, String> env = env();
    env.put("PAPERS_CONFIG", config.toString());
    String[] r = run(env, "list", "--json");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[2].lines().filter(l -> l.startsWith("papers: warning: ")).toList()).containsExactly(
        "papers: warning: " + config + ":2: unknown setting PAPERS_S2_APIKEY, ignored (did you mean PAPERS_S2_API_KEY?)",
        "papers: warning: " + config + ":5: not NAME=value, ignored: \"this line is no setting\"",
        "papers: warning: " + config + ":6: unknown setting PAPERS_COLOUR, ignored (README.md, Configuration, lists them)");
    assertThat(r[2]).doesNotContain("secret");
    Settings s = Settings.load(env, home);
    assertThat(s.get("PAPERS_S2_INTERVAL")).isEqualTo("2s");
    assertThat(s.get("PAPERS_SOURCES")).isEqualTo("arxiv");

    env.put("PAPERS_CONFIG", home.resolve("no-such-file").toString());
    String[] missing = run(env, "list", "--json");
    assertThat(missing[0]).isEqualTo("0");
    assertThat(missing[2]).isEqualTo("papers: warning: PAPERS_CONFIG names " + home.resolve("no-such-file")
        + ", which does not exist: no configuration file was read\n");

    env.remove("PAPERS_CONFIG");
    assertThat(run(env, "list", "--json")[2]).isEmpty(); // no file at the default places: nothing to say
  }

  @Test
  void everyNameTheCodeReadsIsKnown() throws IOException {
    Pattern name = Pattern.compile("\"(PAPERS_[A-Z0-9_]+)\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = name.matcher(Files.readString(f));
        while (m.find()) {
          assertThat(Settings.KNOWN).as("%s reads %s: add it to Settings.KNOWN", f, m.group(1)).contains(m.group(1));
        }
      }
    }
  }

  @Test
  void aBadLineThatMayHoldAKeyIsNamedWithoutItsValue() throws IOException {
    Path config = home.resolve("config");
    Files.writeString(config, "PAPERS_S2_API_KEY sekrit123\nPAPERS_OPENALEX_API_KEY: sekrit456\nPAPERS_S2_INTERVAL 2s\n");
    Map<String, String> env = env();
    env.put("PAPERS_CONFIG", config.toString());
    String[] r = run(env, "list", "--json");
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(r[2]).doesNotContain("sekrit");
    assertThat(r[2].lines().toList()).containsExactly(
        "papers: warning: " + config + ":1: not NAME=value, ignored: a line that starts \"PAPERS_S2_API_KEY\""
            + " (the rest is not shown: it may hold a secret)",
        "papers: warning: " + config + ":2: not NAME=value, ignored: a line that starts \"PAPERS_OPENALEX_API_KEY\""
            + " (the rest is not shown: it may hold a secret)",
        "papers: warning: " + config + ":3: not NAME=value, ignored: \"PAPERS_S2_INTERVAL 2s\"");
  }
}
