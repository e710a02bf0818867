package dev.papers.digest;

import dev.papers.model.Histogram;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.topic.Topic;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;

/** Synthetic papers with histories, made the way the cache makes them, for digest and page tests. */
public final class DigestPapers {
  public static final String TOPIC = "kd";
  public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  public static final Instant SINCE = Instant.parse("2026-11-15T00:00:00Z");

  private Paper paper;

  private DigestPapers(Paper paper) {
    this.paper = paper;
  }

  /** An arXiv paper of the topic, its entry made at {@code created}, published on {@code published}. */
  public static DigestPapers arxiv(String id, String created, String published, String title) {
    Instant c = at(created);
    SourceRecord r = SourceRecord.builder("arxiv").arxivId(id).title(title)
        .authors(List.of("Ada Lovelace", "Alan Turing")).published(LocalDate.parse(published))
        .abstractText("We study " + title + ". It works well, e.g. on tests.").build();
    return new DigestPapers(Paper.create("arxiv:" + id, c).merge(r, c).withTopic(TOPIC, c));
  }

  public DigestPapers obs(String source, int count, String when) {
    Instant t = at(when);
    paper = paper.observe(new Observation(source, count, t), null, t);
    return this;
  }

  public DigestPapers s2(int count, String when) {
    return obs("semanticScholar", count, when);
  }

  public DigestPapers meta(SourceRecord r) {
    paper = paper.merge(r, paper.updatedAt());
    return this;
  }

  /** A histogram of alternating year, count pairs. */
  public DigestPapers histogram(String source, String madeAt, int... yearCount) {
    TreeMap<Integer, Integer> m = new TreeMap<>();
    int total = 0;
    for (int i = 0; i < yearCount.length; i += 2) {
      m.put(yearCount[i], yearCount[i + 1]);
      total += yearCount[i + 1];
    }
    Instant t = at(madeAt);
    paper = paper.withHistogram(new Histogram(source, t, m, total, total, false), t);
    return this;
  }

  public Paper build() {
    return paper;
  }

  public static Instant at(String when) {
    return when.length() == 10 ? LocalDate.parse(when).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(when);
  }

  public static Topic topic() {
    return new Topic(TOPIC, "Knowledge distillation", null, null, List.of(), List.<PaperId>of(), List.of(),
        List.of(), List.of(), null);
  }
}
