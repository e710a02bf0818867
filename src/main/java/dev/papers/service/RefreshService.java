package dev.papers.service;

import dev.papers.cache.CacheException;
import dev.papers.cache.PaperCache;
import dev.papers.cache.PaperIndex;
import dev.papers.cache.RefreshLock;
import dev.papers.http.Sleeper;
import dev.papers.http.Ticker;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import dev.papers.report.RefreshReport;
import dev.papers.source.IdLookup;
import dev.papers.source.Lookup;
import dev.papers.source.Progress;
import dev.papers.source.SourceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import dev.papers.model.SourceRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code papers refresh}: re-counts the cached papers that are stale, stalest first, and leaves the
 * rest alone without sending anything.
 *
 * <p><b>Stale.</b> As {@link Freshness} says, for each source asked: Semantic Scholar and Scholar by
 * their newest count, arXiv by the age of its metadata. "Older" is measured against the app's clock
 * ({@code PAPERS_NOW} when set).
 *
 * <p><b>Order.</b> Each stale paper is due at the oldest of its stale timestamps (never counted or
 * never fetched counts as the oldest of all); papers are taken in that order, ties by id, and
 * {@code limit} caps how many are taken. Semantic Scholar is asked in batches of at most 500 ids, arXiv
 * in {@code id_list} batches, OpenAlex in OR-filters of at most its batch size of papers, each with all
 * its values, and at most 100 values (a paper by its known works, else by its arXiv DOI and its DOI; see
 * {@link OpenAlexStep}): each source in the papers' order, in the batches it would get alone (the
 * request floors), but side by side, each batch sent as soon as it is full (see {@link Pipeline}), so
 * that a paper's answers arrive together and are merged into its file in one update. Then Scholar,
 * where available.
 *
 * <p><b>Small.</b> The stale papers are chosen in one streaming pass over the paper files; each is held
 * as its id, its due time and its request keys (about 100 bytes), never as its record. A stale paper's
 * file is read twice: to choose it, and to merge its answers under its lock.
 *
 * <p><b>Plan.</b> {@link #plan} makes the same selection and says, per source, how many papers are
 * stale, how many requests a run would send (at the floor: no left-out value asked again, no retry),
 * and the least time the intervals impose; it sends nothing.
 *
 * <p><b>Crash safety.</b> A paper's answers are stored as soon as every source it needs has answered
 * (at most {@link Pipeline#HOLD} papers wait), by an atomic write under its lock, so a run killed at any
 * moment loses at most the answers of the waiting papers; the next run's selection skips what was
 * stored, since it is no longer stale, and asks again for the rest. An answer stored twice (same
 * source, time and count) is recorded once.
 *
 * <p><b>Deadline.</b> Before each request the service checks that starting it cannot overrun the
 * deadline: the time spent so far, plus the source's interval (the longest the request may have to
 * wait for its turn), plus a margin (the longest request of that source so far, at least
 * {@link #MIN_MARGIN}) must fit. Otherwise it stops cleanly: what was done is saved, the rest is left
 * for the next run. A request in flight, with its retries, is never cut short.
 */
public final class RefreshService {
  /** How many papers of a batch are stored at once. */
  static final int WRITERS = 4;
  /** The least time allowed for one request when checking the deadline. */
  public static final Duration MIN_MARGIN = Duration.ofSeconds(1);

  /** What happened to one paper at one source. */
  public enum Status {
    /** The source answered and the answer is stored. */
    DONE,
    /** The source answered that it does not know the paper (not a failure). */
    NOT_FOUND,
    /** The source failed for this paper. */
    FAILED
  }

  /**
   * The Scholar step of a refresh, plugged in where Scholar is available (see
   * {@code dev.papers.source.scholar}). It keeps within its own request budget and cool-down.
   */
  public interface ScholarRefresh {
    /**
     * Looks these papers up on Scholar, stalest first, storing each count as soon as it is read, and
     * recording failures in {@code outcome}. It stops early at its budget, a block or a cool-down, and
     * when {@code mayStart} says no further request fits before the deadline.
     *
     * @return what happened per paper id; papers it did not reach are absent (left for the next run)
     */
    ScholarRun refresh(List<Paper> papers, Outcome outcome, BooleanSupplier mayStart);
  }

  /**
   * What the Scholar step did.
   *
   * @param statuses per paper id
   * @param requests requests it sent
   */
  public record ScholarRun(Map<String, Status> statuses, int requests) {}

  /**
   * How to refresh.
   *
   * @param olderThan a count older than this is stale
   * @param limit refresh at most this many papers, or null for all
   * @param sources flag names: {@code s2}, {@code arxiv} (metadata), {@code scholar}
   * @param deadline stop before a request that could end after this much time, or null
   */
  public record Options(Duration olderThan, Integer limit, Set<Source> sources, Duration deadline) {
    public Options {
      olderThan = olderThan == null ? Freshness.DEFAULT_OLDER_THAN : olderThan;
      sources = Set.copyOf(sources);
    }

    Options withDeadline(Duration d) {
      return new Options(olderThan, limit, sources, d);
    }
  }

  /**
   * What the settings say about pacing, read once.
   *
   * @param intervals the least time between two requests, per source (missing: zero)
   * @param s2Batch ids per Semantic Scholar batch request (500 at most)
   * @param arxivBatch ids per arXiv {@code id_list} request
   * @param openAlexBatch papers per OpenAlex OR-filter request (each with its ids; at most 100 values)
   * @param scholarBudget the most requests the Scholar step sends in a run (for the plan)
   */
  public record Limits(Map<Source, Duration> intervals, int s2Batch, int arxivBatch, int openAlexBatch,
      int scholarBudget) {
    public Limits {
      intervals = intervals == null ? Map.of() : Map.copyOf(intervals);
      if (s2Batch < 1 || arxivBatch < 1 || openAlexBatch < 1) {
        throw new IllegalArgumentException("batch sizes must be at least 1");
      }
    }

    /** With OpenAlex's default batch (50) and Scholar's default budget (20). */
    public Limits(Map<Source, Duration> intervals, int s2Batch, int arxivBatch) {
      this(intervals, s2Batch, arxivBatch, 50, 20);
    }
  }

  /**
   * What a run would do at one source.
   *
   * @param source the source
   * @param stale papers stale for it (after {@code --limit})
   * @param requests requests a run would send at the floor
   * @param leastTime the least time the source's interval imposes on them
   */
  public record PlanLine(Source source, int stale, int requests, Duration leastTime) {}

  /**
   * What {@link #run} did.
   *
   * @param startedAt when the run began, to the second
   * @param millis how long it took
   * @param lockedBy who held the cache's refresh lock when this run could not take it (then {@code
   *     result} is null), else null
   * @param result what the refresh did
   * @param requests requests sent per chosen source (JSON names, zeros included, in name order)
   * @param indexProblem why the rank index could not be brought up to date, or null
   */
  public record Report(Instant startedAt, long millis, String lockedBy, Result result,
      Map<String, Integer> requests, String indexProblem) {}

  /**
   * What a refresh did.
   *
   * @param refreshed papers with at least one answer stored and nothing failed or left
   * @param notFound papers no asked source knew
   * @param failed papers a source failed for
   * @param fresh papers not stale for any source: skipped, nothing sent
   * @param left stale papers not (fully) done: over the limit, past the deadline, or after a source
   *     stopped; the next run takes them
   * @param stoppedAtDeadline whether the deadline stopped the run
   * @param elapsed wall time of the run
   * @param scholarRequests requests the Scholar step sent (its own connection)
   * @param outcome failures, for the exit code and stderr
   * @param notes what {@code --verbose} prints
   * @param stoppedBecause why the run stopped before it was done, when the cache could not be written
   *     (a full disk, say): what was saved before stays saved; null otherwise
   */
  public record Result(int refreshed, int notFound, int failed, int fresh, int left, boolean stoppedAtDeadline,
      Duration elapsed, int scholarRequests, Outcome outcome, List<String> notes, String stoppedBecause) {
    public Result(int refreshed, int notFound, int failed, int fresh, int left, boolean stoppedAtDeadline,
        Duration elapsed, int scholarRequests, Outcome outcome, List<String> notes) {
      this(refreshed, notFound, failed, fresh, left, stoppedAtDeadline, elapsed, scholarRequests, outcome, notes,
          null);
    }

    /** The numbers of the summary and the log line. */
    public RefreshReport.Counts counts() {
      return new RefreshReport.Counts(refreshed, notFound, failed, fresh, left, stoppedAtDeadline, stoppedBecause);
    }
  }

  private final PaperCache cache;
  private final Supplier<IdLookup> s2;
  private final Supplier<IdLookup> arxiv;
  private final Supplier<IdLookup> openAlex;
  private final ScholarRefresh scholar;
  private final Clock clock;
  private final Ticker ticker;
  private final Sleeper sleeper;
  private final Limits limits;
  private final Supplier<Map<String, Integer>> sent;
  private final String host;

  /**
   * @param cache the cache
   * @param s2 Semantic Scholar, made only when something is stale for it
   * @param arxiv arXiv, made only when some metadata is stale
   * @param scholar the Scholar step, or null where Scholar is not available (then skipped)
   * @param clock "now" for staleness and observations ({@code PAPERS_NOW} aware)
   * @param ticker wall time, for the deadline
   * @param sleeper waits before the rank index is brought up to date
   * @param limits request spacing and batch sizes
   * @param sent requests sent so far per source (JSON names), Scholar's own connection left out
   * @param host this machine's name, for the lock's holder file
   */
  public RefreshService(PaperCache cache, Supplier<IdLookup> s2, Supplier<IdLookup> arxiv, ScholarRefresh scholar,
      Clock clock, Ticker ticker, Sleeper sleeper, Limits limits, Supplier<Map<String, Integer>> sent,
      String host) {
    this(cache, s2, arxiv, null, scholar, clock, ticker, sleeper, limits, sent, host);
  }

  /** As above, with OpenAlex (made only when something is stale for it; null where it is not available). */
  public RefreshService(PaperCache cache, Supplier<IdLookup> s2, Supplier<IdLookup> arxiv,
      Supplier<IdLookup> openAlex, ScholarRefresh scholar, Clock clock, Ticker ticker, Sleeper sleeper,
      Limits limits, Supplier<Map<String, Integer>> sent, String host) {
    this.cache = cache;
    this.s2 = s2;
    this.arxiv = arxiv;
    this.openAlex = openAlex;
    this.scholar = scholar;
    this.clock = clock;
    this.ticker = ticker;
    this.sleeper = sleeper;
    this.limits = limits;
    this.sent = sent;
    this.host = host;
  }

  /**
   * The cron job: takes the cache's refresh lock (or waits for it, with {@code wait}), refreshes what is
   * stale within what is left of the deadline, and brings an existing rank index up to date, so that
   * the next {@code rank} does not read what this run wrote.
   *
   * @param command the command line, for the lock's holder file
   * @param waiting told who holds the lock before this run waits for it
   * @throws InterruptedException when the wait for the lock is interrupted
   */
  public Report run(Options options, String command, boolean wait, Consumer<String> waiting, Progress progress)
      throws InterruptedException {
    cache.requireWritable(); // a read-only cache: say so, and send nothing
    Instant startedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    long t0 = ticker.millis();
    Path state = cache.stateDir();
    RefreshLock.Holder me = new RefreshLock.Holder(ProcessHandle.current().pid(), startedAt, host, command);
    Optional<RefreshLock> lock = RefreshLock.tryAcquire(state, me);
    if (lock.isEmpty() && wait) {
      waiting.accept(RefreshLock.describeHolder(state));
      lock = Optional.of(RefreshLock.acquire(state, me));
    }
    if (lock.isEmpty()) {
      return new Report(startedAt, ticker.millis() - t0, RefreshLock.describeHolder(state), null, Map.of(), null);
    }
    Result r;
    try (RefreshLock held = lock.get()) {
      Duration until = options.deadline();
      Duration remaining = until == null ? null
          : until.minusMillis(ticker.millis() - t0).isNegative() ? Duration.ZERO
          : until.minusMillis(ticker.millis() - t0);
      r = refresh(options.withDeadline(remaining), progress);
    }
    Map<String, Integer> requests = requests(options.sources(), r);
    long millis = ticker.millis() - t0;
    String indexProblem = null;
    if (r.refreshed() > 0 && !r.stoppedAtDeadline() && r.stoppedBecause() == null && cache.hasIndex()) {
      try {
        // The papers just written must be older than the index's racy window, or it would not trust them.
        sleeper.sleep(PaperIndex.RACY.plusMillis(100));
        cache.updateIndex();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (CacheException e) {
        indexProblem = e.getMessage();
      }
    }
    return new Report(startedAt, millis, null, r, requests, indexProblem);
  }

  /** Requests sent per chosen source (JSON names), zeros included, in name order. */
  private Map<String, Integer> requests(Set<Source> chosen, Result r) {
    Map<String, Integer> counts = sent.get();
    Map<String, Integer> out = new TreeMap<>();
    for (Source source : chosen) {
      out.put(source.jsonName(), counts.getOrDefault(source.jsonName(), 0));
    }
    if (chosen.contains(Source.SCHOLAR)) {
      out.merge(Source.SCHOLAR.jsonName(), r.scholarRequests(), Integer::sum);
    }
    return out;
  }

  /**
   * One stale paper, held small (a run may take hundreds of thousands): its id, when it is due, the keys
   * each source is asked by (cache keys; the id's own string when a key is the id), what each source did
   * (two bits a source), and, only while its requests are in flight, the answers waiting to be merged.
   * Never the record itself.
   */
  static final class Work {
    final String id;
    /** Its arXiv id, when it is not the one its id names (else null: see {@link #arxivId}). */
    private final String otherArxivId;
    /** When it is due: epoch nanoseconds of its oldest stale timestamp ({@link Long#MIN_VALUE}: never). */
    long due = Long.MAX_VALUE;
    String s2Key;
    String arxivKey;
    String[] openAlexKeys;
    boolean scholar;
    /** What each source did: two bits per {@link Source} ordinal (0: nothing yet, else Status + 1). */
    private int status;
    /** Answers not merged into the file yet, in arrival order; null when none. */
    List<Answer> held;
    /** Whether it is still in the pipeline's hold (its answers are merged together when complete). */
    boolean holding;

    Work(String id, String arxivId) {
      this.id = id;
      this.otherArxivId = arxivId == null || id.equals("arxiv:" + arxivId) ? null : arxivId;
    }

    /** Its arXiv id, for OpenAlex's choice between a preprint and its published version; null when none. */
    String arxivId() {
      return otherArxivId != null ? otherArxivId : id.startsWith("arxiv:") ? id.substring("arxiv:".length()) : null;
    }

    /** A key, as the id's own string when it is the id (no second copy is kept). */
    String key(PaperId k) {
      String key = k.key();
      return key.equals(id) ? id : key;
    }

    void due(Instant at) {
      long t = at == null ? Long.MIN_VALUE : at.getEpochSecond() * 1_000_000_000L + at.getNano();
      if (t < due) {
        due = t;
      }
    }

    Status status(Source s) {
      int v = (status >>> (2 * s.ordinal())) & 3;
      return v == 0 ? null : Status.values()[v - 1];
    }

    void status(Source s, Status st) {
      int shift = 2 * s.ordinal();
      status = (status & ~(3 << shift)) | ((st == null ? 0 : st.ordinal() + 1) << shift);
    }

    boolean any(Status st) {
      for (Source s : Source.values()) {
        if (status(s) == st) {
          return true;
        }
      }
      return false;
    }

    int answered() {
      return Integer.bitCount((status | (status >>> 1)) & 0x55555555);
    }

    void hold(Answer a) {
      if (held == null) {
        held = new ArrayList<>(3);
      }
      held.add(a);
    }

    int needs() {
      return (s2Key != null ? 1 : 0) + (arxivKey != null ? 1 : 0) + (openAlexKeys != null ? 1 : 0)
          + (scholar ? 1 : 0);
    }
  }

  /**
   * A source's answer for a paper, held until the paper's other sources have answered.
   *
   * @param source the source
   * @param asked the id it was asked by (Semantic Scholar, arXiv), or null
   * @param record what it said (Semantic Scholar, arXiv), or null
   * @param pick OpenAlex's works for the paper, or null
   */
  record Answer(Source source, PaperId asked, SourceRecord record, OpenAlexStep.Pick pick) {}

  /** A cache key ("arxiv:1909.10351", "doi:10.1/x") back as an identifier, exactly (no version). */
  static PaperId fromKey(String key) {
    int colon = key.indexOf(':');
    String prefix = key.substring(0, colon);
    for (PaperId.Kind k : PaperId.Kind.values()) {
      if (k.prefix().equals(prefix)) {
        return new PaperId(k, key.substring(colon + 1), null);
      }
    }
    throw new IllegalArgumentException("not a cache key: " + key);
  }

  static List<PaperId> fromKeys(String[] keys) {
    List<PaperId> out = new ArrayList<>(keys.length);
    for (String k : keys) {
      out.add(fromKey(k));
    }
    return out;
  }

  /** Per run: the clock at the start, the deadline, and how long requests took. */
  private final class Pacing {
    final long start = ticker.millis();
    final Options options;
    final Map<Source, Long> longest = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    boolean stoppedAtDeadline;
    /** Set when a write to the cache failed: nothing more is asked, since nothing more could be saved. */
    String stoppedBecause;

    Pacing(Options options) {
      this.options = options;
    }

    /** Whether a request to this source (flag name) may start without risking the deadline. */
    boolean mayStart(Source source) {
      if (options.deadline() == null) {
        return true;
      }
      long elapsed = ticker.millis() - start;
      Duration interval = limits.intervals().getOrDefault(source, Duration.ZERO);
      long margin = Math.max(MIN_MARGIN.toMillis(), longest.getOrDefault(source, 0L));
      if (elapsed + interval.toMillis() + margin <= options.deadline().toMillis()) {
        return true;
      }
      stoppedAtDeadline = true;
      return false;
    }

    void took(Source source, long millis) {
      longest.merge(source, millis, Math::max);
    }
  }

  /** The stale papers a run takes, stalest first, and how many were fresh or over the limit. */
  private record Selection(List<Work> stale, int fresh, int overLimit) {}

  private Selection select(Options options, Instant now, List<String> notes) {
    boolean wantS2 = options.sources().contains(Source.SEMANTIC_SCHOLAR);
    boolean wantArxiv = options.sources().contains(Source.ARXIV);
    boolean wantOpenAlex = options.sources().contains(Source.OPEN_ALEX) && openAlex != null;
    boolean wantScholar = options.sources().contains(Source.SCHOLAR) && scholar != null;

    // One pass over the paper files, one at a time: only what a stale paper needs is kept.
    Freshness freshness = new Freshness(options.olderThan());
    List<Work> stale = new ArrayList<>();
    int[] freshCount = {0};
    List<Work> staleAll = stale;
    cache.forEach(paper -> {
      Work w = new Work(paper.id(), paper.arxivId());
      if (wantS2 && freshness.isStale(paper, Source.SEMANTIC_SCHOLAR, now)) {
        w.s2Key = w.key(Freshness.askId(paper, Source.SEMANTIC_SCHOLAR));
        w.due(Freshness.last(paper, Source.SEMANTIC_SCHOLAR));
      }
      if (wantArxiv && freshness.isStale(paper, Source.ARXIV, now)) {
        w.arxivKey = w.key(Freshness.askId(paper, Source.ARXIV));
        w.due(Freshness.last(paper, Source.ARXIV));
      }
      if (wantOpenAlex && freshness.isStale(paper, Source.OPEN_ALEX, now)) {
        List<PaperId> keys = OpenAlexStep.keys(paper, true);
        if (!keys.isEmpty()) {
          w.openAlexKeys = new String[keys.size()];
          for (int i = 0; i < keys.size(); i++) {
            w.openAlexKeys[i] = w.key(keys.get(i));
          }
          w.due(Freshness.last(paper, Source.OPEN_ALEX));
        }
      }
      if (wantScholar && freshness.isStale(paper, Source.SCHOLAR, now)) {
        w.scholar = true;
        w.due(Freshness.last(paper, Source.SCHOLAR));
      }
      if (w.needs() > 0) {
        staleAll.add(w);
      } else {
        freshCount[0]++;
      }
    }, pr -> notes.add("skipped a broken cache file: " + pr));
    int fresh = freshCount[0];
    stale.sort(Comparator.comparingLong((Work w) -> w.due).thenComparing(w -> w.id));
    int overLimit = 0;
    if (options.limit() != null && stale.size() > options.limit()) {
      overLimit = stale.size() - options.limit();
      stale = new ArrayList<>(stale.subList(0, options.limit()));
    }
    notes.add(stale.size() + " stale papers taken, " + fresh + " fresh skipped"
        + (overLimit > 0 ? ", " + overLimit + " over the limit" : ""));
    return new Selection(stale, fresh, overLimit);
  }

  /**
   * What a run with these options would do, per source asked: stale papers, requests at the floor,
   * and the least time the intervals impose ((requests - 1) x interval). Sends nothing, writes nothing.
   */
  public List<PlanLine> plan(Options options) {
    Selection sel = select(options, clock.instant(), new ArrayList<>());
    List<PlanLine> out = new ArrayList<>();
    for (Source src : Source.selectable()) {
      if (!options.sources().contains(src)) {
        continue;
      }
      int stale = 0;
      int requests;
      switch (src) {
        case SEMANTIC_SCHOLAR -> {
          java.util.Set<String> keys = new java.util.HashSet<>();
          for (Work w : sel.stale()) {
            if (w.s2Key != null) {
              stale++;
              keys.add(w.s2Key);
            }
          }
          requests = ceil(keys.size(), limits.s2Batch());
        }
        case ARXIV -> {
          java.util.Set<String> keys = new java.util.HashSet<>();
          for (Work w : sel.stale()) {
            if (w.arxivKey != null) {
              stale++;
              keys.add(w.arxivKey);
            }
          }
          requests = ceil(keys.size(), limits.arxivBatch());
        }
        case OPEN_ALEX -> {
          List<Work> mine = sel.stale().stream().filter(w -> w.openAlexKeys != null).toList();
          stale = mine.size();
          requests = openAlexRequests(mine, limits.openAlexBatch());
        }
        case SCHOLAR -> {
          for (Work w : sel.stale()) {
            if (w.scholar) {
              stale++;
            }
          }
          requests = Math.min(stale, limits.scholarBudget());
        }
        default -> requests = 0;
      }
      Duration interval = limits.intervals().getOrDefault(src, Duration.ZERO);
      out.add(new PlanLine(src, stale, requests, interval.multipliedBy(Math.max(0, requests - 1))));
    }
    return out;
  }

  private static int ceil(int n, int batch) {
    return n <= 0 ? 0 : (n + batch - 1) / batch;
  }

  /** Refreshes what is stale; never throws for an upstream failure (see the outcome). */
  public Result refresh(Options options, Progress progress) {
    Progress p = progress == null ? Progress.NONE : progress;
    Pacing run = new Pacing(options);
    Outcome outcome = new Outcome();
    List<String> notes = run.notes;
    Instant now = clock.instant();
    boolean wantS2 = options.sources().contains(Source.SEMANTIC_SCHOLAR);
    boolean wantArxiv = options.sources().contains(Source.ARXIV);
    boolean wantOpenAlex = options.sources().contains(Source.OPEN_ALEX) && openAlex != null;
    boolean wantScholar = options.sources().contains(Source.SCHOLAR) && scholar != null;
    if (options.sources().contains(Source.SCHOLAR) && scholar == null) {
      notes.add("scholar: not available in this build; skipped");
    }
    int swept = cache.sweepTemporaries(PaperCache.ABANDONED);
    if (swept > 0) {
      notes.add("removed " + swept + " temporary file(s) left by interrupted runs");
    }
    Selection sel = select(options, now, notes);
    List<Work> stale = sel.stale();
    int fresh = sel.fresh();
    int overLimit = sel.overLimit();

    long total = 0;
    for (Work w : stale) {
      total += w.needs();
    }
    if (!stale.isEmpty()) {
      p.update(0, total, "refresh");
    }
    Pipeline pipeline = new Pipeline(run, outcome, now, p, total, wantS2, wantArxiv, wantOpenAlex);
    try {
      for (Work w : stale) {
        pipeline.add(w);
      }
      pipeline.finish();
    } catch (RuntimeException e) {
      if (!isWriteFailure(e)) {
        throw e;
      }
      run.stoppedBecause = writeFailure(e);
      outcome.fail(new Outcome.Failure(null, "cache", run.stoppedBecause, false, null));
      pipeline.abandon();
    }
    long[] done = {pipeline.done};
    int scholarRequests = 0;
    if (wantScholar && run.stoppedBecause == null) {
      try {
        scholarRequests = askScholar(stale, run, outcome, p, done, total);
      } catch (RuntimeException e) {
        if (!isWriteFailure(e)) {
          throw e;
        }
        run.stoppedBecause = writeFailure(e);
        outcome.fail(new Outcome.Failure(null, "cache", run.stoppedBecause, false, null));
      }
    }

    if (!stale.isEmpty()) {
      p.update(total, total, "refresh");
    }
    int refreshed = 0;
    int notFound = 0;
    int failed = 0;
    int left = overLimit;
    for (Work w : stale) {
      if (w.any(Status.FAILED)) {
        failed++;
      } else if (w.answered() < w.needs()) {
        left++;
      } else if (w.any(Status.DONE)) {
        refreshed++;
        outcome.done(w.id);
      } else {
        notFound++;
      }
    }
    if (run.stoppedAtDeadline) {
      notes.add("stopped at the deadline, " + left + " left for the next run");
    }
    if (run.stoppedBecause != null) {
      notes.add("stopped: " + run.stoppedBecause + "; " + refreshed + " saved before, " + left
          + " left for the next run");
    }
    Duration elapsed = Duration.ofMillis(ticker.millis() - run.start);
    return new Result(refreshed, notFound, failed, fresh, left, run.stoppedAtDeadline, elapsed, scholarRequests,
        outcome, notes, run.stoppedBecause);
  }

  /**
   * OpenAlex's request groups, formed paper by paper in the papers' order: papers asked by their works
   * apart from papers asked by DOIs (one OR-filter each), each group at most {@code batch} papers (each
   * with all its values) and at most {@link OpenAlexStep#MAX_VALUES} values. A paper alone over the value
   * limit is a group of its own (the source splits it).
   */
  private static final class OpenAlexGroup {
    final List<Work> papers = new ArrayList<>();
    final java.util.Set<String> values = new java.util.HashSet<>();

    static boolean byWork(Work w) {
      return w.openAlexKeys[0].startsWith(PaperId.Kind.OPENALEX.prefix() + ":");
    }

    /** Whether this paper must start a new group: this one is full, or its values would pass the limit. */
    boolean full(Work w, int batch) {
      if (papers.isEmpty()) {
        return false;
      }
      if (papers.size() >= batch) {
        return true;
      }
      int more = 0;
      for (String k : w.openAlexKeys) {
        if (!values.contains(k)) {
          more++;
        }
      }
      return values.size() + more > OpenAlexStep.MAX_VALUES;
    }

    void add(Work w) {
      papers.add(w);
      java.util.Collections.addAll(values, w.openAlexKeys);
    }

    void clear() {
      papers.clear();
      values.clear();
    }
  }

  /** The OpenAlex requests a run sends for these papers at the floor (as {@link Pipeline} forms them). */
  private static int openAlexRequests(List<Work> works, int batch) {
    int requests = 0;
    for (boolean byWork : new boolean[] {true, false}) {
      OpenAlexGroup g = new OpenAlexGroup();
      for (Work w : works) {
        if (OpenAlexGroup.byWork(w) != byWork) {
          continue;
        }
        if (g.full(w, batch)) {
          requests++;
          g.clear();
        }
        g.add(w);
      }
      if (!g.papers.isEmpty()) {
        requests++;
      }
    }
    return requests;
  }

  /**
   * The requests of a run and the merging of their answers. Each source is asked in the papers' order,
   * in exactly the batches it would be sent alone (at the floor), each batch as soon as it is full; so
   * the answers of every source for a paper arrive close together, and are merged into its file in one
   * update (one read, one write) rather than one per source. A paper waits in the hold until every
   * source it needs has answered (or stopped), at most until {@link #HOLD} later papers have entered;
   * then what it has is merged, and what comes later is merged on its own. Answers are written before
   * the next request is sent once the paper is complete: a run killed at any moment loses at most the
   * answers held for the papers in the hold, which stay stale and are asked again by the next run.
   */
  private final class Pipeline {
    /** The most papers waiting for their other sources' answers: bounds the memory and what a kill loses. */
    static final int HOLD = 1_000;

    final Pacing run;
    final Outcome outcome;
    final Instant now;
    final Progress p;
    final long total;
    long done;
    final Map<PaperId, List<Work>> s2Pending = new LinkedHashMap<>();
    final Map<PaperId, List<Work>> arxivPending = new LinkedHashMap<>();
    final OpenAlexGroup byWork = new OpenAlexGroup();
    final OpenAlexGroup byDoi = new OpenAlexGroup();
    final java.util.EnumSet<Source> stopped = java.util.EnumSet.noneOf(Source.class);
    final java.util.ArrayDeque<Work> hold = new java.util.ArrayDeque<>();
    /** Papers out of the hold with answers that came later: merged after the batch that brought them. */
    final List<Work> late = new ArrayList<>();
    IdLookup s2Source;
    IdLookup arxivSource;
    IdLookup openAlexSource;

    Pipeline(Pacing run, Outcome outcome, Instant now, Progress p, long total, boolean wantS2, boolean wantArxiv,
        boolean wantOpenAlex) {
      this.run = run;
      this.outcome = outcome;
      this.now = now;
      this.p = p;
      this.total = total;
      if (!wantS2) {
        stopped.add(Source.SEMANTIC_SCHOLAR);
      }
      if (!wantArxiv) {
        stopped.add(Source.ARXIV);
      }
      if (!wantOpenAlex) {
        stopped.add(Source.OPEN_ALEX);
      }
    }

    /** Takes the next stale paper: queues it at each source it needs, sending every batch that is full. */
    void add(Work w) {
      if (run.stoppedBecause != null) {
        return; // nothing more can be saved
      }
      w.holding = true;
      hold.addLast(w);
      if (w.s2Key != null && !stopped.contains(Source.SEMANTIC_SCHOLAR)) {
        s2Pending.computeIfAbsent(fromKey(w.s2Key), k -> new ArrayList<>(1)).add(w);
        if (s2Pending.size() >= limits.s2Batch()) {
          askById(Source.SEMANTIC_SCHOLAR, s2Pending);
        }
      }
      if (w.arxivKey != null && !stopped.contains(Source.ARXIV) && run.stoppedBecause == null) {
        arxivPending.computeIfAbsent(fromKey(w.arxivKey), k -> new ArrayList<>(1)).add(w);
        if (arxivPending.size() >= limits.arxivBatch()) {
          askById(Source.ARXIV, arxivPending);
        }
      }
      if (w.openAlexKeys != null && !stopped.contains(Source.OPEN_ALEX) && run.stoppedBecause == null) {
        OpenAlexGroup g = OpenAlexGroup.byWork(w) ? byWork : byDoi;
        if (g.full(w, limits.openAlexBatch())) {
          askOpenAlex(g);
        }
        if (!stopped.contains(Source.OPEN_ALEX) && run.stoppedBecause == null) {
          g.add(w);
          if (g.papers.size() >= limits.openAlexBatch()) {
            askOpenAlex(g);
          }
        }
      }
      // Over the hold: the oldest paper's answers are merged as they are (the rest come on their own).
      while (hold.size() > HOLD && run.stoppedBecause == null) {
        Work oldest = hold.pollFirst();
        oldest.holding = false;
        merge(oldest.held == null ? List.of() : List.of(oldest));
      }
    }

    /** Sends what is left in every queue, then merges every paper still held. */
    void finish() {
      if (run.stoppedBecause == null && !s2Pending.isEmpty()) {
        askById(Source.SEMANTIC_SCHOLAR, s2Pending);
      }
      if (run.stoppedBecause == null && !arxivPending.isEmpty()) {
        askById(Source.ARXIV, arxivPending);
      }
      for (OpenAlexGroup g : List.of(byWork, byDoi)) {
        if (run.stoppedBecause == null && !g.papers.isEmpty()) {
          askOpenAlex(g);
        }
      }
      if (run.stoppedBecause == null) {
        List<Work> rest = new ArrayList<>();
        for (Work w : hold) {
          w.holding = false;
          if (w.held != null) {
            rest.add(w);
          }
        }
        hold.clear();
        merge(rest);
      }
      abandon();
    }

    /**
     * After a failed write: the answers that were never written are not done (the papers are left for
     * the next run, still stale).
     */
    void abandon() {
      for (Work w : hold) {
        forget(w);
      }
      hold.clear();
      for (Work w : late) {
        forget(w);
      }
      late.clear();
    }

    private void forget(Work w) {
      if (w.held != null) {
        for (Answer a : w.held) {
          if (w.status(a.source()) == Status.DONE) {
            w.status(a.source(), null);
          }
        }
        w.held = null;
      }
      w.holding = false;
    }

    /** Whether every source the paper needs has answered for it, or will not be asked any more. */
    private boolean complete(Work w) {
      return (w.s2Key == null || w.status(Source.SEMANTIC_SCHOLAR) != null || stopped.contains(Source.SEMANTIC_SCHOLAR))
          && (w.arxivKey == null || w.status(Source.ARXIV) != null || stopped.contains(Source.ARXIV))
          && (w.openAlexKeys == null || w.status(Source.OPEN_ALEX) != null || stopped.contains(Source.OPEN_ALEX));
    }

    private void stop(Source src) {
      stopped.add(src);
      if (src == Source.SEMANTIC_SCHOLAR) {
        s2Pending.clear();
      } else if (src == Source.ARXIV) {
        arxivPending.clear();
      } else if (src == Source.OPEN_ALEX) {
        byWork.clear();
        byDoi.clear();
      }
    }

    /** After a batch: merges every held paper that is now complete, and the late answers. */
    private void settle() {
      List<Work> ready = new ArrayList<>(late);
      late.clear();
      for (java.util.Iterator<Work> it = hold.iterator(); it.hasNext(); ) {
        Work w = it.next();
        if (complete(w)) {
          it.remove();
          w.holding = false;
          if (w.held != null) {
            ready.add(w);
          }
        }
      }
      merge(ready);
      p.update(done, total, "refresh");
    }

    private void answered(Work w, Answer a) {
      w.hold(a);
      if (!w.holding && (late.isEmpty() || late.get(late.size() - 1) != w)) {
        late.add(w);
      }
    }

    /** One batch request of a source asked by id (Semantic Scholar, arXiv); then what is complete is merged. */
    private void askById(Source src, Map<PaperId, List<Work>> pending) {
      if (!run.mayStart(src)) {
        stop(src);
        settle();
        return;
      }
      IdLookup source;
      if (src == Source.SEMANTIC_SCHOLAR) {
        source = s2Source != null ? s2Source : (s2Source = s2.get());
      } else {
        source = arxivSource != null ? arxivSource : (arxivSource = arxiv.get());
      }
      List<PaperId> chunk = new ArrayList<>(pending.keySet());
      Map<PaperId, List<Work>> byKey = new LinkedHashMap<>(pending);
      pending.clear();
      long t0 = ticker.millis();
      Map<PaperId, Lookup> answers = source.lookup(chunk, Progress.NONE);
      run.took(src, ticker.millis() - t0);
      SourceException stop = null;
      for (PaperId k : chunk) {
        Lookup l = answers.get(k);
        for (Work w : byKey.get(k)) {
          if (l instanceof Lookup.Found f) {
            f.record().notes().forEach(n -> run.notes.add(f.record().source() + ": " + w.id + ": " + n));
            w.status(src, Status.DONE);
            answered(w, new Answer(src, k, f.record(), null));
          } else if (l instanceof Lookup.Failed failed) {
            w.status(src, Status.FAILED);
            outcome.fail(FetchService.failure(w.id, failed.error()));
            if (failed.error().isTryLater() || failed.error().kind() == SourceException.Kind.UNREACHABLE) {
              stop = failed.error();
            }
          } else {
            w.status(src, Status.NOT_FOUND);
            if (l instanceof Lookup.NotFound nf && nf.reason() != null) {
              run.notes.add(src.jsonName() + ": " + w.id + ": " + nf.reason() + "; nothing stored from it");
            }
          }
          done++;
        }
      }
      if (stop != null) {
        // Try later, or not reachable at all: sending more now would only fail the same way.
        stop(src);
      }
      settle();
    }

    /** One OpenAlex OR-filter request for a group of papers; then what is complete is merged. */
    private void askOpenAlex(OpenAlexGroup g) {
      List<Work> group = new ArrayList<>(g.papers);
      g.clear();
      if (!run.mayStart(Source.OPEN_ALEX)) {
        stop(Source.OPEN_ALEX);
        settle();
        return;
      }
      IdLookup source = openAlexSource != null ? openAlexSource : (openAlexSource = openAlex.get());
      List<List<PaperId>> keys = new ArrayList<>(group.size());
      for (Work w : group) {
        keys.add(fromKeys(w.openAlexKeys));
      }
      long t0 = ticker.millis();
      Map<PaperId, Lookup> answers = source.lookupGrouped(keys, Progress.NONE);
      run.took(Source.OPEN_ALEX, ticker.millis() - t0);
      SourceException stop = null;
      for (int i = 0; i < group.size(); i++) {
        Work w = group.get(i);
        OpenAlexStep.Pick pick = OpenAlexStep.pick(w.arxivId(), keys.get(i), answers);
        if (pick.found()) {
          OpenAlexStep.notes(keys.get(i), answers).forEach(n -> run.notes.add(w.id + ": " + n));
          w.status(Source.OPEN_ALEX, Status.DONE);
          answered(w, new Answer(Source.OPEN_ALEX, null, null, pick));
        } else if (pick.failure() != null) {
          w.status(Source.OPEN_ALEX, Status.FAILED);
          outcome.fail(FetchService.failure(w.id, pick.failure()));
          if (pick.failure().isTryLater() || pick.failure().kind() == SourceException.Kind.UNREACHABLE) {
            stop = pick.failure();
          }
        } else {
          w.status(Source.OPEN_ALEX, Status.NOT_FOUND);
        }
        done++;
      }
      if (stop != null) {
        stop(Source.OPEN_ALEX);
      }
      settle();
    }

    /**
     * Writes the held answers of these papers, each paper in one update ({@link #WRITERS} papers at a
     * time), and returns when every one is written. A write the file system refuses stops the run: what
     * was written stays, the rest is left for the next run.
     */
    private void merge(List<Work> works) {
      if (works.isEmpty() || run.stoppedBecause != null) {
        return;
      }
      List<Runnable> stores = new ArrayList<>(works.size());
      for (Work w : works) {
        List<Answer> answers = w.held;
        w.held = null;
        stores.add(() -> store(w, answers));
      }
      List<RuntimeException> failures = storeAll(stores);
      RuntimeException writeFailure = null;
      for (int i = 0; i < failures.size(); i++) {
        RuntimeException e = failures.get(i);
        if (e == null) {
          continue;
        }
        if (!isWriteFailure(e)) {
          throw e;
        }
        writeFailure = writeFailure == null ? e : writeFailure;
      }
      if (writeFailure == null) {
        return;
      }
      // The disk is full (or gone read-only): what was stored stays; nothing more can be saved now.
      run.stoppedBecause = writeFailure(writeFailure);
      for (int i = 0; i < failures.size(); i++) {
        if (failures.get(i) != null) {
          Work w = works.get(i);
          for (Source s : Source.values()) {
            if (w.status(s) == Status.DONE) {
              w.status(s, Status.FAILED);
            }
          }
          outcome.fail(new Outcome.Failure(w.id, "cache", run.stoppedBecause, false, null));
        }
      }
    }

    /** One paper's answers into its file (see {@link PaperStore#storeAll}). */
    private void store(Work w, List<Answer> answers) {
      List<PaperId> known = new ArrayList<>(3);
      PaperId canonical = PaperId.tryParse(w.id);
      List<SourceRecord> records = new ArrayList<>(answers.size() + 1);
      for (Answer a : answers) {
        if (a.asked() != null && !known.contains(a.asked())) {
          known.add(a.asked());
        }
      }
      if (canonical != null && !known.contains(canonical)) {
        known.add(canonical);
      }
      for (Answer a : answers) {
        if (a.record() != null) {
          records.add(a.record());
        } else {
          for (SourceRecord other : a.pick().others()) {
            records.add(OpenAlexStep.idsOnly(other));
          }
          records.add(a.pick().chosen());
        }
      }
      if (PaperStore.oneArxivId(w.arxivId(), records)) {
        PaperStore.storeAll(cache, known, records, now);
        return;
      }
      // Answers that name different arXiv papers: each stored on its own, as it always was.
      for (Answer a : answers) {
        if (a.record() != null) {
          List<PaperId> ids = new ArrayList<>(2);
          ids.add(a.asked());
          if (canonical != null) {
            ids.add(canonical);
          }
          PaperStore.store(cache, ids, a.record(), now, null);
        } else {
          OpenAlexStep.store(cache, canonical == null ? List.of() : List.of(canonical), a.pick(), now, null);
        }
      }
    }
  }

  /**
   * Stores a batch's answers, {@link #WRITERS} papers at a time: each store forces its file and
   * directory to disk, and the disk takes several of those at once about as fast as one. Every store
   * is done (or has failed) when this returns, before the next request: a run killed later loses
   * nothing of this batch.
   *
   * @return per store, in order, its failure or null
   */
  private static List<RuntimeException> storeAll(List<Runnable> stores) {
    List<RuntimeException> failures = new ArrayList<>(java.util.Collections.nCopies(stores.size(), null));
    if (stores.size() <= 1) {
      for (int i = 0; i < stores.size(); i++) {
        try {
          stores.get(i).run();
        } catch (RuntimeException e) {
          failures.set(i, e);
        }
      }
      return failures;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(WRITERS, stores.size()), r -> {
      Thread t = new Thread(r, "papers-store");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>(stores.size());
      for (Runnable r : stores) {
        futures.add(pool.submit(r));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          failures.set(i, e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while storing answers", e);
        }
      }
      return failures;
    } finally {
      pool.shutdown();
    }
  }

  /** Whether a failure is the cache's file system refusing a write (full, read-only, gone). */
  static boolean isWriteFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException || t instanceof dev.papers.cache.CacheException) {
        return true;
      }
    }
    return false;
  }

  /** "cannot write to the cache: No space left on device". */
  static String writeFailure(Throwable e) {
    return "cannot write to the cache: " + dev.papers.cache.FileErrors.reason(e);
  }

  private int askScholar(List<Work> stale, Pacing run, Outcome outcome, Progress p, long[] done, long total) {
    List<Paper> papers = new ArrayList<>();
    Map<String, Work> byId = new LinkedHashMap<>();
    for (Work w : stale) {
      if (w.scholar) {
        cache.read(w.id).ifPresent(papers::add);
        byId.put(w.id, w);
      }
    }
    if (papers.isEmpty()) {
      return 0;
    }
    ScholarRun r = scholar.refresh(papers, outcome, () -> run.mayStart(Source.SCHOLAR));
    r.statuses().forEach((id, status) -> {
      Work w = byId.get(id);
      if (w != null) {
        w.status(Source.SCHOLAR, status);
        done[0]++;
      }
    });
    p.update(done[0], total, "refresh");
    return r.requests();
  }
}
