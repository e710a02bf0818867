package dev.papers.digest;

import dev.papers.model.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which sources are preferred, as {@code rank} prefers them: Semantic Scholar, OpenAlex,
 * Google Scholar, then any other source (a count a document reported, say) by name.
 */
public final class SourceOrder {
  private static final List<String> FIRST = List.of("semanticScholar", "openAlex", "scholar");

  /** Preferred first. */
  public static final Comparator<String> PREFERENCE =
      Comparator.comparingInt(SourceOrder::rank).thenComparing(Comparator.naturalOrder());

  private SourceOrder() {}

  static int rank(String source) {
    int i = FIRST.indexOf(source);
    return i < 0 ? FIRST.size() : i;
  }

  /** The sources, preferred first. */
  public static List<String> sorted(Collection<String> sources) {
    List<String> out = new ArrayList<>(sources);
    out.sort(PREFERENCE);
    return out;
  }

  /** A source's name for people: "Semantic Scholar", "OpenAlex", "Google Scholar", others as they are. */
  public static String displayName(String source) {
    Source known = Source.fromJson(source);
    if (known != null) {
      return known.displayName();
    }
    return switch (source) {
      case "semanticScholar" -> "Semantic Scholar";
      case "openAlex" -> "OpenAlex";
      case "scholar" -> "Google Scholar";
      case "arxiv" -> "arXiv";
      default -> source;
    };
  }
}
