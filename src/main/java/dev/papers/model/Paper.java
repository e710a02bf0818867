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
    String titleSource,
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

  /**
   * A new, empty entry. The identifier its key names is already known: an entry keyed
   * {@code arxiv:1909.10351} has that {@code arxivId} (likewise {@code doi:} and {@code s2:}), even
   * when no source's answer repeats it.
   */
  public static Paper create(String id, Instant now) {
    PaperId key = id == null ? null : PaperId.tryParse(id);
    PaperId.Kind kind = key == null ? null : key.kind();
    return builder(id).arxivId(kind == PaperId.Kind.ARXIV ? key.value() : null)
        .doi(kind == PaperId.Kind.DOI ? key.value() : null).s2Id(kind == PaperId.Kind.S2 ? key.value() : null)
        .openAlexId(kind == PaperId.Kind.OPENALEX ? key.value() : null)
        .createdAt(now).updatedAt(now).build();
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
    boolean fromArxiv = Source.ARXIV.jsonName().equals(r.source());
    boolean reported = Source.REPORTED.jsonName().equals(r.source());
    boolean fromOpenAlex = Source.OPEN_ALEX.jsonName().equals(r.source());
    boolean arxivKnown = fetched.containsKey(Source.ARXIV.jsonName()) && !fromArxiv;
    // arXiv overrides everything it states; others fill gaps, or replace values no arXiv answer gave.
    // OpenAlex only fills gaps: its arXiv records carry year-precision dates, and its preprint and
    // published version are two works with titles of their own. What a document reports only fills
    // gaps, and any source's title replaces a reported one.
    boolean override = !reported && (fromArxiv || (!arxivKnown && !fromOpenAlex));

    boolean replaceTitle = r.title() != null
        && (title == null || override || (Source.REPORTED.jsonName().equals(titleSource) && !reported));
    String nTitle = replaceTitle ? r.title() : title;
    String nTitleSource = replaceTitle ? r.source() : titleSource;
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
    boolean s2 = Source.SEMANTIC_SCHOLAR.jsonName().equals(r.source());
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

    Paper merged = toBuilder().arxivId(nArxiv).arxivVersion(nVersion).doi(nDoi).s2Id(nS2).openAlexId(nOpenAlex).corpusId(nCorpus)
        .title(nTitle).titleSource(nTitleSource).authors(nAuthors).abstractText(nAbstract).published(nPublished).year(nYear).venue(nVenue)
        .journalRef(nJournal).primaryCategory(nPrimary).categories(nCategories)
        .aliases(new ArrayList<>(nAliases)).fetched(nFetched).updatedAt(now).build();
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
    return toBuilder().citations(c).history(h).aliases(new ArrayList<>(nAliases)).updatedAt(now).build();
  }

  public Paper withTopic(String topic, Instant now) {
    if (topics.contains(topic)) {
      return this;
    }
    List<String> t = new ArrayList<>(topics);
    t.add(topic);
    return toBuilder().topics(t).updatedAt(now).build();
  }

  public Paper withHistogram(Histogram hist, Instant now) {
    SortedMap<String, Histogram> m = new TreeMap<>(histograms);
    Histogram current = m.get(hist.source());
    if (current != null && current.madeAt().isAfter(hist.madeAt())) {
      return this;
    }
    m.put(hist.source(), hist);
    return toBuilder().histograms(m).updatedAt(now).build();
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
    return p.toBuilder().arxivId(orElse(p.arxivId, other.arxivId))
        .arxivVersion(orElse(p.arxivVersion, other.arxivVersion)).doi(orElse(p.doi, other.doi))
        .s2Id(orElse(p.s2Id, other.s2Id)).openAlexId(orElse(p.openAlexId, other.openAlexId)).corpusId(orElse(p.corpusId, other.corpusId))
        .title(orElse(p.title, other.title))
        .titleSource(p.title != null ? p.titleSource : other.titleSource).authors(p.authors.isEmpty() ? other.authors : p.authors)
        .abstractText(orElse(p.abstractText, other.abstractText)).published(orElse(p.published, other.published))
        .year(orElse(p.year, other.year)).venue(orElse(p.venue, other.venue))
        .journalRef(orElse(p.journalRef, other.journalRef))
        .primaryCategory(orElse(p.primaryCategory, other.primaryCategory))
        .categories(p.categories.isEmpty() ? other.categories : p.categories)
        .aliases(new ArrayList<>(a)).fetched(f).updatedAt(now).build();
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

  /** A builder for a new record with this id, every other field empty. */
  public static Builder builder(String id) {
    return new Builder().id(id);
  }

  /** A builder that starts from this record: change a few fields, {@link Builder#build} a new record. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.arxivId = arxivId;
    b.arxivVersion = arxivVersion;
    b.doi = doi;
    b.s2Id = s2Id;
    b.openAlexId = openAlexId;
    b.corpusId = corpusId;
    b.title = title;
    b.titleSource = titleSource;
    b.authors = authors;
    b.abstractText = abstractText;
    b.published = published;
    b.year = year;
    b.venue = venue;
    b.journalRef = journalRef;
    b.primaryCategory = primaryCategory;
    b.categories = categories;
    b.citations = citations;
    b.history = history;
    b.histograms = histograms;
    b.topics = topics;
    b.aliases = aliases;
    b.fetched = fetched;
    b.createdAt = createdAt;
    b.updatedAt = updatedAt;
    return b;
  }

  /** The record with these aliases instead of its own (the id itself is never an alias). */
  public Paper withAliases(java.util.Collection<String> nAliases) {
    return toBuilder().aliases(new ArrayList<>(nAliases)).build();
  }

  /**
   * Builds a {@link Paper} field by field: the one way code outside {@code model} makes or changes a
   * record (the cache's two readers excepted, which mirror the canonical constructor for speed). The
   * record's constructor normalizes what the builder holds (nulls to empty, lists copied, maps sorted).
   */
  public static final class Builder {
    private String id;
    private String arxivId;
    private Integer arxivVersion;
    private String doi;
    private String s2Id;
    private String openAlexId;
    private Long corpusId;
    private String title;
    private String titleSource;
    private List<String> authors;
    private String abstractText;
    private LocalDate published;
    private Integer year;
    private String venue;
    private String journalRef;
    private String primaryCategory;
    private List<String> categories;
    private SortedMap<String, Citation> citations;
    private List<Observation> history;
    private SortedMap<String, Histogram> histograms;
    private List<String> topics;
    private List<String> aliases;
    private SortedMap<String, Instant> fetched;
    private Instant createdAt;
    private Instant updatedAt;

    private Builder() {}

    public Builder id(String v) {
      this.id = v;
      return this;
    }

    public Builder arxivId(String v) {
      this.arxivId = v;
      return this;
    }

    public Builder arxivVersion(Integer v) {
      this.arxivVersion = v;
      return this;
    }

    public Builder doi(String v) {
      this.doi = v;
      return this;
    }

    public Builder s2Id(String v) {
      this.s2Id = v;
      return this;
    }

    public Builder openAlexId(String v) {
      this.openAlexId = v;
      return this;
    }

    public Builder corpusId(Long v) {
      this.corpusId = v;
      return this;
    }

    /** Where the title came from: a source's JSON name, or {@code reported}. */
    public Builder titleSource(String v) {
      this.titleSource = v;
      return this;
    }

    public Builder title(String v) {
      this.title = v;
      return this;
    }

    public Builder authors(List<String> v) {
      this.authors = v;
      return this;
    }

    public Builder abstractText(String v) {
      this.abstractText = v;
      return this;
    }

    public Builder published(LocalDate v) {
      this.published = v;
      return this;
    }

    public Builder year(Integer v) {
      this.year = v;
      return this;
    }

    public Builder venue(String v) {
      this.venue = v;
      return this;
    }

    public Builder journalRef(String v) {
      this.journalRef = v;
      return this;
    }

    public Builder primaryCategory(String v) {
      this.primaryCategory = v;
      return this;
    }

    public Builder categories(List<String> v) {
      this.categories = v;
      return this;
    }

    public Builder citations(SortedMap<String, Citation> v) {
      this.citations = v;
      return this;
    }

    public Builder history(List<Observation> v) {
      this.history = v;
      return this;
    }

    public Builder histograms(SortedMap<String, Histogram> v) {
      this.histograms = v;
      return this;
    }

    public Builder topics(List<String> v) {
      this.topics = v;
      return this;
    }

    public Builder aliases(List<String> v) {
      this.aliases = v;
      return this;
    }

    public Builder fetched(SortedMap<String, Instant> v) {
      this.fetched = v;
      return this;
    }

    public Builder createdAt(Instant v) {
      this.createdAt = v;
      return this;
    }

    public Builder updatedAt(Instant v) {
      this.updatedAt = v;
      return this;
    }

    public Paper build() {
      return new Paper(id, arxivId, arxivVersion, doi, s2Id, openAlexId, corpusId, title, titleSource, authors, abstractText, published,
          year, venue, journalRef, primaryCategory, categories, citations, history, histograms, topics, aliases,
          fetched, createdAt, updatedAt);
    }
  }
}
