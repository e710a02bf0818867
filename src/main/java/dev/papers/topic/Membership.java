package dev.papers.topic;

import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which cached papers belong to a topic, as the contract defines it: papers tagged with the topic,
 * plus {@code include}, plus papers whose title or abstract contains a keyword (case-insensitive),
 * less {@code exclude} (exclude wins). The year floor ({@code --since}, else the topic's
 * {@code since}) drops papers older than it, except {@code include}; a paper whose year is unknown is
 * kept. A pure function: {@code papers rank} and {@code papers list --topic} both call it.
 */
public final class Membership {
  private Membership() {}

  /**
   * The members of a topic.
   *
   * @param papers the members, sorted by id
   * @param notCached the {@code include} ids that no cached paper answers to (not fetched yet), in
   *     the topic's order, excluded ones left out
   * @param since the year floor that was applied, or null
   */
  public record Members(List<Paper> papers, List<PaperId> notCached, Integer since) {
    public Members {
      papers = List.copyOf(papers);
      notCached = List.copyOf(notCached);
    }
  }

  /**
   * The members of {@code topic} among {@code cache}.
   *
   * @param sinceOverride {@code --since}, or null for the topic's own {@code since}
   */
  public static Members of(Topic topic, Collection<Paper> cache, Integer sinceOverride) {
    Integer since = sinceOverride != null ? sinceOverride : topic.since();
    Set<String> includeKeys = keys(topic.include());
    Set<String> excludeKeys = keys(topic.exclude());
    List<String> keywords = new ArrayList<>();
    for (String k : topic.keywords()) {
      keywords.add(k.toLowerCase(Locale.ROOT));
    }
    List<Paper> members = new ArrayList<>();
    Set<String> foundIncludes = new HashSet<>();
    for (Paper p : cache) {
      Set<String> keys = p.keys();
      boolean included = false;
      for (String k : keys) {
        if (includeKeys.contains(k)) {
          included = true;
          foundIncludes.add(k);
        }
      }
      if (intersects(keys, excludeKeys)) {
        continue;
      }
      boolean member = included || p.topics().contains(topic.name()) || matches(p, keywords);
      if (!member) {
        continue;
      }
      if (!included && since != null && p.year() != null && p.year() < since) {
        continue;
      }
      members.add(p);
    }
    members.sort(Comparator.comparing(Paper::id));
    List<PaperId> notCached = new ArrayList<>();
    Set<String> listed = new HashSet<>();
    for (PaperId id : topic.include()) {
      String k = id.withoutVersion().key();
      if (!foundIncludes.contains(k) && !excludeKeys.contains(k) && listed.add(k)) {
        notCached.add(id);
      }
    }
    return new Members(members, notCached, since);
  }

  /** True when the paper's title or abstract contains one of the (lower-case) keywords. */
  static boolean matches(Paper p, List<String> lowerKeywords) {
    if (lowerKeywords.isEmpty()) {
      return false;
    }
    String title = p.title() == null ? "" : p.title().toLowerCase(Locale.ROOT);
    String abs = p.abstractText() == null ? "" : p.abstractText().toLowerCase(Locale.ROOT);
    for (String k : lowerKeywords) {
      if (title.contains(k) || abs.contains(k)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> keys(List<PaperId> ids) {
    Set<String> keys = new LinkedHashSet<>();
    for (PaperId id : ids) {
      keys.add(id.withoutVersion().key());
    }
    return keys;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
