package dev.papers.source.arxiv;

import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns a feed {@link Entry} into the model's {@link SourceRecord}: id without version plus the version,
 * lower-case DOI, one-line title and abstract, {@code published} as the v1 date in UTC. arXiv gives no
 * citation count, so the record's count is null.
 */
public final class ArxivNormalizer {
  private ArxivNormalizer() {}

  /** The record of one entry, observed at the clock's now. */
  public static SourceRecord normalize(Entry e, Clock clock) {
    LocalDate published = e.published() == null ? null : LocalDate.ofInstant(e.published(), ZoneOffset.UTC);
    return SourceRecord.builder(Source.ARXIV.jsonName())
        .arxivId(e.id().value())
        .arxivVersion(e.id().version())
        .doi(firstDoi(e.doi()))
        .title(e.title())
        .authors(e.authors())
        .abstractText(e.summary())
        .published(published)
        .year(published == null ? null : published.getYear())
        .journalRef(e.journalRef())
        .primaryCategory(e.primaryCategory())
        .categories(distinct(e.categories()))
        .count(null)
        .observedAt(clock.instant())
        .build();
  }

  /** arXiv's DOI field occasionally lists several DOIs separated by spaces; the first one is the paper's. */
  static String firstDoi(String doi) {
    if (doi == null) {
      return null;
    }
    for (String token : doi.strip().split("[\\s,;]+")) {
      if (token.startsWith("10.")) {
        return token;
      }
    }
    return null;
  }

  private static List<String> distinct(List<String> in) {
    return new ArrayList<>(new LinkedHashSet<>(in));
  }
}
