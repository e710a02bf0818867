package dev.papers.source;

/**
 * A source that searches a topic's query. The paging (arXiv's {@code start}, Semantic Scholar's bulk
 * token and its relevance fallback) is the source's own business: a caller asks for up to {@code max}
 * papers and gets them, with whatever failure stopped the search.
 */
public interface TopicSearch {

  /**
   * Up to {@code max} papers the query finds, in the source's order, one record per paper. Never
   * throws for an upstream failure: what was found before it is kept, and the failure is returned.
   *
   * @param query the query, in the source's own syntax (never blank)
   * @param max the most papers wanted, at least 1
   * @param progress told how the search advances
   */
  SearchResult search(String query, int max, Progress progress);
}
