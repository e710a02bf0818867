package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.model.Histogram;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.source.CitationHistograms;
import dev.papers.source.IdLookup;
import dev.papers.source.Lookup;
import dev.papers.source.Progress;
import dev.papers.source.SourceException;
import dev.papers.source.TitleSearch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code papers fetch}: asks each chosen source about every paper in as few requests as it allows
 * (Semantic Scholar first, since it links DOIs to arXiv ids; then arXiv), merges what they say into
 * one cache entry per paper, and tells what failed.
 */
public final class FetchService {
  /** The most citing papers read for a histogram (Semantic Scholar's paging stops near 10,000). */
  public static final int HISTOGRAM_CAP = 10_000;

  private final PaperCache cache;
  private final Supplier<IdLookup> arxiv;
  private final Supplier<IdLookup> s2;
  private final Supplier<IdLookup> openAlex;
  private final Supplier<TitleSearch> titles;
  private final Supplier<CitationHistograms> histograms;
  private final ScholarFetch scholar;
  private final Clock clock;

  /** The Scholar step of a fetch, plugged in where Scholar is available. */
  public interface ScholarFetch {
    /**
     * Looks up each paper on Scholar, stores what it finds, records failures (try-later ones
     * included) in the outcome, and adds a line per paper to {@code notes} (printed with --verbose).
     */
    ScholarReport run(List<Paper> papers, Outcome outcome, boolean verbose, List<String> notes);
  }

  /**
   * What the Scholar step made of the papers, by canonical id.
   *
   * @param found papers whose count Scholar gave
   * @param missed papers Scholar was asked about but had no sure match for (id to the reason):
   *     no count stored; a failure only when Scholar was the one source asked
   */
  public record ScholarReport(Set<String> found, Map<String, String> missed) {
    public ScholarReport {
      found = Set.copyOf(found);
      missed = Map.copyOf(missed);
    }

    /** Nothing asked, nothing found. */
    public static ScholarReport none() {
      return new ScholarReport(Set.of(), Map.of());
    }
  }

  /** What a fetch produced. */
  public record Result(List<Paper> papers, Outcome outcome, List<String> notes) {}

  public FetchService(PaperCache cache, Supplier<IdLookup> arxiv, Supplier<IdLookup> s2,
      Supplier<TitleSearch> titles, Supplier<CitationHistograms> histograms, ScholarFetch scholar, Clock clock) {
    this(cache, arxiv, s2, null, titles, histograms, scholar, clock);
  }

  /**
   * @param openAlex OpenAlex, asked after Semantic Scholar and arXiv (so that a published DOI they reveal
   *     is looked up too); null where OpenAlex is not available
   */
  public FetchService(PaperCache cache, Supplier<IdLookup> arxiv, Supplier<IdLookup> s2, Supplier<IdLookup> openAlex,
      Supplier<TitleSearch> titles, Supplier<CitationHistograms> histograms, ScholarFetch scholar, Clock clock) {
    this.cache = cache;
    this.arxiv = arxiv;
    this.s2 = s2;
    this.openAlex = openAlex;
    this.titles = titles;
    this.histograms = histograms;
    this.scholar = scholar;
    this.clock = clock;
  }

  /** Per input: what each source said. */
  private static final class Track {
    final PaperId input;
    String arxivId;
    String canonical;
    boolean found;
    final Map<String, String> notFound = new LinkedHashMap<>();
    /** What --verbose says about this input: values not stored, answers not taken. */
    final List<String> notes = new ArrayList<>();
    boolean failed;
    /** Why this paper's answer could not be saved (the disk is full), or null. */
    String writeFailure;

    Track(PaperId input) {
      this.input = input;
    }

    /** The ids its answers are stored under: as given (without a version), and the entry found before. */
    List<PaperId> ids() {
      List<PaperId> ids = new ArrayList<>();
      ids.add(input.withoutVersion());
      PaperId c = canonical == null ? null : PaperId.tryParse(canonical);
      if (c != null) {
        ids.add(c);
      }
      return ids;
    }
  }

  /**
   * Fetches these papers from these sources ({@code arxiv}, {@code s2}, {@code scholar}).
   *
   * @param topic a topic to tag every fetched paper with, or null
   */
  public Result fetch(List<PaperId> inputs, Set<Source> sources, boolean histogram, String topic, boolean verbose,
      Progress progress) {
    return fetch(inputs, sources, histogram, topic, verbose, progress, false);
  }

  /**
   * @param foundAlready whether a source already found these papers (a title match): then "not found"
   *     at the sources asked here is no failure (the contract: not found at one source, for a paper
   *     another found, is success)
   */
  private Result fetch(List<PaperId> inputs, Set<Source> sources, boolean histogram, String topic, boolean verbose,
      Progress progress, boolean foundAlready) {
    Outcome outcome = new Outcome();
    List<String> notes = new ArrayList<>();
    Map<String, Track> tracks = new LinkedHashMap<>();
    for (PaperId id : inputs) {
      tracks.putIfAbsent(id.withoutVersion().key(), new Track(id));
    }
    for (Track t : tracks.values()) {
      if (t.input.kind() == PaperId.Kind.ARXIV) {
        t.arxivId = t.input.value();
      }
      Optional<Paper> known = cache.find(t.input);
      if (known.isPresent()) {
        t.canonical = known.get().id();
        if (t.arxivId == null) {
          t.arxivId = known.get().arxivId();
        }
      }
    }
    boolean wantS2 = sources.contains(Source.SEMANTIC_SCHOLAR);
    boolean wantArxiv = sources.contains(Source.ARXIV);
    boolean wantScholar = sources.contains(Source.SCHOLAR);
    boolean wantOpenAlex = sources.contains(Source.OPEN_ALEX) && openAlex != null;

    if (wantS2) {
      askS2(tracks, topic, outcome, progress);
    }
    String stop = tracks.values().stream().map(t -> t.writeFailure).filter(java.util.Objects::nonNull).findFirst()
        .orElse(null);
    if (stop != null) {
      // Nothing more can be saved: ask nothing more, and say why for the papers not done.
      for (Track t : tracks.values()) {
        t.notes.forEach(n -> notes.add(t.input.display() + ": " + n));
        if (t.found && !t.failed) {
          outcome.done(t.input.display()); // saved before the disk filled
        } else if (!t.failed) {
          t.failed = true;
          outcome.fail(new Outcome.Failure(t.input.display(), "cache", stop, false, null));
        }
      }
      return new Result(readAll(tracks), outcome, notes);
    }
    if (wantArxiv || (wantScholar && !wantS2)) {
      // Scholar needs a title: when only Scholar is named and the paper is new, arXiv supplies it.
      askArxiv(tracks, topic, outcome, progress, wantArxiv);
    }
    if (!wantS2 && !wantArxiv && wantScholar) {
      for (Track t : tracks.values()) {
        if (t.canonical == null && t.arxivId == null) {
          askTitleFromS2(t, topic, outcome);
        }
      }
    }
    if (wantOpenAlex) {
      askOpenAlex(tracks, topic, outcome, progress, notes);
    }
    if (histogram) {
      askHistograms(tracks, outcome);
    }
    List<Paper> papers = new ArrayList<>();
    for (Track t : tracks.values()) {
      if (t.canonical != null) {
        cache.read(t.canonical).ifPresent(papers::add);
      }
    }
    for (Track t : tracks.values()) {
      t.notes.forEach(n -> notes.add(t.input.display() + ": " + n));
    }
    ScholarReport onScholar = ScholarReport.none();
    if (wantScholar) {
      onScholar = scholar.run(papers, outcome, verbose, notes);
      List<Paper> refreshed = new ArrayList<>();
      for (Paper p : papers) {
        refreshed.add(cache.read(p.id()).orElse(p));
      }
      papers = refreshed;
    }
    boolean scholarOnly = wantScholar && !wantS2 && !wantArxiv && !wantOpenAlex;
    for (Track t : tracks.values()) {
      String missed = t.canonical == null ? null : onScholar.missed().get(t.canonical);
      if (scholarOnly && missed != null && !t.failed) {
        // Scholar was the one source asked, and it does not know the paper: a failure for good.
        outcome.fail(new Outcome.Failure(t.input.display(), Source.SCHOLAR.jsonName(),
            "no sure match on Google Scholar, no count stored (--verbose says why)", false, null));
      } else if (t.found || t.canonical != null && !t.failed
          && (foundAlready || scholarOnly || onScholar.found().contains(t.canonical))) {
        outcome.done(t.input.display());
      } else if (!t.failed) {
        if (wantScholar && t.canonical == null) {
          t.notFound.put(Source.SCHOLAR.jsonName(), "needs a title, and no source gave one");
        } else if (missed != null) {
          t.notFound.put(Source.SCHOLAR.jsonName(), missed);
        }
        String why = t.notFound.isEmpty() ? "no source was asked"
            : String.join("; ", t.notFound.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        outcome.fail(new Outcome.Failure(t.input.display(), null, "not found (" + why + ")", false, null));
      }
    }
    notes.addAll(cache.drainNotices());
    return new Result(papers, outcome, notes);
  }

  /** {@code papers fetch --title}: Semantic Scholar's best title match, then as {@link #fetch}. */
  public Result fetchTitle(String title, Set<Source> sources, boolean histogram, String topic, boolean verbose,
      Progress progress) {
    Outcome outcome = new Outcome();
    Optional<SourceRecord> match;
    try {
      match = titles.get().matchTitle(title);
    } catch (SourceException e) {
      outcome.fail(failure("\"" + title + "\"", e));
      return new Result(List.of(), outcome, List.of());
    }
    if (match.isEmpty()) {
      outcome.fail(new Outcome.Failure("\"" + title + "\"", Source.SEMANTIC_SCHOLAR.jsonName(),
          "no paper matches this title", false, null));
      return new Result(List.of(), outcome, List.of());
    }
    SourceRecord r = match.get();
    if ((r.title() == null || r.count() == null) && r.s2Id() != null) {
      // A sparse match (S2 may answer only paperId and matchScore): ask for the paper itself first, so
      // that its entry is made from its identifiers (arXiv id, DOI) and carries title and count.
      PaperId byS2 = PaperId.s2(r.s2Id());
      Lookup l = s2.get().lookup(List.of(byS2), progress).get(byS2);
      if (l instanceof Lookup.Found f) {
        r = f.record();
      } else if (l instanceof Lookup.Failed failed) {
        outcome.fail(failure(byS2.display(), failed.error()));
      }
    }
    SourceRecord rec = r;
    Paper stored = cache.update(rec.ids(), p -> tag(p.merge(rec, clock.instant()), topic));
    PaperId id = rec.ids().get(0);
    List<String> matchNotes = rec.notes().stream().map(n -> id.display() + ": " + rec.source() + ": " + n).toList();
    Set<Source> rest = new LinkedHashSet<>(sources);
    rest.remove(Source.SEMANTIC_SCHOLAR); // the match already carried Semantic Scholar's record and count
    if (rest.isEmpty() && !histogram) {
      outcome.done(id.display());
      return new Result(List.of(stored), outcome, matchNotes);
    }
    Result more = fetch(List.of(id), rest.isEmpty() ? Set.of(Source.ARXIV) : rest, histogram, topic, verbose, progress,
        true);
    outcome.failures().forEach(more.outcome()::fail);
    List<String> allNotes = new ArrayList<>(matchNotes);
    allNotes.addAll(more.notes());
    if (more.papers().isEmpty()) {
      more.outcome().done(id.display());
      return new Result(List.of(cache.read(stored.id()).orElse(stored)), more.outcome(), allNotes);
    }
    return new Result(more.papers(), more.outcome(), allNotes);
  }

  private void askS2(Map<String, Track> tracks, String topic, Outcome outcome, Progress progress) {
    IdLookup source = s2.get();
    Map<PaperId, List<Track>> asked = new LinkedHashMap<>();
    for (Track t : tracks.values()) {
      PaperId key = t.arxivId != null ? PaperId.arxivOrNull(t.arxivId) : t.input.withoutVersion();
      if (!source.accepts(key) && t.canonical != null) {
        key = cache.read(t.canonical).map(FetchService::s2Key).orElse(key);
      }
      if (key == null || !source.accepts(key)) {
        t.notFound.put(Source.SEMANTIC_SCHOLAR.jsonName(), "cannot look up " + t.input.display());
        continue;
      }
      asked.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
    }
    if (asked.isEmpty()) {
      return;
    }
    Map<PaperId, Lookup> answers = source.lookup(new ArrayList<>(asked.keySet()), progress);
    asked.forEach((key, ts) -> {
      Lookup l = answers.get(key);
      for (Track t : ts) {
        apply(t, Source.SEMANTIC_SCHOLAR.jsonName(), l, topic, outcome);
      }
    });
  }

  /**
   * OpenAlex, last: each paper by its arXiv DOI and its published DOI (both when it has both; see
   * {@link OpenAlexStep}), in OR-filter batches of papers (a paper's ids in one request); the work with the larger count gives
   * the paper's {@code openAlex} count and histogram.
   */
  private void askOpenAlex(Map<String, Track> tracks, String topic, Outcome outcome, Progress progress,
      List<String> notes) {
    IdLookup source = openAlex.get();
    Map<Track, List<PaperId>> keys = new LinkedHashMap<>();
    Set<PaperId> all = new LinkedHashSet<>();
    for (Track t : tracks.values()) {
      List<PaperId> k;
      Paper p = t.canonical == null ? null : cache.read(t.canonical).orElse(null);
      if (p != null) {
        k = OpenAlexStep.keys(p, false);
      } else {
        PaperId in = t.arxivId != null ? PaperId.arxivOrNull(t.arxivId) : t.input.withoutVersion();
        k = in == null || !source.accepts(in) ? List.of() : List.of(in.withoutVersion());
      }
      k = k.stream().filter(source::accepts).toList();
      if (k.isEmpty()) {
        t.notFound.put(Source.OPEN_ALEX.jsonName(), "cannot look up " + t.input.display());
        continue;
      }
      keys.put(t, k);
      all.addAll(k);
    }
    if (all.isEmpty()) {
      return;
    }
    // A paper's ids travel together: N papers take ceil(N / batch) requests however many DOIs each has.
    Map<PaperId, Lookup> answers = source.lookupGrouped(new ArrayList<>(keys.values()), progress);
    keys.forEach((t, k) -> {
      OpenAlexStep.Pick pick = OpenAlexStep.pick(t.arxivId, k, answers);
      if (pick.found()) {
        List<PaperId> ids = t.ids();
        Paper stored = OpenAlexStep.store(cache, ids, pick, clock.instant(), p -> tag(p, topic));
        OpenAlexStep.notes(k, answers).forEach(n -> notes.add(stored.id() + ": " + n));
        t.canonical = stored.id();
        if (t.arxivId == null) {
          t.arxivId = stored.arxivId();
        }
        t.found = true;
      } else if (pick.failure() != null) {
        t.failed = true;
        outcome.fail(failure(t.input.display(), pick.failure()));
      } else {
        t.notFound.put(Source.OPEN_ALEX.jsonName(), pick.notFound());
      }
    });
  }

  private static PaperId s2Key(Paper p) {
    return Freshness.askId(p, Source.SEMANTIC_SCHOLAR);
  }

  private void askArxiv(Map<String, Track> tracks, String topic, Outcome outcome, Progress progress,
      boolean explicit) {
    IdLookup source = arxiv.get();
    Map<PaperId, List<Track>> asked = new LinkedHashMap<>();
    for (Track t : tracks.values()) {
      if (t.arxivId == null) {
        if (explicit) {
          t.notFound.put(Source.ARXIV.jsonName(), "no arXiv id known for " + t.input.display());
        }
        continue;
      }
      if (!explicit && t.canonical != null) {
        continue;
      }
      asked.computeIfAbsent(PaperId.arxivOrNull(t.arxivId), k -> new ArrayList<>()).add(t);
    }
    if (asked.isEmpty()) {
      return;
    }
    Map<PaperId, Lookup> answers = source.lookup(new ArrayList<>(asked.keySet()), progress);
    asked.forEach((key, ts) -> {
      for (Track t : ts) {
        apply(t, Source.ARXIV.jsonName(), answers.get(key), topic, outcome);
      }
    });
  }

  private void askTitleFromS2(Track t, String topic, Outcome outcome) {
    IdLookup source = s2.get();
    if (!source.accepts(t.input)) {
      return;
    }
    Lookup l = source.lookup(List.of(t.input.withoutVersion()), Progress.NONE).get(t.input.withoutVersion());
    if (l instanceof Lookup.Found f) {
      // Only the metadata is wanted here; the count was not asked for.
      SourceRecord r = f.record();
      SourceRecord meta = new SourceRecord(r.source(), r.arxivId(), r.arxivVersion(), r.doi(), r.s2Id(),
          r.corpusId(), null, r.title(), r.authors(), r.abstractText(), r.published(), r.year(), r.venue(),
          null, null, null, null, null, r.observedAt(), null);
      apply(t, Source.SEMANTIC_SCHOLAR.jsonName(), new Lookup.Found(meta), topic, outcome);
      t.found = false;
    } else {
      apply(t, Source.SEMANTIC_SCHOLAR.jsonName(), l, topic, outcome);
    }
  }

  private List<Paper> readAll(Map<String, Track> tracks) {
    List<Paper> papers = new ArrayList<>();
    for (Track t : tracks.values()) {
      if (t.canonical != null) {
        cache.read(t.canonical).ifPresent(papers::add);
      }
    }
    return papers;
  }

  private void apply(Track t, String sourceName, Lookup l, String topic, Outcome outcome) {
    if (l instanceof Lookup.Found f) {
      SourceRecord r = f.record();
      List<PaperId> ids = t.ids();
      r.notes().forEach(n -> t.notes.add(sourceName + ": " + n));
      Paper stored;
      try {
        stored = PaperStore.store(cache, ids, r, clock.instant(), p -> tag(p, topic));
      } catch (RuntimeException e) {
        if (!RefreshService.isWriteFailure(e)) {
          throw e;
        }
        // A full (or read-only) disk: this paper is not saved; what was saved before stays.
        t.failed = true;
        t.writeFailure = RefreshService.writeFailure(e);
        outcome.fail(new Outcome.Failure(t.input.display(), "cache", t.writeFailure, false, null));
        return;
      }
      t.canonical = stored.id();
      if (t.arxivId == null) {
        t.arxivId = stored.arxivId();
      }
      t.found = true;
    } else if (l instanceof Lookup.NotFound nf) {
      t.notFound.put(sourceName, nf.reason() == null ? "not found" : nf.reason());
      t.notes.add(sourceName + ": " + (nf.reason() == null ? "not found" : nf.reason()) + "; nothing stored from it");
    } else if (l instanceof Lookup.Failed failed) {
      t.failed = true;
      outcome.fail(failure(t.input.display(), failed.error()));
    } else {
      t.notFound.put(sourceName, "no answer");
    }
  }

  private void askHistograms(Map<String, Track> tracks, Outcome outcome) {
    CitationHistograms source = histograms.get();
    for (Track t : tracks.values()) {
      if (t.canonical == null) {
        continue;
      }
      Paper p = cache.read(t.canonical).orElse(null);
      if (p == null) {
        continue;
      }
      PaperId key = s2Key(p);
      if (key == null) {
        continue;
      }
      var c = p.citation(Source.SEMANTIC_SCHOLAR.jsonName());
      try {
        Histogram h = source.histogram(key, c == null ? null : c.count(), HISTOGRAM_CAP);
        cache.updateExisting(p.id(), q -> q.withHistogram(h, clock.instant()));
      } catch (SourceException e) {
        t.failed = true;
        outcome.fail(failure(t.input.display(), e));
        if (e.isTryLater()) {
          return;
        }
      }
    }
  }

  private Paper tag(Paper p, String topic) {
    return topic == null ? p : p.withTopic(topic, clock.instant());
  }

  /** A failure line from a source exception: what failed and, for try-later, when to come back. */
  public static Outcome.Failure failure(String input, SourceException e) {
    String msg = e.getMessage();
    Instant retry = e.retryAt();
    if (e.isTryLater()) {
      msg += retry != null ? "; try again after " + retry : "; try again later";
    }
    return new Outcome.Failure(input, e.source(), msg, e.isTryLater(), retry);
  }
}
