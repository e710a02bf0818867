package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.model.Citation;
import dev.papers.model.Histogram;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.source.CitationHistograms;
import dev.papers.source.Progress;
import dev.papers.source.SourceException;
import dev.papers.source.s2.BulkPage;
import dev.papers.topic.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code papers fetch --topic NAME [--max N]}: runs a topic's searches, picks at most N candidates,
 * stores what the searches already said about them, fetches only what is still missing, and tags every
 * candidate with the topic.
 *
 * <p><b>Searches.</b> arXiv's {@code search_query} is read in pages of {@code max_results} =
 * min(remaining, 100), {@code start} advancing by the entries received, until N entries, the feed's
 * {@code totalResults}, or a page with no entries. Semantic Scholar's bulk search (most cited first) is
 * followed by its continuation token until N papers or no token; when the bulk endpoint refuses the
 * request (any 4xx answer that is not try-later) the relevance search is read instead, in pages of at
 * most 100 ({@code offset}/{@code limit}), inside S2's window of 1,000. Each source is asked for up to N
 * papers; a source the topic has no query for, or that {@code --sources} leaves out, is not searched.
 *
 * <p><b>Candidates.</b> The two result lists are merged by taking their entries in turn (arXiv's first,
 * Semantic Scholar's first, arXiv's second, ...); entries that share any identifier (arXiv id first,
 * then DOI, S2 paperId, corpus id, or a cache alias) are one candidate. Entries the topic excludes, and
 * entries older than the topic's {@code since}, are dropped and do not count (each search still reads
 * at most N results, so a topic with exclusions may end with fewer than N). The first N distinct
 * papers are the candidates; a later entry that names one of them still lends it its metadata and
 * count, for free. The topic's {@code include} ids are always candidates and do not count against N.
 *
 * <p><b>Fresh.</b> A candidate is fresh, and left as it is without a request or a write, when it is
 * cached, already tagged with the topic, and not stale ({@link Freshness}, with its default of 7 days)
 * for any of the sources asked, nor, with {@code --histogram}, for its histogram; a histogram is stale
 * when it is older than 7 days. The searches themselves are always sent: they are how new papers are found.
 *
 * <p><b>Fetch.</b> Every other candidate gets the records its search results carried (metadata, and
 * Semantic Scholar's count) stored as observations and is tagged; then only what is still missing is
 * asked for, through {@link FetchService}: Semantic Scholar counts in batches of 500 (arXiv-only
 * candidates, {@code include} ids), arXiv metadata in batches of {@code id_list} (papers found by
 * Semantic Scholar only that have an arXiv id), Scholar counts when asked, and per-year histograms with
 * {@code --histogram}. A paper Semantic Scholar does not know yet has no count and is asked again next
 * time.
 */
public final class HarvestService {
  /** Candidates per run when {@code --max} is not given. */
  public static final int DEFAULT_MAX = 100;
  /** What {@link #needs} names for a stale per-year histogram. */
  private static final String HISTOGRAM = "histogram";
  /** The largest arXiv search page asked for (arXiv's manual asks for modest pages). */
  public static final int ARXIV_PAGE = 100;
  /** The largest Semantic Scholar relevance-search page. */
  public static final int S2_PAGE = 100;
  /** S2's relevance search refuses offset + limit of 1,000 or more. */
  static final int S2_WINDOW = 999;

  /** One page of an arXiv search ({@code ArxivSource::search}). */
  public interface ArxivSearch {
    dev.papers.source.arxiv.SearchPage search(String query, int start, int maxResults) throws SourceException;
  }

  /** One page of Semantic Scholar's bulk search ({@code S2Source::searchBulk}). */
  public interface BulkSearch {
    BulkPage searchBulk(String query, String token) throws SourceException;
  }

  /** One page of Semantic Scholar's relevance search ({@code S2Source::search}). */
  public interface RelevanceSearch {
    dev.papers.source.s2.SearchPage search(String query, int offset, int limit) throws SourceException;
  }

  /**
   * What a harvest found and did.
   *
   * @param topic the topic's name
   * @param candidates how many candidates there were ({@code include} ids among them)
   * @param fromArxiv candidates arXiv's search found
   * @param fromS2 candidates Semantic Scholar's search found
   * @param fromInclude the topic's {@code include} ids (less excluded ones)
   * @param added candidates that were not cached before
   * @param updated cached candidates that were stale or not tagged yet
   * @param fresh candidates left as they were
   * @param s2Fallback true when the bulk search refused and the relevance search was read instead
   */
  public record Summary(String topic, int candidates, int fromArxiv, int fromS2, int fromInclude, int added,
      int updated, int fresh, boolean s2Fallback) {

    /**
     * One line for stderr: {@code distillation: 202 candidates (arXiv 125, Semantic Scholar 125,
     * include 2), 200 new, 0 updated, 2 fresh, 6 requests}.
     */
    public String line(int requests) {
      return topic + ": " + candidates + (candidates == 1 ? " candidate" : " candidates")
          + " (arXiv " + fromArxiv + ", Semantic Scholar " + fromS2 + (s2Fallback ? " by relevance" : "")
          + ", include " + fromInclude + "), " + added + " new, " + updated + " updated, " + fresh + " fresh, "
          + requests + (requests == 1 ? " request" : " requests");
    }
  }

  /** What a harvest produced: the candidates as now cached, what failed, notes for {@code --verbose}. */
  public record Result(List<Paper> papers, Outcome outcome, List<String> notes, Summary summary) {}

  private final PaperCache cache;
  private final ArxivSearch arxiv;
  private final BulkSearch bulk;
  private final RelevanceSearch relevance;
  private final Optional<CitationHistograms> histograms;
  private final FetchService fetch;
  private final Clock clock;
  private final Freshness freshness;

  /**
   * @param cache the paper cache
   * @param arxiv arXiv's search (called only when the topic has an arXiv query and arxiv is asked)
   * @param bulk Semantic Scholar's bulk search
   * @param relevance Semantic Scholar's relevance search, used when the bulk search refuses
   * @param histograms where {@code --histogram} counts citations by year
   * @param fetch fetches what the searches did not say
   * @param clock "now"
   * @param freshness when a cached candidate is stale, and the id to ask a source with
   */
  public HarvestService(PaperCache cache, ArxivSearch arxiv, BulkSearch bulk, RelevanceSearch relevance,
      CitationHistograms histograms, FetchService fetch, Clock clock, Freshness freshness) {
    this.cache = cache;
    this.arxiv = arxiv;
    this.bulk = bulk;
    this.relevance = relevance;
    this.histograms = Optional.ofNullable(histograms);
    this.fetch = fetch;
    this.clock = clock;
    this.freshness = freshness;
  }

  /** One paper found by the searches or named by {@code include}. */
  private static final class Candidate {
    final Set<String> keys = new LinkedHashSet<>();
    SourceRecord fromArxiv;
    SourceRecord fromS2;
    PaperId include;
    boolean chosen;

    /** The id to ask sources with: the include id as written, else arXiv, DOI, S2 paperId. */
    PaperId askId() {
      if (include != null) {
        return include.withoutVersion();
      }
      for (SourceRecord r : new SourceRecord[] {fromArxiv, fromS2}) {
        if (r != null && !r.ids().isEmpty()) {
          return r.ids().get(0);
        }
      }
      return null;
    }

    List<PaperId> ids() {
      List<PaperId> ids = new ArrayList<>();
      if (include != null) {
        ids.add(include.withoutVersion());
      }
      if (fromArxiv != null) {
        ids.addAll(fromArxiv.ids());
      }
      if (fromS2 != null) {
        ids.addAll(fromS2.ids());
      }
      return ids;
    }
  }

  /** The candidates and the index that finds a candidate by any of its keys. */
  private final class Pool {
    final List<Candidate> chosen = new ArrayList<>();
    final Map<String, Candidate> byKey = new HashMap<>();
    final Set<String> excluded;
    final Integer since;

    Pool(Topic topic) {
      Set<String> ex = new HashSet<>();
      for (PaperId id : topic.exclude()) {
        String k = id.withoutVersion().key();
        ex.add(k);
        String c = cache.resolve(k);
        if (c != null) {
          ex.add(c);
        }
      }
      this.excluded = ex;
      this.since = topic.since();
    }

    /** The record's keys and the cache entry they lead to. */
    Set<String> keysOf(List<PaperId> ids) {
      Set<String> keys = new LinkedHashSet<>();
      for (PaperId id : ids) {
        keys.add(id.withoutVersion().key());
      }
      for (String k : List.copyOf(keys)) {
        String c = cache.resolve(k);
        if (c != null) {
          keys.add(c);
        }
      }
      return keys;
    }

    Candidate find(Set<String> keys) {
      for (String k : keys) {
        Candidate c = byKey.get(k);
        if (c != null) {
          return c;
        }
      }
      return null;
    }

    void index(Candidate c, Set<String> keys) {
      c.keys.addAll(keys);
      for (String k : keys) {
        byKey.putIfAbsent(k, c);
      }
    }

    boolean isExcluded(Set<String> keys) {
      for (String k : keys) {
        if (excluded.contains(k)) {
          return true;
        }
      }
      return false;
    }

    void include(PaperId id) {
      Set<String> keys = keysOf(List.of(id));
      if (isExcluded(keys)) {
        return;
      }
      Candidate c = find(keys);
      if (c == null) {
        c = new Candidate();
        c.chosen = true;
        chosen.add(c);
      }
      if (c.include == null) {
        c.include = id;
      }
      index(c, keys);
    }

    /** Offers a search result: joins its candidate, or becomes one while fewer than {@code max}. */
    void offer(SourceRecord r, int max, int[] searched) {
      List<PaperId> ids = r.ids();
      if (ids.isEmpty()) {
        return;
      }
      Set<String> keys = keysOf(ids);
      Candidate c = find(keys);
      if (c == null) {
        if (isExcluded(keys) || tooOld(r) || searched[0] >= max) {
          return;
        }
        c = new Candidate();
        c.chosen = true;
        chosen.add(c);
        searched[0]++;
      }
      if (Source.ARXIV.jsonName().equals(r.source())) {
        if (c.fromArxiv == null) {
          c.fromArxiv = r;
        }
      } else if (c.fromS2 == null) {
        c.fromS2 = r;
      }
      index(c, keys);
    }

    private boolean tooOld(SourceRecord r) {
      Integer year = r.published() != null ? Integer.valueOf(r.published().getYear()) : r.year();
      return since != null && year != null && year < since;
    }
  }

  /**
   * Harvests a topic.
   *
   * @param topic the topic, already read (a malformed topic is refused before this is called)
   * @param max the most candidates the searches may add ({@code include} ids come on top)
   * @param sources which sources to search and ask ({@code arxiv}, {@code s2}, {@code scholar})
   * @param histogram also count each stale candidate's citations by year (Semantic Scholar)
   * @param verbose collect notes on what was decided
   * @param progress told how the searches and fetches advance
   */
  public Result harvest(Topic topic, int max, Set<Source> sources, boolean histogram, boolean verbose,
      Progress progress) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    Progress p = progress == null ? Progress.NONE : progress;
    Outcome outcome = new Outcome();
    List<String> notes = new ArrayList<>();
    Pool pool = new Pool(topic);
    for (PaperId id : topic.include()) {
      pool.include(id);
    }
    int includes = pool.chosen.size();

    List<SourceRecord> fromArxiv = List.of();
    if (sources.contains(Source.ARXIV) && topic.arxiv() != null && !topic.arxiv().isBlank()) {
      fromArxiv = searchArxiv(topic.arxiv(), max, outcome, notes, p);
    }
    List<SourceRecord> fromS2 = List.of();
    boolean[] fellBack = {false};
    if (sources.contains(Source.SEMANTIC_SCHOLAR) && topic.semanticScholar() != null && !topic.semanticScholar().isBlank()) {
      fromS2 = searchS2(topic.semanticScholar(), max, outcome, notes, fellBack, p);
    }
    int[] searched = {0};
    for (int i = 0; i < Math.max(fromArxiv.size(), fromS2.size()); i++) {
      if (i < fromArxiv.size()) {
        pool.offer(fromArxiv.get(i), max, searched);
      }
      if (i < fromS2.size()) {
        pool.offer(fromS2.get(i), max, searched);
      }
    }
    if (verbose) {
      notes.add(topic.name() + ": arXiv's search gave " + fromArxiv.size() + " papers, Semantic Scholar's "
          + fromS2.size() + "; " + searched[0] + " of them kept (at most " + max + ")");
    }

    Instant now = clock.instant();
    int added = 0;
    int updated = 0;
    int fresh = 0;
    List<Candidate> stale = new ArrayList<>();
    for (Candidate c : pool.chosen) {
      Paper before = cached(c);
      if (before != null && before.topics().contains(topic.name())
          && needs(before, sources, histogram, now).isEmpty()) {
        fresh++;
        continue;
      }
      if (before == null) {
        added++;
      } else {
        updated++;
      }
      stale.add(c);
      List<PaperId> ids = c.ids();
      if (c.fromArxiv != null || c.fromS2 != null || before != null) {
        if (before != null) {
          PaperId canonical = PaperId.tryParse(before.id());
          if (canonical != null) {
            ids.add(canonical);
          }
        }
        if (ids.isEmpty() && before != null) {
          cache.updateExisting(before.id(), q -> q.withTopic(topic.name(), now));
        } else {
          cache.update(ids, q -> {
            Paper r = q;
            if (c.fromArxiv != null) {
              r = r.merge(c.fromArxiv, now);
            }
            if (c.fromS2 != null) {
              r = r.merge(c.fromS2, now);
            }
            return r.withTopic(topic.name(), now);
          });
        }
      }
    }

    // What the searches did not say, asked for in batches, one source at a time.
    for (Source source : List.of(Source.SEMANTIC_SCHOLAR, Source.ARXIV, Source.SCHOLAR)) {
      if (!sources.contains(source)) {
        continue;
      }
      List<PaperId> ask = new ArrayList<>();
      for (Candidate c : stale) {
        Paper now2 = cached(c);
        if (now2 == null ? canAsk(source, c.askId()) : needs(now2, sources, false, now).contains(source)) {
          PaperId id = now2 == null ? c.askId() : Freshness.askId(now2, source);
          if (id != null) {
            ask.add(id);
          }
        }
      }
      if (!ask.isEmpty()) {
        FetchService.Result r = fetch.fetch(ask, Set.of(source), false, topic.name(), verbose, p);
        copyFailures(r.outcome(), outcome);
        notes.addAll(r.notes());
        if (outcome.anyTryLater() && source == Source.SCHOLAR) {
          break;
        }
      }
    }
    if (histogram) {
      askHistograms(stale, topic.name(), outcome, p);
    }

    List<Paper> papers = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    Set<String> failedInputs = new HashSet<>();
    outcome.failures().forEach(f -> failedInputs.add(f.input()));
    for (Candidate c : pool.chosen) {
      Paper now2 = cached(c);
      PaperId asked = c.askId();
      String display = now2 != null ? displayId(now2) : asked == null ? "?" : asked.display();
      if (now2 != null) {
        if (!now2.topics().contains(topic.name())) {
          // Known from before under another id form: tag it now.
          now2 = cache.updateExisting(now2.id(), q -> q.withTopic(topic.name(), now)).orElse(now2);
        }
        if (listed.add(now2.id())) {
          papers.add(now2);
        }
        outcome.done(display);
      } else if (!failedInputs.contains(display)) {
        outcome.fail(new Outcome.Failure(display, null, "not found (no source knows it)", false, null));
      }
    }
    int fromArxivCount = 0;
    int fromS2Count = 0;
    for (Candidate c : pool.chosen) {
      fromArxivCount += c.fromArxiv != null ? 1 : 0;
      fromS2Count += c.fromS2 != null ? 1 : 0;
    }
    Summary summary = new Summary(topic.name(), pool.chosen.size(), fromArxivCount, fromS2Count, includes,
        added, updated, fresh, fellBack[0]);
    return new Result(papers, outcome, notes, summary);
  }

  /** arXiv's search, page after page, until {@code max} entries or the end of the results. */
  private List<SourceRecord> searchArxiv(String query, int max, Outcome outcome, List<String> notes,
      Progress p) {
    Map<String, SourceRecord> found = new LinkedHashMap<>();
    int start = 0;
    p.update(0, max, "arXiv search");
    while (found.size() < max) {
      int size = Math.min(max - found.size(), ARXIV_PAGE);
      dev.papers.source.arxiv.SearchPage page;
      try {
        page = arxiv.search(query, start, size);
      } catch (SourceException e) {
        outcome.fail(FetchService.failure("arXiv search", e));
        break;
      }
      for (SourceRecord r : page.records()) {
        if (r.arxivId() != null && found.size() < max) {
          found.putIfAbsent(r.arxivId(), r);
        }
      }
      start += page.records().size();
      p.update(Math.min(found.size(), max), max, "arXiv search");
      if (page.records().isEmpty() || start >= page.totalResults()) {
        break;
      }
    }
    p.update(max, max, "arXiv search");
    notes.add("arXiv search: " + found.size() + " papers");
    return new ArrayList<>(found.values());
  }

  /** Semantic Scholar's bulk search; its relevance search when the bulk endpoint refuses. */
  private List<SourceRecord> searchS2(String query, int max, Outcome outcome, List<String> notes,
      boolean[] fellBack, Progress p) {
    Map<String, SourceRecord> found = new LinkedHashMap<>();
    String token = null;
    p.update(0, max, "Semantic Scholar search");
    try {
      do {
        BulkPage page = bulk.searchBulk(query, token);
        for (SourceRecord r : page.records()) {
          if (found.size() < max) {
            found.putIfAbsent(r.s2Id(), r);
          }
        }
        token = page.token();
        p.update(Math.min(found.size(), max), max, "Semantic Scholar search");
        if (page.records().isEmpty()) {
          break;
        }
      } while (token != null && found.size() < max);
    } catch (SourceException e) {
      if (e.kind() != SourceException.Kind.CLIENT) {
        outcome.fail(FetchService.failure("Semantic Scholar search", e));
        p.update(max, max, "Semantic Scholar search");
        return new ArrayList<>(found.values());
      }
      notes.add("Semantic Scholar's bulk search refused (" + e.getMessage() + "); relevance search instead");
      fellBack[0] = true;
      int offset = 0;
      try {
        while (found.size() < max && offset < S2_WINDOW) {
          int limit = Math.min(Math.min(S2_PAGE, max - found.size()), S2_WINDOW - offset);
          dev.papers.source.s2.SearchPage page = relevance.search(query, offset, limit);
          for (SourceRecord r : page.records()) {
            if (found.size() < max) {
              found.putIfAbsent(r.s2Id(), r);
            }
          }
          p.update(Math.min(found.size(), max), max, "Semantic Scholar search");
          if (page.records().isEmpty() || page.next() == null || page.next() <= offset) {
            break;
          }
          offset = page.next();
        }
      } catch (SourceException e2) {
        outcome.fail(FetchService.failure("Semantic Scholar search", e2));
      }
    }
    p.update(max, max, "Semantic Scholar search");
    notes.add("Semantic Scholar search: " + found.size() + " papers");
    return new ArrayList<>(found.values());
  }

  /** What a cached candidate still lacks: the sources it is stale for, and a histogram; empty when fresh. */
  private Set<Object> needs(Paper p, Set<Source> sources, boolean histogram, Instant now) {
    Set<Object> need = new LinkedHashSet<>();
    for (Source s : sources) {
      if (freshness.isStale(p, s, now)) {
        need.add(s);
      }
    }
    if (histogram && histograms.isPresent()
        && freshness.isStale(p.histograms().get(Source.SEMANTIC_SCHOLAR.jsonName()), now)) {
      need.add(HISTOGRAM);
    }
    return need;
  }

  /** Whether a source can be asked about an id no cache entry has yet. */
  private static boolean canAsk(Source source, PaperId id) {
    if (id == null) {
      return false;
    }
    return switch (source) {
      case ARXIV -> id.kind() == PaperId.Kind.ARXIV;
      case SEMANTIC_SCHOLAR -> id.kind() != PaperId.Kind.SCHOLAR;
      default -> false;
    };
  }

  private void askHistograms(List<Candidate> stale, String topic, Outcome outcome, Progress p) {
    if (histograms.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    int done = 0;
    for (Candidate c : stale) {
      p.update(done++, stale.size(), "histograms");
      Paper paper = cached(c);
      if (paper == null || !needs(paper, Set.of(), true, now).contains(HISTOGRAM)) {
        continue;
      }
      PaperId key = Freshness.askId(paper, Source.SEMANTIC_SCHOLAR);
      Citation count = paper.citation(Source.SEMANTIC_SCHOLAR.jsonName());
      try {
        Histogram h = histograms.get().histogram(key, count == null ? null : count.count(),
            FetchService.HISTOGRAM_CAP);
        cache.updateExisting(paper.id(), q -> q.withHistogram(h, now).withTopic(topic, now));
      } catch (SourceException e) {
        outcome.fail(FetchService.failure(displayId(paper), e));
        if (e.isTryLater() || e.kind() == SourceException.Kind.UNREACHABLE) {
          break;
        }
      }
    }
    p.update(stale.size(), stale.size(), "histograms");
  }

  /** The cache entry a candidate leads to now, or null. */
  private Paper cached(Candidate c) {
    for (String k : c.keys) {
      String canonical = cache.resolve(k);
      if (canonical != null) {
        Optional<Paper> p = cache.read(canonical);
        if (p.isPresent()) {
          return p.get();
        }
      }
    }
    return null;
  }

  private static String displayId(Paper p) {
    PaperId id = Freshness.preferredId(p);
    return id != null ? id.display() : p.id();
  }

  /**
   * Copies a fetch's failures, leaving out its "not found" lines: a candidate one source does not know
   * is fine when the search or another source gave it; the ones no source knows are named at the end.
   */
  private static void copyFailures(Outcome from, Outcome to) {
    for (Outcome.Failure f : from.failures()) {
      if (f.source() != null) {
        to.fail(f);
      }
    }
  }
}
