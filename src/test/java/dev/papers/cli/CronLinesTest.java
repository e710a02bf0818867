package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.papers.cli.RefreshFixtures.NOW;
import static dev.papers.cli.RefreshFixtures.s2History;
import static dev.papers.cli.RefreshFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.papers.cache.PaperCache;
import dev.papers.testing.ChildJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command lines of contrib/crontab and contrib/papers-refresh.service, run exactly as written
 * (through bash, from another directory) with the launcher path pointing at a stand-in launcher: a
 * refresh happens in the cache beside the launcher, nothing is printed, the exit code is 0.
 */
class CronLinesTest {
  /** Where the contrib files say papers is installed. */
  static final String INSTALL = "/opt/papers/";

  @RegisterExtension static WireMockExtension wm = RefreshFixtures.server();

  @TempDir Path tmp;

  static String crontabCommand() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("contrib/crontab"), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.stripLeading().startsWith("#")).toList();
    assertThat(lines).hasSize(1);
    String[] fields = lines.get(0).strip().split("\\s+", 6);
    assertThat(fields).hasSize(6);
    // cron turns an unescaped % into a newline
    assertThat(fields[5]).doesNotContain("%");
    return fields[5];
  }

  static String execStart() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("contrib/papers-refresh.service"), StandardCharsets.UTF_8)
        .stream().filter(l -> l.startsWith("ExecStart=")).toList();
    assertThat(lines).hasSize(1);
    String cmd = lines.get(0).substring("ExecStart=".length()).strip();
    // systemd runs no shell: the line must mean the same without one
    assertThat(cmd).doesNotContainPattern("[|&;<>$`'\"*?%\\\\]");
    return cmd;
  }

  @Test
  void theCrontabLineRefreshesSilently() throws Exception {
    runAsWritten(crontabCommand(), tmp.resolve("cron"));
  }

  @Test
  void theSystemdExecStartRefreshesSilently() throws Exception {
    runAsWritten(execStart(), tmp.resolve("systemd"));
    String timer = Files.readString(Path.of("contrib/papers-refresh.timer"), StandardCharsets.UTF_8);
    assertThat(timer).contains("OnCalendar=").contains("WantedBy=timers.target");
  }

  void runAsWritten(String line, Path install) throws Exception {
    assertThat(line).startsWith(INSTALL + "papers refresh");
    Files.createDirectories(install);
    Path launcher = install.resolve("papers");
    // The stand-in launcher: like ./papers, the cache beside it is the default one.
    Files.writeString(launcher, """
        #!/usr/bin/env bash
        here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
        exec "$PAPERS_TEST_JAVA" -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$PAPERS_TEST_CP" \\
          -Dpapers.home="$here" dev.papers.Main "$@"
        """, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path cacheDir = install.resolve("cache");
    seed(cacheDir, 0, 12, NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(1)));
    RefreshFixtures.stubAll(wm);
    wm.resetRequests();

    String command = line.replace(INSTALL, install + "/");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", command);
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    pb.directory(elsewhere.toFile());
    pb.environment().remove("PAPERS_CACHE");
    pb.environment().remove("PAPERS_QUERIES");
    pb.environment().put("PAPERS_CONFIG", "/dev/null"); // no configuration (a missing file is warned about)
    pb.environment().put("PAPERS_TEST_JAVA", ChildJvm.java());
    pb.environment().put("PAPERS_TEST_CP", ChildJvm.classpath());
    pb.environment().put("PAPERS_S2_URL", wm.baseUrl() + "/graph/v1");
    pb.environment().put("PAPERS_OPENALEX_URL", wm.baseUrl() + "/openalex");
    pb.environment().put("PAPERS_SOURCES", "arxiv,s2");
    pb.environment().put("PAPERS_ARXIV_URL", wm.baseUrl() + "/api/query");
    pb.environment().put("PAPERS_S2_INTERVAL", "0");
    pb.environment().put("PAPERS_ARXIV_INTERVAL", "0");
    pb.environment().put("PAPERS_NOW", NOW.toString());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(tmp.resolve("out").toFile());
    pb.redirectError(tmp.resolve("err").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    String err = Files.readString(tmp.resolve("err"));
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(Files.readString(tmp.resolve("out"))).isEmpty();
    assertThat(err).isEmpty();
    assertThat(wm.findAll(postRequestedFor(urlPathEqualTo("/graph/v1/paper/batch")))).hasSize(1);
    PaperCache cache = new PaperCache(cacheDir, Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(cache.loadAll().papers()).hasSize(12).allSatisfy(x -> assertThat(s2History(x)).hasSize(2));
    Path log = cacheDir.resolve(".state/refresh.log");
    assertThat(Files.readAllLines(log)).singleElement().asString().contains(" exit=0 refreshed=12 ");
    assertThat(elsewhere.toFile().list()).isEmpty();
  }
}
