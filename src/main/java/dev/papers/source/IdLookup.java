package dev.papers.source;

import dev.papers.model.PaperId;
import java.util.List;
import java.util.Map;

/** A source that looks papers up by identifier, in as few requests as its API allows. */
public interface IdLookup {

  /** The source's JSON name. */
  String name();

  /** Whether this source can look up this kind of identifier. */
  boolean accepts(PaperId id);

  /**
   * Looks every id up. The answer has one entry per id asked (keys as given). A failed request marks
   * the ids it carried as {@link Lookup.Failed}; after a try-later failure no further request is sent
   * and the remaining ids carry the same failure.
   */
  Map<PaperId, Lookup> lookup(List<PaperId> ids, Progress progress);

  /**
   * Looks every id up, the ids grouped by paper: a source that batches keeps a paper's ids in one
   * request where it can. The answer has one entry per distinct id. By default, {@link #lookup} of all
   * the ids in order.
   */
  default Map<PaperId, Lookup> lookupGrouped(List<List<PaperId>> groups, Progress progress) {
    java.util.Set<PaperId> all = new java.util.LinkedHashSet<>();
    groups.forEach(all::addAll);
    return lookup(new java.util.ArrayList<>(all), progress);
  }
}
