package dev.papers.topic;

import dev.papers.model.Paper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every topic there is, for {@code papers topics}: the topic files of the topics directory and the tags
 * of cached papers that have no file (a tag alone makes a topic), each with its member count as
 * {@code rank} and {@code list --topic} count them. A pure function of the directory and the papers.
 */
public final class TopicCatalog {
  private TopicCatalog() {}

  /**
   * One topic.
   *
   * @param name the topic's name
   * @param title its title (the name itself for a tag-only topic)
   * @param tagOnly true when no file defines it
   * @param members cached papers that are members
   * @param notCached {@code include} ids not in the cache
   * @param problem why its file cannot be used (then the counts are 0), or null
   */
  public record Entry(String name, String title, boolean tagOnly, int members, int notCached, String problem) {}

  /** The topics, sorted by name. A malformed topic file is listed with its problem, not thrown. */
  public static List<Entry> list(TopicStore store, Collection<Paper> papers) {
    Map<String, Entry> byName = new TreeMap<>();
    for (String name : store.names()) {
      try {
        Topic t = store.load(name);
        Membership.Members m = Membership.of(t, papers, null);
        byName.put(name, new Entry(name, t.title(), false, m.papers().size(), m.notCached().size(), null));
      } catch (TopicException e) {
        byName.put(name, new Entry(name, name, false, 0, 0, e.getMessage()));
      }
    }
    Map<String, Integer> tagged = new TreeMap<>();
    for (Paper p : papers) {
      for (String tag : p.topics()) {
        if (!byName.containsKey(tag)) {
          tagged.merge(tag, 1, Integer::sum);
        }
      }
    }
    tagged.forEach((name, n) -> byName.put(name, new Entry(name, name, true, n, 0, null)));
    return new ArrayList<>(byName.values());
  }
}
