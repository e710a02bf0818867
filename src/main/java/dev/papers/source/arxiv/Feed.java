package dev.papers.source.arxiv;

import java.util.List;

/**
 * One arXiv Atom answer, as read: the OpenSearch counters, the paper entries and the error entries.
 *
 * @param totalResults {@code opensearch:totalResults}, or null when absent
 * @param startIndex {@code opensearch:startIndex}, or null when absent
 * @param itemsPerPage {@code opensearch:itemsPerPage}, or null when absent
 * @param entries the papers, in feed order
 * @param errors the entries arXiv uses to report an error (title "Error", id under {@code /api/errors})
 */
public record Feed(
    Integer totalResults,
    Integer startIndex,
    Integer itemsPerPage,
    List<Entry> entries,
    List<ErrorEntry> errors) {

  public Feed {
    entries = entries == null ? List.of() : List.copyOf(entries);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}
