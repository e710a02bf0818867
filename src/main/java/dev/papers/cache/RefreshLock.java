package dev.papers.cache;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.papers.json.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * One refresh at a time per cache: an OS lock on {@code .state/refresh.lock}, and beside it
 * {@code .state/refresh.holder}, a small JSON file that says who holds it (pid, start time, host,
 * command), written atomically once the lock is taken and removed before it is let go.
 *
 * <p>The OS drops the lock when its process dies, however it dies (kill -9 included), so a lock left
 * by a dead process is simply taken; its stale holder file is overwritten. Within one JVM a semaphore
 * per lock file stands in front of the OS lock (which the JVM would refuse to take twice).
 */
public final class RefreshLock implements AutoCloseable {
  /** The lock file's name under the state directory. */
  public static final String LOCK_FILE = "refresh.lock";
  /** The holder file's name under the state directory. */
  public static final String HOLDER_FILE = "refresh.holder";

  private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

  /**
   * Who holds (or last held) the lock.
   *
   * @param pid the holder's process id
   * @param startedAt when it took the lock
   * @param host the machine it runs on
   * @param command its command line
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Holder(long pid, Instant startedAt, String host, String command) {
    /** "pid 1234, started 2026-11-22T10:00:00Z on host": for messages. */
    public String describe() {
      return "pid " + pid + (startedAt == null ? "" : ", started " + startedAt)
          + (host == null || host.isBlank() ? "" : " on " + host);
    }
  }

  private final Path stateDir;
  private final Semaphore local;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean closed;

  private RefreshLock(Path stateDir, Semaphore local, FileChannel channel, FileLock lock) {
    this.stateDir = stateDir;
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock if nobody holds it, and records {@code me} as its holder.
   *
   * @return the lock, or empty when another process or thread holds it
   */
  public static Optional<RefreshLock> tryAcquire(Path stateDir, Holder me) {
    Path file = lockFile(stateDir);
    Semaphore local = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
    if (!local.tryAcquire()) {
      return Optional.empty();
    }
    FileChannel ch = null;
    try {
      ch = open(stateDir, file);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        ch.close();
        local.release();
        return Optional.empty();
      }
      return Optional.of(held(stateDir, local, ch, l, me));
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      local.release();
      throw e instanceof CacheException c ? c
          : new CacheException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits for the lock as long as it takes, then records {@code me} as its holder.
   *
   * @throws InterruptedException when the wait is interrupted
   */
  public static RefreshLock acquire(Path stateDir, Holder me) throws InterruptedException {
    Path file = lockFile(stateDir);
    Semaphore local = IN_PROCESS.computeIfAbsent(file, f -> new Semaphore(1));
    local.acquire();
    FileChannel ch = null;
    try {
      ch = open(stateDir, file);
      FileLock l = ch.lock();
      return held(stateDir, local, ch, l, me);
    } catch (java.nio.channels.FileLockInterruptionException e) {
      closeQuietly(ch);
      local.release();
      throw new InterruptedException("interrupted while waiting for " + file);
    } catch (IOException | RuntimeException e) {
      closeQuietly(ch);
      local.release();
      throw e instanceof CacheException c ? c
          : new CacheException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** What the holder file says, when there is one that can be read (it may name a dead process). */
  public static Optional<Holder> holder(Path stateDir) {
    Path f = stateDir.resolve(HOLDER_FILE);
    try {
      return Optional.of(Json.mapper().readValue(Files.readAllBytes(f), Holder.class));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Who holds the lock, for a message: "pid 1234, started ... on host", or what can be said when the
   * holder file is missing. The holder writes its file just after it takes the lock: a missing file, or
   * one that names a dead process, is read again a few times over 200 ms.
   */
  public static String describeHolder(Path stateDir) {
    for (int i = 0; i < 10; i++) {
      Optional<Holder> h = holder(stateDir);
      if (h.isPresent() && ProcessHandle.of(h.get().pid()).map(ProcessHandle::isAlive).orElse(false)) {
        return h.get().describe();
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return holder(stateDir).map(Holder::describe).orElse("holder unknown; lock file " + lockFile(stateDir));
  }

  /**
   * This machine's name, for the holder file: the kernel's hostname where there is one (Linux), else
   * {@code HOSTNAME} or {@code COMPUTERNAME} from the environment, else "".
   */
  public static String hostName(Map<String, String> env) {
    try {
      String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), java.nio.charset.StandardCharsets.UTF_8)
          .strip();
      if (!h.isEmpty()) {
        return h;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall back to the environment
    }
    String h = env.get("HOSTNAME");
    if (h == null) {
      h = env.get("COMPUTERNAME");
    }
    return h == null ? "" : h;
  }

  /** The lock file of a state directory. */
  public static Path lockFile(Path stateDir) {
    return stateDir.resolve(LOCK_FILE).toAbsolutePath().normalize();
  }

  private static FileChannel open(Path stateDir, Path file) throws IOException {
    Files.createDirectories(stateDir);
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
  }

  private static RefreshLock held(Path stateDir, Semaphore local, FileChannel ch, FileLock l, Holder me)
      throws IOException {
    RefreshLock r = new RefreshLock(stateDir, local, ch, l);
    try {
      AtomicFiles.write(stateDir.resolve(HOLDER_FILE), Json.mapper().writeValueAsBytes(me));
    } catch (IOException | RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  /** Removes the holder file, then lets the lock go. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Files.deleteIfExists(stateDir.resolve(HOLDER_FILE));
    } catch (IOException e) {
      // a stale holder file is harmless: the next holder overwrites it
    }
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel releases it in any case
    }
    closeQuietly(channel);
    local.release();
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch == null) {
      return;
    }
    try {
      ch.close();
    } catch (IOException e) {
      // nothing more to do
    }
  }
}
