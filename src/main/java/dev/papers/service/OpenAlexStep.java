package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.source.Lookup;
import dev.papers.source.SourceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What {@code fetch} and {@code refresh} share about OpenAlex: which ids a paper is asked by, which of
 * the works found gives its count, and how they are stored.
 *
 * <p>OpenAlex holds an arXiv preprint and its published version as two works, with no link between
 * them. A paper is therefore looked up by its arXiv DOI and by its published DOI; when they are two
 * works, the one with the larger {@code cited_by_count} gives the {@code openAlex} count and histogram,
 * and the other's work id and DOI become aliases of the paper (so {@code --explain} can name both). Once
 * a paper's works are known, a refresh asks for them by their work ids.
 */
public final class OpenAlexStep {
  private OpenAlexStep() {}

  /** The most values OpenAlex takes in one OR-filter. */
  public static final int MAX_VALUES = 100;

  /**
   * The ids OpenAlex is asked by for a paper.
   *
   * @param byWork whether known work ids come first (refresh): then the paper's works are asked, and
   *     its DOIs only when no work is known yet
   */
  public static List<PaperId> keys(Paper p, boolean byWork) {
    Set<PaperId> out = new LinkedHashSet<>();
    if (byWork) {
      out.addAll(works(p));
      if (!out.isEmpty()) {
        return List.copyOf(out);
      }
    }
    if (p.arxivId() != null) {
      PaperId a = PaperId.arxivOrNull(p.arxivId());
      if (a != null) {
        out.add(a.withoutVersion());
      }
    }
    if (p.doi() != null) {
      PaperId d = PaperId.tryParse(p.doi());
      if (d != null) {
        out.add(d.withoutVersion());
      }
    }
    if (out.isEmpty()) {
      out.addAll(works(p));
    }
    return List.copyOf(out);
  }

  /** The OpenAlex works a paper is known to be: its {@code openAlexId} first, then its work aliases. */
  public static List<PaperId> works(Paper p) {
    Set<PaperId> out = new LinkedHashSet<>();
    if (p.openAlexId() != null) {
      PaperId w = PaperId.openAlexOrNull(p.openAlexId());
      if (w != null) {
        out.add(w);
      }
    }
    for (String a : p.keys()) {
      if (a.startsWith(PaperId.Kind.OPENALEX.prefix() + ":")) {
        PaperId w = PaperId.openAlexOrNull(a.substring(a.indexOf(':') + 1));
        if (w != null) {
          out.add(w);
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * What OpenAlex's answers to a paper's ids amount to.
   *
   * @param chosen the work that gives the count (the largest {@code cited_by_count}), or null
   * @param others the paper's other works, stored for their ids only
   * @param failure a failure when no work was found and some request failed, else null
   * @param notFound why nothing was found, when nothing was and nothing failed
   */
  public record Pick(SourceRecord chosen, List<SourceRecord> others, SourceException failure, String notFound) {
    public boolean found() {
      return chosen != null;
    }
  }

  /** What the answers to a paper's ids say was not kept (a count that is not a whole number), once each. */
  public static List<String> notes(Collection<PaperId> keys, Map<PaperId, Lookup> answers) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (PaperId k : keys) {
      if (answers.get(k) instanceof Lookup.Found f && f.note() != null) {
        out.add(f.note());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Picks, from the answers to a paper's ids, the work that gives its count. A work whose arXiv id is not
   * the paper's is not this paper (a wrong link), and is left out.
   *
   * @param arxivId the paper's arXiv id, or null
   */
  public static Pick pick(String arxivId, Collection<PaperId> keys, Map<PaperId, Lookup> answers) {
    Map<String, SourceRecord> works = new LinkedHashMap<>();
    SourceException failure = null;
    List<String> reasons = new ArrayList<>();
    for (PaperId k : keys) {
      Lookup l = answers.get(k);
      if (l instanceof Lookup.Found f) {
        SourceRecord r = f.record();
        if (arxivId != null && r.arxivId() != null && !r.arxivId().equalsIgnoreCase(arxivId)) {
          reasons.add("the work OpenAlex gives for " + k.display() + " is arXiv " + r.arxivId());
          continue;
        }
        String w = r.openAlexId() == null ? k.key() : r.openAlexId();
        SourceRecord seen = works.get(w);
        if (seen == null || larger(r, seen)) {
          works.put(w, r);
        }
      } else if (l instanceof Lookup.Failed failed) {
        if (failure == null) {
          failure = failed.error();
        }
      } else if (l instanceof Lookup.NotFound nf) {
        reasons.add(nf.reason() == null ? "not found" : nf.reason());
      }
    }
    if (works.isEmpty()) {
      return new Pick(null, List.of(), failure, failure != null ? null
          : reasons.isEmpty() ? "not found" : String.join("; ", reasons));
    }
    SourceRecord best = null;
    for (SourceRecord r : works.values()) {
      if (best == null || larger(r, best)) {
        best = r;
      }
    }
    List<SourceRecord> others = new ArrayList<>();
    for (SourceRecord r : works.values()) {
      if (r != best) {
        others.add(r);
      }
    }
    return new Pick(best, List.copyOf(others), null, null);
  }

  private static boolean larger(SourceRecord a, SourceRecord b) {
    int ca = a.count() == null ? -1 : a.count();
    int cb = b.count() == null ? -1 : b.count();
    return ca > cb;
  }

  /**
   * Stores a pick: the other works first, for their ids only (no count, no histogram), then the chosen
   * work with its count and histogram, so that the paper's {@code openAlexId} names the chosen work.
   */
  public static Paper store(PaperCache cache, Collection<PaperId> known, Pick pick, Instant now,
      UnaryOperator<Paper> then) {
    List<PaperId> ids = new ArrayList<>(known);
    Paper stored = null;
    for (SourceRecord other : pick.others()) {
      stored = PaperStore.store(cache, ids, idsOnly(other), now, then);
      PaperId c = PaperId.tryParse(stored.id());
      if (c != null && !ids.contains(c)) {
        ids.add(c);
      }
    }
    return PaperStore.store(cache, ids, pick.chosen(), now, then);
  }

  /** The record with what only the counted work may give left out: count, histogram, metadata. */
  static SourceRecord idsOnly(SourceRecord r) {
    return SourceRecord.builder(r.source()).openAlexId(r.openAlexId()).doi(r.doi()).arxivId(r.arxivId())
        .observedAt(r.observedAt()).build();
  }
}
