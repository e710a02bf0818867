package dev.papers.source.scholar;

import java.util.List;

/**
 * What one Google-Scholar-style result page says.
 *
 * @param results the results in page order
 * @param total the page's "About N results" count; null when the page shows none (a "best result"
 *     page), which means unknown, not 0; 0 for a page that says nothing matched
 * @param nextUrl the absolute URL of the next page, or null on the last page
 * @param citedByPage whether this is a "Cited by" page ({@code ?cites=})
 * @param citesId the {@code cites=} id such a page lists the citations of, when known
 */
public record ScholarPage(List<ScholarResult> results, Long total, String nextUrl, boolean citedByPage,
    String citesId) {

  public ScholarPage {
    results = List.copyOf(results);
  }
}
