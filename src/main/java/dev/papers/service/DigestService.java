package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.config.UsageException;
import dev.papers.digest.Digest;
import dev.papers.digest.Digester;
import dev.papers.digest.SinceOption;
import dev.papers.model.Paper;
import dev.papers.rank.Candidates;
import dev.papers.topic.Topic;
import dev.papers.topic.TopicStore;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * {@code papers digest}: a topic's newsletter from what the cache holds, read as {@code rank} reads it
 * (the rank index, else the paper files). Offline: sends nothing.
 */
public final class DigestService {
  private final RankService ranks;
  private final PaperCache cache;
  private final TopicStore topics;
  private final Clock clock;

  public DigestService(RankService ranks, PaperCache cache, TopicStore topics, Clock clock) {
    this.ranks = ranks;
    this.cache = cache;
    this.topics = topics;
    this.clock = clock;
  }

  /**
   * The digest of a topic, as of the clock's now ({@code PAPERS_NOW} when set).
   *
   * @param topicName the topic: its file ({@code queries/NAME.json}), else the papers tagged with it
   * @param since {@code --since} as given (a date, a duration or an instant), or null for a week
   * @param limit the reading list's length, or null for {@link Digester#DEFAULT_LIMIT}
   * @param warnings told of what could not be read (a broken cache file, an index that cannot be written)
   * @throws UsageException for a bad {@code --since} or {@code --limit} (exit 2)
   */
  public Digest digest(String topicName, String since, Integer limit, Consumer<String> warnings) {
    if (limit != null && limit < 0) {
      throw new UsageException("--limit: must be 0 or more");
    }
    Instant now = clock.instant();
    Instant from = SinceOption.resolve(since, now);
    Topic topic = topics.resolve(topicName);
    int n = limit == null ? Digester.DEFAULT_LIMIT : limit;
    Digest d = ranks.withCandidates(c -> Digester.digest(topic, withAbstracts(c), from, now, n), warnings);
    if (topic.tagOnly() && d.fresh().isEmpty() && d.rising().isEmpty() && d.readingList().isEmpty()) {
      throw topics.unknown(topicName); // neither a topic file nor a tag any paper carries
    }
    return d;
  }

  /** The index holds no abstracts; the digest prints each paper's first sentence, so it reads the few it prints. */
  private Candidates withAbstracts(Candidates c) {
    return new Candidates() {
      @Override
      public void forEach(Visitor v) {
        c.forEach(v);
      }

      @Override
      public Paper paper(long ref) {
        Paper p = c.paper(ref);
        return p.abstractText() != null ? p : cache.read(p.id()).orElse(p);
      }
    };
  }
}
