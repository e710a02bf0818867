package dev.papers.rank;

import dev.papers.model.PaperId;
import dev.papers.topic.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ranking: the ranked members best first, then the members with no velocity (rank null), then the
 * {@code include} ids not in the cache (rank null, {@code cached} false).
 *
 * @param topic the topic ranked
 * @param asOf the ranking's now
 * @param since the year floor applied, or null
 * @param entries every member in output order
 * @param notCached the {@code include} ids that no cached paper answers to
 * @param omitted how many unranked members {@code --limit} left out (0 with {@code --all})
 */
public record RankResult(
    Topic topic, Instant asOf, Integer since, List<RankedPaper> entries, List<PaperId> notCached,
    int omitted) {

  public RankResult {
    entries = List.copyOf(entries);
    notCached = List.copyOf(notCached);
  }

  /** A ranking that lists every member. */
  public RankResult(Topic topic, Instant asOf, Integer since, List<RankedPaper> entries, List<PaperId> notCached) {
    this(topic, asOf, since, entries, notCached, 0);
  }

  /** The members with a rank, best first. */
  public List<RankedPaper> ranked() {
    return entries.stream().filter(RankedPaper::ranked).toList();
  }

  /** The members with no rank, in output order. */
  public List<RankedPaper> unranked() {
    return entries.stream().filter(e -> !e.ranked()).toList();
  }

  /**
   * One {@code papers fetch ...} command that would fill in every unranked member, or null when
   * there are none.
   */
  public String fetchCommand() {
    List<String> ids = new ArrayList<>();
    for (RankedPaper e : unranked()) {
      ids.add(e.displayId());
    }
    return ids.isEmpty() ? null : "papers fetch " + String.join(" ", ids);
  }
}
