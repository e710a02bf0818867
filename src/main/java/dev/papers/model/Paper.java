package dev.papers.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One paper as the cache keeps it: metadata merged across sources, the current count of each source,
 * and the full history of every count observed. Immutable; every change returns a new record.
 *
 * <p>Merge rules: arXiv wins for title, authors, abstract, dates and categories; other sources fill
 * what arXiv has not given (and replace their own earlier values); Semantic Scholar gives venue and
 * the identifiers arXiv lacks. A source that gives no count leaves every count as it was.
 */
public record Paper(
    String id,
    String arxivId,
    Integer arxivVersion,
    String doi,
    String s2Id,
    String openAlexId,
    Long corpusId,
    String title,
    List<String> authors,
    String abstractText,
    LocalDate published,
    Integer year,
    String venue,
    String journalRef,
    String primaryCategory,
    List<String> categories,
    SortedMap<String, Citation> citations,
    List<Observation> history,
    SortedMap<String, Histogram> histograms,
    List<String> topics,
    List<String> aliases,
    SortedMap<String, Instant> fetched,
    Instant createdAt,
    Instant updatedAt) {

  public Paper {
    authors = authors == null ? List.of() : List.copyOf(authors);
    categories = categories == null ? List.of() : List.copyOf(categories);
    citations = Collections.unmodifiableSortedMap(new TreeMap<>(citations == null ? Map.of() : citations));
    history = history == null ? List.of() : List.copyOf(history);
    histograms = Collections.unmodifiableSortedMap(new TreeMap<>(histograms == null ? Map.of() : histograms));
    topics = topics == null ? List.of() : List.copyOf(new TreeSet<>(topics));
    aliases = aliases == null ? List.of() : List.copyOf(new TreeSet<>(aliases));
    fetched = Collections.unmodifiableSortedMap(new TreeMap<>(fetched == null ? Map.of() : fetched));
  }

  /** A paper with no OpenAlex work id (the form before OpenAlex was a source). */
  public Paper(String id, String arxivId, Integer arxivVersion, String doi, String s2Id, Long corpusId, String title,
      List<String> authors, String abstractText, LocalDate published, Integer year, String venue,
      String journalRef, String primaryCategory, List<String> categories, SortedMap<String, Citation> citations,
      List<Observation> history, SortedMap<String, Histogram> histograms, List<String> topics,
      List<String> aliases, SortedMap<String, Instant> fetched, Instant createdAt, Instant updatedAt) {
    this(id, arxivId, arxivVersion, doi, s2Id, null, corpusId, title, authors, abstractText, published, year,
        venue, journalRef, primaryCategory, categories, citations, history, histograms, topics, aliases, fetched,
        createdAt, updatedAt);
  }

  /**
   * A new, empty entry. The identifier its key names is already known: an entry keyed
   * {@code arxiv:1909.10351} has that {@code arxivId} (likewise {@code doi:} and {@code s2:}), even
   * when no source's answer repeats it.
   */
  public static Paper create(String id, Instant now) {
    PaperId key = id == null ? null : PaperId.tryParse(id);
    PaperId.Kind kind = key == null ? null : key.kind();
    return new Paper(id, kind == PaperId.Kind.ARXIV ? key.value() : null, null,
        kind == PaperId.Kind.DOI ? key.value() : null, kind == PaperId.Kind.S2 ? key.value() : null,
        kind == PaperId.Kind.OPENALEX ? key.value() : null, null, null, List.of(), null, null, null, null, null, null,
        List.of(), new TreeMap<>(), List.of(), new TreeMap<>(), List.of(), List.of(), new TreeMap<>(), now, now);
  }

  /**
   * The canonical key for a new entry made from these identifiers: the first of arXiv, DOI, S2,
   * OpenAlex, Scholar, in that order.
   */
  public static String canonicalKey(List<PaperId> ids) {
    PaperId best = null;
    for (PaperId id : ids) {
      if (id.kind() == PaperId.Kind.CORPUS) {
        continue;
      }
      if (best == null || id.kind().ordinal() < best.kind().ordinal()) {
        best = id;
      }
    }
    return best == null ? null : best.withoutVersion().key();
  }

  /** Every key that leads to this entry: its id and its aliases. */
  public Set<String> keys() {
    Set<String> k = new LinkedHashSet<>();
    k.add(id);
    k.addAll(aliases);
    return k;
  }

  /** The current (non-suspect, newest) count of a source, or null. */
  public Citation citation(String source) {
    return citations.get(source);
  }

  /** When this source last gave metadata or a count for this paper, or null. */
  public Instant fetchedAt(String source) {
    return fetched.get(source);
  }

  /** The record with the source's metadata merged in and its count, if any, added to the history. */
  public Paper merge(SourceRecord r, Instant now) {
    boolean fromArxiv = Sources.ARXIV.equals(r.source());
    boolean fromOpenAlex = Sources.OPEN_ALEX.equals(r.source());
    boolean arxivKnown = fetched.containsKey(Sources.ARXIV) && !fromArxiv;
    // arXiv overrides everything it states; others fill gaps, or replace values no arXiv answer gave.
    // OpenAlex only fills gaps: its arXiv records carry year-precision dates, and its preprint and
    // published version are two works with titles of their own.
    boolean override = fromArxiv || (!arxivKnown && !fromOpenAlex);

    String nTitle = pick(title, r.title(), override);
    List<String> nAuthors =
        r.authors() != null && !r.authors().isEmpty() && (override || authors.isEmpty()) ? r.authors() : authors;
    String nAbstract = pick(abstractText, r.abstractText(), override);
    LocalDate nPublished = pick(published, r.published(), override);
    Integer nYear = nPublished != null ? Integer.valueOf(nPublished.getYear()) : pick(year, r.year(), override);
    String nPrimary = pick(primaryCategory, r.primaryCategory(), fromArxiv);
    List<String> nCategories =
        r.categories() != null && !r.categories().isEmpty() && (fromArxiv || categories.isEmpty())
            ? r.categories()
            : categories;
    boolean s2 = Sources.SEMANTIC_SCHOLAR.equals(r.source());
    String nVenue = pick(venue, r.venue(), s2 || venue == null);
    String nJournal = pick(journalRef, r.journalRef(), fromArxiv);

    String nArxiv = arxivId != null ? arxivId : r.arxivId();
    Integer nVersion = arxivVersion;
    if (r.arxivVersion() != null && (nVersion == null || r.arxivVersion() > nVersion)) {
      nVersion = r.arxivVersion();
    }
    String nDoi = doi;
    if (r.doi() != null && !r.doi().startsWith("10.48550/")) {
      if (nDoi == null || fromArxiv) {
        nDoi = r.doi();
      }
    }
    String nS2 = s2Id != null ? s2Id : r.s2Id();
    // The work OpenAlex's count comes from: the latest OpenAlex record names it (the caller merges the
    // record of the work with the larger count when a paper is two works).
    String nOpenAlex = fromOpenAlex && r.openAlexId() != null ? r.openAlexId()
        : openAlexId != null ? openAlexId : r.openAlexId();
    Long nCorpus = corpusId != null ? corpusId : r.corpusId();

    Set<String> nAliases = new TreeSet<>(aliases);
    for (PaperId k : r.ids()) {
      nAliases.add(k.key());
    }
    if (nDoi != null) {
      nAliases.add("doi:" + nDoi);
    }
    nAliases.remove(id);

    SortedMap<String, Instant> nFetched = new TreeMap<>(fetched);
    Instant at = r.observedAt() != null ? r.observedAt() : now;
    Instant prev = nFetched.get(r.source());
    if (prev == null || at.isAfter(prev)) {
      nFetched.put(r.source(), at);
    }

    Paper merged = new Paper(id, nArxiv, nVersion, nDoi, nS2, nOpenAlex, nCorpus, nTitle, nAuthors, nAbstract,
        nPublished, nYear, nVenue, nJournal, nPrimary, nCategories, citations, history, histograms,
        topics, new ArrayList<>(nAliases), nFetched, createdAt, now);
    if (r.count() != null && r.count() >= 0) {
      merged = merged.observe(
          new Observation(r.source(), r.count(), at, null, r.influential(), r.provenance()),
          r.clusterId(), now);
    }
    if (r.histogram() != null && r.histogram().madeAt() != null && r.histogram().byYear() != null) {
      merged = merged.withHistogram(r.histogram(), now);
    }
    return merged;
  }

  /**
   * The record with one more observation in its history. An identical observation already there is not
   * recorded twice. A 0 that follows a non-zero count of the same source is kept as suspect and never
   * becomes the current count.
   */
  public Paper observe(Observation o, String clusterId, Instant now) {
    for (Observation h : history) {
      if (h.sameAs(o)) {
        return this;
      }
    }
    Observation previous = null;
    for (Observation h : history) {
      if (h.source().equals(o.source()) && !h.isSuspect() && !h.observedAt().isAfter(o.observedAt())) {
        previous = h;
      }
    }
    boolean suspect = o.count() == 0 && previous != null && previous.count() > 0;
    Observation stored = new Observation(o.source(), o.count(), o.observedAt(), suspect ? Boolean.TRUE : null,
        o.influential(), o.provenance());
    List<Observation> h = new ArrayList<>(history.size() + 1);
    h.addAll(history);
    int at = h.size();
    while (at > 0 && Observation.ORDER.compare(h.get(at - 1), stored) > 0) {
      at--;
    }
    h.add(at, stored);

    SortedMap<String, Citation> c = new TreeMap<>(citations);
    Citation current = c.get(o.source());
    if (!suspect && (current == null || !o.observedAt().isBefore(current.observedAt()))) {
      String cluster = clusterId != null ? clusterId : current != null ? current.clusterId() : null;
      c.put(o.source(), new Citation(o.count(), o.influential(), o.observedAt(), cluster, o.provenance()));
    }
    Set<String> nAliases = new TreeSet<>(aliases);
    if (clusterId != null && !id.equals("scholar:" + clusterId)) {
      nAliases.add("scholar:" + clusterId);
    }
    return new Paper(id, arxivId, arxivVersion, doi, s2Id, openAlexId, corpusId, title, authors, abstractText, published,
        year, venue, journalRef, primaryCategory, categories, c, h, histograms, topics,
        new ArrayList<>(nAliases), fetched, createdAt, now);
  }

  public Paper withTopic(String topic, Instant now) {
    if (topics.contains(topic)) {
      return this;
    }
    List<String> t = new ArrayList<>(topics);
    t.add(topic);
    return new Paper(id, arxivId, arxivVersion, doi, s2Id, openAlexId, corpusId, title, authors, abstractText, published,
        year, venue, journalRef, primaryCategory, categories, citations, history, histograms, t, aliases,
        fetched, createdAt, now);
  }

  public Paper withHistogram(Histogram hist, Instant now) {
    SortedMap<String, Histogram> m = new TreeMap<>(histograms);
    Histogram current = m.get(hist.source());
    if (current != null && current.madeAt().isAfter(hist.madeAt())) {
      return this;
    }
    m.put(hist.source(), hist);
    return new Paper(id, arxivId, arxivVersion, doi, s2Id, openAlexId, corpusId, title, authors, abstractText, published,
        year, venue, journalRef, primaryCategory, categories, citations, history, m, topics, aliases,
        fetched, createdAt, now);
  }

  /** Folds another entry of the same paper into this one: history, topics, aliases and gaps. */
  public Paper absorb(Paper other, Instant now) {
    Paper p = this;
    for (Observation o : other.history) {
      Citation c = other.citations.get(o.source());
      p = p.observe(o, c == null ? null : c.clusterId(), now);
    }
    for (String t : other.topics) {
      p = p.withTopic(t, now);
    }
    for (Histogram h : other.histograms.values()) {
      p = p.withHistogram(h, now);
    }
    Set<String> a = new TreeSet<>(p.aliases);
    a.addAll(other.keys());
    a.remove(p.id);
    SortedMap<String, Instant> f = new TreeMap<>(other.fetched);
    f.putAll(p.fetched);
    return new Paper(p.id, orElse(p.arxivId, other.arxivId), orElse(p.arxivVersion, other.arxivVersion),
        orElse(p.doi, other.doi), orElse(p.s2Id, other.s2Id), orElse(p.openAlexId, other.openAlexId),
        orElse(p.corpusId, other.corpusId),
        orElse(p.title, other.title), p.authors.isEmpty() ? other.authors : p.authors,
        orElse(p.abstractText, other.abstractText), orElse(p.published, other.published),
        orElse(p.year, other.year), orElse(p.venue, other.venue), orElse(p.journalRef, other.journalRef),
        orElse(p.primaryCategory, other.primaryCategory),
        p.categories.isEmpty() ? other.categories : p.categories, p.citations, p.history, p.histograms,
        p.topics, new ArrayList<>(a), f, p.createdAt, now);
  }

  private static <T> T pick(T current, T incoming, boolean override) {
    if (incoming == null) {
      return current;
    }
    return override || current == null ? incoming : current;
  }

  private static <T> T orElse(T a, T b) {
    return a != null ? a : b;
  }
}
