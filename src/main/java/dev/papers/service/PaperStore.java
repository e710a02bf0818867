package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The one way a source's answer goes into the cache, shared by {@code fetch} and {@code refresh}: the
 * record is merged into the entry that the caller's identifiers and the record's own identifiers name
 * (created when none does), under that paper's lock, with its count inserted into the history. An
 * observation already recorded is not recorded again, so storing the same answer twice is harmless.
 */
public final class PaperStore {
  private PaperStore() {}

  /**
   * Merges a record into the cache.
   *
   * @param cache the cache
   * @param known identifiers the caller already has for the paper (the id asked, the canonical key)
   * @param r what the source said
   * @param now the time of the change ({@code updatedAt}); the record carries its own {@code observedAt}
   * @param then a further change applied after the merge (a topic tag, say), or null
   * @return the stored entry
   */
  public static Paper store(PaperCache cache, Collection<PaperId> known, SourceRecord r, Instant now,
      UnaryOperator<Paper> then) {
    List<PaperId> ids = new ArrayList<>(known.size() + 5);
    for (PaperId id : known) {
      if (id != null) {
        ids.add(id.withoutVersion());
      }
    }
    ids.addAll(r.ids());
    UnaryOperator<Paper> extra = then == null ? UnaryOperator.identity() : then;
    return cache.update(ids, p -> extra.apply(p.merge(r, now)));
  }

  /**
   * Merges several sources' answers for one paper into the cache in one update: one read of its file
   * and one write, however many answered (a refresh's Semantic Scholar, arXiv and OpenAlex answers).
   * The records are merged in the order given, as storing them one after the other would.
   *
   * @param known identifiers the caller already has for the paper (the ids asked, the canonical key)
   * @param records what the sources said, all about this paper (see {@link #oneArxivId})
   * @param now the time of the change
   * @return the stored entry
   */
  public static Paper storeAll(PaperCache cache, Collection<PaperId> known, List<SourceRecord> records,
      Instant now) {
    java.util.Set<PaperId> ids = new java.util.LinkedHashSet<>();
    for (PaperId id : known) {
      if (id != null) {
        ids.add(id.withoutVersion());
      }
    }
    for (SourceRecord r : records) {
      ids.addAll(r.ids());
    }
    return cache.update(ids, p -> {
      Paper q = p;
      for (SourceRecord r : records) {
        q = q.merge(r, now);
      }
      return q;
    });
  }

  /**
   * Whether the records name at most one arXiv paper, the paper's own when it has one: then they can be merged
   * in one update ({@link #storeAll}); otherwise each is stored on its own, so that the cache can keep
   * distinct arXiv papers apart as it does for a single answer.
   */
  public static boolean oneArxivId(String arxivId, List<SourceRecord> records) {
    PaperId own = arxivId == null ? null : PaperId.arxivOrNull(arxivId);
    String arxiv = own == null ? arxivId : own.withoutVersion().value();
    for (SourceRecord r : records) {
      if (r.arxivId() == null) {
        continue;
      }
      PaperId a = PaperId.arxivOrNull(r.arxivId());
      String v = a == null ? r.arxivId() : a.withoutVersion().value();
      if (arxiv == null) {
        arxiv = v;
      } else if (!arxiv.equals(v)) {
        return false;
      }
    }
    return true;
  }
}
