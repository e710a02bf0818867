package dev.papers.testing;

import dev.papers.cache.RefreshLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A child process for lock tests: takes the refresh lock of a state directory, writes "locked" to the
 * file named second, and holds the lock until the file named third exists (or it is killed).
 */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    Path state = Path.of(args[0]);
    Path ready = Path.of(args[1]);
    Path release = Path.of(args[2]);
    Optional<RefreshLock> lock = RefreshLock.tryAcquire(state, new RefreshLock.Holder(ProcessHandle.current().pid(),
        Instant.parse("2026-11-22T09:00:00Z"), "test-host", "papers refresh (lock holder)"));
    if (lock.isEmpty()) {
      Files.writeString(ready, "busy");
      return;
    }
    Files.writeString(ready, "locked");
    while (!Files.exists(release)) {
      Thread.sleep(20);
    }
    lock.get().close();
  }
}
