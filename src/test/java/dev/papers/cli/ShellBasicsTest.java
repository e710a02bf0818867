package dev.papers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17, shell basics: completion scripts, "did you mean", the unknown option named first. */
class ShellBasicsTest {
  @TempDir Path home;
  CliHarness cli;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(home, "http://127.0.0.1:9/api/query", "http://127.0.0.1:9/graph/v1");
  }

  static String shell(String shell, String script) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(shell, "-c", script).redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void bashCompletionLoadsAndCompletesCommandsAndOptions() throws Exception {
    CliHarness.Run r = cli.run("completion", "bash");
    assertThat(r.code()).as(r.err()).isZero();
    Path script = home.resolve("papers.bash");
    Files.writeString(script, r.out());
    assertThat(r.out()).contains("rank").contains("--format").contains("topics").contains("completion");
    String loaded = shell("bash", "source <(cat " + script + ") && complete -p papers");
    assertThat(loaded).contains("papers");
    // what bash offers after "papers ra" and after "papers rank --fo"
    String words = shell("bash", "source " + script + "; COMP_WORDS=(papers ra); COMP_CWORD=1; COMP_LINE='papers ra';"
        + " COMP_POINT=${#COMP_LINE}; _complete_papers papers ra papers; echo \"${COMPREPLY[@]}\"");
    assertThat(words.strip()).isEqualTo("rank");
    String options = shell("bash", "source " + script + "; COMP_WORDS=(papers rank --fo); COMP_CWORD=2;"
        + " COMP_LINE='papers rank --fo'; COMP_POINT=${#COMP_LINE}; _complete_papers papers --fo rank;"
        + " echo \"${COMPREPLY[@]}\"");
    assertThat(options).contains("--format");
  }

  @Test
  void zshCompletionIsTheBashScriptThroughBashcompinit() throws Exception {
    CliHarness.Run r = cli.run("completion", "zsh");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n");
    assertThat(cli.run("completion", "fish").code()).isEqualTo(2);
    boolean zsh = Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh"));
    assumeTrue(zsh, "zsh is not installed");
    Path script = home.resolve("papers.zsh");
    Files.writeString(script, r.out());
    assertThat(shell("zsh", "source " + script + " && echo loaded")).contains("loaded");
  }

  @Test
  void aMistypedCommandOrOptionGetsASuggestion() {
    CliHarness.Run cmd = cli.run("rnak", "--topic", "x");
    assertThat(cmd.code()).isEqualTo(2);
    assertThat(cmd.err()).contains("'rnak'").contains("Did you mean rank?").contains("Try 'papers --help'");
    CliHarness.Run opt = cli.run("rank", "--topci", "x");
    assertThat(opt.code()).isEqualTo(2);
    assertThat(opt.err()).contains("'--topci'").contains("--topic");
  }

  @Test
  void aMistypedCommandWithHelpGetsTheSameErrorNotTheUsage() {
    CliHarness.Run plain = cli.run("rnak");
    for (String[] line : new String[][] {{"rnak", "--help"}, {"--help", "rnak"}, {"rnak", "-h"}}) {
      CliHarness.Run r = cli.run(line);
      assertThat(r.code()).as(String.join(" ", line)).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().replace("index 1", "index 0")).isEqualTo(plain.err()).contains("Did you mean rank?");
    }
    assertThat(cli.run("--help").code()).isZero();
    assertThat(cli.run("rank", "--help").out()).contains("--topic");
  }

  @Test
  void anUnknownOptionIsReportedBeforeTheMissingOneItHid() {
    CliHarness.Run r = cli.run("rank", "-t", "x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'-t'").contains("Did you mean --topic?").doesNotContain("Missing required option");
    assertThat(r.err().lines().toList()).last().isEqualTo("Try 'papers rank --help' for more information.");
  }
}
