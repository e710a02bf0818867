package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.discover.DocumentFormat;
import dev.papers.discover.Found;
import dev.papers.discover.IdExtractor;
import dev.papers.discover.ReportedCounts;
import dev.papers.discover.ReportedCounts.Reported;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  private final PaperCache cache;
  private final Supplier<FetchService> fetchService;
  private final Clock clock;
  private final IdExtractor extractor = new IdExtractor();
  private final ScholarMatcher matcher = new ScholarMatcher();

  /**
   * One document to import.
   *
   * @param name the name shown in messages and provenance (a file name, or {@code stdin})
   * @param text the document, decoded ({@link #decode})
   * @param formatHint the name the format is told by (the file's name or path; {@code -} for stdin)
   */
  public record Document(String name, String text, String formatHint) {}

  /**
   * How to import.
   *
   * @param topic tag every imported paper with it, or null
   * @param offline send nothing: record the ids found, and what the documents state
   * @param sources the sources to fetch from ({@code arxiv}, {@code s2}, {@code scholar})
   * @param verbose collect notes on what was not stored and why
   */
  public record Options(String topic, boolean offline, Set<Source> sources, boolean verbose) {}

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

  /**
   * A document's text from its bytes: HTML as a browser reads it (byte-order mark, then the charset
   * its {@code <meta>} declares, else UTF-8; see {@link ScholarParser#decode}); anything else as
   * UTF-8, a byte-order mark dropped.
   *
   * @param formatHint the file's name, or {@code -} for stdin
   */
  public static String decode(String formatHint, byte[] bytes) {
    String utf8 = ScholarParser.decode(bytes, "text/plain; charset=UTF-8");
    if (utf8.startsWith("\uFEFF")) {
      utf8 = utf8.substring(1);
    }
    if (DocumentFormat.detect(formatHint, utf8) == DocumentFormat.HTML) {
      return ScholarParser.decode(bytes, null);
    }
    return utf8;
  }

  /** Imports the documents, in order. */
  public Result run(List<Document> documents, Options options, Progress progress) {
    Instant now = clock.instant();
    List<String> summaries = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, PaperId> ids = new LinkedHashMap<>();
    Outcome outcome = new Outcome();
    List<String> imported = new ArrayList<>();
    boolean anything = false;
    ScholarIndex index = null;

    for (Document doc : documents) {
      DocumentFormat format = DocumentFormat.detect(doc.formatHint(), doc.text());
      if (format == DocumentFormat.HTML && ScholarSource.looksLikeScholarPage(doc.text())) {
        if (index == null) {
          index = new ScholarIndex(cache.loadAll().papers());
        }
        ScholarPage page = ScholarParser.parse(doc.text(), null);
        int[] tally = new int[3];
        for (ScholarResult r : page.results()) {
          String key = importResult(r, index, options, now, notes, doc.name(), tally);
          if (key != null) {
            imported.add(key);
          }
        }
        anything |= !page.results().isEmpty();
        summaries.add(doc.name() + ": Google Scholar " + (page.citedByPage() ? "\"Cited by\" page" : "results page")
            + ", " + plural(page.results().size(), "result") + " (" + tally[0] + " on "
            + (tally[0] == 1 ? "a cached paper" : "cached papers") + ", " + tally[1] + " new"
            + (tally[2] > 0 ? ", " + tally[2] + " skipped" : "") + ")");
        continue;
      }
      List<Found> found = extractor.extract(doc.text(), format);
      for (Found f : found) {
        ids.putIfAbsent(f.id().withoutVersion().key(), f.id());
      }
      anything |= !found.isEmpty();
      int stored = 0;
      int unstored = 0;
      for (Reported rc : ReportedCounts.find(doc.text(), doc.formatHint())) {
        String where = doc.name() + ":" + rc.line();
        String what = "a count of " + rc.count() + (rc.namedSource() == null ? "" : " (" + rc.namedSource() + ")");
        if (rc.readOn() == null) {
          unstored++;
          notes.add(where + ": " + what + " with no date; not stored");
          continue;
        }
        if (rc.id() == null) {
          unstored++;
          notes.add(where + ": " + what + " read on " + rc.readOn() + " names no paper by an identifier;"
              + " not stored");
          continue;
        }
        SourceRecord rec = SourceRecord.builder(Source.REPORTED.jsonName()).count(rc.count())
            .observedAt(rc.readOn().atStartOfDay(ZoneOffset.UTC).toInstant()).provenance(where).build();
        PaperId paper = rc.id();
        cache.update(List.of(paper), p -> tag(identified(p, paper).merge(rec, now), options.topic(), now));
        ids.putIfAbsent(rc.id().withoutVersion().key(), rc.id());
        stored++;
        anything = true;
        outcome.done(where);
        if (options.verbose()) {
          notes.add(where + ": " + what + " for " + rc.id().display() + ", read on " + rc.readOn() + "; stored");
        }
      }
      summaries.add(doc.name() + ": " + describe(found) + (stored > 0 ? ", " + plural(stored, "reported count") : "")
          + (unstored > 0 ? ", " + plural(unstored, "count") + " not stored" : ""));
    }

    List<PaperId> wanted = new ArrayList<>(ids.values());
    if (options.offline()) {
      for (PaperId id : wanted) {
        cache.update(List.of(id), p -> tag(identified(p, id), options.topic(), now));
        outcome.done(id.display());
      }
    } else if (!wanted.isEmpty()) {
      FetchService fetch = fetchService.get();
      for (int from = 0; from < wanted.size(); from += FETCH_CHUNK) {
        List<PaperId> chunk = wanted.subList(from, Math.min(wanted.size(), from + FETCH_CHUNK));
        FetchService.Result r = fetch.fetch(chunk, options.sources(), false, options.topic(), options.verbose(),
            progress);
        r.outcome().failures().forEach(outcome::fail);
        if (r.outcome().anyDone()) {
          outcome.done("fetched papers");
        }
        notes.addAll(r.notes());
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
    if (!imported.isEmpty()) {
      outcome.done("scholar page");
    }
    return new Result(List.copyOf(papers.values()), outcome, summaries, notes, !anything);
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
      if (id != null && (id.kind() == PaperId.Kind.ARXIV || id.kind() == PaperId.Kind.DOI)) {
        return id;
      }
    }
    return null;
  }

  /**
   * The entry with the arXiv id or DOI it was made for filled in, when no source has given one yet: an
   * entry that holds only its id is still a paper whose {@code arxivId} (or {@code doi}) is known.
   */
  static Paper identified(Paper p, PaperId id) {
    boolean arxiv = id.kind() == PaperId.Kind.ARXIV && p.arxivId() == null;
    boolean doi = id.kind() == PaperId.Kind.DOI && p.doi() == null;
    if (!arxiv && !doi) {
      return p;
    }
    return p.toBuilder().arxivId(arxiv ? id.value() : p.arxivId()).doi(doi ? id.value() : p.doi()).build();
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
    return n + " " + what + (n == 1 ? "" : "s");
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
