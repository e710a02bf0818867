package dev.papers.cli;

import dev.papers.App;
import dev.papers.cache.CacheException;
import dev.papers.cache.RefreshLock;
import dev.papers.config.Durations;
import dev.papers.config.UsageException;
import dev.papers.model.Source;
import dev.papers.service.RefreshService;
import dev.papers.service.ScholarRefreshStep;
import dev.papers.source.s2.S2Source;
import dev.papers.source.scholar.ScholarSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code papers refresh}: the cron job. Takes the cache's refresh lock, re-counts what is stale (see
 * {@link RefreshService}), and stays silent on success unless stdout is a terminal or {@code --summary}
 * is given. Exit codes as the contract says; stopping at {@code --deadline} is not a failure (0 when
 * nothing failed), since a bounded run is what was asked for and the next run takes what is left.
 */
@Command(name = "refresh", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {"Re-fetch the counts of cached papers that are stale, never-counted first, then the oldest",
        "(for cron). Semantic Scholar is asked in batches of 500, arXiv only for metadata older than",
        "30 days. One refresh at a time per cache; silent on success unless stdout is a terminal."},
    footer = {"", "Examples:", "  papers refresh", "  papers refresh --older-than 3d --limit 1000 --summary",
        "  papers refresh --deadline 5h --log cache/.state/refresh.log     (cron)",
        "", "Exit codes: 0 done (also when stopped at --deadline), 1 failed, 2 bad input, 3 partial,",
        "75 try again later (rate limited, or another refresh holds the lock)."})
public final class RefreshCommand implements Callable<Integer> {
  private final App app;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--older-than", paramLabel = "DURATION",
      description = "A count older than this is stale (default: 7d).")
  String olderThan;

  @Option(names = "--limit", paramLabel = "N", description = "Refresh at most N papers, the stalest.")
  Integer limit;

  @Option(names = "--sources", paramLabel = "LIST",
      description = "Comma list of s2 (counts), arxiv (metadata older than 30 days), scholar (default: arxiv,s2).")
  String sources;

  @Option(names = "--deadline", paramLabel = "DURATION",
      description = "Stop cleanly before a request that could end later than this after the start.")
  String deadline;

  @Option(names = "--wait", description = "Wait for another refresh of this cache to end instead of exiting 75.")
  boolean waitForLock;

  @Option(names = "--summary", description = "Print one line: refreshed, failed, skipped, requests, time.")
  boolean summary;

  @Option(names = "--log", paramLabel = "FILE", description = "Append one line per run to FILE.")
  Path log;

  public RefreshCommand(App app) {
    this.app = app;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Duration stale = olderThan == null ? dev.papers.service.Freshness.DEFAULT_OLDER_THAN : Durations.parse(olderThan, "--older-than");
    Duration until = deadline == null ? null : Durations.parse(deadline, "--deadline");
    if (until != null && until.isZero()) {
      throw new UsageException("--deadline: give a duration above 0, such as 5h");
    }
    if (limit != null && limit < 1) {
      throw new UsageException("--limit must be at least 1");
    }
    Set<Source> chosen = SourceList.parse(sources, Commands.defaultSources(app));
    var settings = app.settings();
    Map<Source, Duration> intervals = Map.of(
        Source.SEMANTIC_SCHOLAR, settings.duration("PAPERS_S2_INTERVAL", Duration.ofSeconds(1)),
        Source.ARXIV, settings.duration("PAPERS_ARXIV_INTERVAL", Duration.ofSeconds(3)),
        Source.SCHOLAR, settings.duration("PAPERS_SCHOLAR_INTERVAL", ScholarSource.DEFAULT_INTERVAL));
    int arxivBatch = settings.integer("PAPERS_ARXIV_BATCH", 100, 1);
    // Smaller Semantic Scholar batches lose less to a kill, at the price of more requests.
    int s2Batch = settings.integer("PAPERS_S2_BATCH", S2Source.BATCH_SIZE, 1);
    if (s2Batch > S2Source.BATCH_SIZE) {
      throw new UsageException("PAPERS_S2_BATCH: Semantic Scholar takes at most " + S2Source.BATCH_SIZE
          + " ids a request, not " + s2Batch);
    }

    Instant startedAt = app.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    long t0 = app.ticker().millis();
    Path state = app.cache().stateDir();
    RefreshLock.Holder me = new RefreshLock.Holder(ProcessHandle.current().pid(), startedAt, host(),
        "papers " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
    Optional<RefreshLock> lock = RefreshLock.tryAcquire(state, me);
    if (lock.isEmpty() && waitForLock) {
      if (common.verbose() || Terminal.interactive()) {
        err.println("papers: waiting for the other refresh (" + holderText(state) + ") to end…");
        err.flush();
      }
      lock = Optional.of(RefreshLock.acquire(state, me));
    }
    if (lock.isEmpty()) {
      String who = holderText(state);
      err.println("papers: another refresh is running on " + app.cache().root() + " (" + who
          + "); try later or pass --wait");
      err.flush();
      appendLog(startedAt, 75, null, Map.of(), app.ticker().millis() - t0, "locked by " + who, err);
      return ExitCodes.TRY_LATER;
    }
    RefreshService.Result r;
    try (RefreshLock held = lock.get()) {
      Duration remaining = until == null ? null
          : until.minusMillis(app.ticker().millis() - t0).isNegative() ? Duration.ZERO
          : until.minusMillis(app.ticker().millis() - t0);
      RefreshService service = new RefreshService(app.cache(), () -> app.sources().s2(), () -> app.sources().arxiv(),
          scholarStep(), app.clock(), app.ticker());
      r = service.refresh(new RefreshService.Options(stale, limit, chosen, remaining, intervals,
          s2Batch, arxivBatch), Terminal.progress(err, true));
    }
    Map<String, Integer> requests = requests(chosen, r);
    long millis = app.ticker().millis() - t0;
    if (summary || Terminal.interactive()) {
      out.println("papers refresh: " + summaryLine(r, requests, millis));
      out.flush();
    }
    if (common.verbose()) {
      r.notes().forEach(n -> err.println("papers: " + n));
    } else {
      r.notes().stream().filter(n -> n.startsWith("skipped a broken") || sources != null && n.startsWith("scholar:"))
          .forEach(n -> err.println("papers: " + n));
    }
    int code = Commands.finish(r.outcome(), err);
    appendLog(startedAt, code, r, requests, millis, r.stoppedAtDeadline() ? "stopped at the deadline" : null, err);
    if (r.refreshed() > 0 && !r.stoppedAtDeadline() && app.cache().hasIndex()) {
      try {
        // The papers just written must be older than the index's racy window, or it would not trust them.
        app.sleeper().sleep(dev.papers.cache.PaperIndex.RACY.plusMillis(100));
        app.cache().updateIndex();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (CacheException e) {
        if (common.verbose()) {
          err.println("papers: the rank index was not brought up to date: " + e.getMessage());
        }
      }
    }
    return code;
  }

  /** The Scholar step: the same lookup as fetch, within Scholar's budget, cool-down and the deadline. */
  private RefreshService.ScholarStep scholarStep() {
    return new ScholarRefreshStep(app.cache(), () -> app.sources().scholar(), app.clock());
  }

  /** Requests sent per chosen source (JSON names), zeros included, in name order. */
  private Map<String, Integer> requests(Set<Source> chosen, RefreshService.Result r) {
    Map<String, Integer> sent = app.upstream().requestCounts();
    Map<String, Integer> out = new TreeMap<>();
    for (Source source : chosen) {
      String name = source.jsonName();
      out.put(name, sent.getOrDefault(name, 0));
    }
    if (chosen.contains(Source.SCHOLAR)) {
      out.merge(Source.SCHOLAR.jsonName(), r.scholarRequests(), Integer::sum);
    }
    return out;
  }

  /** {@code 1200 refreshed, 0 not found, 0 failed, 35 skipped (fresh), 0 left; requests: ...; 2.0s}. */
  static String summaryLine(RefreshService.Result r, Map<String, Integer> requests, long millis) {
    StringBuilder b = new StringBuilder();
    b.append(r.refreshed()).append(" refreshed, ").append(r.notFound()).append(" not found, ")
        .append(r.failed()).append(" failed, ").append(r.fresh()).append(" skipped (fresh), ")
        .append(r.left()).append(" left; requests: ");
    StringBuilder req = new StringBuilder();
    requests.forEach((k, v) -> req.append(req.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    b.append(req.length() == 0 ? "none" : req).append("; ").append(seconds(millis));
    if (r.stoppedAtDeadline()) {
      b.append("; stopped at the deadline, ").append(r.left()).append(" left");
    }
    return b.toString();
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
  }

  /**
   * One line per run: {@code 2026-11-22T10:00:00Z exit=0 refreshed=1200 notFound=0 failed=0 skipped=35
   * left=0 requests=arxiv:0,semanticScholar:3 time=2.0s [note="..."]}. Never holds a secret (no header,
   * no environment).
   */
  private void appendLog(Instant at, int code, RefreshService.Result r, Map<String, Integer> requests, long millis,
      String note, PrintWriter err) {
    if (log == null) {
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append(at).append(" exit=").append(code);
    if (r != null) {
      b.append(" refreshed=").append(r.refreshed()).append(" notFound=").append(r.notFound())
          .append(" failed=").append(r.failed()).append(" skipped=").append(r.fresh())
          .append(" left=").append(r.left());
    }
    StringBuilder req = new StringBuilder();
    requests.forEach((k, v) -> req.append(req.length() == 0 ? "" : ",").append(k).append(':').append(v));
    b.append(" requests=").append(req.length() == 0 ? "none" : req).append(" time=").append(seconds(millis));
    if (note != null) {
      b.append(" note=\"").append(note.replace("\"", "'")).append('"');
    }
    b.append('\n');
    try {
      Path abs = log.toAbsolutePath();
      if (abs.getParent() != null) {
        Files.createDirectories(abs.getParent());
      }
      // One write of one short line in append mode: lines of runs that overlap never interleave.
      Files.write(abs, b.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      err.println("papers: cannot append to the log " + log + ": " + e.getMessage());
      err.flush();
    }
  }

  /** "pid 1234, started ... on host", or what can be said when the holder file is missing. */
  private static String holderText(Path state) {
    for (int i = 0; i < 10; i++) {
      Optional<RefreshLock.Holder> h = RefreshLock.holder(state);
      if (h.isPresent() && ProcessHandle.of(h.get().pid()).map(ProcessHandle::isAlive).orElse(false)) {
        return h.get().describe();
      }
      // The holder writes its file just after it takes the lock: give it a moment.
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return RefreshLock.holder(state).map(RefreshLock.Holder::describe)
        .orElse("holder unknown; lock file " + RefreshLock.lockFile(state));
  }

  private String host() {
    try {
      String h = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
      if (!h.isEmpty()) {
        return h;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall back to the environment
    }
    String h = app.settings().env().get("HOSTNAME");
    if (h == null) {
      h = app.settings().env().get("COMPUTERNAME");
    }
    return h == null ? "" : h;
  }
}
