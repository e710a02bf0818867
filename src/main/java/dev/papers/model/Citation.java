package dev.papers.model;

import java.time.Instant;

/**
 * The current count of one source.
 *
 * @param count the number of citations
 * @param influential Semantic Scholar's influential citations, or null
 * @param observedAt when the count was observed
 * @param clusterId Google Scholar cluster id (decimal, unsigned 64-bit), scholar only
 * @param provenance where a count that no API gave was read (file:line), or null
 */
public record Citation(
    int count, Integer influential, Instant observedAt, String clusterId, String provenance) {

  public Citation(int count, Integer influential, Instant observedAt) {
    this(count, influential, observedAt, null, null);
  }
}
