package dev.papers.source;

import dev.papers.model.SourceRecord;
import java.util.List;

/** A source that recommends papers from example papers (Semantic Scholar's Recommendations API). */
public interface Recommendations {
  /** The most recommendations one request may ask for (Semantic Scholar's own bound). */
  int MAX_LIMIT = 500;

  /**
   * Papers like the positives and unlike the negatives, best first, in one request.
   *
   * @param positivePaperIds Semantic Scholar paperIds of papers like the ones wanted; when empty,
   *     nothing is sent and the answer is empty
   * @param negativePaperIds Semantic Scholar paperIds of papers unlike them (may be empty)
   * @param limit the most papers wanted, 1 to {@value #MAX_LIMIT}
   * @return the recommended papers, each with the source's count and metadata
   */
  List<SourceRecord> recommend(List<String> positivePaperIds, List<String> negativePaperIds, int limit)
      throws SourceException;
}
