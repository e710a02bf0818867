package dev.papers.http;

import java.time.Duration;

/** Waits. Injected so that tests never sleep for real. */
public interface Sleeper {
  Sleeper REAL = d -> {
    if (!d.isNegative() && !d.isZero()) {
      Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));
    }
  };

  void sleep(Duration d) throws InterruptedException;
}
