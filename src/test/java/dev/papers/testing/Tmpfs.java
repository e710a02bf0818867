package dev.papers.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a test's directory, for what only a real file system shows (a full disk, a
 * read-only mount). Where the platform does not let the test mount one (not Linux, not root), the test
 * is skipped; under env {@code CI} it fails instead, since CI runs as root and must run it.
 */
public final class Tmpfs implements AutoCloseable {
  private final Path dir;
  private boolean mounted;

  private Tmpfs(Path dir) {
    this.dir = dir;
  }

  /** Mounts a tmpfs of {@code bytes} on {@code dir} (made if need be), or skips the test. */
  public static Tmpfs mount(Path dir, long bytes) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Tmpfs t = new Tmpfs(dir);
    String out = run(List.of("mount", "-t", "tmpfs", "-o", "size=" + bytes + ",mode=0755", "tmpfs", dir.toString()));
    if (out != null) {
      unavailable("cannot mount a tmpfs on " + dir + ": " + out);
    }
    t.mounted = true;
    return t;
  }

  /** Remounts it read-only (a read-only cache that even root cannot write). */
  public void readOnly() throws IOException, InterruptedException {
    String out = run(List.of("mount", "-o", "remount,ro", dir.toString()));
    if (out != null) {
      unavailable("cannot remount " + dir + " read-only: " + out);
    }
  }

  /** Remounts it writable again. */
  public void writable() throws IOException, InterruptedException {
    String out = run(List.of("mount", "-o", "remount,rw", dir.toString()));
    Assertions.assertNull(out, "cannot remount " + dir + " writable");
  }

  public Path dir() {
    return dir;
  }

  private static void unavailable(String why) {
    if (System.getenv("CI") != null) {
      Assertions.fail(why + " (env CI is set: the reliability tests must run there; run them as root)");
    }
    Assumptions.abort(why);
  }

  /** Runs a command; null when it succeeded, else what it said. */
  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0 ? null : out.isEmpty() ? "exit " + p.exitValue() : out;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (mounted) {
      run(List.of("umount", "-l", dir.toString()));
      mounted = false;
    }
  }
}
