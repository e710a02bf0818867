package dev.papers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.papers.cache.PaperCache;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.report.DisplayWidth;
import dev.papers.testing.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher ({@code ./papers}) under a pseudo-terminal of a given size ({@code script}, from
 * util-linux): a table fits the terminal and keeps its date; output to a pipe, or {@code --wide}, cuts
 * no title. The launcher runs a jar whose manifest points at the test classpath, so no build is needed.
 */
class TerminalWidthTest {
  static final String LONG = "Distilling the Knowledge in a Neural Network, Again: A Much Longer Title Than Any Terminal "
      + "Would Show on One Line of Eighty Columns";

  @TempDir Path home;
  Path launcher;

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(available("script") || System.getenv("CI") != null, "script (util-linux) is not installed");
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/wide.json"), """
        {"title": "Knowledge distillation and compression of very large pretrained language models",
         "include": ["2001.00001", "2001.00002", "2001.00003"]}
        """);
    PaperCache cache = new PaperCache(home.resolve("cache"), Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
    for (int i = 1; i <= 3; i++) {
      String id = "2001.0000" + i;
      SourceRecord r = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId(id).title(LONG + " " + i)
          .authors(List.of("Ann Able")).published(LocalDate.parse("2020-01-0" + i)).year(2020).count(100 * i)
          .observedAt(Instant.parse("2026-11-01T00:00:00Z")).build();
      cache.update(List.of(PaperId.arxiv(id)), p -> p.merge(r, Instant.parse("2026-11-01T00:00:00Z")));
    }
    launcher = install();
  }

  static boolean available(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /** The repository's launcher in a directory of its own, with a jar that runs the test classpath. */
  Path install() throws IOException {
    Path dir = home.resolve("inst");
    Files.createDirectories(dir.resolve("target"));
    Path script = dir.resolve("papers");
    Files.copy(Path.of("papers"), script);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.papers.Main");
    List<String> cp = new ArrayList<>();
    for (String entry : ChildJvm.classpath().split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        cp.add(Path.of(entry).toAbsolutePath().toUri().getRawPath());
      }
    }
    m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", cp));
    Path jar = dir.resolve("target/papers.jar");
    try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
      j.flush();
    }
    // No class-data-sharing archive for this jar (the launcher would train one): marked as failed.
    String java = Path.of(ChildJvm.java()).toString();
    Files.writeString(dir.resolve("target/papers.jsa.failed"), jar + "\n" + java + "\n");
    dir.resolve("target/papers.jsa.failed").toFile().setLastModified(System.currentTimeMillis() + 5000);
    return script;
  }

  /** Runs a shell command line with the test's environment; returns stdout with CR LF as LF. */
  String run(String commandLine) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", commandLine);
    pb.environment().remove("COLUMNS");
    pb.environment().remove("PAPERS_CONFIG");
    pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
    pb.environment().put("PAPERS_CACHE", home.resolve("cache").toString());
    pb.environment().put("PAPERS_QUERIES", home.resolve("queries").toString());
    pb.environment().put("PAPERS_NOW", "2026-11-22T10:00:00Z");
    pb.environment().put("NO_COLOR", "1");
    pb.environment().put("PATH", Path.of(ChildJvm.java()).getParent() + File.pathSeparator + System.getenv("PATH"));
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertThat(p.exitValue()).as(text).isZero();
    return text;
  }

  String inTerminal(int columns, String args) throws Exception {
    return run("script -qec 'stty cols " + columns + " rows 24; exec " + launcher + " " + args + "' /dev/null");
  }

  @Test
  void aTableInAnEightyColumnTerminalFitsAndKeepsItsDate() throws Exception {
    String out = inTerminal(80, "rank --topic wide");
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSizeGreaterThan(4);
    assertThat(lines).allSatisfy(l -> assertThat(DisplayWidth.of(l)).as(l).isLessThanOrEqualTo(80));
    assertThat(lines.get(0)).endsWith("(wide): citations per year, as of 2026-11-22").contains("…");
    assertThat(lines.get(1)).contains("seen");
    assertThat(lines).anyMatch(l -> l.contains("Distilling the") && l.contains("…") && l.endsWith("2001.00003"));
    // a wider terminal shows more of the title
    String wide = inTerminal(160, "rank --topic wide");
    assertThat(wide.lines()).allSatisfy(l -> assertThat(DisplayWidth.of(l)).isLessThanOrEqualTo(160))
        .anySatisfy(l -> assertThat(DisplayWidth.of(l)).isGreaterThan(100));
  }

  @Test
  void aPipeOrWideCutsNoTitle() throws Exception {
    String piped = run(launcher + " rank --topic wide | cat");
    assertThat(piped).contains(LONG + " 3").doesNotContain("…");
    String wide = inTerminal(80, "rank --topic wide --wide");
    assertThat(wide).contains(LONG + " 3");
  }
}
