package dev.papers.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.cache.PaperCache;
import dev.papers.http.IntervalGate;
import dev.papers.http.Upstream;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.source.scholar.CoolDown;
import dev.papers.source.scholar.ScholarSettings;
import dev.papers.source.scholar.ScholarSource;
import dev.papers.testing.FakeTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScholarLookupTest {
  @TempDir Path dir;
  final FakeTime time = new FakeTime(Instant.parse("2026-11-22T10:00:00Z"));
  final AtomicInteger clients = new AtomicInteger();

  ScholarSource source(PaperCache cache) {
    Upstream upstream = new Upstream(() -> {
      clients.incrementAndGet();
      throw new AssertionError("no request may be sent");
    }, new IntervalGate(cache.stateDir().resolve("rate"), time, time), time, time, new Random(1));
    return new ScholarSource("http://127.0.0.1:1", upstream,
        ScholarSource.defaultPolicy(Duration.ZERO, 0, Duration.ofSeconds(1), null), time, cache.stateDir(),
        ScholarSettings.defaults());
  }

  Paper paper(PaperCache cache, String arxiv, String title) {
    return cache.update(List.of(PaperId.arxiv(arxiv)), p -> p.merge(SourceRecord.builder(Source.ARXIV.jsonName())
        .arxivId(arxiv).title(title).authors(List.of("Ada Lovelace")).year(2020).observedAt(time.instant()).build(),
        time.instant()));
  }

  @Test
  void aCoolDownIsOneTryLaterFailureAndNoRequest() {
    PaperCache cache = new PaperCache(dir.resolve("cache"), time);
    Instant until = Instant.parse("2026-11-22T16:00:00Z");
    new CoolDown(cache.stateDir()).start(new CoolDown.State(until, "captcha", time.instant()));
    List<Paper> papers = List.of(paper(cache, "2001.00001", "One"), paper(cache, "2001.00002", "Two"),
        paper(cache, "2001.00003", "Three"));
    Outcome outcome = new Outcome();
    List<String> notes = new ArrayList<>();

    FetchService.ScholarReport report = new ScholarLookup(cache, () -> source(cache), time)
        .run(papers, outcome, true, notes);

    assertThat(outcome.failures()).singleElement().satisfies(f -> {
      assertThat(f.tryLater()).isTrue();
      assertThat(f.retryAt()).isEqualTo(until);
      assertThat(f.message()).contains("cooling down until 2026-11-22T16:00:00Z").contains("not asking it");
    });
    assertThat(outcome.status()).isEqualTo(Outcome.Status.TRY_LATER);
    assertThat(report.found()).isEmpty();
    assertThat(report.missed()).isEmpty();
    assertThat(notes).singleElement().asString().contains("3 paper(s) not asked");
    assertThat(clients).hasValue(0);
  }

  @Test
  void nothingToAskBuildsNoSource() {
    PaperCache cache = new PaperCache(dir.resolve("cache"), time);
    AtomicInteger built = new AtomicInteger();
    Outcome outcome = new Outcome();
    new ScholarLookup(cache, () -> {
      built.incrementAndGet();
      return source(cache);
    }, time).run(List.of(), outcome, false, new ArrayList<>());
    assertThat(built).hasValue(0);
    assertThat(outcome.failures()).isEmpty();
  }

  @Test
  void onlyTheCountAndClusterAreTakenWhenThePaperHasMetadata() {
    PaperCache cache = new PaperCache(dir.resolve("cache"), time);
    Paper p = paper(cache, "2001.00001", "One");
    SourceRecord full = SourceRecord.builder(Source.SCHOLAR.jsonName()).clusterId("18446744073709551615").title("One …")
        .authors(List.of("A Lovelace")).year(2021).venue("Journal of …").count(7).observedAt(time.instant()).build();

    SourceRecord kept = ScholarLookup.countOnly(full, p);

    assertThat(kept.count()).isEqualTo(7);
    assertThat(kept.clusterId()).isEqualTo("18446744073709551615");
    assertThat(kept.title()).isNull();
    assertThat(kept.authors()).isNullOrEmpty();
    assertThat(kept.year()).isNull();
    assertThat(kept.venue()).isNull();
    Paper bare = Paper.create("scholar:1", time.instant());
    SourceRecord filled = ScholarLookup.countOnly(SourceRecord.builder(Source.SCHOLAR.jsonName()).clusterId("1").year(2019)
        .venue("Nature").count(3).build(), bare);
    assertThat(filled.year()).isEqualTo(2019);
    assertThat(filled.venue()).isEqualTo("Nature");
  }
}
