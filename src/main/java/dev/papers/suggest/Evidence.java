package dev.papers.suggest;

import dev.papers.model.Paper;
import dev.papers.model.SourceRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the sources answered about the graph around a topic's members, for {@link SuggestRanker}.
 *
 * @param members the topic's members (cached papers)
 * @param memberWorks each member's OpenAlex work id, by member id (members OpenAlex does not know are
 *     absent)
 * @param memberReferences the work ids each member cites, by member id (members whose references are
 *     not known are absent)
 * @param citing the works that cite members ({@code filter=cites:})
 * @param referenced the records of works that members cite ({@code filter=openalex:})
 * @param recommended Semantic Scholar's recommendations from the members
 * @param positives the members the recommendations were asked from (ids), empty when none were asked
 * @param excludedKeys every key of the papers the topic excludes (never suggested)
 * @param cached every cached paper, so that a candidate the cache already holds is seen with its
 *     history, and one that is a member under another id is recognized
 */
public record Evidence(
    List<Paper> members,
    Map<String, String> memberWorks,
    Map<String, List<String>> memberReferences,
    List<GraphWork> citing,
    List<GraphWork> referenced,
    List<SourceRecord> recommended,
    List<String> positives,
    Set<String> excludedKeys,
    List<Paper> cached) {

  public Evidence {
    members = List.copyOf(members);
    memberWorks = Map.copyOf(memberWorks);
    memberReferences = Map.copyOf(memberReferences);
    citing = List.copyOf(citing);
    referenced = List.copyOf(referenced);
    recommended = List.copyOf(recommended);
    positives = List.copyOf(positives);
    excludedKeys = Set.copyOf(excludedKeys);
    cached = List.copyOf(cached);
  }
}
