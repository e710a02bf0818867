package dev.papers.suggest;

import java.util.List;

/**
 * Why a paper is suggested: one kind of link to the topic, the members it links to, and the source
 * that told.
 *
 * @param kind {@value #CITES} (the paper cites these members), {@value #CITED_BY} (these members cite
 *     it) or {@value #RECOMMENDED} (Semantic Scholar recommends it from these members)
 * @param members the members' ids (cache keys), sorted
 * @param source the source's JSON name: {@code openAlex} or {@code semanticScholar}
 */
public record Reason(String kind, List<String> members, String source) {
  public static final String CITES = "cites";
  public static final String CITED_BY = "citedBy";
  public static final String RECOMMENDED = "recommended";

  public Reason {
    members = List.copyOf(members);
  }

  /** The links this reason gives: one per member cited or citing, one for a recommendation. */
  public int links() {
    return RECOMMENDED.equals(kind) ? 1 : members.size();
  }

  /** A short phrase: "cites 3 of your papers", "cited by 2", "recommended". */
  public String phrase() {
    int n = members.size();
    return switch (kind) {
      case CITES -> n == 1 ? "cites 1 of your papers" : "cites " + n + " of your papers";
      case CITED_BY -> "cited by " + n;
      default -> "recommended";
    };
  }
}
