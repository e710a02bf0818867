package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.model.Paper;
import dev.papers.topic.Membership;
import dev.papers.topic.Topic;
import dev.papers.topic.TopicStore;
import java.util.function.Consumer;

/**
 * {@code papers export}: every cached record, or a topic's members (the set {@code list --topic}
 * shows), handed out one at a time as the paper files are read, so that the cache's size never
 * shows in the memory used: a batch of files is read at a time, and nothing is kept.
 */
public final class ExportService {
  private final PaperCache cache;
  private final TopicStore topics;

  public ExportService(PaperCache cache, TopicStore topics) {
    this.cache = cache;
    this.topics = topics;
  }

  /**
   * What an export wrote.
   *
   * @param records records handed out
   * @param broken files that could not be read as records (reported, not fatal)
   */
  public record Result(long records, int broken) {}

  /**
   * Hands every record, or every member of the topic named (its file, else the papers tagged with it,
   * as {@code list --topic} resolves it), to {@code each}.
   *
   * @param topicName null for every record
   * @throws dev.papers.topic.TopicException for a bad topic name, a malformed topic file, or a name
   *     that is neither a file nor a tag (exit 2)
   */
  public Result export(String topicName, Integer since, Consumer<Paper> each, Consumer<String> problems) {
    if (topicName == null) {
      return export((Topic) null, since, each, problems);
    }
    Topic t = topics.resolve(topicName);
    Result r = export(t, since, each, problems);
    if (t.tagOnly() && r.records() == 0) {
      throw topics.unknown(topicName);
    }
    return r;
  }

  /**
   * Hands every record (or every member of {@code topic}, with the year floor {@code since} or the
   * topic's own) to {@code each}, in the order of the files on disk.
   *
   * @param topic null for every record
   * @param problems told about each broken file ("file: what is wrong")
   */
  public Result export(Topic topic, Integer since, Consumer<Paper> each, Consumer<String> problems) {
    Membership.Rules rules = topic == null ? null : Membership.rules(topic, since);
    long[] n = {0};
    int[] broken = {0};
    cache.forEach(p -> {
      if (rules == null || rules.admits(p, p::abstractText)) {
        each.accept(p);
        n[0]++;
      }
    }, problem -> {
      broken[0]++;
      problems.accept(problem);
    });
    return new Result(n[0], broken[0]);
  }
}
