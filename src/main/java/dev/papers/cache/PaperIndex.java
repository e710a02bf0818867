package dev.papers.cache;

import dev.papers.model.Citation;
import dev.papers.model.Histogram;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.rank.Candidates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/**
 * The rank index: {@code .state/index/rank.idx}, one compact entry per paper file holding only what
 * ranking reads (the id and other keys, the topic tags, the year, and the best velocity with the count
 * it used, computed when the entry was made), and {@code .state/index/text.log}, the lower-cased
 * titles and abstracts that keyword membership searches, appended to as papers change. At 100,000
 * papers the entries take about 20 MB, read in one pass; the paper files stay the truth.
 *
 * <p><b>A score computed in advance.</b> A velocity depends on the ranking's now only through which
 * observations and histograms exist by then: for a now at or after a paper's latest time (the common
 * case: ranking today), the velocity stored in its entry is the one {@code Velocity.best} gives; for
 * an earlier now ({@code --as-of} in the past) that paper's file is read and its velocity computed.
 * The papers a ranking prints are read from their files, and their velocities computed again.
 *
 * <p><b>Seeing changes without reading every file's attributes.</b> The index remembers the
 * modification time and inode of each {@code papers/<scheme>/} directory and the length of the
 * change journal ({@code .state/index/journal}, a line per paper file the cache itself writes or
 * removes, with its directory's time after the write). Opening it:
 * <ul>
 *   <li>directories and journal unchanged: the index is used as it is (no paper file is looked at);
 *   <li>directories changed, and the journal's new lines explain it (each changed directory's time
 *       is the one its last journal line recorded): only the files the journal names are looked at;
 *   <li>anything else (a file created, replaced, renamed or removed by hand; an interrupted write;
 *       the journal replaced): every paper file's size, time and inode are compared, as a full check;
 *   <li>and, every open, a rolling check of {@link #CHECK_FILES} more files (their size and time),
 *       blocks of {@link #ROW_BLOCK} rows of the file table taken in turn from where the last open
 *       stopped ({@code .state/index/check}): a file edited in place (its directory's time does not
 *       change, and the journal does not name it) is seen within ceil(files / {@link #CHECK_FILES})
 *       opens, by the very next one in a cache of at most that many files;
 *   <li>and a full check in any case when the last one is older than {@link #VERIFY_EVERY}.
 * </ul>
 * Stat'ing every one of 100,000 files costs about half a second on its own (the kernel's share of it
 * alone is more than a third of a second), more than the rest of a ranking; hence the rolling check.
 * Changed files are read again, removed ones dropped, and the index is rewritten to a temporary file
 * renamed into place under a lock: concurrent readers see the old index or the new one.
 *
 * <p><b>Racy times.</b> As git does with its index, a file or directory time within {@link #RACY} of
 * the moment the index is made is not trusted: it is stored as unknown and looked at again next time.
 *
 * <p><b>Layout of rank.idx.</b> A header (magic, {@link #FORMAT}); the entries in chunks of about
 * {@link #CHUNK_BYTES}; the file table (path, size, time, inode, entry offset); the chunk table
 * (offset, length, entries, CRC-32C); the stamp (directory states, journal state, and where every
 * {@link #ROW_BLOCK}-th row of the file table starts, for the rolling check); a fixed trailer
 * (with the CRC-32C of the file table and of the stamp, when the last full check was, and which text
 * log the entries point into). A missing, truncated, foreign, damaged or older-format index is rebuilt
 * from the paper files; where the cache cannot be written (a read-only checkout), the index is built in
 * a temporary file instead.
 */
public final class PaperIndex {
  /** The layout version of the index and of {@link IndexCodec} (the records in the text log); a change rebuilds every index. */
  static final int FORMAT = 6;
  /** File and directory times closer than this to when the index is made are not trusted. */
  public static final Duration RACY = Duration.ofSeconds(2);
  /**
   * How long the index is trusted on its directories, its journal and the rolling check before a full
   * check of every file: a day (the rolling check sees a file edited in place well before, in a cache
   * ranked more than a few times a day). {@code PAPERS_JAVA_OPTS=-Dpapers.index.verifyEvery=0} makes
   * every open a full check.
   */
  public static final Duration VERIFY_EVERY = Duration.ofDays(1);
  /**
   * How many paper files every open compares (size and modification time) beyond those the journal
   * names, in turn: about 20 ms of a ranking. {@code -Dpapers.index.checkFiles=N} changes it.
   */
  public static final int CHECK_FILES = 4_096;
  /** The rolling check takes the file table's rows in blocks of this many (where each starts is kept). */
  static final int ROW_BLOCK = 1_024;
  static final int CHUNK_BYTES = 1 << 20;
  private static final long MAGIC = 0x5041504552535258L; // "PAPERSRX"
  private static final long END = 0x454E444F46524958L; // "ENDOFRIX"
  private static final long TEXT_MAGIC = 0x5041504552535458L; // "PAPERSTX"
  private static final int HEADER = 12;
  private static final int TRAILER = 80;
  private static final int TEXT_HEADER = 16;
  private static final long UNKNOWN = -1;
  private static final int KIND_PAPER = 0;
  /** A file that is not a paper record: not read again until it changes. */
  private static final int KIND_BROKEN = 1;
  /** A file that could not be read (permissions, an I/O error): read again by every rebuild. */
  private static final int KIND_UNREADABLE = 2;
  /**
   * An entry whose file changed or went after it was made: left in its chunk so that a few changes do
   * not rewrite every chunk (its file's new entry is appended), and dropped by the next full rewrite.
   */
  private static final int KIND_DEAD = 3;
  /** Dead entries are dropped (every chunk rewritten) when they would be more than this share of all. */
  private static final double DEAD_SHARE = 0.25;
  private static final int FILES_AT_ONCE = 1024;
  /** Where an entry's fields start (after its length): kind, text offset, text length, text CRC, path. */
  private static final int AT_KIND = 4;
  private static final int AT_TEXT = 5;
  private static final int AT_PATH = 21;
  /** The text log is written afresh when dead texts take more than this share of it. */
  private static final int TEXT_GARBAGE_FACTOR = 3;

  private final PaperCache cache;
  private final Path file;
  private final Path textFile;
  private final Path journal;
  private final LongSupplier wallMillis;
  private final Duration racy;
  private final Duration verifyEvery;
  private final int checkFiles;
  private final int rowBlock;
  private final Path checkState;

  PaperIndex(PaperCache cache, LongSupplier wallMillis, Duration racy) {
    this(cache, wallMillis, racy, Duration.ofMillis(property("papers.index.verifyEvery", VERIFY_EVERY.toMillis())),
        (int) Math.min(Integer.MAX_VALUE, property("papers.index.checkFiles", CHECK_FILES)));
  }

  /** Trusting the directories and the journal for {@code verifyEvery}, with no rolling check. */
  PaperIndex(PaperCache cache, LongSupplier wallMillis, Duration racy, Duration verifyEvery) {
    this(cache, wallMillis, racy, verifyEvery, 0);
  }

  PaperIndex(PaperCache cache, LongSupplier wallMillis, Duration racy, Duration verifyEvery, int checkFiles) {
    this(cache, wallMillis, racy, verifyEvery, checkFiles, ROW_BLOCK);
  }

  PaperIndex(PaperCache cache, LongSupplier wallMillis, Duration racy, Duration verifyEvery, int checkFiles,
      int rowBlock) {
    this.cache = cache;
    this.file = indexDir(cache).resolve("rank.idx");
    this.textFile = indexDir(cache).resolve("text.log");
    this.journal = journalFile(cache);
    this.checkState = indexDir(cache).resolve("check");
    this.wallMillis = wallMillis;
    this.racy = racy;
    this.verifyEvery = verifyEvery;
    this.checkFiles = Math.max(0, checkFiles);
    this.rowBlock = Math.max(1, rowBlock);
  }

  /** A whole number from a system property ({@code PAPERS_JAVA_OPTS=-Dname=N}), else the default. */
  private static long property(String name, long otherwise) {
    String v = System.getProperty(name);
    if (v != null) {
      try {
        return Math.max(0, Long.parseLong(v.trim()));
      } catch (NumberFormatException e) {
        // the default
      }
    }
    return otherwise;
  }

  static Path indexDir(PaperCache cache) {
    return cache.stateDir().resolve("index");
  }

  static Path journalFile(PaperCache cache) {
    return indexDir(cache).resolve("journal");
  }

  Path file() {
    return file;
  }

  /**
   * The index, brought up to date with the paper files first when they changed since it was made.
   * Close it when done.
   *
   * @throws CacheException when neither the index nor a temporary one can be written
   */
  public View open() {
    if (!Files.isDirectory(papersDir())) {
      return View.EMPTY; // no paper at all (a cache not made yet, a mistyped PAPERS_CACHE): nothing to write
    }
    Stamp stamp = Stamp.take(papersDir(), journal);
    View current = View.open(file, textFile, cache);
    CheckState state = CheckState.read(checkState);
    Check check = current == null ? Check.FULL : check(current, stamp, state);
    Rolled rolled = check.full() ? Rolled.NONE : roll(current, state);
    check = check.and(rolled.changes());
    if (check == Check.FRESH) {
      return current;
    }
    if (check == Check.DUE && unchanged(current, scan())) {
      // A full check that found nothing: nothing to write but when it was made.
      new CheckState(state.cursor(), wallMillis.getAsLong()).write(checkState);
      return current;
    }
    FileLocks.Handle lock;
    try {
      lock = cache.locks().lock("index");
    } catch (UncheckedIOException e) {
      // No lock where the cache cannot be written: build a private index instead.
      return rebuild(current, check.full() ? scan() : null, check.changes, stamp, verifiedAt(current, check));
    }
    try (lock) {
      // Another process may have brought it up to date while this one waited.
      closeQuietly(current);
      stamp = Stamp.take(papersDir(), journal);
      current = View.open(file, textFile, cache);
      check = current == null ? Check.FULL : check(current, stamp, state).and(rolled.changes());
      if (check == Check.FRESH) {
        return current;
      }
      if (check.full() && stamp.journalLength() > (1 << 20)) {
        // Read in full anyway: the journal starts again (a writer that had it open meanwhile leaves
        // an unexplained directory time, which means one more full check).
        Files.deleteIfExists(journal);
        stamp = Stamp.take(papersDir(), journal);
      }
      View v = rebuild(current, check.full() ? scan() : null, check.changes, stamp, verifiedAt(current, check));
      if (file.equals(v.path)) {
        rolled.passed(state, checkState); // the changes it found are in the index now
      }
      return v;
    } catch (IOException e) {
      throw new CacheException("cannot update the index in " + file.getParent() + ": " + e.getMessage(), e);
    }
  }

  /** Whether every paper file's attributes are the ones the index was made from, all trusted. */
  private boolean unchanged(View v, Map<String, Attrs> files) {
    boolean[] same = {true};
    int[] rows = {0};
    try {
      IndexCodec.In table = new IndexCodec.In(v.files(), 0);
      v.forEachRaw((buf, off, len, ref) -> {
        String path = table.str();
        Attrs a = new Attrs(table.i64(), table.i64(), table.str());
        table.u8();
        table.i64();
        rows[0]++;
        if (a.mtime() == UNKNOWN || a.key().isEmpty() || !a.equals(files.get(path))) {
          same[0] = false;
        }
      });
    } catch (RuntimeException e) {
      return false; // damaged: the rebuild finds out and says so
    }
    return same[0] && rows[0] == files.size();
  }

  private long verifiedAt(View current, Check check) {
    return check.full() || current == null ? wallMillis.getAsLong() : current.verifiedAt;
  }

  private Path papersDir() {
    return cache.root().resolve("papers");
  }

  /** What identifies one state of a paper file. */
  record Attrs(long size, long mtime, String key) {
    static Attrs of(BasicFileAttributes a) {
      return new Attrs(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), Objects.toString(a.fileKey(), ""));
    }
  }

  /** A directory's state: its modification time (or UNKNOWN) and inode. */
  record DirState(String name, long mtime, String key) {}

  /**
   * The states of the {@code papers/} directory and its scheme directories, and of the journal, taken
   * before anything is read: a change made while the index is built differs from it next time.
   */
  record Stamp(List<DirState> dirs, String journalKey, long journalLength, List<String> untrusted) {
    static Stamp take(Path papers, Path journal) {
      List<DirState> dirs = new ArrayList<>();
      dirs.add(dirState("", papers));
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(papers)) {
        for (Path d : ds) {
          if (Files.isDirectory(d)) {
            dirs.add(dirState(d.getFileName().toString(), d));
          }
        }
      } catch (IOException e) {
        throw new CacheException("cannot list " + papers + ": " + e.getMessage(), e);
      }
      dirs.sort((a, b) -> a.name().compareTo(b.name()));
      String key = "";
      long length = 0;
      try {
        BasicFileAttributes a = Files.readAttributes(journal, BasicFileAttributes.class);
        key = Objects.toString(a.fileKey(), "");
        length = a.size();
      } catch (IOException e) {
        // no journal yet
      }
      return new Stamp(dirs, key, length, List.of());
    }

    private static DirState dirState(String name, Path d) {
      try {
        BasicFileAttributes a = Files.readAttributes(d, BasicFileAttributes.class);
        return new DirState(name, a.lastModifiedTime().to(TimeUnit.NANOSECONDS), Objects.toString(a.fileKey(), ""));
      } catch (IOException e) {
        return new DirState(name, UNKNOWN, "");
      }
    }

    DirState dir(String name) {
      for (DirState d : dirs) {
        if (d.name().equals(name)) {
          return d;
        }
      }
      return null;
    }
  }

  /** What opening found: the index fresh as it is, the files to compare (known), or a full check. */
  private static final class Check {
    static final Check FRESH = new Check(null);
    static final Check FULL = new Check(null);
    /** A full check because the last one is older than {@link #verifyEvery}: most often, nothing changed. */
    static final Check DUE = new Check(null);
    /** The files the journal (or the untrusted times) names, with their attributes now; null: removed. */
    final Map<String, Attrs> changes;

    Check(Map<String, Attrs> changes) {
      this.changes = changes;
    }

    /** Whether every file is to be compared. */
    boolean full() {
      return this == FULL || this == DUE;
    }

    /** This check and the files the rolling check found changed. */
    Check and(Map<String, Attrs> rolled) {
      if (this == FULL || this == DUE || rolled.isEmpty()) {
        return this;
      }
      Map<String, Attrs> all = new HashMap<>(rolled);
      if (changes != null) {
        all.putAll(changes);
      }
      return new Check(all);
    }
  }

  /**
   * Where the rolling check goes on from (a row of the file table) and when a full check last found
   * the index true to the files (wall-clock milliseconds, 0: not known): {@code .state/index/check},
   * one line. Unreadable or missing: from the first row, and the index's own time of its last full check.
   */
  record CheckState(long cursor, long fullAt) {
    static CheckState read(Path f) {
      try {
        String[] parts = Files.readString(f, StandardCharsets.US_ASCII).trim().split(" ");
        return new CheckState(Math.max(0, Long.parseLong(parts[0])), Math.max(0, Long.parseLong(parts[1])));
      } catch (IOException | RuntimeException e) {
        return new CheckState(0, 0);
      }
    }

    /** Written in place, best effort: a torn or lost line only starts the rolling check again. */
    void write(Path f) {
      try {
        Files.writeString(f, cursor + " " + fullAt + "\n", StandardCharsets.US_ASCII);
      } catch (IOException | UncheckedIOException e) {
        // a read-only cache: the same files are compared next time
      }
    }
  }

  /**
   * What a rolling check found: the files that differ, with their attributes now (null: removed), and
   * the block the next check starts from (-1: none). The check moves on at once when it found nothing,
   * and only once the index holds what it found otherwise: a run killed in between compares the same
   * files again.
   */
  private record Rolled(Map<String, Attrs> changes, long next) {
    static final Rolled NONE = new Rolled(Map.of(), -1);

    void passed(CheckState state, Path f) {
      if (next >= 0) {
        new CheckState(next, state.fullAt()).write(f);
      }
    }
  }

  /**
   * The rolling check: the next {@link #checkFiles} rows of the file table (after those the last open
   * compared, around to the first), each file's size and modification time compared with its row.
   */
  private Rolled roll(View v, CheckState state) {
    int n = v.size();
    int[] marks = v.rowMarks;
    if (checkFiles == 0 || n == 0 || marks.length == 0) {
      return Rolled.NONE;
    }
    int blocks = marks.length;
    int per = (int) Math.min(blocks, Math.max(1, ((long) checkFiles + v.rowBlock - 1) / v.rowBlock));
    int first = (int) (state.cursor() % blocks);
    List<String> paths = new ArrayList<>();
    List<long[]> attrs = new ArrayList<>();
    try {
      for (int k = 0; k < per; k++) {
        int b = (first + k) % blocks;
        int from = marks[b];
        int to = b + 1 < blocks ? marks[b + 1] : v.filesLength;
        int rows = b + 1 < blocks ? v.rowBlock : n - b * v.rowBlock;
        IndexCodec.In in = new IndexCodec.In(View.read(v.ch, v.filesAt + from, to - from), 0);
        for (int r = 0; r < rows; r++) {
          paths.add(in.str());
          attrs.add(new long[] {in.i64(), in.i64()});
          in.skipStr();
          in.u8();
          in.i64();
        }
      }
    } catch (IOException | RuntimeException e) {
      return Rolled.NONE; // damaged: found out and said by whoever reads it next
    }
    int count = paths.size();
    Path papers = papersDir();
    java.io.File dir = papers.toFile();
    Map<String, Attrs> changed = new java.util.concurrent.ConcurrentHashMap<>();
    List<String> gone = java.util.Collections.synchronizedList(new ArrayList<>());
    IntStream.range(0, count).parallel().forEach(i -> {
      String path = paths.get(i);
      // java.io.File: one stat with the least work around it (a millisecond time: an edit in place
      // changes it, a file replaced changes its directory).
      long ms = new java.io.File(dir, path).lastModified();
      if (ms == TimeUnit.NANOSECONDS.toMillis(attrs.get(i)[1]) && ms != 0) {
        return;
      }
      try {
        BasicFileAttributes a = Files.readAttributes(papers.resolve(path), BasicFileAttributes.class);
        if (a.size() != attrs.get(i)[0] || a.lastModifiedTime().to(TimeUnit.NANOSECONDS) != attrs.get(i)[1]) {
          changed.put(path, Attrs.of(a));
        }
      } catch (NoSuchFileException | java.nio.file.InvalidPathException e) {
        // Removed (its directory says so too), or no file's name at all: a row damaged on disk (the
        // rows are not checked here), which the checked copy of the file table then finds out.
        gone.add(path);
      } catch (IOException e) {
        // not readable now: its row stays as it is, and a full check looks at it again
      }
    });
    long next = (first + per) % blocks;
    if (changed.isEmpty() && gone.isEmpty()) {
      new CheckState(next, state.fullAt()).write(checkState);
      return Rolled.NONE;
    }
    Map<String, Attrs> out = new HashMap<>(changed);
    gone.forEach(p -> out.put(p, null));
    return new Rolled(out, next);
  }

  /** Compares the index's stamp with the current one, looking only at the files the journal names. */
  private Check check(View v, Stamp now, CheckState state) {
    long wall = wallMillis.getAsLong();
    long verified = state.fullAt() <= wall ? Math.max(v.verifiedAt, state.fullAt()) : v.verifiedAt;
    if (verified > wall || wall - verified >= verifyEvery.toMillis()) {
      return Check.DUE;
    }
    Stamp then = v.stamp;
    if (then.dirs().size() != now.dirs().size()) {
      return Check.FULL;
    }
    List<String> changedDirs = new ArrayList<>();
    for (DirState d : now.dirs()) {
      DirState t = then.dir(d.name());
      if (t == null || !t.key().equals(d.key()) || d.mtime() == UNKNOWN) {
        return Check.FULL;
      }
      if (t.mtime() != d.mtime()) {
        if (d.name().isEmpty()) {
          return Check.FULL; // a scheme directory made or removed
        }
        changedDirs.add(d.name());
      }
    }
    Set<String> recheck = new HashSet<>(then.untrusted());
    if (changedDirs.isEmpty() && now.journalKey().equals(then.journalKey())
        && now.journalLength() == then.journalLength()) {
      if (recheck.isEmpty()) {
        return Check.FRESH;
      }
    } else {
      boolean sameJournal = then.journalKey().isEmpty() || then.journalKey().equals(now.journalKey());
      if (!sameJournal || now.journalLength() < then.journalLength()) {
        return Check.FULL;
      }
      long from = then.journalKey().isEmpty() ? 0 : then.journalLength();
      Map<String, Long> lastTime = new HashMap<>();
      if (!readJournal(from, now.journalLength(), recheck, lastTime)) {
        return Check.FULL;
      }
      for (String d : changedDirs) {
        Long t = lastTime.get(d);
        if (t == null || t != now.dir(d).mtime()) {
          return Check.FULL; // a change the journal does not explain: made by hand
        }
      }
    }
    Map<String, Attrs> changes = new HashMap<>();
    for (String path : recheck) {
      Path f = papersDir().resolve(path);
      try {
        changes.put(path, Attrs.of(Files.readAttributes(f, BasicFileAttributes.class)));
      } catch (NoSuchFileException e) {
        changes.put(path, null);
      } catch (IOException e) {
        return Check.FULL;
      }
    }
    return new Check(changes);
  }

  /**
   * The journal's lines between two lengths: the paths they name go into {@code paths}, each scheme
   * directory's last recorded time into {@code lastTime}. False when it cannot be read as written.
   */
  private boolean readJournal(long from, long to, Set<String> paths, Map<String, Long> lastTime) {
    if (to - from > Integer.MAX_VALUE) {
      return false;
    }
    try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate((int) (to - from));
      while (b.hasRemaining()) {
        if (ch.read(b, from + b.position()) < 0) {
          return false;
        }
      }
      String text = new String(b.array(), StandardCharsets.UTF_8);
      if (!text.isEmpty() && !text.endsWith("\n")) {
        return false; // a line being written: looked at again as a whole
      }
      for (String line : text.split("\n")) {
        if (line.isEmpty()) {
          continue;
        }
        int tab = line.indexOf('\t');
        int slash = line.indexOf('/', tab + 1);
        if (tab <= 0 || slash < 0) {
          return false;
        }
        paths.add(line.substring(tab + 1));
        lastTime.put(line.substring(tab + 1, slash), Long.parseLong(line.substring(0, tab)));
      }
      return true;
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /**
   * Records a paper file the cache just wrote or removed, with its directory's time afterwards, so
   * that the next {@link #open} looks at that file alone. Best effort: a line that is not written
   * leaves an unexplained directory time, which means a full check.
   */
  static void journal(PaperCache cache, Path paperFile) {
    Path dir = paperFile.getParent();
    try {
      long mtime = Files.getLastModifiedTime(dir).to(TimeUnit.NANOSECONDS);
      String line = mtime + "\t" + dir.getFileName() + "/" + paperFile.getFileName() + "\n";
      Path j = journalFile(cache);
      Files.createDirectories(j.getParent());
      try (FileChannel ch = FileChannel.open(j, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ch.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8))); // one write: lines never mix
      }
    } catch (IOException | UnsupportedOperationException e) {
      // the next open checks every file instead
    }
  }

  /** Every paper file ("scheme/name.json") with its attributes; temporaries of interrupted writes left out. */
  private Map<String, Attrs> scan() {
    Path papers = papersDir();
    List<String> names = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    if (Files.isDirectory(papers)) {
      try (DirectoryStream<Path> dirs = Files.newDirectoryStream(papers)) {
        for (Path d : dirs) {
          if (!Files.isDirectory(d)) {
            continue;
          }
          String scheme = d.getFileName().toString();
          try (DirectoryStream<Path> files = Files.newDirectoryStream(d)) {
            for (Path f : files) {
              String name = f.getFileName().toString();
              if (name.endsWith(".json") && !name.startsWith(".")) {
                names.add(scheme + "/" + name);
                paths.add(f);
              }
            }
          }
        }
      } catch (IOException e) {
        throw new CacheException("cannot list " + papers + ": " + e.getMessage(), e);
      }
    }
    Attrs[] attrs = new Attrs[paths.size()];
    IntStream.range(0, paths.size()).parallel().forEach(i -> {
      try {
        attrs[i] = Attrs.of(Files.readAttributes(paths.get(i), BasicFileAttributes.class));
      } catch (NoSuchFileException e) {
        attrs[i] = null; // removed since the listing
      } catch (IOException e) {
        throw new CacheException("cannot read " + paths.get(i) + ": " + e.getMessage(), e);
      }
    });
    Map<String, Attrs> out = new HashMap<>(paths.size() * 2);
    for (int i = 0; i < attrs.length; i++) {
      if (attrs[i] != null) {
        out.put(names.get(i), attrs[i]);
      }
    }
    return out;
  }

  /**
   * Writes the index again: from every file's attributes ({@code files}, a full check), or from the
   * old index and the attributes of the files that changed ({@code changes}, the journal's).
   */
  private View rebuild(View old, Map<String, Attrs> files, Map<String, Attrs> changes, Stamp stamp,
      long verifiedAt) {
    try {
      return rebuildFrom(old, files, changes, stamp, verifiedAt);
    } catch (Damaged e) {
      if (old == null) {
        throw e;
      }
      closeQuietly(old); // found damaged while copied from: made from the paper files alone
      return rebuildFrom(null, scan(), null, stamp, wallMillis.getAsLong());
    }
  }

  private View rebuildFrom(View old, Map<String, Attrs> files, Map<String, Attrs> changes, Stamp stamp,
      long verifiedAt) {
    if (old == null && files == null) {
      files = scan();
    }
    int count = files != null ? files.size() : old.size();
    try {
      Files.createDirectories(file.getParent());
      sweep();
      Files.deleteIfExists(file.resolveSibling("papers.idx")); // the full-record index of format 1
      Path tmp = AtomicFiles.temporaryFor(file);
      try {
        TextLog text = TextLog.forAppending(textFile, old, count);
        try (text) {
          write(tmp, old, files, changes, stamp, verifiedAt, text);
          text.commit();
        }
        AtomicFiles.replace(tmp, file);
      } finally {
        Files.deleteIfExists(tmp);
      }
      View v = View.open(file, textFile, cache);
      if (v != null) {
        closeQuietly(old);
        return v;
      }
    } catch (IOException | UncheckedIOException e) {
      // The cache cannot be written (read-only, full): a private index in the temporary directory.
    }
    try {
      Path tmp = Files.createTempFile("papers-index", ".tmp");
      Path tmpText = Files.createTempFile("papers-text", ".tmp");
      try {
        Files.delete(tmpText);
        try (TextLog text = TextLog.forAppending(tmpText, null, count)) {
          write(tmp, old, files, changes, stamp, verifiedAt, text);
          text.commit();
        }
        View v = View.open(tmp, tmpText, cache);
        if (v == null) {
          throw new IOException("the index just written cannot be read back");
        }
        return v; // its channels keep it readable once removed
      } finally {
        Files.deleteIfExists(tmp);
        Files.deleteIfExists(tmpText);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CacheException("cannot write an index of " + cache.root() + " (" + e.getMessage() + ")", e);
    } finally {
      closeQuietly(old);
    }
  }

  /** Temporaries of rebuilds that were killed (their process is gone, or they are an hour old). */
  private void sweep() {
    String prefix = "." + file.getFileName() + ".";
    String textPrefix = "." + textFile.getFileName() + ".";
    try (DirectoryStream<Path> d = Files.newDirectoryStream(file.getParent())) {
      for (Path f : d) {
        String n = f.getFileName().toString();
        String p = n.startsWith(prefix) ? prefix : n.startsWith(textPrefix) ? textPrefix : null;
        if (p == null || !n.endsWith(".tmp")) {
          continue;
        }
        String[] parts = n.substring(p.length()).split("\\.");
        boolean alive = false;
        try {
          alive = ProcessHandle.of(Long.parseLong(parts[0])).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
          alive = false;
        }
        long age = System.currentTimeMillis() - Files.getLastModifiedTime(f).toMillis();
        if (!alive || age > Duration.ofHours(1).toMillis()) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      // a leftover temporary is ignored by every reader
    }
  }

  /**
   * Whether a rewrite keeps the old chunks (changed files' entries made dead) rather than copying
   * every entry: when only some files changed, the texts stay in the same log, and the dead entries
   * would stay under {@link #DEAD_SHARE} of all.
   */
  private static boolean patching(View old, Map<String, Attrs> files, Map<String, Attrs> changes, TextLog text) {
    if (old == null || files != null || text.fresh || old.chunkAt.length == 0) {
      return false;
    }
    long dead = (long) old.deadCount + changes.size();
    return dead <= DEAD_SHARE * (old.fileCount + old.deadCount + changes.size());
  }

  private void write(Path tmp, View old, Map<String, Attrs> files, Map<String, Attrs> changes, Stamp stamp,
      long verifiedAt, TextLog text) throws IOException {
    Map<String, Attrs> todo = new HashMap<>();
    if (files != null) {
      todo.putAll(files);
    } else {
      changes.forEach((path, a) -> {
        if (a != null) {
          todo.put(path, a);
        }
      });
    }
    long[] window;
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      window = racyWindow(tmp);
      Writer w = new Writer(ch, window, rowBlock);
      // Old entries whose file has not changed since (their texts carried over or copied).
      // The file table lists the files in the order of the entries: read side by side.
      if (patching(old, files, changes, text)) {
        // A few files changed: the old chunks copied as they are, the changed files' entries in
        // them made dead (their new ones follow).
        w.patch(old, changes, file.toString());
      } else if (old != null) {
        IndexCodec.In rows = new IndexCodec.In(old.files(), 0);
        old.forEachRaw((buf, off, len, ref) -> {
          String path = rows.str();
          Attrs a = new Attrs(rows.i64(), rows.i64(), rows.str());
          rows.u8();
          if (rows.i64() != ref) {
            throw new Damaged("the index " + file + " is damaged (its file table)", null);
          }
          boolean same = files != null
              ? a.mtime() != UNKNOWN && !a.key().isEmpty() && a.equals(todo.get(path))
              : !changes.containsKey(path);
          if (same) {
            todo.remove(path);
            text.carry(old, buf, off);
            w.record(path, a, buf, off, len);
          }
        });
      }
      // The rest, read from their files, a thousand at a time.
      List<String> paths = new ArrayList<>(todo.keySet());
      paths.sort(null);
      for (int from = 0; from < paths.size(); from += FILES_AT_ONCE) {
        List<String> part = paths.subList(from, Math.min(paths.size(), from + FILES_AT_ONCE));
        Made[] made = new Made[part.size()];
        IntStream.range(0, part.size()).parallel().forEach(i -> made[i] = record(part.get(i)));
        for (int i = 0; i < part.size(); i++) {
          if (made[i] != null) {
            text.add(made[i].entry, made[i].text);
            w.record(part.get(i), todo.get(part.get(i)), ByteBuffer.wrap(made[i].entry), 0, made[i].entry.length);
          }
        }
      }
      w.finish(stamp, window, verifiedAt, text.id());
    }
  }

  /**
   * The modification times not to trust, in nanoseconds: those within {@link #RACY} of now, as the
   * file system's own clock tells it (the time it gave the new index file; the wall clock where it
   * gave none). A file changed again in the same tick could keep such a time; a time farther away,
   * in the past or in the future, changes with any write.
   */
  private long[] racyWindow(Path tmp) {
    long now;
    try {
      now = Files.getLastModifiedTime(tmp).to(TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      now = TimeUnit.MILLISECONDS.toNanos(wallMillis.getAsLong());
    }
    long wall = TimeUnit.MILLISECONDS.toNanos(wallMillis.getAsLong());
    long r = racy.toNanos();
    return new long[] {Math.min(now, wall) - r, Math.max(now, wall) + r};
  }

  /** An entry made from a file (its text not placed yet), or a broken file's. */
  private record Made(byte[] entry, byte[] text) {}

  /** One file's entry (length prefix included), made from the file; null when the file is gone. */
  private Made record(String path) {
    Path f = papersDir().resolve(path);
    IndexCodec.Out o = new IndexCodec.Out();
    byte[] content;
    try {
      content = Files.readAllBytes(f);
    } catch (NoSuchFileException e) {
      return null;
    } catch (java.nio.file.AccessDeniedException e) {
      return broken(o, path, KIND_UNREADABLE, f + ": permission denied");
    } catch (IOException e) {
      return broken(o, path, KIND_UNREADABLE, f + ": " + e);
    }
    try {
      Paper p = cache.parse(content, f);
      byte[] text = text(p);
      head(o, KIND_PAPER, path);
      entry(p, o);
      o.putI32(0, o.length() - 4);
      return new Made(o.bytes(), text);
    } catch (RuntimeException e) {
      o.reset();
      return broken(o, path, KIND_BROKEN, e instanceof CacheException ? e.getMessage() : f + ": " + e.getMessage());
    }
  }

  private static void head(IndexCodec.Out o, int kind, String path) {
    o.i32(0);
    o.u8(kind);
    o.i64(0); // text offset, set when the text is placed
    o.i32(0); // text length
    o.i32(0); // text CRC
    o.str(path);
  }

  private static Made broken(IndexCodec.Out o, String path, int kind, String message) {
    head(o, kind, path);
    o.str(message);
    o.putI32(0, o.length() - 4);
    return new Made(o.bytes(), null);
  }

  /**
   * What ranking reads of a paper: its latest time, its best velocity as of then, its year, topics, id
   * and keys.
   *
   * @throws IllegalArgumentException for a record ranking cannot use: a history entry with no source
   *     or time, a histogram with no date or years (a file edited by hand); the index holds it as a
   *     broken file
   */
  static void entry(Paper p, IndexCodec.Out o) {
    Instant latest = null;
    for (Observation h : p.history()) {
      if (h.source() == null || h.observedAt() == null) {
        throw new IllegalArgumentException(p.id() + ": a history entry with no \"source\" or \"observedAt\"");
      }
      latest = later(latest, h.observedAt());
    }
    for (Histogram h : p.histograms().values()) {
      if (h == null || h.madeAt() == null || h.byYear() == null) {
        throw new IllegalArgumentException(p.id() + ": a histogram with no \"madeAt\" or \"byYear\"");
      }
      latest = later(latest, h.madeAt());
    }
    for (Citation c : p.citations().values()) {
      latest = later(latest, c.observedAt());
    }
    Instant at = latest == null ? Instant.MIN : latest;
    Candidates.Score s = latest == null ? null : Candidates.scoreOf(p, latest);
    o.i64(at.getEpochSecond());
    o.i32(at.getNano());
    o.u8(s == null ? 0 : 1);
    o.i64(Double.doubleToRawLongBits(s == null ? 0 : s.velocity()));
    o.i32(s == null ? 0 : s.count());
    o.nint(p.year());
    o.strings(p.topics());
    o.str(p.id());
    o.strings(new ArrayList<>(p.keys()));
  }

  private static Instant later(Instant a, Instant b) {
    return b == null || (a != null && !b.isAfter(a)) ? a : b;
  }

  /**
   * A paper's blob in the text log: the text keyword membership searches (the lower-cased title and
   * abstract, each with its length, -1 for none), then the whole record but its abstract
   * ({@link IndexCodec}), for the papers a ranking prints.
   */
  static byte[] text(Paper p) {
    IndexCodec.Out rec = new IndexCodec.Out();
    IndexCodec.write(p, rec);
    if (p.abstractText() != null) { // the abstract is written last: left out (null)
      rec.truncate(rec.length() - 4 - p.abstractText().getBytes(StandardCharsets.UTF_8).length);
      rec.i32(0);
    }
    byte[] t = p.title() == null ? null : p.title().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    String abs = p.abstractText();
    byte[] a = abs == null ? null : abs.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(12 + (t == null ? 0 : t.length) + (a == null ? 0 : a.length) + rec.length());
    b.putInt(t == null ? -1 : t.length);
    if (t != null) {
      b.put(t);
    }
    b.putInt(a == null ? -1 : a.length);
    if (a != null) {
      b.put(a);
    }
    b.putInt(rec.length());
    b.put(rec.bytes());
    return b.array();
  }

  private static void closeQuietly(View v) {
    if (v != null) {
      v.close();
    }
  }

  /** An index file that is not what it was written as (a checksum, a length). */
  static final class Damaged extends CacheException {
    private static final long serialVersionUID = 1L;

    Damaged(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** One row of the file table. */
  private record FileEntry(String path, Attrs attrs, int kind, long ref) {}

  /**
   * The text log, as one rebuild appends to it: texts of unchanged entries stay where they are (or
   * are copied into a new log when the old one is mostly dead texts); new texts are appended; the
   * log is forced to disk before the index that points into it is renamed into place.
   */
  private static final class TextLog implements AutoCloseable {
    private final Path path;
    private final Path target;
    private final FileChannel ch;
    private final long id;
    private final boolean fresh;
    private long position;
    private final ByteBuffer pending = ByteBuffer.allocate(1 << 20);

    private TextLog(Path path, Path target, FileChannel ch, long id, boolean fresh, long position) {
      this.path = path;
      this.target = target;
      this.ch = ch;
      this.id = id;
      this.fresh = fresh;
      this.position = position;
    }

    /** The old log to append to when the old index points into it and it is not mostly dead; else a new one. */
    static TextLog forAppending(Path target, View old, int files) throws IOException {
      if (old != null && old.text != null && old.text.id == old.textId) {
        long length = old.text.length;
        long live = old.liveText;
        if (length <= TEXT_GARBAGE_FACTOR * live + (64L << 20) || files == 0) {
          // Appended after whatever is there (texts of an interrupted rebuild are dead, never read).
          FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE);
          return new TextLog(target, target, ch, old.textId, false, old.text.length);
        }
      }
      Path tmp = AtomicFiles.temporaryFor(target);
      FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      long id = ThreadLocalRandom.current().nextLong();
      ByteBuffer h = ByteBuffer.allocate(TEXT_HEADER).putLong(TEXT_MAGIC).putLong(id).flip();
      while (h.hasRemaining()) {
        ch.write(h);
      }
      return new TextLog(tmp, target, ch, id, true, TEXT_HEADER);
    }

    long id() {
      return id;
    }

    /** An unchanged entry's text: kept in place, or copied into the new log. */
    void carry(View old, ByteBuffer buf, int off) {
      if (buf.get(off + AT_KIND) != KIND_PAPER || !fresh) {
        return;
      }
      long at = buf.getLong(off + AT_TEXT);
      int len = buf.getInt(off + AT_TEXT + 8);
      byte[] t = old.text == null ? null : old.text.bytes(at, len, buf.getInt(off + AT_TEXT + 12));
      if (t == null) {
        throw new Damaged("the text log " + target + " is damaged", null);
      }
      place(buf, off, t);
    }

    /** A new entry's text, appended; its place written into the entry. */
    void add(byte[] entry, byte[] text) {
      if (text != null) {
        place(ByteBuffer.wrap(entry), 0, text);
      }
    }

    private void place(ByteBuffer entry, int off, byte[] text) {
      entry.putLong(off + AT_TEXT, position + pending.position());
      entry.putInt(off + AT_TEXT + 8, text.length);
      entry.putInt(off + AT_TEXT + 12, crc(text, text.length));
      if (pending.remaining() < text.length) {
        flush();
      }
      if (pending.remaining() < text.length) {
        write(ByteBuffer.wrap(text)); // larger than the buffer: as it is
      } else {
        pending.put(text);
      }
    }

    /** Writes what is buffered (texts go out a megabyte at a time, not one system call each). */
    private void flush() {
      pending.flip();
      write(pending);
      pending.clear();
    }

    private void write(ByteBuffer b) {
      try {
        while (b.hasRemaining()) {
          position += ch.write(b, position);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Forces the texts to disk; a new log is renamed into place. */
    void commit() throws IOException {
      flush();
      ch.force(false);
      ch.close();
      if (fresh) {
        AtomicFiles.replace(path, target);
      }
    }

    @Override
    public void close() throws IOException {
      ch.close();
      if (fresh) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Writes entries into checksummed chunks, then the file table, the chunk table, the stamp and the trailer. */
  private static final class Writer {
    private final FileChannel ch;
    private final long[] racy;
    private final IndexCodec.Out chunk = new IndexCodec.Out();
    private final IndexCodec.Out files = new IndexCodec.Out();
    private final IndexCodec.Out chunks = new IndexCodec.Out();
    private long position;
    private int chunkRecords;
    private int chunkCount;
    private int fileCount;
    private int brokenCount;
    private long liveText;
    private final List<String> untrusted = new ArrayList<>();
    private final int rowBlock;
    private final IndexCodec.Out marks = new IndexCodec.Out();
    private int markCount;
    private int deadCount;

    Writer(FileChannel ch, long[] racy, int rowBlock) throws IOException {
      this.ch = ch;
      this.racy = racy;
      this.rowBlock = rowBlock;
      IndexCodec.Out h = new IndexCodec.Out();
      h.i64(MAGIC);
      h.i32(FORMAT);
      write(h.bytes());
    }

    /** One entry: its bytes, length prefix included, at {@code off} in {@code buf}. */
    void record(String path, Attrs a, ByteBuffer buf, int off, int len) {
      int kind = buf.get(off + AT_KIND);
      boolean trusted = kind != KIND_UNREADABLE && (a.mtime() < racy[0] || a.mtime() > racy[1]);
      row(path, a.size(), trusted ? a.mtime() : UNKNOWN, a.key(), kind, position + chunk.length(),
          buf.getInt(off + AT_TEXT + 8));
      chunk.raw(buf, off, len);
      chunkRecords++;
      if (chunk.length() >= CHUNK_BYTES) {
        endChunk();
      }
    }

    /** A row of the file table (a time not trusted is UNKNOWN), for an entry at {@code ref}. */
    private void row(String path, long size, long mtime, String key, int kind, long ref, int textLength) {
      if (fileCount % rowBlock == 0) {
        marks.i32(files.length());
        markCount++;
      }
      files.str(path);
      files.i64(size);
      files.i64(mtime);
      if (mtime == UNKNOWN) {
        untrusted.add(path);
      }
      files.str(key);
      files.u8(kind);
      files.i64(ref);
      fileCount++;
      if (kind != KIND_PAPER) {
        brokenCount++;
      }
      liveText += textLength;
    }

    /**
     * The old index as it is but for the entries of the files in {@code changes}, made dead: the rows of
     * the other files copied byte for byte (their entries keep their places), then every chunk copied,
     * the dead entries' kind changed in it (its checksum made again only then). Row paths are compared
     * by a hash of their bytes first: no string is made for most rows.
     */
    void patch(View old, Map<String, Attrs> changes, String file) throws IOException {
      Set<Integer> hashes = new HashSet<>();
      for (String path : changes.keySet()) {
        byte[] pb = path.getBytes(StandardCharsets.UTF_8);
        hashes.add(java.util.Arrays.hashCode(pb));
      }
      ByteBuffer table = old.files();
      files.ensure(old.filesLength);
      List<Long> kill = new ArrayList<>();
      int p = 0;
      for (int r = 0; r < old.fileCount; r++) {
        int start = p;
        int n = table.getInt(p) - 1; // the path's length (a row's path is never null)
        if (n < 0) {
          throw new Damaged("the index " + file + " is damaged (its file table)", null);
        }
        int pathAt = p + 4;
        p = pathAt + n + 8; // the size
        long mtime = table.getLong(p);
        p += 8;
        p += 4 + Math.max(0, table.getInt(p) - 1); // the key
        int kind = table.get(p);
        long ref = table.getLong(p + 1);
        p += 9;
        String path = null;
        if (hashes.contains(hashOf(table, pathAt, n))) {
          path = string(table, pathAt, n);
          if (changes.containsKey(path)) {
            kill.add(ref);
            continue;
          }
        }
        if (fileCount % rowBlock == 0) {
          marks.i32(files.length());
          markCount++;
        }
        files.raw(table, start, p - start);
        if (mtime == UNKNOWN) {
          untrusted.add(path != null ? path : string(table, pathAt, n));
        }
        fileCount++;
        if (kind != KIND_PAPER) {
          brokenCount++;
        }
      }
      kill.sort(null);
      liveText = old.liveText;
      deadCount = old.deadCount;
      int k = 0;
      for (int i = 0; i < old.chunkAt.length; i++) {
        ByteBuffer b = old.chunk(i);
        long at = old.chunkAt[i];
        boolean changed = false;
        while (k < kill.size() && kill.get(k) < at + old.chunkLength[i]) {
          int off = (int) (kill.get(k++) - at);
          if (off < 0 || b.get(off + AT_KIND) == KIND_DEAD) {
            throw new Damaged("the index " + file + " is damaged (its file table)", null);
          }
          if (b.get(off + AT_KIND) == KIND_PAPER) {
            liveText -= b.getInt(off + AT_TEXT + 8);
          }
          b.put(off + AT_KIND, (byte) KIND_DEAD);
          deadCount++;
          changed = true;
        }
        if (position != at) {
          throw new Damaged("the index " + file + " is damaged (its chunk table)", null);
        }
        chunks.i64(position);
        chunks.i32(b.limit());
        chunks.i32(old.chunkRecords[i]);
        chunks.i32(changed ? crc(b.array(), b.limit()) : old.chunkCrc[i]);
        chunkCount++;
        write(b.duplicate().position(0));
      }
      if (k != kill.size()) {
        throw new Damaged("the index " + file + " is damaged (its file table)", null);
      }
    }

    /** {@code Arrays.hashCode} of n bytes of a buffer. */
    private static int hashOf(ByteBuffer b, int from, int n) {
      int h = 1;
      for (int i = from; i < from + n; i++) {
        h = 31 * h + b.get(i);
      }
      return h;
    }

    private static String string(ByteBuffer b, int from, int n) {
      byte[] a = new byte[n];
      b.get(from, a);
      return new String(a, StandardCharsets.UTF_8);
    }

    private void endChunk() {
      if (chunkRecords == 0) {
        return;
      }
      byte[] b = chunk.bytes();
      chunks.i64(position);
      chunks.i32(b.length);
      chunks.i32(chunkRecords);
      chunks.i32(crc(b, b.length));
      chunkCount++;
      write(b);
      chunk.reset();
      chunkRecords = 0;
    }

    void finish(Stamp stamp, long[] window, long verifiedAt, long textId) {
      endChunk();
      long filesAt = position;
      ByteBuffer f = files.view();
      int filesCrc = crc(f.array(), f.limit());
      write(f);
      long chunksAt = position;
      write(chunks.bytes());
      long stampAt = position;
      IndexCodec.Out s = new IndexCodec.Out();
      s.i32(stamp.dirs().size());
      for (DirState d : stamp.dirs()) {
        s.str(d.name());
        s.i64(d.mtime() >= window[0] && d.mtime() <= window[1] ? UNKNOWN : d.mtime());
        s.str(d.key());
      }
      s.str(stamp.journalKey());
      s.i64(stamp.journalLength());
      s.strings(untrusted);
      s.i32(deadCount);
      s.i32(rowBlock);
      s.i32(markCount);
      s.raw(ByteBuffer.wrap(marks.bytes()), 0, marks.length());
      byte[] sb = s.bytes();
      write(sb);
      IndexCodec.Out t = new IndexCodec.Out();
      t.i64(filesAt);
      t.i32(fileCount);
      t.i32(filesCrc);
      t.i64(chunksAt);
      t.i32(chunkCount);
      t.i32(brokenCount);
      t.i64(stampAt);
      t.i32(sb.length);
      t.i32(crc(sb, sb.length));
      t.i64(verifiedAt);
      t.i64(textId);
      t.i64(liveText);
      t.i64(END);
      write(t.bytes());
    }

    private void write(byte[] b) {
      write(ByteBuffer.wrap(b));
    }

    private void write(ByteBuffer bb) {
      try {
        while (bb.hasRemaining()) {
          position += ch.write(bb);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static int crc(byte[] b, int len) {
    CRC32C c = new CRC32C();
    c.update(b, 0, len);
    return (int) c.getValue();
  }

  /** What {@link View#forEachRaw} hands out: an entry's bytes (length prefix included) and its offset. */
  interface RawVisitor {
    void visit(ByteBuffer buf, int off, int len, long ref);
  }

  /** An opened text log: mapped in windows, read by offset. */
  static final class Text {
    private static final long WINDOW = 1L << 30;
    private final FileChannel ch;
    private final long id;
    private final long length;
    private final ByteBuffer[] maps;

    private Text(FileChannel ch, long id, long length) {
      this.ch = ch;
      this.id = id;
      this.length = length;
      this.maps = new ByteBuffer[(int) ((length + WINDOW - 1) / WINDOW) + 1];
    }

    static Text open(Path f) {
      try {
        FileChannel ch = FileChannel.open(f, StandardOpenOption.READ);
        long length = ch.size();
        ByteBuffer h = ByteBuffer.allocate(TEXT_HEADER);
        while (h.hasRemaining() && ch.read(h, h.position()) >= 0) {
          // read the header
        }
        if (h.hasRemaining() || h.getLong(0) != TEXT_MAGIC) {
          ch.close();
          return null;
        }
        return new Text(ch, h.getLong(8), length);
      } catch (IOException | UnsupportedOperationException e) {
        return null;
      }
    }

    /** The bytes at {@code at}, checked against their CRC; null when they are not what was written. */
    byte[] bytes(long at, int len, int crc) {
      if (at < TEXT_HEADER || len < 0 || at + len > length) {
        return null;
      }
      byte[] out = new byte[len];
      try {
        int done = 0;
        while (done < len) {
          long p = at + done;
          int w = (int) (p / WINDOW);
          ByteBuffer m = window(w);
          int inWindow = (int) (p - w * WINDOW);
          int n = Math.min(len - done, m.limit() - inWindow);
          m.get(inWindow, out, done, n);
          done += n;
        }
      } catch (IOException | RuntimeException e) {
        return null;
      }
      return crc(out, len) == crc ? out : null;
    }

    private synchronized ByteBuffer window(int w) throws IOException {
      if (maps[w] == null) {
        long from = w * WINDOW;
        maps[w] = ch.map(FileChannel.MapMode.READ_ONLY, from, Math.min(WINDOW, length - from));
      }
      return maps[w];
    }

    void close() {
      try {
        ch.close();
      } catch (IOException e) {
        // read-only
      }
    }
  }

  /** An opened index: its channel, the file table (as read), the chunk table, the stamp and the text log. */
  public static final class View implements AutoCloseable {
    /** The index of a cache with no paper. */
    static final View EMPTY = new View(null, null, null, ByteBuffer.allocate(0), 0, 0, 0, 0, 0, new long[0], new int[0],
        new int[0], new int[0], new Stamp(List.of(), "", 0, List.of()), 0, 0, 0, null, 1, new int[0], 0);
    /** One chunk buffer per thread, reused. */
    private static final ThreadLocal<ByteBuffer> BUFFERS = new ThreadLocal<>();
    private final Path path;
    private final PaperCache cache;
    private final FileChannel ch;
    /** The file table, read (and checked) when first needed: a fresh index is ranked without it. */
    private ByteBuffer fileTable;
    private final long filesAt;
    private final int filesLength;
    private final int filesCrc;
    private final int fileCount;
    private final int brokenCount;
    private final long[] chunkAt;
    private final int[] chunkLength;
    private final int[] chunkRecords;
    private final int[] chunkCrc;
    private final Stamp stamp;
    private final long verifiedAt;
    private final long textId;
    private final long liveText;
    private final Text text;
    /** Where every {@link #rowBlock}-th row of the file table starts (from the file table's start). */
    private final int[] rowMarks;
    private final int rowBlock;
    /** Entries left in their chunks as {@link #KIND_DEAD}. */
    private final int deadCount;

    private View(Path path, PaperCache cache, FileChannel ch, ByteBuffer fileTable, long filesAt, int filesLength,
        int filesCrc, int fileCount, int brokenCount,
        long[] chunkAt, int[] chunkLength, int[] chunkRecords, int[] chunkCrc, Stamp stamp, long verifiedAt,
        long textId, long liveText, Text text, int rowBlock, int[] rowMarks, int deadCount) {
      this.deadCount = deadCount;
      this.rowBlock = rowBlock;
      this.rowMarks = rowMarks;
      this.path = path;
      this.cache = cache;
      this.ch = ch;
      this.fileTable = fileTable;
      this.filesAt = filesAt;
      this.filesLength = filesLength;
      this.filesCrc = filesCrc;
      this.fileCount = fileCount;
      this.brokenCount = brokenCount;
      this.chunkAt = chunkAt;
      this.chunkLength = chunkLength;
      this.chunkRecords = chunkRecords;
      this.chunkCrc = chunkCrc;
      this.stamp = stamp;
      this.verifiedAt = verifiedAt;
      this.textId = textId;
      this.liveText = liveText;
      this.text = text;
    }

    /** The index in this file, or null when it is missing, foreign, of another format or damaged. */
    static View open(Path f, Path textFile, PaperCache cache) {
      FileChannel ch;
      try {
        ch = FileChannel.open(f, StandardOpenOption.READ);
      } catch (IOException | UnsupportedOperationException e) {
        return null;
      }
      View v = null;
      try {
        v = parse(f, ch, textFile, cache);
      } catch (IOException | RuntimeException e) {
        v = null;
      }
      if (v == null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // nothing was read
        }
      }
      return v;
    }

    private static View parse(Path f, FileChannel ch, Path textFile, PaperCache cache) throws IOException {
      long size = ch.size();
      if (size < HEADER + TRAILER) {
        return null;
      }
      ByteBuffer head = read(ch, 0, HEADER);
      ByteBuffer t = read(ch, size - TRAILER, TRAILER);
      if (head.getLong(0) != MAGIC || head.getInt(8) != FORMAT || t.getLong(72) != END) {
        return null;
      }
      long filesAt = t.getLong(0);
      int fileCount = t.getInt(8);
      int filesCrc = t.getInt(12);
      long chunksAt = t.getLong(16);
      int chunkCount = t.getInt(24);
      int brokenCount = t.getInt(28);
      long stampAt = t.getLong(32);
      int stampLength = t.getInt(40);
      int stampCrc = t.getInt(44);
      long verifiedAt = t.getLong(48);
      long textId = t.getLong(56);
      long liveText = t.getLong(64);
      if (filesAt < HEADER || chunksAt < filesAt || chunkCount < 0 || fileCount < 0 || brokenCount < 0
          || chunksAt + chunkCount * 20L != stampAt || stampAt + stampLength != size - TRAILER
          || chunksAt - filesAt > Integer.MAX_VALUE || stampLength < 0) {
        return null;
      }
      ByteBuffer table = read(ch, chunksAt, chunkCount * 20);
      long[] at = new long[chunkCount];
      int[] len = new int[chunkCount];
      int[] recs = new int[chunkCount];
      int[] crc = new int[chunkCount];
      long expect = HEADER;
      int records = 0;
      for (int i = 0; i < chunkCount; i++) {
        at[i] = table.getLong(i * 20);
        len[i] = table.getInt(i * 20 + 8);
        recs[i] = table.getInt(i * 20 + 12);
        crc[i] = table.getInt(i * 20 + 16);
        if (at[i] != expect || len[i] <= 0 || recs[i] <= 0) {
          return null;
        }
        expect += len[i];
        records += recs[i];
      }
      if (expect != filesAt || records < fileCount) {
        return null;
      }
      ByteBuffer sb = read(ch, stampAt, stampLength);
      if (crc(sb.array(), stampLength) != stampCrc) {
        return null;
      }
      IndexCodec.In in = new IndexCodec.In(sb, 0);
      List<DirState> dirs = new ArrayList<>();
      for (int i = in.i32(); i > 0; i--) {
        String name = in.str();
        long mtime = in.i64();
        dirs.add(new DirState(name, mtime, in.str()));
      }
      String journalKey = in.str();
      long journalLength = in.i64();
      Stamp stamp = new Stamp(dirs, journalKey == null ? "" : journalKey, journalLength, in.strings());
      int deadCount = in.i32();
      if (records != fileCount + deadCount) {
        return null;
      }
      int rowBlock = in.i32();
      int[] marks = new int[in.i32()];
      if (rowBlock <= 0 || marks.length != (fileCount + rowBlock - 1) / rowBlock) {
        return null;
      }
      for (int i = 0; i < marks.length; i++) {
        marks[i] = in.i32();
        if (marks[i] < 0 || marks[i] > chunksAt - filesAt || (i > 0 && marks[i] <= marks[i - 1])) {
          return null;
        }
      }
      Text text = Text.open(textFile);
      if (text != null && text.id != textId) {
        text.close();
        text = null; // another log: its entries' texts are not there (a rebuild makes them again)
      }
      if (text == null && liveText > 0) {
        return null;
      }
      return new View(f, cache, ch, null, filesAt, (int) (chunksAt - filesAt), filesCrc, fileCount, brokenCount, at, len, recs, crc, stamp, verifiedAt, textId,
          liveText, text, rowBlock, marks, deadCount);
    }

    /** The rows of the file table, one at a time. */
    private void forEachFile(Consumer<FileEntry> action) {
      IndexCodec.In in = new IndexCodec.In(files(), 0);
      for (int i = 0; i < fileCount; i++) {
        String p = in.str();
        Attrs a = new Attrs(in.i64(), in.i64(), in.str());
        int kind = in.u8();
        action.accept(new FileEntry(p, a, kind, in.i64()));
      }
    }

    /**
     * The file table, mapped rather than read (megabytes that a collection would otherwise copy about;
     * the index file is only ever replaced, never written in place), and checked.
     */
    private synchronized ByteBuffer files() {
      if (fileTable == null) {
        try {
          ByteBuffer fb;
          try {
            fb = filesLength == 0 ? ByteBuffer.allocate(0) : ch.map(FileChannel.MapMode.READ_ONLY, filesAt, filesLength);
          } catch (IOException | UnsupportedOperationException e) {
            fb = read(ch, filesAt, filesLength); // a file system that cannot map
          }
          CRC32C c = new CRC32C();
          c.update(fb.duplicate());
          if ((int) c.getValue() != filesCrc) {
            throw damaged(null);
          }
          fileTable = fb;
        } catch (IOException e) {
          throw damaged(e);
        }
      }
      return fileTable;
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
      ByteBuffer b = ByteBuffer.allocate(n);
      while (b.hasRemaining()) {
        if (ch.read(b, at + b.position()) < 0) {
          throw new IOException("unexpected end of file");
        }
      }
      return b.flip();
    }

    /** How many entries are left in their chunks as dead (changed or removed files since the last full rewrite). */
    int deadCount() {
      return deadCount;
    }

    /** How many files it holds (papers and broken ones). */
    public int size() {
      return fileCount;
    }

    /** The files that could not be read as papers: "file: what is wrong". */
    public List<String> problems() {
      if (brokenCount == 0) {
        return List.of();
      }
      List<FileEntry> broken = new ArrayList<>();
      forEachFile(e -> {
        if (e.kind != KIND_PAPER) {
          broken.add(e);
        }
      });
      List<String> out = new ArrayList<>();
      for (FileEntry e : broken) {
        try {
          ByteBuffer b = read(ch, e.ref, 4);
          b = read(ch, e.ref, 4 + b.getInt(0));
          IndexCodec.In in = new IndexCodec.In(b, AT_PATH);
          in.skipStr();
          out.add(in.str());
        } catch (IOException | RuntimeException ex) {
          throw damaged(null);
        }
      }
      return out;
    }

    /** One chunk, read and checked, in this thread's buffer (valid until its next chunk). */
    private ByteBuffer chunk(int i) {
      try {
        ByteBuffer b = BUFFERS.get();
        if (b == null || b.capacity() < chunkLength[i]) {
          b = ByteBuffer.allocate(Math.max(chunkLength[i], CHUNK_BYTES + (CHUNK_BYTES >> 1)));
          BUFFERS.set(b);
        }
        b.clear().limit(chunkLength[i]);
        while (b.hasRemaining()) {
          if (ch.read(b, chunkAt[i] + b.position()) < 0) {
            throw new IOException("unexpected end of file");
          }
        }
        b.flip();
        if (crc(b.array(), chunkLength[i]) != chunkCrc[i]) {
          throw damaged(null);
        }
        return b;
      } catch (IOException e) {
        throw damaged(e);
      }
    }

    private Damaged damaged(IOException e) {
      try {
        Files.deleteIfExists(path); // derived data: the next run builds it again from the paper files
      } catch (IOException ignored) {
        // the next run finds it damaged too, and rebuilds it
      }
      return new Damaged("the index " + path + " is damaged" + (e == null ? "" : " (" + e.getMessage() + ")")
          + "; it was removed and the next run rebuilds it from the paper files", e);
    }

    /** Every entry's bytes, chunk by chunk, in order. */
    void forEachRaw(RawVisitor v) {
      for (int i = 0; i < chunkAt.length; i++) {
        ByteBuffer b = chunk(i);
        int off = 0;
        for (int r = 0; r < chunkRecords[i]; r++) {
          int len = 4 + b.getInt(off);
          if (len <= AT_PATH || off + len > b.limit()) {
            throw damaged(null);
          }
          if (b.get(off + AT_KIND) != KIND_DEAD) {
            v.visit(b, off, len, chunkAt[i] + off);
          }
          off += len;
        }
      }
    }

    /**
     * The papers as ranking candidates: entries visited chunk by chunk in parallel, their scores
     * those computed when the entries were made where the ranking's now allows (else computed from the
     * paper file); printed papers read from their files.
     *
     */
    public Candidates candidates() {
      return new Candidates() {
        @Override
        public void forEach(Visitor visitor) {
          forEachEntry(Instant.MAX, e -> {
            Paper p = paper(e.ref());
            visitor.visit(p, p::abstractText, e.ref());
          });
        }

        @Override
        public void forEachEntry(Instant asOf, Consumer<Entry> action) {
          IntStream.range(0, chunkAt.length).parallel().forEach(i -> {
            ByteBuffer b = chunk(i);
            Cursor c = new Cursor(View.this, b, asOf);
            int off = 0;
            for (int r = 0; r < chunkRecords[i]; r++) {
              int len = b.getInt(off);
              if (len <= AT_PATH || off + 4 + len > b.limit()) {
                throw damaged(null);
              }
              if (b.get(off + AT_KIND) == KIND_PAPER) {
                c.at(off, chunkAt[i] + off);
                action.accept(c);
              }
              off += 4 + len;
            }
          });
        }

        @Override
        public Paper paper(long ref) {
          return View.this.paper(ref);
        }
      };
    }

    /** The path of the paper file an entry (by its offset) was made from. */
    String pathOf(long ref) {
      try {
        int len = read(ch, ref, 4).getInt(0);
        ByteBuffer b = read(ch, ref, 4 + len);
        return new IndexCodec.In(b, AT_PATH).str();
      } catch (IOException | RuntimeException e) {
        throw new CacheException("cannot read the index " + path + ": " + e.getMessage(), e);
      }
    }

    /**
     * The paper an entry (by its offset) was made from, without its abstract: from the text log, or
     * from its file where the log does not hold it as written.
     */
    public Paper paper(long ref) {
      if (text != null) {
        try {
          ByteBuffer e = read(ch, ref, AT_PATH);
          byte[] blob = text.bytes(e.getLong(AT_TEXT), e.getInt(AT_TEXT + 8), e.getInt(AT_TEXT + 12));
          if (blob != null) {
            ByteBuffer b = ByteBuffer.wrap(blob);
            int at = 4 + Math.max(0, b.getInt(0));
            at += 4 + Math.max(0, b.getInt(at));
            return IndexCodec.read(new IndexCodec.In(b, at + 4));
          }
        } catch (IOException | RuntimeException ex) {
          // read from the file instead
        }
      }
      Path f = cache.root().resolve("papers").resolve(pathOf(ref));
      try {
        return cache.parse(Files.readAllBytes(f), f);
      } catch (IOException | CacheException e) {
        throw new CacheException(f + " changed while it was being ranked (" + e.getMessage() + "); run again", e);
      }
    }

    @Override
    public void close() {
      if (ch == null) {
        return;
      }
      try {
        ch.close();
      } catch (IOException e) {
        // read-only
      }
      if (text != null) {
        text.close();
      }
    }
  }

  /** One entry as a ranking candidate, read in place; one per chunk and thread, moved from entry to entry. */
  private static final class Cursor implements Candidates.Entry {
    private final View view;
    private final ByteBuffer b;
    private final Instant asOf;
    private final long asOfSecond;
    private final int asOfNano;
    private int off;
    private long ref;
    private int yearAt;
    private int topicsAt;
    private String taggedName;
    private byte[] taggedBytes;

    Cursor(View view, ByteBuffer b, Instant asOf) {
      this.view = view;
      this.b = b;
      this.asOf = asOf;
      this.asOfSecond = asOf.getEpochSecond();
      this.asOfNano = asOf.getNano();
    }

    void at(int off, long ref) {
      this.off = off;
      this.ref = ref;
      int p = off + AT_PATH;
      p += strLength(p);
      this.yearAt = p + 12 + 1 + 8 + 4;
      this.topicsAt = yearAt + (b.get(yearAt) == 0 ? 1 : 5);
    }

    private int strLength(int p) {
      int n = b.getInt(p);
      return 4 + (n > 0 ? n - 1 : 0);
    }

    private int skipStrings(int p) {
      int n = b.getInt(p);
      p += 4;
      for (int i = 0; i < n; i++) {
        p += strLength(p);
      }
      return p;
    }

    private String str(int p) {
      int n = b.getInt(p);
      return n == 0 ? null : new String(b.array(), p + 4, n - 1, StandardCharsets.UTF_8);
    }

    @Override
    public Integer year() {
      return b.get(yearAt) == 0 ? null : b.getInt(yearAt + 1);
    }

    @Override
    public boolean taggedWith(String topicName) {
      if (!topicName.equals(taggedName)) {
        taggedName = topicName;
        taggedBytes = topicName.getBytes(StandardCharsets.UTF_8);
      }
      byte[] name = taggedBytes;
      int p = topicsAt;
      int n = b.getInt(p);
      p += 4;
      for (int i = 0; i < n; i++) {
        int len = b.getInt(p);
        if (len - 1 == name.length && java.util.Arrays.equals(b.array(), p + 4, p + 4 + name.length, name, 0,
            name.length)) {
          return true;
        }
        p += strLength(p);
      }
      return false;
    }

    @Override
    public String id() {
      return str(skipStrings(topicsAt));
    }

    @Override
    public Collection<String> keys() {
      int p = skipStrings(topicsAt);
      p += strLength(p);
      int n = b.getInt(p);
      p += 4;
      List<String> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(str(p));
        p += strLength(p);
      }
      return out;
    }

    @Override
    public boolean mentionsAny(List<String> lowerKeywords) {
      byte[] t = view.text == null ? null
          : view.text.bytes(b.getLong(off + AT_TEXT), b.getInt(off + AT_TEXT + 8), b.getInt(off + AT_TEXT + 12));
      if (t == null) {
        Paper p = view.paper(ref); // no text where it should be: read from the file
        String title = p.title();
        return dev.papers.topic.Membership.mentions(title, p::abstractText, lowerKeywords);
      }
      ByteBuffer tb = ByteBuffer.wrap(t);
      int titleLen = tb.getInt(0);
      int absAt = 4 + Math.max(0, titleLen);
      int absLen = tb.getInt(absAt);
      for (String k : lowerKeywords) {
        byte[] kb = k.getBytes(StandardCharsets.UTF_8);
        if (titleLen >= 0 && contains(t, 4, titleLen, kb)) {
          return true;
        }
      }
      for (String k : lowerKeywords) {
        byte[] kb = k.getBytes(StandardCharsets.UTF_8);
        if (absLen >= 0 && contains(t, absAt + 4, absLen, kb)) {
          return true;
        }
      }
      return false;
    }

    private static boolean contains(byte[] hay, int from, int len, byte[] needle) {
      int last = from + len - needle.length;
      outer:
      for (int i = from; i <= last; i++) {
        for (int j = 0; j < needle.length; j++) {
          if (hay[i + j] != needle[j]) {
            continue outer;
          }
        }
        return true;
      }
      return false;
    }

    @Override
    public Candidates.Score score() {
      int p = off + AT_PATH;
      p += strLength(p);
      long sec = b.getLong(p);
      int nano = b.getInt(p + 8);
      if (asOfSecond > sec || (asOfSecond == sec && asOfNano >= nano)) {
        if (b.get(p + 12) == 0) {
          return null;
        }
        return new Candidates.Score(Double.longBitsToDouble(b.getLong(p + 13)), b.getInt(p + 21));
      }
      return Candidates.scoreOf(view.paper(ref), asOf); // a now before the paper's latest time
    }

    @Override
    public long ref() {
      return ref;
    }
  }
}
