package dev.papers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.testing.FakeTime;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntervalGateTest {
  private static final Duration THREE = Duration.ofSeconds(3);

  @TempDir
  Path dir;

  private final FakeTime time = new FakeTime();

  @Test
  void firstRequestNeverWaits() throws Exception {
    new IntervalGate(dir, time, time).await("arxiv", THREE);

    assertThat(time.sleeps()).isEmpty();
    assertThat(dir.resolve("arxiv.last")).exists();
  }

  @Test
  void secondProcessWaitsTheRemainingInterval() throws Exception {
    IntervalGate first = new IntervalGate(dir, time, time);
    IntervalGate second = new IntervalGate(dir, time, time);

    first.await("arxiv", THREE);
    time.advance(Duration.ofMillis(1200));
    second.await("arxiv", THREE);

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(1800));
  }

  @Test
  void sameGateWaitsTheRemainingIntervalToo() throws Exception {
    IntervalGate gate = new IntervalGate(dir, time, time);

    gate.await("arxiv", THREE);
    gate.await("arxiv", THREE);
    time.advance(Duration.ofSeconds(10));
    gate.await("arxiv", THREE);

    assertThat(time.sleeps()).containsExactly(THREE);
  }

  @Test
  void inProcessGateWithoutDirectorySpacesRequests() throws Exception {
    IntervalGate gate = new IntervalGate(null, time, time);

    gate.await("s2", Duration.ofSeconds(1));
    gate.await("s2", Duration.ofSeconds(1));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void zeroIntervalWritesNothingAndNeverSleeps() throws Exception {
    IntervalGate gate = new IntervalGate(dir, time, time);

    gate.await("s2", Duration.ZERO);
    gate.await("s2", Duration.ZERO);
    gate.await("s2", Duration.ofSeconds(-1));

    assertThat(time.sleeps()).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void sourcesAreIndependent() throws Exception {
    IntervalGate gate = new IntervalGate(dir, time, time);

    gate.await("arxiv", THREE);
    gate.await("s2", THREE);
    gate.await("scholar", THREE);

    assertThat(time.sleeps()).isEmpty();
    assertThat(dir.resolve("arxiv.last")).exists();
    assertThat(dir.resolve("s2.last")).exists();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12", "garbage!", "hello world", "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001",
      "99999999999999999999999999"})
  void corruptOrShortStateFileMeansNoPreviousRequest(String content) throws Exception {
    Files.write(dir.resolve("arxiv.last"), content.getBytes(StandardCharsets.ISO_8859_1));

    new IntervalGate(dir, time, time).await("arxiv", THREE);

    assertThat(time.sleeps()).isEmpty();
    assertThat(Files.readString(dir.resolve("arxiv.last")).strip())
        .isEqualTo(Long.toString(time.millis()));
  }

  @Test
  void aTimeInTheFutureNeverMakesAWaitLongerThanOneInterval() throws Exception {
    long farFuture = time.millis() + Duration.ofDays(3).toMillis();
    Files.writeString(dir.resolve("arxiv.last"), Long.toString(farFuture));

    new IntervalGate(dir, time, time).await("arxiv", THREE);

    assertThat(time.sleeps()).containsExactly(THREE);
  }

  @Test
  void sourceNamesCannotLeaveTheDirectory() throws Exception {
    Path rate = dir.resolve("rate");
    new IntervalGate(rate, time, time).await("../escape", THREE);

    assertThat(dir.resolve("escape.last")).doesNotExist();
    try (var files = Files.list(rate)) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void twoGatesOnOneDirectorySerializeAcrossThreads() throws Exception {
    Duration interval = Duration.ofMillis(50);
    // The last reading of the clock inside await() is when the gate lets the request go.
    ThreadLocal<Long> lastRead = new ThreadLocal<>();
    Ticker ticker = () -> {
      long t = time.millis();
      lastRead.set(t);
      return t;
    };
    IntervalGate a = new IntervalGate(dir, ticker, time);
    IntervalGate b = new IntervalGate(dir, ticker, time);
    List<Long> sent = Collections.synchronizedList(new ArrayList<>());
    int threads = 6;
    int rounds = 5;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        IntervalGate gate = t % 2 == 0 ? a : b;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < rounds; i++) {
            gate.await("arxiv", interval);
            sent.add(lastRead.get());
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(20, TimeUnit.SECONDS); // rethrows an OverlappingFileLockException, say
      }
    } finally {
      pool.shutdownNow();
    }

    List<Long> times = new ArrayList<>(sent);
    Collections.sort(times);
    assertThat(times).hasSize(threads * rounds);
    for (int i = 1; i < times.size(); i++) {
      assertThat(times.get(i) - times.get(i - 1)).as("gap %d", i).isGreaterThanOrEqualTo(interval.toMillis());
    }
    assertThat(time.sleeps()).hasSize(threads * rounds - 1);
  }
}
