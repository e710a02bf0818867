package dev.papers.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papers.json.Json;
import dev.papers.model.Paper;
import dev.papers.testing.FakeTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaperReaderTest {
  @TempDir Path dir;

  PaperCache cache() {
    return new PaperCache(dir, new FakeTime(Instant.parse("2026-01-01T00:00:00Z")));
  }

  /** What the data-binding mapper makes of the same bytes (the reader's reference). */
  static Paper viaMapper(byte[] bytes) throws IOException {
    ObjectNode n = (ObjectNode) Json.mapper().readTree(bytes);
    n.remove("schemaVersion");
    return Json.mapper().treeToValue(n, Paper.class);
  }

  @Test
  void readsEveryShippedPaperFileAsTheMapperDoes() throws IOException {
    Path shipped = Path.of("cache", "papers");
    List<Path> files;
    try (Stream<Path> s = Files.walk(shipped)) {
      files = s.filter(p -> p.toString().endsWith(".json")).toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path f : files) {
      byte[] b = Files.readAllBytes(f);
      assertThat(PaperReader.read(b).paper()).as(f.toString()).isEqualTo(viaMapper(b));
      assertThat(PaperReader.read(b).schemaVersion()).isEqualTo(1);
    }
  }

  @Test
  void aRecordWithEveryFieldSetComesBackEqual() throws IOException {
    Paper p = IndexCodecTest.everyField();
    byte[] b = cache().serialize(p);
    assertThat(PaperReader.read(b).paper()).isEqualTo(p).isEqualTo(viaMapper(b));
  }

  @Test
  void handEditsTheMapperWouldTakeAreTakenToo() throws IOException {
    String json = """
        {"id": "arxiv:1909.10351", "comment": {"nested": [1, 2]}, "year": "2019", "corpusId": "202719327",
         "createdAt": "2024-10-23T19:47:53+02:00", "authors": ["A", "B"],
         "citations": {"semanticScholar": {"count": 10, "observedAt": "2024-10-23T17:47:53Z", "note": "x"}},
         "history": [{"source": "semanticScholar", "count": "10", "observedAt": "2024-10-23T17:47:53Z"}]}
        """;
    Paper p = PaperReader.read(json.getBytes(StandardCharsets.UTF_8)).paper();
    assertThat(p.year()).isEqualTo(2019);
    assertThat(p.corpusId()).isEqualTo(202719327L);
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2024-10-23T17:47:53Z"));
    assertThat(p.history()).singleElement().extracting(o -> o.count()).isEqualTo(10);
    assertThat(p).isEqualTo(viaMapper(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void moreHandEditsTheMapperTakesFloatsEmptyStringsEpochSecondsWordsForBooleans() throws IOException {
    String json = """
        {"schemaVersion": 1.0, "id": "arxiv:2001.00001", "year": 2020.0, "arxivVersion": "",
         "published": "2020-01-05T10:00:00", "updatedAt": 1700000000.5,
         "fetched": {"arxiv": "2024-01-01T00:00:00Z"},
         "histograms": {"semanticScholar": {"source": "semanticScholar", "madeAt": "2024-06-01T00:00:00Z",
           "byYear": {"2023": 4.0, "2024": "7"}, "counted": 11, "total": 11, "partial": "false"}},
         "history": [{"source": "semanticScholar", "count": 161.7, "observedAt": "2024-10-23T17:47:53Z",
           "suspect": "true"}]} trailing words the mapper does not read
        """;
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    Paper p = PaperReader.read(b).paper();
    assertThat(p.year()).isEqualTo(2020);
    assertThat(p.arxivVersion()).isNull();
    assertThat(p.published()).hasToString("2020-01-05");
    assertThat(p.updatedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
    assertThat(p.history().get(0).count()).isEqualTo(161);
    assertThat(p.history().get(0).isSuspect()).isTrue();
    assertThat(p.histograms().get("semanticScholar").byYear()).containsEntry(2023, 4).containsEntry(2024, 7);
    assertThat(p).isEqualTo(viaMapper(b));
  }

  @Test
  void stillMoreOfWhatTheMapperTakesNumbersInStringsForInstantsNumbersForBooleansTheWordNull() throws IOException {
    String json = """
        {"id": "arxiv:2001.00001", "updatedAt": "1700000000", "year": "null", "published": [2020, 1, 5],
         "citations": {"scholar": null, "semanticScholar": {"count": 3, "observedAt": "2024-01-01T00:00:00Z"}},
         "history": [{"source": "semanticScholar", "count": 3, "observedAt": "2024-01-01T00:00:00Z", "suspect": 0},
                     {"source": "semanticScholar", "count": 0, "observedAt": "2024-02-01T00:00:00Z", "suspect": 1}]}
        """;
    Paper p = PaperReader.read(json.getBytes(StandardCharsets.UTF_8)).paper();
    assertThat(p.updatedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(p.year()).isNull();
    assertThat(p.published()).hasToString("2020-01-05");
    assertThat(p.citations()).containsOnlyKeys("semanticScholar"); // the mapper kept a null entry
    assertThat(p.history()).extracting(o -> o.suspect()).containsExactly(false, true);
    Paper m = viaMapper(json.getBytes(StandardCharsets.UTF_8));
    assertThat(p.history()).isEqualTo(m.history());
    assertThat(p.published()).isEqualTo(m.published());
    assertThat(p.updatedAt()).isEqualTo(m.updatedAt());
  }

  @Test
  void entriesRankingCannotUseAreReadHereAndRefusedByTheIndex() throws IOException {
    String json = """
        {"id": "arxiv:2001.00001", "history": [{"source": "semanticScholar", "count": 3}],
         "histograms": {"semanticScholar": {"madeAt": "2024-01-01T00:00:00Z"}}}
        """;
    Paper p = PaperReader.read(json.getBytes(StandardCharsets.UTF_8)).paper();
    assertThat(p).isEqualTo(viaMapper(json.getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> IndexCodec.write(p, new IndexCodec.Out())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("history entry");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "{\"id\": ", "{\"id\": \"arxiv:1\", \"history\": [null]}",
      "{\"id\": \"arxiv:1\", \"corpusId\": 12345678901234567890}", "{\"id\": \"arxiv:1\", \"year\": 1e300}",
      "{\"id\": \"arxiv:1\", \"corpusId\": \"12345678901234567890\"}",
      "{\"authors\": [\"a\", null]}", "{\"year\": \"soon\"}", "{\"published\": \"yesterday\"}",
      "{\"citations\": {\"s\": 3}}", "{\"createdAt\": \"noon\"}", "{\"title\": {\"a\": 1}}", "null", "{}"})
  void aBrokenFileIsACacheErrorThatNamesTheFile(String body) throws IOException {
    Path f = dir.resolve("papers/arxiv/1909.10351.json");
    Files.createDirectories(f.getParent());
    Files.writeString(f, body);
    PaperCache c = cache();
    assertThatThrownBy(() -> c.parse(body.getBytes(StandardCharsets.UTF_8), f))
        .isInstanceOf(CacheException.class).hasMessageContaining(f.toString());
  }

  @Test
  void aNewerSchemaIsRefusedWithAnUpgradeHint() {
    Path f = dir.resolve("x.json");
    byte[] b = "{\"schemaVersion\": 2, \"id\": \"arxiv:1909.10351\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> cache().parse(b, f)).isInstanceOf(CacheException.class)
        .hasMessageContaining("upgrade papers");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-12-01T00:00:00Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z",
      "2026-12-01T10:11:12.5Z", "2026-12-01T10:11:12.123456789Z", "2026-12-01T10:11:12.000001Z",
      "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z"})
  void theQuickReadingOfTheCachesOwnTimesIsInstantParse(String s) {
    assertThat(PaperReader.isoUtc(s)).isEqualTo(Instant.parse(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-01T24:00:00Z",
      "2026-12-01T23:59:60Z", "2026-12-01T00:00:00+02:00", "2026-12-01 00:00:00Z", "2026-12-01T00:00:00.Z",
      "2026-12-01T00:00:00.1234567890Z", "+12026-12-01T00:00:00Z", "2026-12-0aT00:00:00Z", "2026-12-01T00:00Z"})
  void anythingElseIsLeftToInstantParse(String s) {
    assertThat(PaperReader.isoUtc(s)).isNull();
  }
}
