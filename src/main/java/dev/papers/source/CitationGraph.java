package dev.papers.source;

import dev.papers.model.SourceRecord;
import java.util.List;

/** A source that knows which works cite which (OpenAlex): the citation graph around some works. */
public interface CitationGraph {

  /** Works found, and whether the request cap stopped the paging before the end. */
  record Works(List<SourceRecord> records, boolean truncated, int requests) {}

  /**
   * The works that cite any of these works (OpenAlex work ids, "W…"), in OR-filters of at most the
   * batch size, following pages of up to 200, sending at most {@code maxRequests} requests in all. Each
   * record carries its openAlexId, count, histogram and referencedWorks.
   */
  Works citing(List<String> workIds, int maxRequests) throws SourceException;

  /** The records of these works (OpenAlex work ids), batched by {@code filter=openalex:}. */
  Works works(List<String> workIds, int maxRequests) throws SourceException;
}
