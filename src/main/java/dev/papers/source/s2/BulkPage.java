package dev.papers.source.s2;

import dev.papers.model.SourceRecord;
import java.util.List;

/**
 * One page of Semantic Scholar's bulk search ({@code /paper/search/bulk}).
 *
 * @param total how many papers the query matches, as S2 estimates it, or null
 * @param token the token that asks for the next page, or null when this is the last page
 * @param records the papers of this page, in S2's order
 */
public record BulkPage(Integer total, String token, List<SourceRecord> records) {
  public BulkPage {
    records = List.copyOf(records);
  }
}
