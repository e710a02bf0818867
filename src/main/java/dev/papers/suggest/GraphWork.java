package dev.papers.suggest;

import dev.papers.model.Histogram;
import dev.papers.model.SourceRecord;
import java.util.List;

/**
 * A work as OpenAlex answered it: its record, its work id, the works it cites and its citations by
 * year.
 *
 * @param openAlexId "W…"
 * @param referencedWorks the work ids it cites ({@code referenced_works})
 * @param record its record (count, metadata, identifiers)
 * @param histogram its {@code counts_by_year}, or null
 */
public record GraphWork(String openAlexId, List<String> referencedWorks, SourceRecord record, Histogram histogram) {
  public GraphWork {
    referencedWorks = referencedWorks == null ? List.of() : List.copyOf(referencedWorks);
  }
}
