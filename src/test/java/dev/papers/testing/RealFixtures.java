package dev.papers.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real upstream recordings in {@code ../shared/fixtures/real/}, read in place at test time. Tests
 * that use them are skipped (a JUnit assumption) when {@code ../shared} is not beside the project.
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
    assumeTrue(Files.isRegularFile(p), "../shared is not beside the project: " + p);
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
    assumeTrue(Files.isRegularFile(p), "../shared is not beside the project: " + p);
    return p;
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
