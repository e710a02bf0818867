package dev.papers.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes that a crash cannot half-do: the bytes go to a temporary file in the same directory (its name
 * starts with a dot and ends in {@code .tmp}, never {@code .json}), are forced to disk, and the file is
 * renamed over the target in one step; then the directory itself is forced, so the rename survives a
 * power cut. Readers see the old file or the new one, never a mix.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  public static void write(Path target, byte[] bytes) throws IOException {
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = temporaryFor(target);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      replace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
    forceDirectory(dir);
  }

  /**
   * A name for a temporary file beside {@code target}: hidden, naming this process, ending in
   * {@code .tmp} (never {@code .json}), unique.
   */
  public static Path temporaryFor(Path target) {
    return target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
        + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
  }

  /** Renames a finished temporary file over the target in one step (a plain move where none is). */
  public static void replace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Forces a directory's entries to disk (a no-op where the platform cannot open directories). */
  public static void forceDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open a directory for reading; the rename is still atomic there.
    }
  }

  /** Whether a file name is a temporary file of an atomic write (left behind by a killed process). */
  public static boolean isTemporary(String fileName) {
    return fileName.startsWith(".") && fileName.endsWith(".tmp");
  }
}
