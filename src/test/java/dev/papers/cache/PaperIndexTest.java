package dev.papers.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.testing.FakeTime;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperIndexTest {
  @TempDir Path dir;
  final FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));

  PaperCache cache() {
    return new PaperCache(dir, time);
  }

  PaperIndex index(PaperCache c) {
    return new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY);
  }

  static void store(PaperCache c, String arxiv, int count, String abs) {
    SourceRecord r = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId(arxiv).title("Paper " + arxiv)
        .abstractText(abs).count(count).observedAt(Instant.parse("2025-06-01T00:00:00Z").plusSeconds(count)).build();
    c.update(List.of(PaperId.parse(arxiv)), p -> p.merge(r, Instant.parse("2025-06-01T00:00:00Z")));
  }

  /**
   * Every paper the index hands out, by id (without its abstract); for each, whether its title or
   * abstract mentions {@code probe} (when given) goes into {@code mentions}.
   */
  static Map<String, Paper> read(PaperIndex.View v, Map<String, String> mentions, String... probe) {
    Map<String, Paper> out = new ConcurrentHashMap<>();
    v.candidates().forEachEntry(Instant.MAX, e -> {
      Paper p = v.paper(e.ref());
      assertThat(e.id()).isEqualTo(p.id());
      out.put(p.id(), p);
      for (String k : probe) {
        if (e.mentionsAny(List.of(k))) {
          mentions.put(p.id(), k);
        }
      }
    });
    return new TreeMap<>(out);
  }

  /** A paper's Semantic Scholar count as a ranking through the index sees it. */
  static int s2Count(PaperIndex.View v, String id) {
    return read(v, new TreeMap<>()).get(id).citation(Source.SEMANTIC_SCHOLAR.jsonName()).count();
  }

  /** Edits a paper file in place (same inode, directory untouched), its count changed, its time set back. */
  static void editInPlace(PaperCache c, String id, int from, int to) throws IOException {
    Path f = c.paperFile(id);
    Files.writeString(f, Files.readString(f).replace("\"count\" : " + from + ",", "\"count\" : " + to + ","));
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofMinutes(30))));
  }

  static Paper withoutAbstract(Paper p) {
    return p.toBuilder().abstractText(null).build();
  }

  /** Moves every paper file's time an hour back, as if written long before the index is made. */
  void ageFiles() throws IOException {
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    try (Stream<Path> s = Files.walk(dir.resolve("papers"))) {
      for (Path p : s.toList()) {
        Files.setLastModifiedTime(p, old);
      }
    }
  }

  Object indexFileKey(PaperIndex i) throws IOException {
    return Files.readAttributes(i.file(), BasicFileAttributes.class).fileKey();
  }

  @Test
  void holdsWhatTheFilesHoldAndTheAbstractsOnDemand() {
    PaperCache c = cache();
    for (int i = 0; i < 30; i++) {
      store(c, String.format("2001.%05d", i), i, "abstract number " + i + " — 摘要");
    }
    Map<String, String> abstracts = new TreeMap<>();
    try (PaperIndex.View v = index(c).open()) {
      Map<String, Paper> got = read(v, Collections.synchronizedMap(abstracts), "number 7 — 摘要", "paper 2001.00003");
      assertThat(v.size()).isEqualTo(30);
      assertThat(v.problems()).isEmpty();
      Map<String, Paper> want = new TreeMap<>();
      for (Paper p : c.loadAll().papers()) {
        want.put(p.id(), withoutAbstract(p));
      }
      assertThat(got).isEqualTo(want);
      assertThat(abstracts).containsOnly(Map.entry("arxiv:2001.00007", "number 7 — 摘要"),
          Map.entry("arxiv:2001.00003", "paper 2001.00003"));
    }
  }

  @Test
  void aWriteAfterTheIndexWasMadeIsSeenByTheNextOpen() {
    PaperCache c = cache();
    store(c, "2001.00001", 5, "a");
    store(c, "2001.00002", 6, "b");
    PaperIndex idx = index(c);
    try (PaperIndex.View v = idx.open()) {
      assertThat(s2Count(v, "arxiv:2001.00001")).isEqualTo(5);
    }
    store(c, "2001.00001", 50, "a");
    store(c, "2001.00003", 7, "c");
    try (PaperIndex.View v = idx.open()) {
      Map<String, Paper> got = read(v, new TreeMap<>());
      assertThat(got).containsOnlyKeys("arxiv:2001.00001", "arxiv:2001.00002", "arxiv:2001.00003");
      assertThat(got.get("arxiv:2001.00001").citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(50);
    }
  }

  @Test
  void aFileEditedInPlaceBySameSizeRightAfterTheIndexWasMadeIsReadAgain() throws IOException {
    PaperCache c = cache();
    store(c, "2001.00001", 5, "a");
    PaperIndex idx = index(c);
    idx.open().close();
    // The same size, the same file (inode), perhaps the same time tick: only the racy rule catches it.
    Path f = c.paperFile("arxiv:2001.00001");
    String json = Files.readString(f);
    assertThat(json).contains("\"count\" : 5,");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.write(json.replace("\"count\" : 5,", "\"count\" : 9,").getBytes(StandardCharsets.UTF_8));
    }
    try (PaperIndex.View v = idx.open()) {
      assertThat(s2Count(v, "arxiv:2001.00001")).isEqualTo(9);
    }
  }

  @Test
  void aFreshIndexIsUsedAsItIsAndAChangeRewritesIt() throws IOException {
    PaperCache c = cache();
    store(c, "2001.00001", 5, "a");
    store(c, "2001.00002", 6, "b");
    ageFiles();
    PaperIndex idx = index(c);
    idx.open().close();
    Object first = indexFileKey(idx);
    idx.open().close();
    assertThat(indexFileKey(idx)).as("not rewritten when nothing changed").isEqualTo(first);
    Files.delete(c.paperFile("arxiv:2001.00002"));
    try (PaperIndex.View v = idx.open()) {
      assertThat(read(v, new TreeMap<>())).containsOnlyKeys("arxiv:2001.00001");
    }
    assertThat(indexFileKey(idx)).as("rewritten after a change").isNotEqualTo(first);
  }

  @Test
  void aBrokenFileIsAProblemNotAFailureAndIsReadAgainOnceMended() throws IOException {
    PaperCache c = cache();
    store(c, "2001.00001", 5, "a");
    Path broken = dir.resolve("papers/arxiv/2001.00002.json");
    Files.writeString(broken, "{ \"id\": ");
    Files.writeString(dir.resolve("papers/arxiv/.2001.00001.json.123.abc.tmp"), "half a write");
    PaperIndex idx = index(c);
    try (PaperIndex.View v = idx.open()) {
      assertThat(v.problems()).singleElement().asString().contains("2001.00002.json");
      assertThat(read(v, new TreeMap<>())).containsOnlyKeys("arxiv:2001.00001");
    }
    // Mended by hand.
    Files.write(broken, c.serialize(Paper.create("arxiv:2001.00002", Instant.parse("2025-06-01T00:00:00Z"))));
    try (PaperIndex.View v = idx.open()) {
      assertThat(v.problems()).isEmpty();
      assertThat(read(v, new TreeMap<>())).containsOnlyKeys("arxiv:2001.00001", "arxiv:2001.00002");
    }
  }

  @Test
  void aDamagedIndexIsDetectedRemovedAndRebuilt() throws IOException {
    PaperCache c = cache();
    for (int i = 0; i < 20; i++) {
      store(c, String.format("2001.%05d", i), i, "x".repeat(200));
    }
    ageFiles();
    // Trusting the directories and the journal, an open reads no record: the damage shows on reading.
    PaperIndex idx = new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY, Duration.ofHours(1));
    idx.open().close();
    // A flipped byte inside the records: the chunk's checksum no longer matches.
    try (RandomAccessFile raf = new RandomAccessFile(idx.file().toFile(), "rw")) {
      raf.seek(200);
      int b = raf.read();
      raf.seek(200);
      raf.write(b ^ 0x40);
    }
    try (PaperIndex.View v = idx.open()) {
      assertThatThrownBy(() -> v.candidates().forEachEntry(Instant.MAX, r -> { })).isInstanceOf(CacheException.class).hasMessageContaining("damaged");
    }
    assertThat(idx.file()).doesNotExist();
    try (PaperIndex.View v = idx.open()) {
      assertThat(read(v, new TreeMap<>())).hasSize(20);
    }
    // Cut short, or not an index at all: rebuilt without a word.
    for (byte[] junk : List.of(new byte[0], "not an index".getBytes(StandardCharsets.UTF_8))) {
      Files.write(idx.file(), junk);
      try (PaperIndex.View v = idx.open()) {
        assertThat(read(v, new TreeMap<>())).hasSize(20);
      }
    }
    long size = Files.size(idx.file());
    try (RandomAccessFile raf = new RandomAccessFile(idx.file().toFile(), "rw")) {
      raf.setLength(size - 7);
    }
    try (PaperIndex.View v = idx.open()) {
      assertThat(read(v, new TreeMap<>())).hasSize(20);
    }
  }

  @Test
  void whereTheStateDirectoryCannotBeWrittenAPrivateIndexIsUsed() throws IOException {
    PaperCache c = cache();
    store(c, "2001.00001", 5, "a");
    try (Stream<Path> s = Files.walk(dir.resolve(".state"))) {
      for (Path p : s.sorted(Collections.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    Files.writeString(dir.resolve(".state"), "a file where the directory should be");
    try (PaperIndex.View v = index(c).open()) {
      assertThat(read(v, new TreeMap<>())).containsOnlyKeys("arxiv:2001.00001");
    }
  }

  @Test
  void manyChunksAndAnEmptyCache() {
    PaperCache c = cache();
    try (PaperIndex.View v = index(c).open()) {
      assertThat(v.size()).isZero();
      assertThat(read(v, new TreeMap<>())).isEmpty();
    }
    List<String> ids = new ArrayList<>();
    String big = "long abstract ".repeat(40_000); // about 560 KB: a few records fill a chunk
    for (int i = 0; i < 12; i++) {
      String id = String.format("2002.%05d", i);
      ids.add("arxiv:" + id);
      store(c, id, i, big + i);
    }
    Map<String, String> abstracts = Collections.synchronizedMap(new TreeMap<>());
    try (PaperIndex.View v = index(c).open()) {
      assertThat(read(v, abstracts, "abstract 11").keySet()).containsExactlyElementsOf(ids);
      assertThat(abstracts).containsOnlyKeys("arxiv:2002.00011");
    }
  }

  @Test
  void aFileDatedInTheFutureDoesNotMakeEveryOpenRewriteTheIndex() throws IOException {
    PaperCache c = cache();
    store(c, "2001.00001", 5, "a");
    store(c, "2001.00002", 6, "b");
    ageFiles();
    Files.setLastModifiedTime(c.paperFile("arxiv:2001.00002"), FileTime.from(Instant.now().plus(Duration.ofDays(365))));
    PaperIndex idx = index(c);
    idx.open().close();
    Object first = indexFileKey(idx);
    idx.open().close();
    assertThat(indexFileKey(idx)).isEqualTo(first);
  }

  @Test
  void noCacheYetMeansAnEmptyIndexAndNothingWritten() {
    PaperCache c = new PaperCache(dir.resolve("mistyped"), time);
    try (PaperIndex.View v = index(c).open()) {
      assertThat(v.size()).isZero();
      assertThat(read(v, new TreeMap<>())).isEmpty();
    }
    assertThat(dir.resolve("mistyped")).doesNotExist();
  }

  @Test
  void aRecordTheModelCannotHoldIsOneBrokenFileNotAFailedRank() throws IOException {
    PaperCache c = cache();
    store(c, "2001.00001", 5, "a");
    Files.writeString(dir.resolve("papers/arxiv/2001.00002.json"), "{\"id\": \"arxiv:2001.00002\", \"histograms\":"
        + " {\"semanticScholar\": {\"source\": \"semanticScholar\", \"madeAt\": \"2024-01-01T00:00:00Z\"}}}");
    try (PaperIndex.View v = index(c).open()) {
      assertThat(v.problems()).singleElement().asString().contains("2001.00002.json").contains("byYear");
      assertThat(read(v, new TreeMap<>())).containsOnlyKeys("arxiv:2001.00001");
    }
  }

  @Test
  void temporariesOfKilledRebuildsAreSweptAndOthersLeftAlone() throws IOException {
    PaperCache c = cache();
    store(c, "2001.00001", 5, "a");
    Path indexDir = Files.createDirectories(dir.resolve(".state/index"));
    Path dead = indexDir.resolve(".rank.idx.999999999.abc.tmp");
    Path mine = indexDir.resolve(".rank.idx." + ProcessHandle.current().pid() + ".def.tmp");
    Path other = indexDir.resolve("notes.txt");
    for (Path f : List.of(dead, mine, other)) {
      Files.writeString(f, "x");
    }
    index(c).open().close();
    assertThat(dead).doesNotExist();
    assertThat(mine).exists();
    assertThat(other).exists();
  }

  @Test
  void indexesOpenedWhileAnotherThreadWritesNeverFailAndEndUpWithTheLastWrites() throws Exception {
    PaperCache c = cache();
    for (int i = 0; i < 40; i++) {
      store(c, String.format("2003.%05d", i), 1, "a");
    }
    Thread writer = new Thread(() -> {
      for (int round = 2; round <= 6; round++) {
        for (int i = 0; i < 40; i++) {
          store(c, String.format("2003.%05d", i), round, "a");
        }
      }
    });
    writer.start();
    PaperIndex idx = index(c);
    while (writer.isAlive()) {
      try (PaperIndex.View v = idx.open()) {
        assertThat(read(v, new TreeMap<>())).hasSize(40);
      }
    }
    writer.join();
    try (PaperIndex.View v = idx.open()) {
      assertThat(read(v, new TreeMap<>()).values())
          .allSatisfy(p -> assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(6));
    }
  }

  /** Sets every paper file's and directory's time an hour back: nothing racy. */
  void ageAll() throws IOException {
    ageFiles();
  }

  @Test
  void aFileReplacedByHandIsSeenThroughItsDirectoryWithoutTheJournal() throws IOException {
    PaperCache c = cache();
    store(c, "2001.00001", 5, "a");
    store(c, "2001.00002", 6, "b");
    ageAll();
    PaperIndex idx = new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY, Duration.ofHours(1));
    idx.open().close();
    // As an editor saves: a new file renamed over the old one. The journal knows nothing of it.
    Path f = c.paperFile("arxiv:2001.00001");
    Path tmp = f.resolveSibling("edit.tmp");
    Files.writeString(tmp, Files.readString(f).replace("\"count\" : 5,", "\"count\" : 77,"));
    Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (PaperIndex.View v = idx.open()) {
      assertThat(s2Count(v, "arxiv:2001.00001"))
          .isEqualTo(77);
    }
  }

  @Test
  void aFileEditedInPlaceIsSeenByTheNextFullCheck() throws IOException {
    PaperCache c = cache();
    store(c, "2001.00001", 5, "a");
    ageAll();
    long[] wall = {System.currentTimeMillis()};
    PaperIndex idx = new PaperIndex(c, () -> wall[0], PaperIndex.RACY, Duration.ofMinutes(10));
    idx.open().close();
    editInPlace(c, "arxiv:2001.00001", 5, 8);
    wall[0] += Duration.ofMinutes(9).toMillis();
    try (PaperIndex.View v = idx.open()) {
      // Its directory did not change and the journal does not name it: not looked at yet.
      assertThat(s2Count(v, "arxiv:2001.00001"))
          .isEqualTo(5);
    }
    wall[0] += Duration.ofMinutes(2).toMillis();
    try (PaperIndex.View v = idx.open()) {
      assertThat(s2Count(v, "arxiv:2001.00001"))
          .isEqualTo(8);
    }
  }

  @Test
  void theCachesOwnWritesAreReadFromTheJournalAndTheirTextsAppended() throws IOException {
    PaperCache c = cache();
    for (int i = 0; i < 20; i++) {
      store(c, String.format("2001.%05d", i), i, "first words " + i);
    }
    ageAll();
    PaperIndex idx = new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY, Duration.ofHours(1));
    idx.open().close();
    Path text = idx.file().resolveSibling("text.log");
    Object textKey = Files.readAttributes(text, BasicFileAttributes.class).fileKey();
    long textSize = Files.size(text);
    store(c, "2001.00003", 300, "second words");
    store(c, "2001.00021", 1, "a new one");
    assertThat(Files.readString(idx.file().resolveSibling("journal")))
        .contains("arxiv/2001.00003.json").contains("arxiv/2001.00021.json");
    Map<String, String> mentions = new ConcurrentHashMap<>();
    try (PaperIndex.View v = idx.open()) {
      Map<String, Paper> got = read(v, mentions, "second words", "first words 3");
      assertThat(got).hasSize(21);
      assertThat(got.get("arxiv:2001.00003").citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(300);
    }
    assertThat(mentions).containsOnly(Map.entry("arxiv:2001.00003", "second words"));
    assertThat(Files.readAttributes(text, BasicFileAttributes.class).fileKey()).as("appended to").isEqualTo(textKey);
    assertThat(Files.size(text)).isGreaterThan(textSize);
  }

  @Test
  void byDefaultEveryOpenSeesAFileEditedInPlaceAndRewritesNothingWhenNothingChanged() throws IOException {
    PaperCache c = cache();
    for (int i = 0; i < 5; i++) {
      store(c, String.format("2001.%05d", i), i, "abstract");
    }
    ageFiles();
    PaperIndex idx = index(c);
    idx.open().close();
    Object before = Files.readAttributes(idx.file(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    idx.open().close();
    assertThat(Files.readAttributes(idx.file(), java.nio.file.attribute.BasicFileAttributes.class).fileKey())
        .as("not rewritten when nothing changed").isEqualTo(before);
    // Edited in place: same directory, same inode, a new size and time.
    Path f = c.paperFile("arxiv:2001.00003");
    String text = Files.readString(f).replace("\"abstract\"", "\"an abstract edited by hand\"");
    try (var out = Files.newOutputStream(f, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    try (PaperIndex.View v = idx.open()) {
      assertThat(read(v, new TreeMap<>())).hasSize(5);
    }
    assertThat(Files.readAttributes(idx.file(), java.nio.file.attribute.BasicFileAttributes.class).fileKey())
        .as("rewritten after the in-place edit").isNotEqualTo(before);
  }

  @Test
  void theRollingCheckSeesAFileEditedInPlaceWithinFilesOverCheckedOpensAndGoesOnWhereItStopped() throws IOException {
    PaperCache c = cache();
    for (int i = 0; i < 10; i++) {
      store(c, String.format("2001.%05d", i), i, "abstract");
    }
    ageAll();
    // Trusting the directories and the journal for an hour, and comparing 3 more files every open.
    PaperIndex idx = new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY, Duration.ofHours(1), 3, 1);
    idx.open().close(); // built from every file: no rolling check yet
    Path state = idx.file().resolveSibling("check");
    // Edited in place (same inode, same directory time), the journal knows nothing of it.
    editInPlace(c, "arxiv:2001.00007", 7, 70);
    Object before = Files.readAttributes(idx.file(), BasicFileAttributes.class).fileKey();
    int opens = 0;
    int seen = -1;
    while (opens < 4) {
      opens++;
      try (PaperIndex.View v = idx.open()) {
        if (s2Count(v, "arxiv:2001.00007") == 70) {
          seen = opens;
          break;
        }
      }
      assertThat(Files.readAttributes(idx.file(), BasicFileAttributes.class).fileKey())
          .as("nothing rewritten while the rolling check finds nothing").isEqualTo(before);
    }
    // Ten files, three an open: seen by the fourth open at the latest (the rows are in path order: the third).
    assertThat(seen).isEqualTo(3);
    assertThat(Files.readString(state)).as("went on where it stopped").startsWith("9 ");
    idx.open().close();
    assertThat(Files.readString(state)).as("around to the first row").startsWith("2 ");
  }

  @Test
  void anEditTheRollingCheckFoundIsNotSkippedWhenTheRunIsKilledBeforeTheIndexIsWritten() throws IOException {
    PaperCache c = cache();
    for (int i = 0; i < 3; i++) {
      store(c, String.format("2001.%05d", i), i, "abstract");
    }
    ageAll();
    new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY, Duration.ofHours(1), 1, 1).open().close();
    Path state = PaperIndex.indexDir(c).resolve("check");
    // Edited in place: the first row, the one the next rolling check compares.
    editInPlace(c, "arxiv:2001.00000", 0, 40);
    // Killed (kill -9) at the first moment after the rolling check moved on, before the index is replaced.
    java.util.function.LongSupplier killed = () -> {
      try {
        if (Files.exists(state) && !Files.readString(state).startsWith("0 ")) {
          throw new IllegalStateException("killed");
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return System.currentTimeMillis();
    };
    try {
      new PaperIndex(c, killed, PaperIndex.RACY, Duration.ofHours(1), 1, 1).open().close();
    } catch (IllegalStateException e) {
      assertThat(e).hasMessage("killed");
    }
    // The next run still sees the edit.
    try (PaperIndex.View v = new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY, Duration.ofHours(1), 1, 1)
        .open()) {
      assertThat(s2Count(v, "arxiv:2001.00000"))
          .isEqualTo(40);
    }
  }

  @Test
  void aPathDamagedInTheFileTableIsFoundOutByTheRollingCheckAndTheIndexRebuilt() throws IOException {
    PaperCache c = cache();
    for (int i = 0; i < 5; i++) {
      store(c, String.format("2001.%05d", i), i, "abstract");
    }
    ageAll();
    PaperIndex idx = new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY, Duration.ofHours(1), 5);
    idx.open().close();
    // A byte of a path in the file table (after the entries, which hold the paths too) zeroed.
    byte[] b = Files.readAllBytes(idx.file());
    byte[] path = "arxiv/2001.00003.json".getBytes(StandardCharsets.UTF_8);
    int at = -1;
    for (int i = 0; i + path.length <= b.length; i++) {
      if (java.util.Arrays.equals(b, i, i + path.length, path, 0, path.length)) {
        at = i;
      }
    }
    try (RandomAccessFile raf = new RandomAccessFile(idx.file().toFile(), "rw")) {
      raf.seek(at + 10);
      raf.write(0);
    }
    try (PaperIndex.View v = idx.open()) {
      assertThat(read(v, new TreeMap<>())).hasSize(5);
    }
  }

  @Test
  void aRollingCheckAsLargeAsTheCacheSeesAnEditInPlaceByTheVeryNextOpen() throws IOException {
    PaperCache c = cache();
    for (int i = 0; i < 4; i++) {
      store(c, String.format("2001.%05d", i), i, "abstract");
    }
    ageAll();
    PaperIndex idx = new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY, Duration.ofHours(1), 4);
    idx.open().close();
    editInPlace(c, "arxiv:2001.00002", 2, 20);
    try (PaperIndex.View v = idx.open()) {
      assertThat(s2Count(v, "arxiv:2001.00002"))
          .isEqualTo(20);
    }
    // A file removed: its directory's time says so (a full check), and the rolling check's row is dropped.
    Files.delete(c.paperFile("arxiv:2001.00001"));
    try (PaperIndex.View v = idx.open()) {
      assertThat(read(v, new TreeMap<>())).doesNotContainKey("arxiv:2001.00001").hasSize(3);
    }
  }

  @Test
  void aFullCheckThatFindsNothingIsRememberedSoTheNextOpensDoNotRepeatIt() throws IOException {
    PaperCache c = cache();
    store(c, "2001.00001", 1, "a");
    ageAll();
    long[] wall = {System.currentTimeMillis()};
    PaperIndex idx = new PaperIndex(c, () -> wall[0], PaperIndex.RACY, Duration.ofMinutes(10), 0);
    idx.open().close();
    wall[0] += Duration.ofMinutes(11).toMillis();
    idx.open().close(); // due: every file compared, nothing changed, nothing rewritten
    long fullAt = Long.parseLong(Files.readString(idx.file().resolveSibling("check")).trim().split(" ")[1]);
    assertThat(fullAt).isEqualTo(wall[0]);
    // Edited in place after it: not seen until the next full check is due (no rolling check here).
    editInPlace(c, "arxiv:2001.00001", 1, 10);
    wall[0] += Duration.ofMinutes(9).toMillis();
    try (PaperIndex.View v = idx.open()) {
      assertThat(s2Count(v, "arxiv:2001.00001"))
          .isEqualTo(1);
    }
    wall[0] += Duration.ofMinutes(2).toMillis();
    try (PaperIndex.View v = idx.open()) {
      assertThat(s2Count(v, "arxiv:2001.00001"))
          .isEqualTo(10);
    }
  }

  @Test
  void aFewChangedFilesKeepTheOldChunksWithTheirEntriesDeadUntilTheDeadWouldBeAQuarter() throws IOException {
    PaperCache c = cache();
    for (int i = 0; i < 20; i++) {
      store(c, String.format("2001.%05d", i), i, "words " + i);
    }
    ageAll();
    PaperIndex idx = new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY, Duration.ofHours(1), 0);
    idx.open().close();
    // Three written through the cache (the journal names them) and one removed by hand.
    for (int i = 0; i < 3; i++) {
      store(c, String.format("2001.%05d", i), 100 + i, "new words " + i);
    }
    try (PaperIndex.View v = idx.open()) {
      assertThat(v.deadCount()).as("patched, not rewritten").isEqualTo(3);
      Map<String, String> mentions = new ConcurrentHashMap<>();
      Map<String, Paper> got = read(v, mentions, "new words 1", "words 5");
      assertThat(got).hasSize(20);
      assertThat(got.get("arxiv:2001.00001").citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(101);
      assertThat(got.get("arxiv:2001.00009").citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(9);
      assertThat(mentions).containsOnly(Map.entry("arxiv:2001.00001", "new words 1"), Map.entry("arxiv:2001.00005", "words 5"));
      assertThat(v.problems()).isEmpty();
    }
    // The same one again, and three more: 7 dead of 27 entries would be over a quarter: all rewritten.
    for (int i = 2; i < 6; i++) {
      store(c, String.format("2001.%05d", i), 200 + i, "newer words " + i);
    }
    try (PaperIndex.View v = idx.open()) {
      assertThat(v.deadCount()).isZero();
      Map<String, Paper> got = read(v, new TreeMap<>());
      assertThat(got).hasSize(20);
      assertThat(got.get("arxiv:2001.00002").citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(202);
      assertThat(got.get("arxiv:2001.00001").citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(101);
    }
    // A full check of every file agrees with a patched index: nothing to rewrite.
    ageAll();
    PaperIndex full = new PaperIndex(c, System::currentTimeMillis, PaperIndex.RACY, Duration.ZERO, 0);
    full.open().close(); // every time trusted
    Object before = Files.readAttributes(idx.file(), BasicFileAttributes.class).fileKey();
    store(c, "2001.00010", 310, "patched again");
    Files.setLastModifiedTime(c.paperFile("arxiv:2001.00010"), FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
    idx.open().close();
    Object patched = Files.readAttributes(idx.file(), BasicFileAttributes.class).fileKey();
    assertThat(patched).isNotEqualTo(before);
    try (PaperIndex.View v = full.open()) {
      assertThat(v.deadCount()).isEqualTo(1);
      assertThat(s2Count(v, "arxiv:2001.00010"))
          .isEqualTo(310);
    }
    assertThat(Files.readAttributes(idx.file(), BasicFileAttributes.class).fileKey()).isEqualTo(patched);
  }
}
