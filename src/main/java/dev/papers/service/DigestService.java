package dev.papers.service;

import dev.papers.cache.CacheException;
import dev.papers.cache.PaperCache;
import dev.papers.cache.PaperIndex;
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

/** {@code papers digest}: a topic's newsletter from what the cache holds. Offline: sends nothing. */
public final class DigestService {
  private final PaperCache cache;
  private final TopicStore topics;
  private final Clock clock;

  public DigestService(PaperCache cache, TopicStore topics, Clock clock) {
    this.cache = cache;
    this.topics = topics;
    this.clock = clock;
  }

  /**
   * The digest of a topic.
   *
   * @param topicName the topic ({@code queries/NAME.json})
   * @param since {@code --since} as given (a date, a duration or an instant), or null for a week
   * @param limit the reading list's length, or null for {@link Digester#DEFAULT_LIMIT}
   * @param warnings told of what could not be read (a broken cache file, an index that cannot be written)
   */
  public Digest digest(String topicName, String since, Integer limit, Consumer<String> warnings) {
    if (limit != null && limit < 0) {
      throw new UsageException("--limit: must be 0 or more");
    }
    Instant now = clock.instant();
    Instant from = SinceOption.resolve(since, now);
    Topic topic = topics.load(topicName);
    int n = limit == null ? Digester.DEFAULT_LIMIT : limit;
    PaperIndex.View index;
    try {
      index = cache.index();
    } catch (CacheException e) {
      warnings.accept(e.getMessage() + "; reading the paper files instead");
      index = null;
    }
    if (index == null) {
      PaperCache.Snapshot all = cache.loadAll();
      all.problems().forEach(p -> warnings.accept("skipped a broken cache file: " + p));
      return Digester.digest(topic, all.papers(), from, now, n);
    }
    try (PaperIndex.View idx = index) {
      idx.problems().forEach(p -> warnings.accept("skipped a broken cache file: " + p));
      return Digester.digest(topic, new Candidates() {
        @Override
        public void forEach(Visitor v) {
          idx.forEach(rec -> v.visit(rec.paper(), rec::abstractText, rec.ref()));
        }

        @Override
        public Paper paper(long ref) {
          Paper p = idx.paper(ref); // the index holds no abstract: the digest prints the paper's first sentence
          return cache.read(p.id()).orElse(p);
        }
      }, from, now, n);
    }
  }
}
