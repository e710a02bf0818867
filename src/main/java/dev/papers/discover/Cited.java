package dev.papers.discover;

import dev.papers.model.PaperId;
import java.util.List;

/**
 * One paper a document cites, with what the document states about it.
 *
 * @param ids its identifiers, canonical kind first (a library entry may give a DOI and an arXiv id; an
 *     entry that gives none is looked up by its title)
 * @param stated what the document states about it
 * @param line the 1-based line where it is cited
 */
public record Cited(List<PaperId> ids, Stated stated, int line) {
  public Cited {
    ids = List.copyOf(ids);
    stated = stated == null ? Stated.NONE : stated;
  }
}
