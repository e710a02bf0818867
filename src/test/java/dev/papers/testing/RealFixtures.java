package dev.papers.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real upstream recordings in {@code ../shared/fixtures/real/}, read in place at test time. Tests
 * that use them are skipped (a JUnit assumption) when {@code ../shared} is not beside the project, and
 * fail instead when the environment variable {@code CI} is set (to anything but empty or {@code
 * false}): in CI a missing {@code ../shared} is a broken checkout, not a reason for tests to vanish.
 */
public final class RealFixtures {
  private RealFixtures() {}

  /** {@code ../shared} beside the project, or wherever {@code -Dpapers.shared=DIR} says. */
  public static Path shared() {
    String prop = System.getProperty("papers.shared");
    return prop != null ? Path.of(prop) : Path.of("..", "shared").toAbsolutePath().normalize();
  }

  /** A file under {@code fixtures/real/}; skips the calling test when it is not there. */
  public static Path path(String relative) {
    Path p = shared().resolve("fixtures").resolve("real").resolve(relative);
    require(p);
    return p;
  }

  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String relative) {
    return new String(bytes(relative), StandardCharsets.UTF_8);
  }

  /** A seed document under {@code ../shared/seeds/}; skips the calling test when absent. */
  public static Path seed(String name) {
    Path p = shared().resolve("seeds").resolve(name);
    require(p);
    return p;
  }

  /** Whether this is a CI run: {@code CI} set, and not to {@code false} (GitHub, GitLab set {@code true}). */
  public static boolean inCi() {
    return inCi(System.getenv("CI"));
  }

  static boolean inCi(String ci) {
    return ci != null && !ci.isBlank() && !ci.strip().equalsIgnoreCase("false");
  }

  /** Skips the calling test when the file is absent; fails it instead in CI. */
  static void require(Path p) {
    if (Files.isRegularFile(p)) {
      return;
    }
    String why = "../shared is not beside the project: " + p;
    if (inCi()) {
      fail(why + " (CI is set: tests on real recordings must run, not skip)");
    }
    assumeTrue(false, why);
  }

  /** A hand-made fixture from {@code src/test/resources}. */
  public static byte[] resource(String name) {
    try (var in = RealFixtures.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
