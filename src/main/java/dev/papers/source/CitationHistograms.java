package dev.papers.source;

import dev.papers.model.Histogram;
import dev.papers.model.PaperId;

/** A source that can count a paper's citations by the citing paper's year. */
public interface CitationHistograms {

  /**
   * @param id the paper
   * @param knownTotal the paper's total citation count, to scale a histogram the paging cap cut short
   * @param cap the most citing papers to read
   */
  Histogram histogram(PaperId id, Integer knownTotal, int cap) throws SourceException;
}
