package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.discover.Cited;
import dev.papers.discover.DocumentReader;
import dev.papers.discover.DocumentFormat;
import dev.papers.discover.Found;
import dev.papers.discover.IdExtractor;
import dev.papers.discover.Library;
import dev.papers.discover.ReportedCounts;
import dev.papers.discover.ReportedCounts.Reported;
import dev.papers.discover.Stated;
import dev.papers.discover.StatedTitles;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.source.Progress;
import dev.papers.source.scholar.ScholarMatcher;
import dev.papers.source.scholar.ScholarPage;
import dev.papers.source.scholar.ScholarParser;
import dev.papers.source.scholar.ScholarResult;
import dev.papers.source.scholar.ScholarSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code papers import}: finds the papers documents cite and brings them into the cache.
 *
 * <ul>
 *   <li>A saved Google Scholar result or "Cited by" page: every result with its "Cited by" count
 *       (source {@code scholar}, observed now). A result lands on the cached paper it names (its
 *       cluster id is already an alias, its link is an arXiv or DOI URL of a cached paper, or its title,
 *       year and first author match a cached paper by {@link ScholarMatcher}); otherwise it becomes an
 *       entry of its own, {@code scholar:<clusterId>} (or {@code arxiv:<id>} when it links to arXiv).
 *       Nothing is sent.
 *   <li>Any other document: the identifiers {@link IdExtractor} finds are fetched through
 *       {@link FetchService} in batches, or, offline, recorded as entries that hold only their id.
 *       The counts the document states ({@link ReportedCounts}) are stored under source
 *       {@code reported}, observed at 00:00Z of the day the author read the paper, with provenance
 *       {@code FILE:LINE}; a count without a date or a paper is not stored.
 * </ul>
 *
 * Every paper imported is tagged with the topic, when one is given.
 */
public final class ImportService {
  /** Papers per {@link FetchService#fetch} call; each call batches its own requests further. */
  public static final int FETCH_CHUNK = 500;
  /** The largest saved Scholar page read, in characters (a saved page is about 1 MB). */
  static final int SCHOLAR_PAGE_CHARS = 32 << 20;
  private static final java.util.regex.Pattern SCHOLAR_MARKS =
      java.util.regex.Pattern.compile("gs_rt|gs_res_ccl|gs_ab_md|gs_ri\\b");

  private final PaperCache cache;
  private final Supplier<FetchService> fetchService;
  private final Clock clock;
  private final IdExtractor extractor = new IdExtractor();
  private final ScholarMatcher matcher = new ScholarMatcher();

  /**
   * How to import.
   *
   * @param topic tag every imported paper with it, or null
   * @param offline send nothing: record the ids found, and what the documents state
   * @param sources the sources to fetch from ({@code arxiv}, {@code s2}, {@code scholar})
   * @param verbose collect notes on what was not stored and why
   * @param stdin standard input, read when a document is {@code -}
   */
  public record Options(String topic, boolean offline, Set<Source> sources, boolean verbose,
      Supplier<InputStream> stdin) {}

  /**
   * What an import did.
   *
   * @param papers the records of everything imported, in document order, each once
   * @param outcome failures of the fetch, for the exit code
   * @param summaries one line per document: what was found in it
   * @param notes what was not stored and why, and how Scholar results were matched (for {@code --verbose})
   * @param nothingFound true when no document named any paper
   */
  public record Result(List<Paper> papers, Outcome outcome, List<String> summaries, List<String> notes,
      boolean nothingFound) {}

  public ImportService(PaperCache cache, Supplier<FetchService> fetchService, Clock clock) {
    this.cache = cache;
    this.fetchService = fetchService;
    this.clock = clock;
  }

  /** One paper the documents cite: every identifier they give for it, and what they state. */
  private static final class Entry {
    final List<PaperId> ids = new ArrayList<>();
    Stated stated = Stated.NONE;

    PaperId primary() {
      return ids.get(0);
    }
  }

  /** A count a document states, with where. */
  private record Count(Reported reported, String doc, String where) {}

  /** A saved Scholar page, parsed. */
  private record SavedPage(String name, ScholarPage page) {}

  /** Everything the documents hold, read before anything is stored or sent. */
  private static final class Harvest {
    final Map<String, Entry> byKey = new LinkedHashMap<>();
    final List<Entry> entries = new ArrayList<>();
    final List<Cited> byTitle = new ArrayList<>();
    final List<Count> counts = new ArrayList<>();
    final List<SavedPage> pages = new ArrayList<>();
    final Map<String, String> summaries = new LinkedHashMap<>();
    final Map<String, Integer> titled = new LinkedHashMap<>();

    /** Adds a cited paper; one that shares an identifier with an earlier one joins it. */
    void add(List<PaperId> ids, Stated stated) {
      Entry e = null;
      for (PaperId id : ids) {
        e = byKey.get(id.withoutVersion().key());
        if (e != null) {
          break;
        }
      }
      if (e == null) {
        e = new Entry();
        entries.add(e);
      }
      for (PaperId id : ids) {
        String k = id.withoutVersion().key();
        if (byKey.putIfAbsent(k, e) == null) {
          e.ids.add(id);
        }
      }
      e.ids.sort((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
      e.stated = e.stated.orElse(stated);
    }
  }

  /**
   * Imports the documents, in order. Every document is read whole (as a stream, piece by piece)
   * before anything is stored or sent: one that is not text, or not what its name says, stops the
   * import with nothing stored.
   *
   * @param files file names, {@code -} for standard input
   * @throws DocumentReader.DocumentException when a document cannot be read, is not text, or is not
   *     what its name says
   */
  public Result run(List<String> files, Options options, Progress progress) {
    Harvest h = new Harvest();
    List<String> notes = new ArrayList<>();
    boolean stdinRead = false;
    for (String f : files) {
      if (f.equals("-")) {
        if (stdinRead) {
          throw new DocumentReader.DocumentException("- (standard input) can be read only once");
        }
        stdinRead = true;
      }
      try (DocumentReader.Document doc = DocumentReader.open(f, options.stdin())) {
        read(doc, h, notes);
      }
    }
    return store(h, options, notes, progress);
  }

  private void read(DocumentReader.Document doc, Harvest h, List<String> notes) {
    String name = doc.name();
    if (doc.kind() == DocumentReader.Kind.BIBTEX || doc.kind() == DocumentReader.Kind.CSL_JSON) {
      readLibrary(doc, h, notes);
      return;
    }
    DocumentFormat format = doc.kind().format();
    Iterator<DocumentReader.Piece> pieces = null;
    if (format == DocumentFormat.HTML && SCHOLAR_MARKS.matcher(doc.head()).find()) {
      // A saved Scholar page is read whole (it is small); anything else that large is read in pieces.
      String page = doc.whole(SCHOLAR_PAGE_CHARS);
      if (page == null) {
        throw new DocumentReader.DocumentException("cannot import " + name
            + ": a Google Scholar page larger than " + (SCHOLAR_PAGE_CHARS >> 20) + " MiB characters");
      }
      if (ScholarSource.looksLikeScholarPage(page)) {
        h.pages.add(new SavedPage(name, ScholarParser.parse(page, null)));
        return;
      }
      pieces = doc.pieces(page);
    }
    StatedTitles titles = new StatedTitles();
    Map<String, Found> found = new LinkedHashMap<>();
    for (var it = pieces != null ? pieces : doc.pieces(); it.hasNext(); ) {
      DocumentReader.Piece piece = it.next();
      for (Found f : extractor.extract(piece.text(), format)) {
        found.putIfAbsent(f.id().withoutVersion().key(), f);
      }
      for (Reported rc : ReportedCounts.find(piece.text(), doc.formatHint())) {
        h.counts.add(new Count(rc, name, name + ":" + (rc.line() + piece.firstLine() - 1)));
      }
      titles.add(piece.text(), format);
    }
    Map<String, Stated> stated = titles.result();
    int withTitle = 0;
    for (Map.Entry<String, Found> e : found.entrySet()) {
      Stated st = stated.getOrDefault(e.getKey(), Stated.NONE);
      withTitle += st.title() != null ? 1 : 0;
      h.add(List.of(e.getValue().id()), st);
    }
    h.summaries.put(name, name + ": " + describe(List.copyOf(found.values())));
    if (withTitle > 0) {
      h.titled.put(name, withTitle);
    }
  }

  private void readLibrary(DocumentReader.Document doc, Harvest h, List<String> notes) {
    String name = doc.name();
    boolean bibtex = doc.kind() == DocumentReader.Kind.BIBTEX;
    int[] tally = new int[3];
    Consumer<Cited> sink = c -> {
      tally[0]++;
      if (c.ids().isEmpty()) {
        h.byTitle.add(c);
        tally[2]++;
      } else {
        h.add(c.ids(), c.stated());
        tally[1]++;
      }
    };
    Library.Result r;
    try {
      r = bibtex ? Library.bibtex(doc.reader(), sink) : Library.csl(doc.reader(), sink);
    } catch (Library.NotALibrary e) {
      throw new DocumentReader.DocumentException("cannot import " + name + ": " + e.getMessage()
          + "; nothing imported from it");
    } catch (IOException e) {
      throw DocumentReader.failure(doc, e);
    }
    if (!r.recognized()) {
      throw new DocumentReader.DocumentException("cannot import " + name
          + ": it is not BibTeX (no @entry in it); nothing imported from it");
    }
    r.problems().forEach(p -> notes.add(name + ": " + p + "; skipped"));
    h.summaries.put(name, name + ": " + (bibtex ? "BibTeX" : "CSL-JSON") + " library, "
        + plural(tally[0], "entry", "entries") + " (" + tally[1] + " with identifiers, " + tally[2]
        + " by title only)" + (r.problems().isEmpty() ? ""
        : ", " + plural(r.problems().size(), "entry", "entries") + " unreadable"));
  }

  private Result store(Harvest h, Options options, List<String> notes, Progress progress) {
    Instant now = clock.instant();
    Outcome outcome = new Outcome();
    List<String> imported = new ArrayList<>();
    Map<String, String> summaries = h.summaries;
    boolean anything = !h.entries.isEmpty() || !h.byTitle.isEmpty() || !h.counts.isEmpty();

    if (!h.pages.isEmpty()) {
      ScholarIndex index = new ScholarIndex(cache.loadAll().papers());
      for (SavedPage sp : h.pages) {
        int[] tally = new int[3];
        for (ScholarResult r : sp.page().results()) {
          String key = importResult(r, index, options, now, notes, sp.name(), tally);
          if (key != null) {
            imported.add(key);
          }
        }
        anything |= !sp.page().results().isEmpty();
        summaries.put(sp.name(), sp.name() + ": Google Scholar "
            + (sp.page().citedByPage() ? "\"Cited by\" page" : "results page")
            + ", " + plural(sp.page().results().size(), "result") + " (" + tally[0] + " on "
            + (tally[0] == 1 ? "a cached paper" : "cached papers") + ", " + tally[1] + " new"
            + (tally[2] > 0 ? ", " + tally[2] + " skipped" : "") + ")");
      }
    }

    Map<String, int[]> countTally = new LinkedHashMap<>();
    for (Count c : h.counts) {
      Reported rc = c.reported();
      String where = c.where();
      int[] t = countTally.computeIfAbsent(c.doc(), k -> new int[2]);
      String what = "a count of " + rc.count() + (rc.namedSource() == null ? "" : " (" + rc.namedSource() + ")");
      if (rc.readOn() == null) {
        t[1]++;
        notes.add(where + ": " + what + " with no date; not stored");
        continue;
      }
      if (rc.id() == null) {
        t[1]++;
        notes.add(where + ": " + what + " read on " + rc.readOn() + " names no paper by an identifier; not stored");
        continue;
      }
      SourceRecord rec = SourceRecord.builder(Source.REPORTED.jsonName()).count(rc.count())
          .observedAt(rc.readOn().atStartOfDay(ZoneOffset.UTC).toInstant()).provenance(where).build();
      Entry e = h.byKey.get(rc.id().withoutVersion().key());
      if (e == null) {
        h.add(List.of(rc.id()), Stated.NONE);
        e = h.byKey.get(rc.id().withoutVersion().key());
      }
      List<PaperId> keys = keys(e);
      cache.update(keys, p -> tag(identified(p, keys).merge(rec, now), options.topic(), now));
      t[0]++;
      outcome.done(where);
      if (options.verbose()) {
        notes.add(where + ": " + what + " for " + rc.id().display() + ", read on " + rc.readOn() + "; stored");
      }
    }
    countTally.forEach((doc, t) -> summaries.computeIfPresent(doc, (k, line) -> line
        + (t[0] > 0 ? ", " + plural(t[0], "reported count") : "")
        + (t[1] > 0 ? ", " + plural(t[1], "count") + " not stored" : "")));
    h.titled.forEach((doc, n) -> summaries.computeIfPresent(doc, (k, line) -> line + ", "
        + plural(n, "title", "titles") + " stated"));

    // What the documents state, and every identifier of a paper on one entry, before anything is fetched.
    for (Entry e : h.entries) {
      List<PaperId> keys = keys(e);
      if (e.stated.isEmpty() && !options.offline() && keys.size() == 1) {
        continue; // the fetch makes the entry
      }
      if (Paper.canonicalKey(keys) == null) {
        // a CorpusId alone names no entry of its own: the fetch makes it, under the paper's S2 id
        if (options.offline()) {
          notes.add(e.primary().display() + " names no entry of its own; not stored (--offline)");
        }
        continue;
      }
      SourceRecord rec = e.stated.isEmpty() ? null : reportedRecord(e.stated, now);
      cache.update(keys, p -> tag(rec == null ? identified(p, keys) : identified(p, keys).merge(rec, now),
          options.topic(), now));
      if (options.offline()) {
        outcome.done(e.primary().display());
      }
    }

    List<PaperId> wanted = new ArrayList<>();
    h.entries.forEach(e -> wanted.add(e.primary()));
    if (options.offline()) {
      for (Cited c : h.byTitle) {
        notes.add("\"" + c.stated().title() + "\" has no identifier; not stored (--offline sends no title lookup)");
      }
    } else if (!wanted.isEmpty() || !h.byTitle.isEmpty()) {
      FetchService fetch = fetchService.get();
      List<Outcome.Failure> failed = new ArrayList<>();
      for (int from = 0; from < wanted.size(); from += FETCH_CHUNK) {
        List<PaperId> chunk = wanted.subList(from, Math.min(wanted.size(), from + FETCH_CHUNK));
        FetchService.Result r = fetch.fetch(chunk, options.sources(), false, options.topic(), options.verbose(),
            progress);
        failed.addAll(r.outcome().failures());
        if (r.outcome().anyDone()) {
          outcome.done("fetched papers");
        }
        notes.addAll(r.notes());
      }
      keepUnfetched(h, failed, options, now, outcome);
      // An entry with a title and no identifier: one title match each.
      for (Cited c : h.byTitle) {
        FetchService.Result r = fetch.fetchTitle(c.stated().title(), options.sources(), false, options.topic(),
            options.verbose(), progress);
        r.outcome().failures().forEach(outcome::fail);
        notes.addAll(r.notes());
        SourceRecord rec = reportedRecord(c.stated(), now);
        for (Paper p : r.papers()) {
          imported.add(cache.update(List.of(PaperId.parse(p.id())), q -> q.merge(rec, now)).id());
          outcome.done("\"" + c.stated().title() + "\"");
        }
      }
    }

    Map<String, Paper> papers = new LinkedHashMap<>();
    for (PaperId id : wanted) {
      cache.find(id).ifPresent(p -> papers.putIfAbsent(p.id(), p));
    }
    for (String key : imported) {
      String canonical = cache.resolve(key);
      if (canonical != null) {
        cache.read(canonical).ifPresent(p -> papers.putIfAbsent(p.id(), p));
      }
    }
    if (!h.pages.isEmpty() && !imported.isEmpty()) {
      outcome.done("scholar page");
    }
    return new Result(List.copyOf(papers.values()), outcome, List.copyOf(summaries.values()), notes, !anything);
  }

  /**
   * A paper a source failed for is stored as {@code --offline} would store it (its ids, what the
   * documents state, the topic's tag; what the cache holds stays), and those failures become one line
   * naming the sources, with their inputs. Other failures (not found, the cache) are passed on as they are.
   */
  private void keepUnfetched(Harvest h, List<Outcome.Failure> failed, Options options, Instant now,
      Outcome outcome) {
    Map<String, Entry> byInput = new HashMap<>();
    h.entries.forEach(e -> byInput.put(e.primary().display(), e));
    Set<String> sources = new LinkedHashSet<>();
    Set<String> why = new LinkedHashSet<>();
    List<Outcome.Failure> kept = new ArrayList<>();
    for (Outcome.Failure f : failed) {
      Entry e = f.source() == null || f.source().equals("cache") ? null : byInput.get(f.input());
      if (e == null || Paper.canonicalKey(keys(e)) == null) {
        outcome.fail(f);
        continue;
      }
      List<PaperId> keys = keys(e);
      cache.update(keys, p -> tag(identified(p, keys), options.topic(), now));
      sources.add(f.source());
      why.add(f.message());
      kept.add(f);
    }
    if (kept.isEmpty()) {
      return;
    }
    String line = "could not fetch from " + String.join(", ", sources) + " (" + String.join("; ", why)
        + "); what is known of the papers is stored" + (options.topic() == null ? "" : ", tagged " + options.topic())
        + ": a later fetch or refresh fills in the rest";
    kept.forEach(f -> outcome.fail(new Outcome.Failure(f.input(), null, line, f.tryLater(), f.retryAt())));
    outcome.done("papers stored with their ids");
  }

  private static List<PaperId> keys(Entry e) {
    List<PaperId> keys = new ArrayList<>();
    e.ids.forEach(id -> keys.add(id.withoutVersion()));
    return keys;
  }

  /** What a document states, as a record of source {@code reported} (no count). */
  private static SourceRecord reportedRecord(Stated st, Instant now) {
    return SourceRecord.builder(Source.REPORTED.jsonName()).title(st.title()).year(st.year()).venue(st.venue())
        .authors(st.authors().isEmpty() ? null : st.authors()).observedAt(now).build();
  }

  /**
   * Stores one Scholar result: on the cached paper it names, else as an entry of its own. Returns the
   * key it was stored under, or null when it could not be (no cluster id, no id, no match).
   */
  private String importResult(ScholarResult r, ScholarIndex index, Options options, Instant now,
      List<String> notes, String docName, int[] tally) {
    String label = "\"" + (r.title() == null ? "(no title yet)" : r.title()) + "\"";
    PaperId linked = linkedId(r);
    Paper byCluster = r.clusterId() == null ? null : cache.find(PaperId.scholar(r.clusterId())).orElse(null);
    Paper other = null;
    String why = "its cluster id is known";
    String unmatched = null;
    if (byCluster == null || byCluster.id().startsWith(PaperId.Kind.SCHOLAR.prefix() + ":")) {
      // A result stored on its own before may since have been fetched under another id: join them.
      if (linked != null) {
        other = cache.find(linked).orElse(null);
        if (other != null) {
          why = "it links to " + linked.display();
        }
      }
      if (other == null && r.title() != null) {
        ScholarIndex.Hit hit = index.match(r, matcher, byCluster == null ? null : byCluster.id());
        other = hit.paper();
        if (other != null) {
          why = hit.reason();
        }
        unmatched = hit.reason();
      }
      if (other != null && byCluster != null && other.id().equals(byCluster.id())) {
        other = null;
        why = "its cluster id is known";
      }
    }
    Paper target = other != null ? other : byCluster;
    int cited = r.citedBy() == null ? 0 : r.citedBy();
    if (target != null) {
      // Only the count and the cluster: a result's title and byline are often cut short by Scholar.
      SourceRecord count = SourceRecord.builder(Source.SCHOLAR.jsonName()).clusterId(r.clusterId())
          .count(cited).observedAt(now).build();
      List<PaperId> keys = new ArrayList<>();
      keys.add(PaperId.parse(target.id()));
      if (r.clusterId() != null) {
        keys.add(PaperId.scholar(r.clusterId()));
      }
      if (byCluster != null && other != null) {
        keys.add(PaperId.parse(byCluster.id()));
      }
      Paper stored = cache.update(keys, p -> tag(p.merge(count, now), options.topic(), now));
      tally[0]++;
      if (options.verbose()) {
        notes.add(docName + ": " + label + " (cited by " + cited + ") is " + stored.id() + ": " + why);
      }
      return stored.id();
    }
    List<PaperId> keys = new ArrayList<>();
    if (linked != null) {
      keys.add(linked.withoutVersion());
    }
    if (r.clusterId() != null) {
      keys.add(PaperId.scholar(r.clusterId()));
    }
    if (keys.isEmpty()) {
      tally[2]++;
      notes.add(docName + ": " + label + " has no cluster id and matches no cached paper; not stored");
      return null;
    }
    SourceRecord rec = ScholarSource.toRecord(r, now);
    Paper stored = cache.update(keys, p -> tag(p.merge(rec, now), options.topic(), now));
    tally[1]++;
    if (options.verbose()) {
      notes.add(docName + ": " + label + " (cited by " + cited + ") is new: " + stored.id()
          + (unmatched == null ? "" : " (" + unmatched + ")"));
    }
    return stored.id();
  }

  /** The arXiv id or DOI a result's title link or PDF link names, or null. */
  private static PaperId linkedId(ScholarResult r) {
    for (String url : new String[] {r.link(), r.pdfLink()}) {
      if (url == null) {
        continue;
      }
      PaperId id = PaperId.tryParse(url);
      // a DOI link (doi.org) names the paper; a publisher's page may be a chapter, a volume, a preprint's twin
      if (id != null && (id.kind() == PaperId.Kind.ARXIV
          || (id.kind() == PaperId.Kind.DOI && url.toLowerCase(Locale.ROOT).contains("doi.org/")))) {
        return id;
      }
    }
    return null;
  }

  /**
   * The entry with the arXiv id and DOI it was made for filled in, when no source has given them yet: an
   * entry that holds only its ids is still a paper whose {@code arxivId} (or {@code doi}) is known.
   */
  static Paper identified(Paper p, List<PaperId> ids) {
    String arxiv = p.arxivId();
    String doi = p.doi();
    for (PaperId id : ids) {
      if (id.kind() == PaperId.Kind.ARXIV && arxiv == null) {
        arxiv = id.value();
      } else if (id.kind() == PaperId.Kind.DOI && doi == null) {
        doi = id.value();
      }
    }
    if (Objects.equals(arxiv, p.arxivId()) && Objects.equals(doi, p.doi())) {
      return p;
    }
    return p.toBuilder().arxivId(arxiv).doi(doi).build();
  }

  private static Paper tag(Paper p, String topic, Instant now) {
    return topic == null ? p : p.withTopic(topic, now);
  }

  private static String describe(List<Found> found) {
    if (found.isEmpty()) {
      return "no paper identifiers found";
    }
    int arxiv = 0;
    int doi = 0;
    for (Found f : found) {
      if (f.id().kind() == PaperId.Kind.ARXIV) {
        arxiv++;
      } else if (f.id().kind() == PaperId.Kind.DOI) {
        doi++;
      }
    }
    List<String> parts = new ArrayList<>();
    if (arxiv > 0) {
      parts.add(plural(arxiv, "arXiv id"));
    }
    if (doi > 0) {
      parts.add(plural(doi, "DOI"));
    }
    int other = found.size() - arxiv - doi;
    if (other > 0) {
      parts.add(plural(other, "other id"));
    }
    return String.join(", ", parts);
  }

  private static String plural(int n, String what) {
    return plural(n, what, what + "s");
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /**
   * The cached papers with titles, indexed by title word, so that a result is scored only against
   * papers that share most of its words.
   */
  static final class ScholarIndex {
    private final Map<String, List<Paper>> byWord = new HashMap<>();

    /** The paper a result names, or why none. */
    record Hit(Paper paper, String reason) {}

    ScholarIndex(List<Paper> papers) {
      for (Paper p : papers) {
        if (p.title() == null) {
          continue;
        }
        for (String w : words(p.title())) {
          byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(p);
        }
      }
    }

    private static Set<String> words(String title) {
      Set<String> w = new LinkedHashSet<>();
      for (String t : ScholarMatcher.normalizeTitle(title.replace("…", " ").replace("...", " ")).split(" ")) {
        if (!t.isEmpty()) {
          w.add(t);
        }
      }
      return w;
    }

    /** The cached paper (other than {@code except}) whose title, year and first author match a result. */
    Hit match(ScholarResult r, ScholarMatcher matcher, String except) {
      Set<String> words = words(r.title());
      if (words.isEmpty()) {
        return new Hit(null, null);
      }
      Map<String, Integer> shared = new HashMap<>();
      Map<String, Paper> byId = new HashMap<>();
      for (String w : words) {
        for (Paper p : byWord.getOrDefault(w, List.of())) {
          shared.merge(p.id(), 1, Integer::sum);
          byId.put(p.id(), p);
        }
      }
      List<ScholarMatcher.Match> accepted = new ArrayList<>();
      Map<ScholarMatcher.Match, Paper> of = new HashMap<>();
      for (Map.Entry<String, Integer> e : shared.entrySet()) {
        if (e.getValue() * 2 < words.size() || e.getKey().equals(except)) {
          continue;
        }
        Paper p = byId.get(e.getKey());
        String first = p.authors().isEmpty() ? null : p.authors().get(0);
        ScholarMatcher.Outcome o = matcher.match(p.title(), p.year(), first, List.of(r));
        if (o.status() == ScholarMatcher.Status.MATCH) {
          accepted.add(o.match());
          of.put(o.match(), p);
        }
      }
      if (accepted.isEmpty()) {
        return new Hit(null, "matches no cached paper by title");
      }
      accepted.sort((a, b) -> Double.compare(b.score(), a.score()));
      ScholarMatcher.Match best = accepted.get(0);
      if (accepted.size() > 1 && best.score() - accepted.get(1).score() < matcher.margin()) {
        return new Hit(null, String.format(Locale.ROOT,
            "matches %s and %s equally well", of.get(best).id(),
            of.get(accepted.get(1)).id()));
      }
      return new Hit(of.get(best), "title match, " + best.reason());
    }
  }
}
