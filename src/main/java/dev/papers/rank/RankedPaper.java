package dev.papers.rank;

import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;

/**
 * One member of a ranking.
 *
 * @param rank 1-based rank, or null for a member with no velocity (no count yet at the ranking's now)
 * @param paper the paper; for an {@code include} id that is not cached, a stand-in with only ids
 * @param velocity the chosen velocity, or null
 * @param latest for an unranked member, its latest count of any source if it has one (a count with no
 *     date to age it); null otherwise
 * @param cached false for an {@code include} id that is not in the cache at all
 */
public record RankedPaper(
    Integer rank, Paper paper, VelocityResult velocity, Observation latest, boolean cached) {

  public boolean ranked() {
    return rank != null;
  }

  /** The count shown: the velocity's count, else the latest count, else null. */
  public Integer count() {
    if (velocity != null) {
      return velocity.count();
    }
    return latest == null ? null : latest.count();
  }

  /** The source of {@link #count()}, or null. */
  public String source() {
    if (velocity != null) {
      return velocity.source();
    }
    return latest == null ? null : latest.source();
  }

  /** Where a count no API gave was read (file:line), or null. */
  public String provenance() {
    if (velocity == null) {
      return latest == null ? null : latest.provenance();
    }
    for (Observation o : paper.history()) {
      if (o.source().equals(velocity.source()) && o.count() == velocity.count()
          && o.observedAt().equals(velocity.observedAt())) {
        return o.provenance();
      }
    }
    var c = paper.citation(velocity.source());
    return c != null && velocity.observedAt().equals(c.observedAt()) ? c.provenance() : null;
  }

  /** The id a user would type: arXiv id, else DOI, else the Semantic Scholar id, else the key. */
  public String displayId() {
    return displayId(paper);
  }

  /** The id a user would type for a paper: arXiv id, else DOI, else the S2 id, else its key. */
  public static String displayId(Paper p) {
    if (p.arxivId() != null) {
      return p.arxivId();
    }
    if (p.doi() != null) {
      return p.doi();
    }
    if (p.s2Id() != null) {
      return p.s2Id();
    }
    if (p.id().startsWith("corpus:")) {
      return "CorpusId:" + p.id().substring("corpus:".length());
    }
    PaperId id = PaperId.tryParse(p.id());
    return id != null ? id.display() : p.id();
  }

  /** The command that would fill in this member's count: {@code papers fetch ID}. */
  public String fetchCommand() {
    return "papers fetch " + displayId();
  }
}
