package dev.papers.source.s2;

import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.model.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps a Semantic Scholar paper to a {@link SourceRecord}. Absent and {@code null} read alike (unknown);
 * an empty venue is unknown too (then the journal's name stands in); a missing citation count stays
 * null and never becomes 0.
 */
final class S2Normalizer {
  private S2Normalizer() {}

  static SourceRecord record(S2Dto.Paper p, Instant observedAt) {
    S2Dto.ExternalIds ext = p.externalIds();
    SourceRecord.Builder b = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName())
        .s2Id(p.paperId() == null ? null : p.paperId().toLowerCase(Locale.ROOT))
        .corpusId(p.corpusId() != null ? p.corpusId() : ext == null ? null : ext.corpusId())
        .title(p.title())
        .authors(authors(p.authors()))
        .abstractText(p.abstractText())
        .published(date(p.publicationDate()))
        .year(p.year())
        .venue(venue(p))
        .count(p.citationCount())
        .influential(p.influentialCitationCount())
        .observedAt(observedAt);
    if (ext != null) {
      b.arxivId(arxiv(ext.arxiv()));
      b.doi(ext.doi());
    }
    return b.build();
  }

  /** S2's ArXiv id as our arXiv id (no version; old style without subject class), or null. */
  static String arxiv(String raw) {
    if (raw == null) {
      return null;
    }
    PaperId a = PaperId.arxivOrNull(raw.strip());
    return a == null ? null : a.value();
  }

  /**
   * Why the paper S2 returned cannot be the one asked for, or null when nothing contradicts it. Only
   * one-to-one identifiers are compared: the arXiv id, the DOI and the corpus id, each only when the
   * answer carries one. A paperId is not compared, since S2 answers an old paperId of merged papers with
   * the surviving one.
   */
  static String contradiction(PaperId asked, S2Dto.Paper p) {
    S2Dto.ExternalIds ext = p.externalIds();
    switch (asked.kind()) {
      case ARXIV -> {
        String got = ext == null || ext.arxiv() == null ? null : ext.arxiv().strip();
        if (got != null) {
          String norm = arxiv(got);
          String cmp = norm != null ? norm : got.toLowerCase(Locale.ROOT);
          if (!cmp.equalsIgnoreCase(asked.value())) {
            return "Semantic Scholar answered for arXiv " + asked.value() + " with another paper (arXiv " + got + ")";
          }
        }
      }
      case DOI -> {
        String got = ext == null || ext.doi() == null ? null : ext.doi().strip();
        if (got != null && !got.equalsIgnoreCase(asked.value())) {
          return "Semantic Scholar answered for DOI " + asked.value() + " with another paper (DOI " + got + ")";
        }
      }
      case CORPUS -> {
        Long got = p.corpusId() != null ? p.corpusId() : ext == null ? null : ext.corpusId();
        if (got != null && !Long.toString(got).equals(asked.value())) {
          return "Semantic Scholar answered for CorpusId:" + asked.value() + " with another paper (CorpusId:"
              + got + ")";
        }
      }
      default -> {
        // paperIds are not compared (merged papers keep answering under the old id)
      }
    }
    return null;
  }

  private static List<String> authors(List<S2Dto.Author> authors) {
    if (authors == null) {
      return null;
    }
    List<String> names = new ArrayList<>(authors.size());
    for (S2Dto.Author a : authors) {
      if (a != null && a.name() != null) {
        names.add(a.name());
      }
    }
    return names;
  }

  private static String venue(S2Dto.Paper p) {
    String v = Text.oneLine(p.venue());
    if (v != null) {
      return v;
    }
    return p.journal() == null ? null : Text.oneLine(p.journal().name());
  }

  /** {@code YYYY-MM-DD}; anything else (null, a bare year, garbage) is unknown. */
  static LocalDate date(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
