package dev.papers.report;

import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import dev.papers.rank.VelocityResult;
import dev.papers.suggest.Reason;
import dev.papers.suggest.Suggestion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of one suggestion, as {@code suggest --format json} and {@code csv} write them: the
 * fields {@code rank} writes (rank, id, title, year, citations, velocity, velocityMethod, source), then
 * {@code links} and {@code reasons}, then identifiers and metadata.
 */
public final class SuggestFields {
  /** The JSON field names, in order, without {@code explain}. */
  public static final List<String> NAMES = List.of(
      "rank", "id", "title", "year", "citations", "velocity", "velocityMethod", "source", "links", "reasons",
      "approximate", "observedAt", "openAlexId", "arxivId", "doi", "s2Id", "published", "authors");

  private SuggestFields() {}

  /** One suggestion's fields; {@code reasons} is a list of {@code {kind, members, source}} maps. */
  public static Map<String, Object> of(Suggestion s, boolean explain) {
    Paper p = s.paper();
    VelocityResult v = s.velocity();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", s.rank());
    m.put("id", p.id());
    m.put("title", p.title());
    m.put("year", p.year());
    m.put("citations", v == null ? null : v.count());
    m.put("velocity", v == null ? null : v.velocity());
    m.put("velocityMethod", v == null ? null : v.method());
    m.put("source", v == null ? null : v.source());
    m.put("links", s.links());
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (Reason r : s.reasons()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("kind", r.kind());
      rm.put("members", r.members());
      rm.put("source", r.source());
      reasons.add(rm);
    }
    m.put("reasons", reasons);
    m.put("approximate", v == null ? null : v.approximate());
    m.put("observedAt", v == null ? null : v.observedAt());
    m.put("openAlexId", s.openAlexId() != null ? s.openAlexId() : p.openAlexId());
    m.put("arxivId", p.arxivId());
    m.put("doi", p.doi());
    m.put("s2Id", p.s2Id());
    m.put("published", p.published());
    m.put("authors", p.authors());
    if (explain) {
      m.put(Fields.EXPLAIN, velocityExplanation(s));
    }
    return m;
  }

  /** The velocity's numbers, or why there is none. */
  static String velocityExplanation(Suggestion s) {
    return s.velocity() != null ? s.velocity().explanation()
        : "no citation count: no velocity (ranked after the papers that have one)";
  }

  /** A member's id as a user would type it: {@code 1909.10351}, {@code 10.1145/...}, {@code W123}. */
  static String display(String memberKey) {
    PaperId id = PaperId.tryParse(memberKey);
    return id == null ? memberKey : id.display();
  }

  /** The members of a reason, as a user would type them, comma-separated. */
  static String members(Reason r) {
    List<String> ids = new ArrayList<>();
    for (String k : r.members()) {
      ids.add(display(k));
    }
    return String.join(", ", ids);
  }

  /** The reason's phrase with its members: "cites 2 of your papers: 1909.10351, 1503.02531". */
  static String explained(Reason r) {
    if (Reason.RECOMMENDED.equals(r.kind())) {
      int n = r.members().size();
      return "recommended from " + (n == 1 ? "1 of your papers" : n + " of your papers") + " by "
          + sourceName(r.source());
    }
    return r.phrase() + ": " + members(r);
  }

  /** "OpenAlex", "Semantic Scholar", or the name as it is. */
  static String sourceName(String source) {
    Source s = Source.fromJson(source);
    return s == null ? source : s.displayName();
  }
}
