package dev.papers.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps at least one interval between two requests to a source, across threads and across processes
 * that share a state directory: the time of the last request (epoch milliseconds, in decimal) is kept
 * in {@code <dir>/<source>.last} under an OS file lock, held while waiting, so that waiting processes
 * queue up behind each other. A missing, short or unreadable file means "no previous request", and a
 * time in the future (a clock set back) counts as now, so no wait is ever longer than one interval.
 */
public final class IntervalGate {
  private final Path dir;
  private final Ticker ticker;
  private final Sleeper sleeper;
  /**
   * One lock per state file for the whole JVM: the OS lock is held per process, and a second
   * FileChannel.lock() on the same file in the same JVM would throw OverlappingFileLockException.
   */
  private static final ConcurrentHashMap<Path, ReentrantLock> FILES = new ConcurrentHashMap<>();
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
    if (dir == null) {
      ReentrantLock lock = local.computeIfAbsent(source, s -> new ReentrantLock());
      lock.lockInterruptibly();
      try {
        waitUntil(lastInProcess.getOrDefault(source, NONE), interval);
        lastInProcess.put(source, ticker.millis());
      } finally {
        lock.unlock();
      }
      return;
    }
    Path file;
    try {
      Files.createDirectories(dir);
      file = dir.toRealPath().resolve(fileName(source));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the request interval in " + dir, e);
    }
    ReentrantLock lock = FILES.computeIfAbsent(file, f -> new ReentrantLock());
    lock.lockInterruptibly();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      long last = Math.max(readLast(ch), lastInProcess.getOrDefault(source, NONE));
      waitUntil(last, interval);
      long now = ticker.millis();
      byte[] text = Long.toString(now).getBytes(StandardCharsets.US_ASCII);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(text), 0);
      lastInProcess.put(source, now);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the request interval in " + dir, e);
    } finally {
      lock.unlock();
    }
  }

  /** No previous request. */
  private static final long NONE = Long.MIN_VALUE / 2;

  private void waitUntil(long last, Duration interval) throws InterruptedException {
    long now = ticker.millis();
    long wait = Math.min(last, now) + interval.toMillis() - now;
    if (wait > 0) {
      sleeper.sleep(Duration.ofMillis(wait));
    }
  }

  /** The state file's name: the source name, with anything but letters, digits, '-' and '_' replaced. */
  static String fileName(String source) {
    return source.replaceAll("[^A-Za-z0-9_-]", "_") + ".last";
  }

  private static long readLast(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0 || size > 32) {
      return NONE;
    }
    ByteBuffer b = ByteBuffer.allocate((int) size);
    while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
      // read it all
    }
    String text = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).strip();
    if (text.isEmpty() || !text.chars().allMatch(Character::isDigit)) {
      return NONE;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return NONE;
    }
  }
}
