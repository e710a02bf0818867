package dev.papers.report;

import dev.papers.rank.RankedPaper;
import dev.papers.rank.VelocityResult;
import dev.papers.model.Paper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one ranked member, as {@code rank --format json} and {@code csv} write them. The
 * contract's fields come first ({@code rank, id, title, year, citations, velocity, velocityMethod,
 * source}), then extras.
 */
public final class Fields {
  /** The field names, in order, without {@code explain}. */
  public static final List<String> NAMES = List.of(
      "rank", "id", "title", "year", "citations", "velocity", "velocityMethod", "source",
      "approximate", "observedAt", "provenance", "arxivId", "doi", "published", "authors",
      "fetchCommand");

  /** The name of the field added by {@code --explain}. */
  public static final String EXPLAIN = "explain";

  private Fields() {}

  /** The names, with {@code explain} last when asked for. */
  public static List<String> names(boolean explain) {
    if (!explain) {
      return NAMES;
    }
    List<String> n = new ArrayList<>(NAMES);
    n.add(EXPLAIN);
    return List.copyOf(n);
  }

  /**
   * One member's fields. {@code citations} and {@code source} are the count the score used (or, for
   * a member with no velocity, its latest count when it has one); {@code rank}, {@code velocity},
   * {@code velocityMethod} are null for unranked members; {@code fetchCommand} is set for them only.
   */
  public static Map<String, Object> of(RankedPaper e, boolean explain) {
    Paper p = e.paper();
    VelocityResult v = e.velocity();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", e.rank());
    m.put("id", p.id());
    m.put("title", p.title());
    m.put("year", p.year());
    m.put("citations", e.count());
    m.put("velocity", v == null ? null : v.velocity());
    m.put("velocityMethod", v == null ? null : v.method());
    m.put("source", e.source());
    m.put("approximate", v == null ? null : v.approximate());
    m.put("observedAt", v != null ? v.observedAt() : e.latest() != null ? e.latest().observedAt() : null);
    m.put("provenance", e.provenance());
    m.put("arxivId", p.arxivId());
    m.put("doi", p.doi());
    m.put("published", p.published());
    m.put("authors", p.authors());
    m.put("fetchCommand", e.ranked() ? null : e.fetchCommand());
    if (explain) {
      m.put(EXPLAIN, explanation(e));
    }
    return m;
  }

  /** What {@code --explain} says about a member. */
  public static String explanation(RankedPaper e) {
    if (e.velocity() != null) {
      return e.velocity().explanation();
    }
    if (!e.cached()) {
      return "not in the cache: " + e.fetchCommand();
    }
    if (e.latest() != null) {
      return "a count (" + e.latest().count() + ", " + e.latest().source()
          + ") but no date to age it (no published date, arXiv id or year): " + e.fetchCommand();
    }
    return "no citation count at the ranking's date: " + e.fetchCommand();
  }
}
