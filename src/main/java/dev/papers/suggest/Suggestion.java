package dev.papers.suggest;

import dev.papers.model.Paper;
import dev.papers.model.SourceRecord;
import dev.papers.rank.VelocityResult;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One paper to read next.
 *
 * @param rank 1-based position
 * @param paper what the answers that found it (and the cache, when it holds the paper) say about it
 * @param openAlexId its OpenAlex work id, when OpenAlex found it
 * @param velocity its citation velocity as {@code rank} computes it, or null when it has no count
 * @param links its links to the topic's members
 * @param reasons why, in the order cites, citedBy, recommended
 * @param records the answers that found it (what {@code --add} stores)
 */
public record Suggestion(
    int rank, Paper paper, String openAlexId, VelocityResult velocity, int links, List<Reason> reasons,
    List<SourceRecord> records) {

  public Suggestion {
    reasons = List.copyOf(reasons);
    records = List.copyOf(records);
  }

  /** The reasons as one phrase: "cites 3 of your papers, cited by 2, recommended". */
  public String phrase() {
    return reasons.stream().map(Reason::phrase).collect(Collectors.joining(", "));
  }
}
