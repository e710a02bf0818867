package dev.papers.source.s2;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Semantic Scholar's JSON shapes, as far as this package reads them. Every field may be absent or
 * {@code null}; unknown fields are ignored. These types never leave the package.
 */
final class S2Dto {
  private S2Dto() {}

  /**
   * A paper object (GET /paper/{id}, batch elements, search and match results, citing papers). The
   * counts are read untyped and checked by {@link dev.papers.model.Counts}: a value that is not a whole
   * number (12.5, true, an object, 2^63) is then left out with a note, and never fails the record.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Paper(
      String paperId,
      Long corpusId,
      ExternalIds externalIds,
      String url,
      String title,
      @JsonProperty("abstract") String abstractText,
      String venue,
      Integer year,
      String publicationDate,
      List<Author> authors,
      Object citationCount,
      Object influentialCitationCount,
      Journal journal) {}

  /** {@code externalIds}: S2 spells the keys with capitals; CorpusId is a number. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ExternalIds(
      @JsonProperty("ArXiv") String arxiv,
      @JsonProperty("DOI") String doi,
      @JsonProperty("CorpusId") Long corpusId) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Author(String authorId, String name) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Journal(String name) {}

  /**
   * A result list: relevance search ({@code total, offset, next, data}), bulk search ({@code total,
   * token, data}) and title match ({@code data}). An empty search has no {@code data} at all.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Results(Integer total, Integer offset, Integer next, String token, List<Paper> data) {}

  /** One page of GET /paper/{id}/citations. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record CitationPage(Integer offset, Integer next, List<Citation> data) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Citation(Paper citingPaper) {}

  /** Error bodies: {@code {"error": ...}} from S2 itself, {@code {"message": ...}} from its gateway. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Error(String error, String message) {
    String text() {
      return error != null ? error : message;
    }
  }
}
