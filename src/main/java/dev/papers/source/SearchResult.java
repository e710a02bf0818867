package dev.papers.source;

import dev.papers.model.SourceRecord;
import java.util.List;

/**
 * What a {@link TopicSearch} found.
 *
 * @param records the papers, in the source's order, at most as many as asked for
 * @param failure what stopped the search early, or null
 * @param fallback why the source searched another way than its first (Semantic Scholar's relevance
 *     search when its bulk search refused), or null when it did not
 */
public record SearchResult(List<SourceRecord> records, SourceException failure, String fallback) {
  public SearchResult {
    records = List.copyOf(records);
  }
}
