package dev.papers.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What one source said about one paper, already normalized (whitespace collapsed, DOI lower-case,
 * empty strings as null). Any field may be null: a source tells only what it knows.
 *
 * @param source the source's JSON name ("arxiv", "semanticScholar", "scholar", "reported")
 * @param arxivId arXiv id without version
 * @param arxivVersion the version the source saw
 * @param doi lower-case DOI
 * @param s2Id Semantic Scholar paperId
 * @param corpusId Semantic Scholar corpus id
 * @param clusterId Google Scholar cluster id
 * @param title one-line title
 * @param authors names in order, or null when the source did not say
 * @param abstractText the abstract
 * @param published first publication date
 * @param year publication year
 * @param venue venue name
 * @param journalRef arXiv journal reference
 * @param primaryCategory arXiv primary category
 * @param categories arXiv categories
 * @param count citation count, or null when the source gave none
 * @param influential influential citation count
 * @param observedAt when the source was asked
 * @param provenance where a reported count was read
 * @param openAlexId OpenAlex work id ("W2741809807")
 * @param histogram citations by the citing work's year, as the source counted them (OpenAlex's
 *     {@code counts_by_year}), or null
 * @param referencedWorks the OpenAlex work ids this work cites, or null when the source did not say
 */
public record SourceRecord(
    String source,
    String arxivId,
    Integer arxivVersion,
    String doi,
    String s2Id,
    Long corpusId,
    String clusterId,
    String title,
    List<String> authors,
    String abstractText,
    LocalDate published,
    Integer year,
    String venue,
    String journalRef,
    String primaryCategory,
    List<String> categories,
    Integer count,
    Integer influential,
    Instant observedAt,
    String provenance,
    String openAlexId,
    Histogram histogram,
    List<String> referencedWorks) {

  public SourceRecord {
    referencedWorks = referencedWorks == null ? null : List.copyOf(referencedWorks);
  }

  /** A record of a source that knows nothing of OpenAlex (no work id, no histogram, no references). */
  public SourceRecord(String source, String arxivId, Integer arxivVersion, String doi, String s2Id, Long corpusId,
      String clusterId, String title, List<String> authors, String abstractText, LocalDate published,
      Integer year, String venue, String journalRef, String primaryCategory, List<String> categories,
      Integer count, Integer influential, Instant observedAt, String provenance) {
    this(source, arxivId, arxivVersion, doi, s2Id, corpusId, clusterId, title, authors, abstractText, published,
        year, venue, journalRef, primaryCategory, categories, count, influential, observedAt, provenance, null,
        null, null);
  }

  /** Every identifier this record names, canonical order first. */
  public List<PaperId> ids() {
    List<PaperId> ids = new ArrayList<>(5);
    if (arxivId != null) {
      PaperId a = PaperId.arxivOrNull(arxivId);
      if (a != null) {
        ids.add(a.withoutVersion());
      }
    }
    if (doi != null) {
      PaperId d = PaperId.tryParse(doi);
      if (d != null) {
        ids.add(d.withoutVersion());
      }
    }
    if (s2Id != null) {
      ids.add(PaperId.s2(s2Id));
    }
    if (openAlexId != null) {
      PaperId w = PaperId.tryParse(openAlexId);
      if (w != null && w.kind() == PaperId.Kind.OPENALEX) {
        ids.add(w);
      }
    }
    if (clusterId != null) {
      ids.add(PaperId.scholar(clusterId));
    }
    if (corpusId != null) {
      ids.add(PaperId.corpus(corpusId));
    }
    return ids;
  }

  /** A builder, since sources fill records field by field. */
  public static Builder builder(String source) {
    return new Builder(source);
  }

  /** Mutable builder for {@link SourceRecord}. */
  public static final class Builder {
    private final String source;
    private String arxivId;
    private Integer arxivVersion;
    private String doi;
    private String s2Id;
    private Long corpusId;
    private String clusterId;
    private String title;
    private List<String> authors;
    private String abstractText;
    private LocalDate published;
    private Integer year;
    private String venue;
    private String journalRef;
    private String primaryCategory;
    private List<String> categories;
    private Integer count;
    private Integer influential;
    private Instant observedAt;
    private String provenance;
    private String openAlexId;
    private Histogram histogram;
    private List<String> referencedWorks;

    private Builder(String source) {
      this.source = source;
    }

    public Builder arxivId(String v) { this.arxivId = v; return this; }
    public Builder arxivVersion(Integer v) { this.arxivVersion = v; return this; }
    public Builder doi(String v) { this.doi = v == null ? null : Text.blankToNull(v.strip().toLowerCase(java.util.Locale.ROOT)); return this; }
    public Builder s2Id(String v) { this.s2Id = Text.blankToNull(v); return this; }
    public Builder corpusId(Long v) { this.corpusId = v; return this; }
    public Builder clusterId(String v) { this.clusterId = Text.blankToNull(v); return this; }
    public Builder title(String v) { this.title = Text.oneLine(v); return this; }
    public Builder authors(List<String> v) { this.authors = v == null ? null : Text.names(v); return this; }
    public Builder abstractText(String v) { this.abstractText = Text.oneLine(v); return this; }
    public Builder published(LocalDate v) { this.published = v; return this; }
    public Builder year(Integer v) { this.year = v; return this; }
    public Builder venue(String v) { this.venue = Text.oneLine(v); return this; }
    public Builder journalRef(String v) { this.journalRef = Text.oneLine(v); return this; }
    public Builder primaryCategory(String v) { this.primaryCategory = Text.blankToNull(v); return this; }
    public Builder categories(List<String> v) { this.categories = v == null ? null : List.copyOf(v); return this; }
    public Builder count(Integer v) { this.count = v; return this; }
    public Builder influential(Integer v) { this.influential = v; return this; }
    public Builder observedAt(Instant v) { this.observedAt = v; return this; }
    public Builder provenance(String v) { this.provenance = v; return this; }
    public Builder openAlexId(String v) { this.openAlexId = Text.blankToNull(v); return this; }
    public Builder histogram(Histogram v) { this.histogram = v; return this; }
    public Builder referencedWorks(List<String> v) { this.referencedWorks = v == null ? null : List.copyOf(v); return this; }

    public SourceRecord build() {
      return new SourceRecord(source, arxivId, arxivVersion, doi, s2Id, corpusId, clusterId, title,
          authors, abstractText, published, year, venue, journalRef, primaryCategory, categories, count,
          influential, observedAt, provenance, openAlexId, histogram, referencedWorks);
    }
  }
}
