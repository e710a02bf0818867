package dev.papers.discover;

import dev.papers.model.PaperId;
import java.util.Objects;

/**
 * One paper a document cites, as {@link IdExtractor} found it.
 *
 * @param id the identifier, parsed by {@link PaperId}; an arXiv id keeps the version it was cited with
 * @param matched the text that was recognized, as it stands in the document (a URL, {@code arXiv:...},
 *     a bare id, a DOI); for HTML, the attribute value or visible text after entity decoding
 * @param line the 1-based line where the match starts (for HTML, the line of the attribute value or of
 *     the text node in the source, approximate when entities span lines)
 */
public record Found(PaperId id, String matched, int line) {

  public Found {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(matched, "matched");
  }
}
