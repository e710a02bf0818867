package dev.papers.rank;

import dev.papers.model.Histogram;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

/** Papers for tests, built the way the cache builds them. */
public final class TestPapers {
  public static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

  private final Paper paper;

  private TestPapers(Paper paper) {
    this.paper = paper;
  }

  /** An arXiv paper with a published date (may be null). */
  public static TestPapers arxiv(String arxivId, String published) {
    SourceRecord.Builder b = SourceRecord.builder(Source.ARXIV.jsonName()).arxivId(arxivId).title("Paper " + arxivId)
        .authors(List.of("Ada Lovelace"));
    if (published != null) {
      b.published(LocalDate.parse(published));
    }
    return new TestPapers(Paper.create("arxiv:" + arxivId, T0).merge(b.build(), T0));
  }

  /** A DOI-only paper known by its year only (may be null). */
  public static TestPapers doi(String doi, Integer year) {
    SourceRecord r = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).doi(doi).title("Paper " + doi)
        .year(year).build();
    return new TestPapers(Paper.create("doi:" + doi, T0).merge(r, T0));
  }

  public static TestPapers of(Paper p) {
    return new TestPapers(p);
  }

  public TestPapers meta(SourceRecord r) {
    return new TestPapers(paper.merge(r, T0));
  }

  public TestPapers title(String title, String... authors) {
    return meta(SourceRecord.builder(Source.ARXIV.jsonName()).title(title).authors(List.of(authors)).build());
  }

  /** One observation; {@code when} is a date (midnight UTC) or an instant. */
  public TestPapers obs(String source, int count, String when) {
    Instant at = instant(when);
    return new TestPapers(paper.observe(new Observation(source, count, at), null, at));
  }

  public TestPapers reported(int count, String when, String provenance) {
    Instant at = instant(when);
    return new TestPapers(
        paper.observe(new Observation(Source.REPORTED.jsonName(), count, at, null, null, provenance), null, at));
  }

  public TestPapers s2(int count, String when) {
    return obs(Source.SEMANTIC_SCHOLAR.jsonName(), count, when);
  }

  public TestPapers scholar(int count, String when) {
    return obs(Source.SCHOLAR.jsonName(), count, when);
  }

  /** A histogram of alternating year, count pairs. */
  public TestPapers histogram(String source, String madeAt, Integer total, int... yearCount) {
    TreeMap<Integer, Integer> m = new TreeMap<>();
    int counted = 0;
    for (int i = 0; i < yearCount.length; i += 2) {
      m.put(yearCount[i], yearCount[i + 1]);
      counted += yearCount[i + 1];
    }
    Instant at = instant(madeAt);
    return new TestPapers(paper.withHistogram(new Histogram(source, at, m, counted, total, false), at));
  }

  public TestPapers topic(String t) {
    return new TestPapers(paper.withTopic(t, T0));
  }

  public Paper build() {
    return paper;
  }

  public static Instant instant(String when) {
    return when.length() == 10 ? LocalDate.parse(when).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
        : Instant.parse(when);
  }
}
