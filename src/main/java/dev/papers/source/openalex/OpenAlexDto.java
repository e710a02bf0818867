package dev.papers.source.openalex;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * OpenAlex's JSON shapes, as far as this package reads them, across its record formats: the 2022 one
 * ({@code host_venue}, no {@code locations}), the 2024-2025 one ({@code primary_location} and
 * {@code locations}, {@code cited_by_api_url}) and the one since November 2025 (locations with an
 * {@code id}, no {@code cited_by_api_url}). Every field may be absent or {@code null}; unknown fields are
 * ignored. Counts are kept as JSON nodes so that a value that is not a whole number is refused by the
 * normalizer rather than rounded by the mapper. These types never leave the package.
 */
final class OpenAlexDto {
  private OpenAlexDto() {}

  /** A work (GET /works/{id}, and each element of a list's {@code results}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Work(
      String id,
      String doi,
      String title,
      @JsonProperty("display_name") String displayName,
      @JsonProperty("publication_year") JsonNode publicationYear,
      @JsonProperty("publication_date") String publicationDate,
      Ids ids,
      String type,
      @JsonProperty("primary_location") Location primaryLocation,
      List<Location> locations,
      @JsonProperty("best_oa_location") Location bestOaLocation,
      @JsonProperty("host_venue") HostVenue hostVenue,
      @JsonProperty("alternate_host_venues") List<HostVenue> alternateHostVenues,
      List<Authorship> authorships,
      @JsonProperty("cited_by_count") JsonNode citedByCount,
      @JsonProperty("counts_by_year") JsonNode countsByYear,
      @JsonProperty("referenced_works") List<String> referencedWorks,
      @JsonProperty("abstract_inverted_index") JsonNode abstractInvertedIndex,
      @JsonProperty("indexed_in") List<String> indexedIn) {}

  /** {@code ids}: URLs for openalex, doi, pmid and pmcid; a bare number for mag. Never an arXiv id. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ids(String openalex, String doi) {}

  /** A location (2024 on): where the work can be read; since Nov 2025 with an {@code id}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Location(
      String id,
      @JsonProperty("landing_page_url") String landingPageUrl,
      @JsonProperty("pdf_url") String pdfUrl,
      Source source,
      String version) {}

  /** A location's source (journal, repository). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Source(String id, @JsonProperty("display_name") String displayName, String type) {}

  /** The 2022 format's venue. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record HostVenue(String id, @JsonProperty("display_name") String displayName, String type, String url) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Authorship(Author author, @JsonProperty("raw_author_name") String rawAuthorName) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Author(String id, @JsonProperty("display_name") String displayName) {}

  /** A list answer: {@code meta} and {@code results}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Page(Meta meta, List<Work> results) {}

  /** A list answer's {@code meta}: {@code page} is null under cursor paging. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Meta(
      Long count,
      Integer page,
      @JsonProperty("per_page") Integer perPage,
      @JsonProperty("next_cursor") String nextCursor) {}

  /** Error bodies: {@code {"error": "Invalid query parameters error.", "message": "..."}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Error(String error, String message) {}
}
