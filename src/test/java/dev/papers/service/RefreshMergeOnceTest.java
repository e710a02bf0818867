package dev.papers.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.cache.PaperCache;
import dev.papers.http.Ticker;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import dev.papers.model.SourceRecord;
import dev.papers.source.IdLookup;
import dev.papers.source.Lookup;
import dev.papers.source.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refresh reads each stale paper's file twice, whatever the number of sources (once to choose it, once
 * to merge every source's answer into it under its lock), and still sends each source exactly the
 * batches it would send alone (the request floors).
 */
class RefreshMergeOnceTest {
  static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  static String arxivId(int i) {
    return String.format("2101.%05d", 10000 + i);
  }

  static String doi(int i) {
    return "10.1000/test." + i;
  }

  /** N papers with an arXiv id (every third one a DOI too), counted by Semantic Scholar s2Age ago. */
  PaperCache seed(int n, Duration s2Age, Duration arxivAge) {
    PaperCache cache = new PaperCache(dir, CLOCK);
    for (int i = 0; i < n; i++) {
      String a = arxivId(i);
      SourceRecord meta = SourceRecord.builder(Source.ARXIV.jsonName()).arxivId(a).title("Paper " + i)
          .doi(i % 3 == 0 ? doi(i) : null).observedAt(NOW.minus(arxivAge)).build();
      PaperStore.store(cache, List.of(PaperId.arxiv(a)), meta, NOW.minus(arxivAge), null);
      SourceRecord s2 = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId(a).count(5)
          .observedAt(NOW.minus(s2Age)).build();
      PaperStore.store(cache, List.of(PaperId.arxiv(a)), s2, NOW.minus(s2Age), null);
    }
    return cache;
  }

  /** A source that answers every id with what {@code answer} makes, and keeps the ids of each request. */
  static final class Fake implements IdLookup {
    final String name;
    final Function<PaperId, SourceRecord> answer;
    final List<List<PaperId>> requests = new ArrayList<>();

    Fake(Source source, Function<PaperId, SourceRecord> answer) {
      this.name = source.jsonName();
      this.answer = answer;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean accepts(PaperId id) {
      return true;
    }

    @Override
    public Map<PaperId, Lookup> lookup(List<PaperId> ids, Progress progress) {
      requests.add(List.copyOf(ids));
      Map<PaperId, Lookup> out = new LinkedHashMap<>();
      for (PaperId id : ids) {
        out.put(id, new Lookup.Found(answer.apply(id)));
      }
      return out;
    }
  }

  Fake s2 = new Fake(Source.SEMANTIC_SCHOLAR, id -> SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName())
      .arxivId(id.value()).count(10).influential(1).observedAt(NOW).build());
  Fake arxiv = new Fake(Source.ARXIV, id -> SourceRecord.builder(Source.ARXIV.jsonName()).arxivId(id.value())
      .title("Paper " + id.value() + ", as arXiv has it").observedAt(NOW).build());
  /** OpenAlex: a preprint work per arXiv DOI (count 7), a published work per DOI (count 9). */
  Fake openAlex = new Fake(Source.OPEN_ALEX, id -> id.kind() == PaperId.Kind.ARXIV
      ? SourceRecord.builder(Source.OPEN_ALEX.jsonName()).openAlexId("W1" + id.value().replace(".", ""))
          .arxivId(id.value()).count(7).observedAt(NOW).build()
      : SourceRecord.builder(Source.OPEN_ALEX.jsonName()).openAlexId("W2" + id.value().replaceAll("\\D", ""))
          .doi(id.value()).count(9).observedAt(NOW).build());

  RefreshService service(PaperCache cache) {
    return new RefreshService(cache, () -> s2, () -> arxiv, () -> openAlex, null, CLOCK, Ticker.SYSTEM, d -> { },
        new RefreshService.Limits(Map.of(), 50, 20, 10, 20), () -> Map.of(), "test");
  }

  static RefreshService.Options all() {
    return new RefreshService.Options(null, null, Set.of(Source.ARXIV, Source.SEMANTIC_SCHOLAR, Source.OPEN_ALEX),
        null);
  }

  @Test
  void everyStalePaperIsReadTwiceAndEverySourceGetsItsBatchesAtTheFloor() {
    int n = 120;
    PaperCache cache = seed(n, Duration.ofDays(10), Duration.ofDays(40));
    long before = cache.paperReads();

    RefreshService.Result r = service(cache).refresh(all(), null);

    assertThat(r.refreshed()).isEqualTo(n);
    assertThat(r.left() + r.failed() + r.notFound()).isZero();
    // once to choose it, once to merge Semantic Scholar's, arXiv's and OpenAlex's answers into it
    assertThat(cache.paperReads() - before).isEqualTo(2L * n);
    // the batches each source would get alone: ceil(120/50), ceil(120/20), ceil(120/10) requests
    assertThat(s2.requests).extracting(List::size).containsExactly(50, 50, 20);
    assertThat(arxiv.requests).hasSize(6).allSatisfy(b -> assertThat(b).hasSize(20));
    assertThat(openAlex.requests).hasSize(12);
    for (int i = 0; i < n; i++) {
      Paper p = cache.read("arxiv:" + arxivId(i)).orElseThrow();
      assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(10);
      assertThat(p.citation(Source.OPEN_ALEX.jsonName()).count()).as(p.id()).isEqualTo(i % 3 == 0 ? 9 : 7);
      assertThat(p.fetchedAt(Source.ARXIV.jsonName())).isEqualTo(NOW);
      assertThat(p.title()).endsWith("as arXiv has it");
      if (i % 3 == 0) {
        // the published work gives the count; the preprint's work id leads to the paper too
        assertThat(p.openAlexId()).startsWith("W2");
        assertThat(cache.resolve("openalex:W1" + arxivId(i).replace(".", ""))).isEqualTo(p.id());
      }
    }
  }

  @Test
  void papersStaleForSomeSourcesOnlyKeepEachSourceAtItsFloorAndAreStillReadTwice() {
    int n = 90;
    // Counted by Semantic Scholar yesterday (fresh), arXiv metadata fresh: OpenAlex only (never counted)...
    PaperCache cache = seed(n, Duration.ofDays(1), Duration.ofDays(1));
    // ...but every third paper is stale for Semantic Scholar too.
    for (int i = 0; i < n; i += 3) {
      String a = arxivId(i);
      cache.update(List.of(PaperId.arxiv(a)), p -> p.toBuilder().history(p.history().stream()
          .map(o -> new dev.papers.model.Observation(o.source(), o.count(), NOW.minus(Duration.ofDays(9)),
              o.suspect(), o.influential(), o.provenance()))
          .toList()).build());
    }
    long before = cache.paperReads();

    RefreshService.Result r = service(cache).refresh(all(), null);

    assertThat(r.refreshed()).isEqualTo(n);
    assertThat(cache.paperReads() - before).isEqualTo(2L * n);
    assertThat(s2.requests).extracting(List::size).containsExactly(30); // ceil(30/50)
    assertThat(arxiv.requests).isEmpty();
    assertThat(openAlex.requests).hasSize(9); // ceil(90/10)
  }
}
