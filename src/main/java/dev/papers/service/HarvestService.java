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
import dev.papers.source.SearchResult;
import dev.papers.source.TopicSearch;
import dev.papers.config.UsageException;
import dev.papers.topic.Topic;
import dev.papers.topic.TopicStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

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
  /** The order in which sources are asked for what the searches did not say: counts first. */
  static final List<Source> ASK_ORDER = List.of(Source.SEMANTIC_SCHOLAR, Source.ARXIV, Source.OPEN_ALEX,
      Source.SCHOLAR);
  /** What {@link #needs} names for a stale per-year histogram. */
  private static final String HISTOGRAM = "histogram";
  /**
   * What a harvest found and did.
   *
   * @param topic the topic's name
   * @param candidates how many candidates there were ({@code include} ids among them)
   * @param found per searching source, the candidates its search found (every searching source listed)
   * @param fromInclude the topic's {@code include} ids (less excluded ones)
   * @param added candidates that were not cached before
   * @param updated cached candidates that were stale or not tagged yet
   * @param fresh candidates left as they were
   * @param fellBack the sources that searched another way than their first (S2's relevance search)
   */
  public record Summary(String topic, int candidates, Map<Source, Integer> found, int fromInclude, int added,
      int updated, int fresh, Set<Source> fellBack) {

    /**
     * One line for stderr: {@code distillation: 202 candidates (arXiv 125, Semantic Scholar 125,
     * include 2), 200 new, 0 updated, 2 fresh, 6 requests}.
     */
    public String line(int requests) {
      StringBuilder from = new StringBuilder();
      found.forEach((source, n) -> from.append(source.displayName()).append(' ').append(n)
          .append(fellBack.contains(source) ? " by relevance" : "").append(", "));
      return topic + ": " + candidates + (candidates == 1 ? " candidate" : " candidates")
          + " (" + from + "include " + fromInclude + "), " + added + " new, " + updated + " updated, " + fresh
          + " fresh, " + requests + (requests == 1 ? " request" : " requests");
    }
  }

  /** What a harvest produced: the candidates as now cached, what failed, notes for {@code --verbose}. */
  public record Result(List<Paper> papers, Outcome outcome, List<String> notes, Summary summary) {}

  private final PaperCache cache;
  private final TopicStore topics;
  private final Map<Source, Supplier<TopicSearch>> searches;
  private final Optional<CitationHistograms> histograms;
  private final FetchService fetch;
  private final Clock clock;
  private final Freshness freshness;

  /**
   * @param cache the paper cache
   * @param topics where topics are read
   * @param searches the sources that can search, each made only when the topic has a query for it and
   *     it is among the sources asked; their results are merged in this map's order
   * @param histograms where {@code --histogram} counts citations by year
   * @param fetch fetches what the searches did not say
   * @param clock "now"
   * @param freshness when a cached candidate is stale, and the id to ask a source with
   */
  public HarvestService(PaperCache cache, TopicStore topics, Map<Source, Supplier<TopicSearch>> searches,
      CitationHistograms histograms, FetchService fetch, Clock clock, Freshness freshness) {
    this.cache = cache;
    this.topics = topics;
    this.searches = new LinkedHashMap<>(searches);
    this.histograms = Optional.ofNullable(histograms);
    this.fetch = fetch;
    this.clock = clock;
    this.freshness = freshness;
  }

  /** One paper found by the searches or named by {@code include}. */
  private static final class Candidate {
    final Set<String> keys = new LinkedHashSet<>();
    /** What each search said about it, the first result per source, in search order. */
    final Map<Source, SourceRecord> from = new LinkedHashMap<>();
    PaperId include;
    boolean chosen;

    /** The id to ask sources with: the include id as written, else arXiv, DOI, S2 paperId. */
    PaperId askId() {
      if (include != null) {
        return include.withoutVersion();
      }
      for (SourceRecord r : from.values()) {
        if (!r.ids().isEmpty()) {
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
      for (SourceRecord r : from.values()) {
        ids.addAll(r.ids());
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
    void offer(Source source, SourceRecord r, int max, int[] searched) {
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
      c.from.putIfAbsent(source, r);
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
   * @param name the topic's name (a malformed or unknown topic, or one with nothing to search for the
   *     sources asked, is a usage error before anything is sent)
   * @param max the most candidates the searches may add ({@code include} ids come on top); null for
   *     {@link #DEFAULT_MAX}
   * @param sources which sources to search and ask ({@code arxiv}, {@code s2}, {@code scholar})
   * @param histogram also count each stale candidate's citations by year (Semantic Scholar)
   * @param verbose collect notes on what was decided
   * @param progress told how the searches and fetches advance
   */
  public Result harvest(String name, Integer max, Set<Source> sources, boolean histogram, boolean verbose,
      Progress progress) {
    Topic topic = topics.load(name);
    boolean any = false;
    for (Source s : searches.keySet()) {
      any |= sources.contains(s) && topic.query(s) != null;
    }
    if (!any && topic.include().isEmpty()) {
      boolean all = sources.containsAll(searches.keySet());
      throw new UsageException("fetch: topic \"" + name + "\" has no \"arxiv\" or \"semanticScholar\" query"
          + (all ? "" : " for --sources " + String.join(",", sources.stream().map(Source::flag).toList()))
          + " and no \"include\": nothing to harvest");
    }
    return harvest(topic, max == null ? DEFAULT_MAX : max, sources, histogram, verbose, progress);
  }

  /** Harvests a topic already read; as {@link #harvest(String, Integer, Set, boolean, boolean, Progress)}. */
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

    Map<Source, List<SourceRecord>> results = new LinkedHashMap<>();
    boolean[] received = {false}; // did any source answer with anything: else tagging alone is not "done"
    Set<Source> fellBack = EnumSet.noneOf(Source.class);
    for (Map.Entry<Source, Supplier<TopicSearch>> e : searches.entrySet()) {
      Source source = e.getKey();
      String query = topic.query(source);
      if (!sources.contains(source) || query == null) {
        results.put(source, List.of());
        continue;
      }
      SearchResult found = e.getValue().get().search(query, max, p);
      if (found.fallback() != null) {
        notes.add(found.fallback());
        fellBack.add(source);
      }
      if (found.failure() != null) {
        outcome.fail(FetchService.failure(source.displayName() + " search", found.failure()));
      }
      notes.add(source.displayName() + " search: " + found.records().size() + " papers");
      for (SourceRecord r : found.records()) {
        String who = r.s2Id() != null ? r.s2Id() : r.arxivId();
        r.notes().forEach(n -> notes.add(source.displayName() + " search: " + who + ": " + n));
      }
      results.put(source, found.records());
      received[0] |= !found.records().isEmpty();
    }
    int[] searched = {0};
    int longest = results.values().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < longest; i++) {
      for (Map.Entry<Source, List<SourceRecord>> e : results.entrySet()) {
        if (i < e.getValue().size()) {
          pool.offer(e.getKey(), e.getValue().get(i), max, searched);
        }
      }
    }
    if (verbose) {
      StringBuilder gave = new StringBuilder();
      results.forEach((source, list) -> gave.append(gave.length() == 0 ? source.displayName() + "'s search gave "
          + list.size() + " papers" : ", " + source.displayName() + "'s " + list.size()));
      notes.add(topic.name() + ": " + gave + "; " + searched[0] + " of them kept (at most " + max + ")");
    }

    Instant now = clock.instant();
    Set<Candidate> notCachedBefore = new HashSet<>();
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
        notCachedBefore.add(c);
      } else {
        updated++;
      }
      stale.add(c);
      List<PaperId> ids = c.ids();
      if (!c.from.isEmpty() || before != null) {
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
            for (SourceRecord found : c.from.values()) {
              r = r.merge(found, now);
            }
            return r.withTopic(topic.name(), now);
          });
        }
      }
    }

    // What the searches did not say, asked for in batches, one source at a time.
    for (Source source : ASK_ORDER) {
      if (!sources.contains(source)) {
        continue;
      }
      List<PaperId> ask = new ArrayList<>();
      for (Candidate c : stale) {
        Paper now2 = cached(c);
        if (now2 == null ? Freshness.canAsk(source, c.askId()) : needs(now2, sources, false, now).contains(source)) {
          PaperId id = now2 == null ? c.askId() : Freshness.askId(now2, source);
          if (id != null) {
            ask.add(id);
          }
        }
      }
      if (!ask.isEmpty()) {
        FetchService.Result r = fetch.fetch(ask, Set.of(source), false, topic.name(), verbose, p);
        copyFailures(r.outcome(), outcome);
        received[0] |= r.outcome().anyDone();
        notes.addAll(r.notes());
        if (outcome.anyTryLater() && source == Source.SCHOLAR) {
          break;
        }
      }
    }
    if (histogram) {
      received[0] |= askHistograms(stale, topic.name(), outcome, p);
    }

    List<Paper> papers = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    Set<String> failedInputs = new HashSet<>();
    outcome.failures().forEach(f -> failedInputs.add(f.input()));
    int added = 0; // new in the cache now: a candidate no source found is not new, it is not there
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
        if (notCachedBefore.contains(c)) {
          added++;
        }
        if (received[0]) {
          outcome.done(display);
        }
      } else if (!failedInputs.contains(display)) {
        outcome.fail(new Outcome.Failure(display, null, "not found (no source knows it)", false, null));
      }
    }
    Map<Source, Integer> foundBy = new LinkedHashMap<>();
    for (Source source : searches.keySet()) {
      foundBy.put(source, (int) pool.chosen.stream().filter(c -> c.from.containsKey(source)).count());
    }
    Summary summary = new Summary(topic.name(), pool.chosen.size(), foundBy, includes, added, updated, fresh,
        fellBack);
    return new Result(papers, outcome, notes, summary);
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

  /** Counts the stale candidates' citations by year; true when at least one histogram was stored. */
  private boolean askHistograms(List<Candidate> stale, String topic, Outcome outcome, Progress p) {
    if (histograms.isEmpty()) {
      return false;
    }
    boolean any = false;
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
        any = true;
      } catch (SourceException e) {
        outcome.fail(FetchService.failure(displayId(paper), e));
        if (e.isTryLater() || e.kind() == SourceException.Kind.UNREACHABLE) {
          break;
        }
      }
    }
    p.update(stale.size(), stale.size(), "histograms");
    return any;
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
