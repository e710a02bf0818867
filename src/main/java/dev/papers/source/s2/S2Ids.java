package dev.papers.source.s2;

import dev.papers.model.PaperId;
import okhttp3.HttpUrl;

/**
 * How identifiers are written for Semantic Scholar, and how they go into a URL path.
 *
 * <p>Ids sent: {@code ARXIV:<id without version>} (S2 answers 404 for a versioned id; old style
 * {@code ARXIV:hep-th/9901001}), {@code DOI:<doi>}, {@code CorpusId:<n>}, or the 40-hex paperId.
 * Google Scholar cluster ids have no S2 form.
 *
 * <p>In a path the id keeps its {@code :} and {@code /} readable, as S2's documentation and its own
 * clients write it ({@code /paper/DOI:10.1145/1541880.1541882}); every other character that needs it
 * is percent-encoded within its piece. An id with a piece that a URL would drop or resolve (empty,
 * {@code .} or {@code ..}) is sent as one segment with {@code /} as {@code %2F} instead, which S2 also
 * accepts.
 */
final class S2Ids {
  private S2Ids() {}

  /** The S2 form of an id, or null when S2 has none (Scholar cluster ids, OpenAlex work ids). */
  static String wire(PaperId id) {
    return switch (id.kind()) {
      case ARXIV -> "ARXIV:" + id.value();
      case DOI -> "DOI:" + id.value();
      case CORPUS -> "CorpusId:" + id.value();
      case S2 -> id.value();
      case ACL -> "ACL:" + id.value();
      case SCHOLAR, OPENALEX -> null;
    };
  }

  /** Appends the id to a URL path (see the class comment). */
  static HttpUrl.Builder addId(HttpUrl.Builder b, String wire) {
    String[] pieces = wire.split("/", -1);
    for (String p : pieces) {
      if (p.isEmpty() || p.equals(".") || p.equals("..")) {
        return b.addPathSegment(wire);
      }
    }
    for (String p : pieces) {
      b.addPathSegment(p);
    }
    return b;
  }
}
