package dev.papers.service;

import dev.papers.cache.CacheException;
import dev.papers.cache.PaperCache;
import dev.papers.cache.PaperIndex;
import dev.papers.rank.Candidates;
import dev.papers.rank.RankOptions;
import dev.papers.rank.RankResult;
import dev.papers.rank.Ranker;
import dev.papers.topic.Topic;
import dev.papers.topic.TopicStore;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code papers rank}: a topic's papers ranked, offline. The cache's rank index is read (made or brought
 * up to date first); when no index can be written (a full disk, say), every paper file is read instead.
 */
public final class RankService {
  private final PaperCache cache;
  private final TopicStore topics;

  public RankService(PaperCache cache, TopicStore topics) {
    this.cache = cache;
    this.topics = topics;
  }

  /**
   * Ranks a topic.
   *
   * @param topicName the topic: its file, else the papers tagged with it (a bad name, a malformed
   *     file, or a name that is neither a file nor a tag is a {@code TopicException}, exit 2)
   * @param warnings told, one line each, what could not be read and what was done instead
   */
  public RankResult rank(String topicName, RankOptions options, Consumer<String> warnings) {
    Topic t = topics.resolve(topicName);
    RankResult r = withCandidates(c -> Ranker.rank(t, c, options), warnings);
    if (t.tagOnly() && r.entries().isEmpty() && r.omitted() == 0) {
      throw topics.unknown(topicName);
    }
    return r;
  }

  /**
   * Runs {@code work} over every cached paper: the rank index (made or brought up to date first), or,
   * when no index can be written, the paper files. {@code digest} reads the cache this way too.
   *
   * @param warnings told, one line each, what could not be read and what was done instead
   */
  public <T> T withCandidates(Function<Candidates, T> work, Consumer<String> warnings) {
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
      return work.apply(Candidates.of(all.papers()));
    }
    try (PaperIndex.View idx = index) {
      idx.problems().forEach(p -> warnings.accept("skipped a broken cache file: " + p));
      return work.apply(idx.candidates());
    }
  }
}
