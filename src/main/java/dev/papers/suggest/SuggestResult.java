package dev.papers.suggest;

import dev.papers.topic.Topic;
import java.time.Instant;
import java.util.List;

/**
 * The suggestions for a topic, best first.
 *
 * @param topic the topic
 * @param asOf the ranking's now
 * @param members how many members the topic has in the cache
 * @param minLinks the least links a suggestion has
 * @param candidates how many papers linked to the topic at all (members and excluded left out)
 * @param qualified how many of them had at least {@code minLinks} links (before {@code --limit})
 * @param suggestions the suggestions shown
 */
public record SuggestResult(
    Topic topic, Instant asOf, int members, int minLinks, int candidates, int qualified,
    List<Suggestion> suggestions) {

  public SuggestResult {
    suggestions = List.copyOf(suggestions);
  }
}
