package dev.papers.source.s2;

import dev.papers.model.SourceRecord;
import java.util.List;

/**
 * One page of Semantic Scholar's relevance search ({@code /paper/search}).
 *
 * @param total how many papers the query matches, or null
 * @param next the offset of the next page, or null when there is none
 * @param records the papers of this page, best first (empty when S2 sent no {@code data})
 */
public record RelevancePage(Integer total, Integer next, List<SourceRecord> records) {
  public RelevancePage {
    records = List.copyOf(records);
  }
}
