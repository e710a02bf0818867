package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.model.Paper;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.source.SourceException;
import dev.papers.source.scholar.CoolDown;
import dev.papers.source.scholar.ScholarMatcher;
import dev.papers.source.scholar.ScholarSource;
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
 * The Scholar step of {@code papers fetch}: searches each paper's title on Google Scholar, matches
 * the result by title, year and first author, and stores the "Cited by" count with its cluster id.
 *
 * <ul>
 *   <li>A cool-down in force (after an earlier block) means no request at all: one try-later failure
 *       that says until when.
 *   <li>An ambiguous or missing match stores nothing; the reason goes to the notes (--verbose).
 *   <li>A block ends Scholar for the rest of the run (no further request, even with a zero
 *       cool-down): one try-later failure naming when it will ask again.
 *   <li>A spent request budget leaves the remaining papers for the next run (try-later).
 * </ul>
 *
 * One instance per run: once blocked, it stays blocked.
 */
public final class ScholarLookup implements FetchService.ScholarFetch {
  private final PaperCache cache;
  private final Supplier<ScholarSource> source;
  private final Clock clock;
  private boolean stopped;

  /**
   * @param cache where counts are stored
   * @param source the run's Scholar source, built on first use
   * @param clock "now" ({@code PAPERS_NOW}), the {@code observedAt} of what is stored
   */
  public ScholarLookup(PaperCache cache, Supplier<ScholarSource> source, Clock clock) {
    this.cache = cache;
    this.source = source;
    this.clock = clock;
  }

  @Override
  public FetchService.ScholarReport run(List<Paper> papers, Outcome outcome, boolean verbose, List<String> notes) {
    Map<String, Paper> unique = new LinkedHashMap<>();
    for (Paper p : papers) {
      unique.putIfAbsent(p.id(), p);
    }
    Set<String> found = new LinkedHashSet<>();
    Map<String, String> missed = new LinkedHashMap<>();
    if (unique.isEmpty() || stopped) {
      return new FetchService.ScholarReport(found, missed);
    }
    ScholarSource scholar = source.get();
    Optional<CoolDown.State> cooling = scholar.coolDown();
    if (cooling.isPresent()) {
      CoolDown.State s = cooling.get();
      outcome.fail(new Outcome.Failure(null, Source.SCHOLAR.jsonName(), "Google Scholar is cooling down until " + s.until()
          + " after a block" + (s.reason() == null ? "" : " (" + s.reason() + ")")
          + "; not asking it; try again after " + s.until(), true, s.until()));
      notes.add("scholar: " + unique.size() + " paper(s) not asked: cooling down until " + s.until());
      return new FetchService.ScholarReport(found, missed);
    }
    List<Paper> todo = new ArrayList<>(unique.values());
    for (int i = 0; i < todo.size(); i++) {
      Paper p = todo.get(i);
      if (p.title() == null || p.title().isBlank()) {
        missed.put(p.id(), "no title known to search Google Scholar for");
        notes.add("scholar: " + p.id() + ": no title known to search for; no count stored");
        continue;
      }
      String first = p.authors().isEmpty() ? null : p.authors().get(0);
      ScholarMatcher.Outcome o;
      try {
        o = scholar.find(p.title(), p.year(), first);
      } catch (SourceException e) {
        List<Paper> rest = todo.subList(i, todo.size());
        if (stopsTheRun(e, p, rest, outcome, notes)) {
          break;
        }
        outcome.fail(FetchService.failure(p.id(), e));
        continue;
      }
      if (o.status() == ScholarMatcher.Status.MATCH) {
        Instant now = clock.instant();
        SourceRecord r = countOnly(ScholarSource.toRecord(o.match().result(), now), p);
        cache.updateExisting(p.id(), q -> q.merge(r, now));
        found.add(p.id());
        if (verbose) {
          notes.add("scholar: " + p.id() + ": cited by " + r.count() + " (cluster " + r.clusterId() + "; "
              + o.reason() + ")");
        }
      } else {
        missed.put(p.id(), o.reason());
        notes.add("scholar: " + p.id() + ": " + (o.status() == ScholarMatcher.Status.AMBIGUOUS ? ""
            : "no count stored: ") + o.reason());
      }
    }
    return new FetchService.ScholarReport(found, missed);
  }

  /**
   * Records a failure that ends Scholar for this run, if it is one: a block (one try-later failure;
   * the paper it hit is named), a spent budget (a try-later failure for each paper left), or an
   * unreachable host (every paper left fails the same way).
   */
  private boolean stopsTheRun(SourceException e, Paper p, List<Paper> rest, Outcome outcome, List<String> notes) {
    switch (e.kind()) {
      case BLOCKED -> {
        stopped = true;
        // The source's message already says until when; no "try again after" tail to repeat it.
        outcome.fail(new Outcome.Failure(p.id(), Source.SCHOLAR.jsonName(), e.getMessage(), true, e.retryAt()));
        if (rest.size() > 1) {
          notes.add("scholar: " + (rest.size() - 1) + " more paper(s) not asked after the block");
        }
        return true;
      }
      case TRY_LATER, UNREACHABLE -> {
        for (Paper q : rest) {
          outcome.fail(FetchService.failure(q.id(), e));
        }
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * The record stored for a match: the count and cluster id, with the result's year and venue only
   * where the paper has none and Scholar did not cut them short. Scholar's title and author names
   * are abbreviated ("A Vaswani", "…") and never replace what arXiv or Semantic Scholar said.
   */
  static SourceRecord countOnly(SourceRecord r, Paper p) {
    SourceRecord.Builder b = SourceRecord.builder(r.source()).clusterId(r.clusterId()).count(r.count())
        .observedAt(r.observedAt());
    if (p.year() == null && r.year() != null) {
      b.year(r.year());
    }
    if (p.venue() == null && r.venue() != null && !r.venue().contains("…") && !r.venue().contains("...")) {
      b.venue(r.venue());
    }
    return b.build();
  }
}
