package dev.papers.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.cache.PaperCache;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import dev.papers.model.SourceRecord;
import dev.papers.source.CitationGraph;
import dev.papers.source.Recommendations;
import dev.papers.source.SourceException;
import dev.papers.topic.Topic;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's orchestration with fake sources: the budget's split, and what a failure does. */
class SuggestServiceTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  @TempDir Path dir;
  PaperCache cache;
  final List<String> calls = new ArrayList<>();
  final Topic topic = new Topic("kd", "KD", null, null, List.of(), List.of(PaperId.parse("10.1111/a"),
      PaperId.parse("10.1111/b")), List.of("10.1111/a", "10.1111/b"), List.of(), List.of(), null);

  @BeforeEach
  void seed() {
    cache = new PaperCache(dir, Clock.fixed(NOW, ZoneOffset.UTC));
    String oa = Source.OPEN_ALEX.jsonName();
    PaperStore.store(cache, List.of(), SourceRecord.builder(oa).doi("10.1111/a").openAlexId("W1").observedAt(NOW)
        .build(), NOW, null);
    PaperStore.store(cache, List.of(), SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).doi("10.1111/b")
        .s2Id("b".repeat(40)).build(), NOW, null);
    PaperStore.store(cache, List.of(), SourceRecord.builder(oa).doi("10.1111/b").openAlexId("W2").observedAt(NOW)
        .build(), NOW, null);
  }

  static SourceRecord work(String w, String doi, String... refs) {
    return SourceRecord.builder(Source.OPEN_ALEX.jsonName()).openAlexId(w).doi(doi).count(1).observedAt(NOW)
        .referencedWorks(List.of(refs)).build();
  }

  /** A graph that answers, records what it was asked with which cap, and uses the whole cap for citing. */
  CitationGraph graph(SourceException failCiting) {
    return new CitationGraph() {
      @Override
      public Works citing(List<String> ids, int max) throws SourceException {
        calls.add("citing " + ids + " " + max);
        if (failCiting != null) {
          throw failCiting;
        }
        return new Works(List.of(work("W9", "10.9999/c", "W1", "W2")), true, max);
      }

      @Override
      public Works works(List<String> ids, int max) {
        calls.add("works " + ids + " " + max);
        if (ids.contains("W1")) {
          return new Works(List.of(work("W1", "10.1111/a", "W5"), work("W2", "10.1111/b", "W5", "W6")), false, 1);
        }
        return new Works(List.of(work("W5", "10.5555/five")), false, 1);
      }
    };
  }

  Recommendations recommendations(SourceException fail) {
    return (pos, neg, limit) -> {
      calls.add("recommend " + pos + " " + neg + " " + limit);
      if (fail != null) {
        throw fail;
      }
      return List.of();
    };
  }

  static SourceException failure(SourceException.Kind kind) {
    return new SourceException("x", "http://x/", kind, kind == SourceException.Kind.TRY_LATER ? 429 : 500, "down");
  }

  @Test
  void theBudgetIsSplitAndTheWorksMembersCiteAreAskedMostCitedFirst() {
    SuggestService s = new SuggestService(cache, () -> graph(null), () -> recommendations(null),
        Clock.fixed(NOW, ZoneOffset.UTC));
    SuggestService.Run run = s.suggest(topic, new SuggestService.Options(20, 2, 31, false));
    // 31: one kept for the recommendation; a third of 30 for the members' records (1 used); half of
    // the 29 left for the citing works (all 14 used here); the 15 left for the works members cite
    assertThat(calls).containsExactly("works [W1, W2] 10", "citing [W1, W2] 14", "works [W5, W6] 15",
        "recommend [" + "b".repeat(40) + "] [] 100");
    assertThat(run.requests()).containsEntry("openAlex", 16).containsEntry("semanticScholar", 1);
    assertThat(run.notes()).anyMatch(n -> n.contains("--max-requests") && n.contains("citing"));
    assertThat(run.outcome().status()).isEqualTo(Outcome.Status.DONE);
    // no dates, so no velocity; two links each: by id
    assertThat(run.result().suggestions()).extracting(x -> x.paper().id()).containsExactly("doi:10.5555/five",
        "doi:10.9999/c");
  }

  @Test
  void aFailingSourceLeavesTheOtherAndTheExitCodeSaysPartialOrTryLater() {
    SuggestService s = new SuggestService(cache, () -> graph(null),
        () -> recommendations(failure(SourceException.Kind.SERVER)), Clock.fixed(NOW, ZoneOffset.UTC));
    SuggestService.Run run = s.suggest(topic, new SuggestService.Options(20, 2, 100, false));
    assertThat(run.outcome().status()).isEqualTo(Outcome.Status.PARTIAL);
    assertThat(run.result().suggestions()).isNotEmpty();

    calls.clear();
    s = new SuggestService(cache, () -> graph(failure(SourceException.Kind.TRY_LATER)), () -> recommendations(null),
        Clock.fixed(NOW, ZoneOffset.UTC));
    run = s.suggest(topic, new SuggestService.Options(20, 2, 100, false));
    assertThat(run.outcome().status()).isEqualTo(Outcome.Status.TRY_LATER);
    // after OpenAlex failed, no further OpenAlex request; the recommendations are still asked
    assertThat(calls).hasSize(3);
    assertThat(calls.get(2)).startsWith("recommend");
  }

  @Test
  void nothingIsWrittenWithoutAdd() throws Exception {
    byte[] before = java.nio.file.Files.readAllBytes(cache.files().get(0));
    int files = cache.files().size();
    new SuggestService(cache, () -> graph(null), () -> recommendations(null), Clock.fixed(NOW, ZoneOffset.UTC))
        .suggest(topic, new SuggestService.Options(20, 1, 100, false));
    assertThat(cache.files()).hasSize(files);
    assertThat(java.nio.file.Files.readAllBytes(cache.files().get(0))).isEqualTo(before);
  }
}
