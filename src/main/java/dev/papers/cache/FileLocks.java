package dev.papers.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Named exclusive locks that hold across threads and processes: an in-process reentrant lock, then an
 * OS lock on {@code .state/locks/NAME.lock}. The OS drops the lock when a process dies, so a killed
 * writer never leaves the cache locked.
 */
public final class FileLocks {
  /** One entry per lock file for the whole JVM: the OS lock belongs to the process, not to an object. */
  private static final Map<Path, Held> HELD = new HashMap<>();
  private final Path dir;

  private static final class Held {
    final ReentrantLock lock = new ReentrantLock();
    FileChannel channel;
    FileLock fileLock;
  }

  /** An acquired lock; closing it releases it. */
  public interface Handle extends AutoCloseable {
    @Override
    void close();
  }

  public FileLocks(Path dir) {
    this.dir = dir;
  }

  public Handle lock(String name) {
    Held h;
    Path file = dir.resolve(name + ".lock").toAbsolutePath().normalize();
    synchronized (HELD) {
      h = HELD.computeIfAbsent(file, n -> new Held());
    }
    h.lock.lock();
    try {
      if (h.lock.getHoldCount() == 1) {
        Files.createDirectories(dir);
        h.channel = FileChannel.open(file, StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        h.fileLock = h.channel.lock();
      }
    } catch (IOException e) {
      closeQuietly(h);
      h.lock.unlock();
      throw new UncheckedIOException("cannot lock " + dir.resolve(name + ".lock"), e);
    }
    return () -> {
      if (h.lock.getHoldCount() == 1) {
        closeQuietly(h);
      }
      h.lock.unlock();
    };
  }

  private static void closeQuietly(Held h) {
    try {
      if (h.fileLock != null) {
        h.fileLock.release();
      }
      if (h.channel != null) {
        h.channel.close();
      }
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    } finally {
      h.fileLock = null;
      h.channel = null;
    }
  }
}
