package dev.papers.source.scholar;

import java.util.List;

/**
 * One result of a Google-Scholar-style page, as the page shows it. Any field may be null when the
 * page does not show it.
 *
 * @param title the title, kind markers such as {@code [CITATION]} or {@code [PDF]} removed
 * @param link where the title links to (absolute), null for a citation-only result
 * @param authors the byline's names as shown ("MJ Isaac"), in order; a list Scholar cut short with
 *     "…" holds the names shown; empty when the byline names nobody
 * @param venue the byline's venue part without the year (often cut short by Scholar with "…")
 * @param year the byline's year
 * @param publisher the byline's last part: the publisher or host ("Elsevier", "arxiv.org")
 * @param snippet the text snippet, whitespace collapsed
 * @param citedBy the "Cited by N" count (any language), null when the result has no such link
 * @param citesId the {@code cites=} value of that link (a decimal cluster id, or several joined by
 *     commas for a merged cluster)
 * @param clusterId the cluster id as an unsigned decimal string (it can exceed 2^63)
 * @param versions the "All N versions" count, null without that link
 * @param pdfLink a link to a PDF of the work, when the page shows one
 * @param kind {@code CITATION}, {@code BOOK}, {@code PDF}, {@code HTML}, another marker's text, or
 *     null for a plain result
 * @param citedByProblem why the "Cited by" label's number is not a count (see
 *     {@link dev.papers.model.Counts}), or null
 */
public record ScholarResult(
    String title,
    String link,
    List<String> authors,
    String venue,
    Integer year,
    String publisher,
    String snippet,
    Integer citedBy,
    String citesId,
    String clusterId,
    Integer versions,
    String pdfLink,
    String kind,
    String citedByProblem) {

  public ScholarResult {
    authors = authors == null ? List.of() : List.copyOf(authors);
  }

  /** A result whose "Cited by" number, if any, is a count. */
  public ScholarResult(String title, String link, List<String> authors, String venue, Integer year,
      String publisher, String snippet, Integer citedBy, String citesId, String clusterId, Integer versions,
      String pdfLink, String kind) {
    this(title, link, authors, venue, year, publisher, snippet, citedBy, citesId, clusterId, versions, pdfLink,
        kind, null);
  }

  /** The first author's family name as shown (the last word of the first name), or null. */
  public String firstAuthorFamily() {
    if (authors.isEmpty()) {
      return null;
    }
    String[] parts = authors.get(0).strip().split("\\s+");
    return parts[parts.length - 1];
  }
}
