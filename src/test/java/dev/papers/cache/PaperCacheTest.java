package dev.papers.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.testing.FakeTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperCacheTest {
  @TempDir Path dir;
  final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));

  PaperCache cache() {
    return new PaperCache(dir, time);
  }

  static SourceRecord s2(String arxiv, String doi, int count, Instant at) {
    return SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId(arxiv).doi(doi)
        .s2Id("204e3073870fae3d05bcbc2f6a8e263d9b72e776").title("Attention Is All You Need").count(count)
        .observedAt(at).build();
  }

  @Test
  void everyFormOfOnePaperLandsOnOneEntry() {
    PaperCache c = cache();
    SourceRecord r = s2("1706.03762", "10.5555/3295222.3295349", 100, time.instant());
    c.update(List.of(PaperId.parse("https://arxiv.org/pdf/1706.03762v7.pdf")), p -> p.merge(r, time.instant()));
    c.update(List.of(PaperId.parse("arXiv:1706.03762")), p -> p.merge(r, time.instant()));
    assertThat(c.files()).hasSize(1);
    for (String form : List.of("1706.03762", "1706.03762v2", "10.48550/arXiv.1706.03762",
        "http://xxx.itp.ac.cn/abs/1706.03762", "doi:10.5555/3295222.3295349",
        "204e3073870fae3d05bcbc2f6a8e263d9b72e776")) {
      assertThat(c.find(PaperId.parse(form))).as(form).get().extracting(Paper::id).isEqualTo("arxiv:1706.03762");
    }
  }

  @Test
  void aDoiEntryAndAnArxivEntryThatASourceLinksAreJoinedUnderTheOlderId() {
    PaperCache c = cache();
    Instant t = time.instant();
    c.update(List.of(PaperId.parse("10.1103/PhysRevB.85.115117")),
        p -> p.merge(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).doi("10.1103/PhysRevB.85.115117")
            .title("Quantum criticality").count(7).observedAt(t).build(), t));
    time.advance(Duration.ofDays(1));
    c.update(List.of(PaperId.parse("1111.2011")),
        p -> p.merge(SourceRecord.builder(Source.ARXIV.jsonName()).arxivId("1111.2011").title("Q").observedAt(time.instant()).build(),
            time.instant()));
    assertThat(c.files()).hasSize(2);
    // arXiv reveals the DOI: both entries are one paper now
    SourceRecord link = SourceRecord.builder(Source.ARXIV.jsonName()).arxivId("1111.2011").doi("10.1103/PhysRevB.85.115117")
        .title("Quantum Criticality for Extended Nodes").observedAt(time.instant()).build();
    Paper joined = c.update(link.ids(), p -> p.merge(link, time.instant()));
    assertThat(joined.id()).isEqualTo("doi:10.1103/physrevb.85.115117");
    assertThat(joined.title()).isEqualTo("Quantum Criticality for Extended Nodes");
    assertThat(joined.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(7);
    assertThat(c.files()).hasSize(1);
    assertThat(c.find(PaperId.parse("1111.2011"))).get().extracting(Paper::id).isEqualTo(joined.id());
  }

  @Test
  void fileNamesStayInsideTheCache() throws IOException {
    PaperCache c = cache();
    Instant t = time.instant();
    c.update(List.of(PaperId.parse("hep-th/9901001")), p -> p.merge(SourceRecord.builder(Source.ARXIV.jsonName())
        .arxivId("hep-th/9901001").title("old").observedAt(t).build(), t));
    assertThat(dir.resolve("papers/arxiv/hep-th%2F9901001.json")).exists();
    PaperId nasty = PaperId.parse("10.1000/../../../../etc/passwd");
    c.update(List.of(nasty), p -> p.merge(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName())
        .doi(nasty.value()).title("x").observedAt(t).build(), t));
    try (Stream<Path> all = Files.walk(dir)) {
      all.filter(Files::isRegularFile).forEach(f -> assertThat(f.normalize()).startsWith(dir));
    }
    assertThat(c.find(nasty)).isPresent();
    assertThat(FileNames.name("doi:" + "a".repeat(400))).hasSizeLessThanOrEqualTo(FileNames.MAX_NAME);
    assertThat(FileNames.name("doi:" + "a".repeat(400))).isNotEqualTo(FileNames.name("doi:" + "a".repeat(401)));
    assertThat(FileNames.name("doi:.hidden")).startsWith("%2E");
  }

  @Test
  void filesAreHumanReadableJsonWithASchemaVersionAndNoTemporariesRemain() throws IOException {
    PaperCache c = cache();
    Instant t = time.instant();
    c.update(List.of(PaperId.parse("1706.03762")), p -> p.merge(s2("1706.03762", null, 5, t), t));
    Path f = dir.resolve("papers/arxiv/1706.03762.json");
    String text = Files.readString(f);
    assertThat(text).startsWith("{\n  \"schemaVersion\" : 1,\n  \"id\" : \"arxiv:1706.03762\"");
    try (Stream<Path> all = Files.walk(dir.resolve("papers"))) {
      assertThat(all.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
    }
    // a temporary left by a killed writer is never read as a paper
    Files.writeString(f.resolveSibling(".1706.03762.json.99.abc.tmp"), "{\"id\":");
    assertThat(c.loadAll().papers()).hasSize(1);
    assertThat(c.loadAll().problems()).isEmpty();
  }

  @Test
  void aBrokenFileIsReportedNotFatalAndANewerSchemaIsRefused() throws IOException {
    PaperCache c = cache();
    Instant t = time.instant();
    c.update(List.of(PaperId.parse("1706.03762")), p -> p.merge(s2("1706.03762", null, 5, t), t));
    Files.createDirectories(dir.resolve("papers/doi"));
    Files.writeString(dir.resolve("papers/doi/10.1%2Fbroken.json"), "{not json");
    PaperCache.Snapshot s = c.loadAll();
    assertThat(s.papers()).hasSize(1);
    assertThat(s.problems()).singleElement().asString().contains("10.1%2Fbroken.json");
    Files.writeString(dir.resolve("papers/doi/10.1%2Fnew.json"), "{\"schemaVersion\": 99, \"id\": \"doi:10.1/new\"}");
    assertThatThrownBy(() -> c.read("doi:10.1/new")).isInstanceOf(CacheException.class)
        .hasMessageContaining("newer papers");
  }

  @Test
  void concurrentUpdatesOfOnePaperLoseNothing() throws Exception {
    PaperCache c = cache();
    PaperId id = PaperId.parse("1706.03762");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> fs = new ArrayList<>();
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    for (int w = 0; w < 8; w++) {
      int worker = w;
      fs.add(pool.submit(() -> {
        // separate cache objects, as separate processes would have
        PaperCache mine = new PaperCache(dir, time);
        for (int i = 0; i < 25; i++) {
          Instant at = base.plusSeconds(worker * 1000L + i);
          int count = 100 + i;
          mine.update(List.of(id), p -> p.observe(new Observation("semanticScholar", count, at), null, at));
        }
      }));
    }
    for (Future<?> f : fs) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(c.find(id).orElseThrow().history()).hasSize(200);
  }

  @Test
  void concurrentUpdatesFromTwoProcessesLoseNothing() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    List<Process> ps = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      ps.add(new ProcessBuilder(java, "-cp", cp, CacheHammer.class.getName(), dir.toString(), String.valueOf(w), "40")
          .redirectErrorStream(true).start());
    }
    for (Process p : ps) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }
    Paper p = cache().find(PaperId.parse("1706.03762")).orElseThrow();
    assertThat(p.history()).hasSize(80);
  }

  @Test
  void distinctArxivPapersSharingADoiAreNeverJoinedAndTheDoiNamesNeither() throws IOException {
    PaperCache c = cache();
    Instant t = time.instant();
    String volume = "10.5555/proceedings.2020";
    List<String> ids = List.of("1909.10351", "1910.01108", "2002.02925");
    for (int i = 0; i < ids.size(); i++) {
      SourceRecord r = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId(ids.get(i)).doi(volume)
          .title("paper " + i).count(10 * (i + 1)).observedAt(t).build();
      c.update(r.ids(), p -> p.merge(r, t));
    }
    assertThat(c.files()).hasSize(3);
    for (int i = 0; i < ids.size(); i++) {
      Paper p = c.find(PaperId.parse(ids.get(i))).orElseThrow();
      assertThat(p.id()).isEqualTo("arxiv:" + ids.get(i));
      assertThat(p.history()).singleElement().extracting(Observation::count).isEqualTo(10 * (i + 1));
      assertThat(p.title()).isEqualTo("paper " + i);
    }
    assertThat(c.find(PaperId.parse(volume))).isEmpty();
    assertThat(c.sharedBy("doi:" + volume))
        .containsExactlyInAnyOrder("arxiv:1909.10351", "arxiv:1910.01108", "arxiv:2002.02925");
    assertThat(c.drainNotices()).anySatisfy(n -> assertThat(n).contains("doi:" + volume).contains("shared"));

    // later answers repeating the shared DOI neither join the papers nor give the DOI back to one
    time.advance(Duration.ofDays(8));
    Instant later = time.instant();
    SourceRecord again = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId("1909.10351").doi(volume)
        .count(11).observedAt(later).build();
    c.update(again.ids(), p -> p.merge(again, later));
    c.updateExisting("arxiv:1910.01108", p -> p.merge(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName())
        .arxivId("1910.01108").doi(volume).count(21).observedAt(later).build(), later));
    assertThat(c.files()).hasSize(3);
    assertThat(c.find(PaperId.parse(volume))).isEmpty();
    assertThat(c.sharedBy("doi:" + volume)).hasSize(3);
    assertThat(c.find(PaperId.parse("1909.10351")).orElseThrow().history()).hasSize(2);
    assertThat(c.find(PaperId.parse("1909.10351")).orElseThrow().aliases()).doesNotContain("doi:" + volume);
    // each keeps the DOI as a fact
    assertThat(c.find(PaperId.parse("2002.02925")).orElseThrow().doi()).isEqualTo(volume);
  }

  @Test
  void aDoiEntryThatAlreadyHasAnArxivIdIsNotJoinedWithAnotherArxivPaper() {
    PaperCache c = cache();
    Instant t = time.instant();
    String doi = "10.1103/physrevb.85.115117";
    SourceRecord first = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).doi(doi).count(7).observedAt(t).build();
    c.update(first.ids(), p -> p.merge(first, t));
    SourceRecord link = SourceRecord.builder(Source.ARXIV.jsonName()).arxivId("1111.2011").doi(doi).title("A")
        .observedAt(t).build();
    c.update(link.ids(), p -> p.merge(link, t));
    assertThat(c.files()).hasSize(1); // a DOI entry and its arXiv id: one paper
    SourceRecord other = SourceRecord.builder(Source.ARXIV.jsonName()).arxivId("1111.2012").doi(doi).title("B")
        .observedAt(t).build();
    Paper b = c.update(other.ids(), p -> p.merge(other, t));
    assertThat(b.id()).isEqualTo("arxiv:1111.2012");
    assertThat(c.files()).hasSize(2);
    Paper a = c.find(PaperId.parse("1111.2011")).orElseThrow();
    assertThat(a.title()).isEqualTo("A");
    assertThat(a.history()).singleElement().extracting(Observation::count).isEqualTo(7);
    assertThat(c.find(PaperId.parse("1111.2012")).orElseThrow().history()).isEmpty();
  }
}
