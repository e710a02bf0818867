package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.papers.cli.RefreshFixtures.NOW;
import static dev.papers.cli.RefreshFixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.papers.cache.RefreshLock;
import dev.papers.testing.ChildJvm;
import dev.papers.testing.LockHolderMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One refresh at a time: a second one exits 75 naming the holder, or waits; a dead holder's lock is taken. */
class RefreshLockCliTest {
  @RegisterExtension static WireMockExtension wm = RefreshFixtures.server();

  @TempDir Path home;
  CliHarness cli;
  Path state;
  Process child;

  @BeforeEach
  void setUp() {
    cli = new CliHarness(home, wm.baseUrl() + "/api/query", wm.baseUrl() + "/graph/v1");
    state = home.resolve("cache/.state");
    seed(home.resolve("cache"), 0, 5, NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(1)));
    RefreshFixtures.stubAll(wm);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (child != null && child.isAlive()) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Starts a child JVM that takes the lock, and waits until it has. */
  Process holdLockInChild() throws Exception {
    ProcessBuilder pb = ChildJvm.builder(LockHolderMain.class, List.of(state.toString(),
        home.resolve("ready").toString(), home.resolve("release").toString()), Map.of(), home, "holder");
    child = pb.start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(home.resolve("ready")) || Files.size(home.resolve("ready")) == 0) {
      assertThat(child.isAlive()).as("the lock holder died: " + Files.readString(home.resolve("holder.err"))).isTrue();
      assertThat(System.nanoTime()).as("the lock holder never took the lock").isLessThan(until);
      Thread.sleep(20);
    }
    assertThat(Files.readString(home.resolve("ready"))).isEqualTo("locked");
    return child;
  }

  @Test
  void aSecondRefreshExits75AtOnceNamingTheHolder() throws Exception {
    Process holder = holdLockInChild();
    Path log = home.resolve("refresh.log");

    CliHarness.Run r = cli.run("refresh", "--log", log.toString());

    assertThat(r.code()).isEqualTo(75);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("another refresh is running").contains("pid " + holder.pid())
        .contains("started 2026-11-22T09:00:00Z").contains("try later or pass --wait");
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("exit=75").contains("pid " + holder.pid());
  }

  @Test
  void withWaitItProceedsOnceTheHolderExits() throws Exception {
    Process holder = holdLockInChild();

    CompletableFuture<CliHarness.Run> waiting = CompletableFuture.supplyAsync(() -> cli.run("refresh", "--wait"));
    // A real child holds a real lock: a short real wait shows the refresh is blocked, not refused.
    Thread.sleep(300);
    assertThat(waiting).isNotDone();
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    Files.writeString(home.resolve("release"), "go");
    assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

    CliHarness.Run r = waiting.get(30, TimeUnit.SECONDS);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
  }

  @Test
  void theLockOfAKilledHolderIsTakenOver() throws Exception {
    Process holder = holdLockInChild();
    holder.destroyForcibly();
    assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // its holder file stays behind, naming a dead process
    assertThat(RefreshLock.holder(state)).map(RefreshLock.Holder::pid).contains(holder.pid());

    CliHarness.Run r = cli.run("refresh");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    assertThat(state.resolve(RefreshLock.HOLDER_FILE)).doesNotExist();
  }

  @Test
  void withinOneProcessTheLockIsHeldOnceAndRecordsItsHolder() {
    RefreshLock.Holder me = new RefreshLock.Holder(ProcessHandle.current().pid(), Instant.parse("2026-11-22T10:00:00Z"),
        "h", "papers refresh");
    Optional<RefreshLock> first = RefreshLock.tryAcquire(state, me);
    assertThat(first).isPresent();
    try {
      assertThat(RefreshLock.tryAcquire(state, me)).isEmpty();
      assertThat(RefreshLock.holder(state)).contains(me);
      CliHarness.Run r = cli.run("refresh");
      assertThat(r.code()).isEqualTo(75);
      assertThat(r.err()).contains("pid " + me.pid());
    } finally {
      first.get().close();
    }
    assertThat(state.resolve(RefreshLock.HOLDER_FILE)).doesNotExist();
    Optional<RefreshLock> again = RefreshLock.tryAcquire(state, me);
    assertThat(again).isPresent();
    again.get().close();
  }
}
