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
}
