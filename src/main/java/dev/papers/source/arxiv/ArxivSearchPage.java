package dev.papers.source.arxiv;

import dev.papers.model.SourceRecord;
import java.util.List;

/**
 * One page of an arXiv search.
 *
 * @param totalResults how many papers the query matches in all
 * @param start the offset of this page's first record
 * @param records the page's papers, in arXiv's order
 */
public record ArxivSearchPage(int totalResults, int start, List<SourceRecord> records) {

  public ArxivSearchPage {
    records = records == null ? List.of() : List.copyOf(records);
  }
}
