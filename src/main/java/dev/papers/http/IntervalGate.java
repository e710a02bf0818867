package dev.papers.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps at least one interval between two requests to a source, across threads and across processes
 * that share a state directory: the time of the last request is kept in {@code rate/<source>.last}
 * under an OS file lock, held while waiting, so that waiting processes queue up behind each other.
 */
public final class IntervalGate {
  private final Path dir;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final ConcurrentHashMap<String, ReentrantLock> local = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Long> lastInProcess = new ConcurrentHashMap<>();

  /**
   * @param dir where the per-source files live, or null to space requests within this process only
   */
  public IntervalGate(Path dir, Ticker ticker, Sleeper sleeper) {
    this.dir = dir;
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  /** Waits until a request to {@code source} may be sent, and records that it is sent now. */
  public void await(String source, Duration interval) throws InterruptedException {
    if (interval == null || interval.isZero() || interval.isNegative()) {
      return;
    }
    ReentrantLock lock = local.computeIfAbsent(source, s -> new ReentrantLock());
    lock.lockInterruptibly();
    try {
      if (dir == null) {
        long last = lastInProcess.getOrDefault(source, Long.MIN_VALUE / 2);
        waitUntil(last + interval.toMillis());
        lastInProcess.put(source, ticker.millis());
        return;
      }
      Files.createDirectories(dir);
      Path file = dir.resolve(source + ".last");
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
              StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        long last = readLast(ch);
        long local = lastInProcess.getOrDefault(source, Long.MIN_VALUE / 2);
        waitUntil(Math.max(last, local) + interval.toMillis());
        long now = ticker.millis();
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES).putLong(0, now);
        ch.truncate(0);
        ch.write(b, 0);
        lastInProcess.put(source, now);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the request interval in " + dir, e);
    } finally {
      lock.unlock();
    }
  }

  private void waitUntil(long dueMillis) throws InterruptedException {
    long wait = dueMillis - ticker.millis();
    if (wait > 0) {
      sleeper.sleep(Duration.ofMillis(wait));
    }
  }

  private static long readLast(FileChannel ch) throws IOException {
    if (ch.size() < Long.BYTES) {
      return Long.MIN_VALUE / 2;
    }
    ByteBuffer b = ByteBuffer.allocate(Long.BYTES);
    ch.read(b, 0);
    return b.getLong(0);
  }
}
