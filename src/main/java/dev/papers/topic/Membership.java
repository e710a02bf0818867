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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

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
    Rules rules = rules(topic, sinceOverride);
    List<Paper> members = new ArrayList<>();
    for (Paper p : cache) {
      if (rules.admits(p, p::abstractText)) {
        members.add(p);
      }
    }
    members.sort(Comparator.comparing(Paper::id));
    return new Members(members, rules.notCached(), rules.since());
  }

  /** The topic's rules, to apply one paper at a time (from several threads at once, if need be). */
  public static Rules rules(Topic topic, Integer sinceOverride) {
    return new Rules(topic, sinceOverride);
  }

  /**
   * A topic's membership rules, applied one paper at a time; it remembers which {@code include} ids
   * it has seen, for {@link #notCached()}. Thread-safe.
   */
  public static final class Rules {
    private final Topic topic;
    private final Integer since;
    private final Set<String> includeKeys;
    private final Set<String> excludeKeys;
    private final List<String> keywords = new ArrayList<>();
    private final Set<String> foundIncludes = ConcurrentHashMap.newKeySet();

    private Rules(Topic topic, Integer sinceOverride) {
      this.topic = topic;
      this.since = sinceOverride != null ? sinceOverride : topic.since();
      this.includeKeys = keys(topic.include());
      this.excludeKeys = keys(topic.exclude());
      for (String k : topic.keywords()) {
        keywords.add(k.toLowerCase(Locale.ROOT));
      }
    }

    /** The year floor applied, or null. */
    public Integer since() {
      return since;
    }

    /**
     * Whether a cached paper is a member.
     *
     * @param abstractText the paper's abstract, asked for only when a keyword test needs it
     */
    public boolean admits(Paper p, Supplier<String> abstractText) {
      return admits(new PaperCandidate(p, abstractText));
    }

    /**
     * Whether a candidate is a member: the one rule, for a paper record or an index entry. The
     * candidate's keys are asked for only when the topic has {@code include} or {@code exclude} ids,
     * its text only when it is neither included nor tagged.
     */
    public boolean admits(Candidate c) {
      boolean included = false;
      if (!includeKeys.isEmpty() || !excludeKeys.isEmpty()) {
        Collection<String> keys = c.keys();
        for (String k : keys) {
          if (includeKeys.contains(k)) {
            included = true;
            foundIncludes.add(k);
          }
        }
        if (intersects(keys, excludeKeys)) {
          return false;
        }
      }
      if (!included && since != null) {
        Integer year = c.year();
        if (year != null && year < since) {
          return false;
        }
      }
      return included || c.taggedWith(topic.name()) || (!keywords.isEmpty() && c.mentionsAny(keywords));
    }

    /**
     * The {@code include} ids that no paper seen so far answers to, in the topic's order, excluded
     * ones left out.
     */
    public List<PaperId> notCached() {
      List<PaperId> notCached = new ArrayList<>();
      Set<String> listed = new HashSet<>();
      for (PaperId id : topic.include()) {
        String k = id.withoutVersion().key();
        if (!foundIncludes.contains(k) && !excludeKeys.contains(k) && listed.add(k)) {
          notCached.add(id);
        }
      }
      return notCached;
    }
  }

  /**
   * What membership looks at in a cached paper: its keys (id and aliases), year, topic tags, and
   * whether its title or abstract contains a keyword (case-insensitive: the keywords come lower-case,
   * {@link Locale#ROOT}). A paper record is one ({@link Rules#admits(Paper, Supplier)}); an entry of the
   * rank index is another.
   */
  public interface Candidate {
    Collection<String> keys();

    Integer year();

    boolean taggedWith(String topicName);

    boolean mentionsAny(List<String> lowerKeywords);
  }

  /** A paper record as a candidate; its abstract is asked for only when a keyword test needs it. */
  public static class PaperCandidate implements Candidate {
    protected final Paper paper;
    private final Supplier<String> abstractText;

    public PaperCandidate(Paper paper, Supplier<String> abstractText) {
      this.paper = paper;
      this.abstractText = abstractText;
    }

    @Override
    public Collection<String> keys() {
      return paper.keys();
    }

    @Override
    public Integer year() {
      return paper.year();
    }

    @Override
    public boolean taggedWith(String topicName) {
      return paper.topics().contains(topicName);
    }

    @Override
    public boolean mentionsAny(List<String> lowerKeywords) {
      return mentions(paper.title(), abstractText, lowerKeywords);
    }
  }

  /**
   * True when the title or the abstract contains one of the (lower-case) keywords: the title first,
   * the abstract only when the title has none.
   */
  public static boolean mentions(String title, Supplier<String> abstractText, List<String> lowerKeywords) {
    if (lowerKeywords.isEmpty()) {
      return false;
    }
    if (title != null && containsAny(title.toLowerCase(Locale.ROOT), lowerKeywords)) {
      return true;
    }
    String abs = abstractText.get();
    return abs != null && containsAny(abs.toLowerCase(Locale.ROOT), lowerKeywords);
  }

  private static boolean containsAny(String text, List<String> lowerKeywords) {
    for (String k : lowerKeywords) {
      if (text.contains(k)) {
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

  private static boolean intersects(Collection<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
