package dev.papers.cache;

import dev.papers.model.Paper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/**
 * The rank index: one file, {@code .state/index/papers.idx}, that holds every paper file's record in
 * binary ({@link IndexCodec}), so that reading the whole cache is a few large sequential reads instead
 * of an open, a read and a JSON parse per paper (at 100,000 papers: a fraction of a second instead of
 * several seconds).
 *
 * <p><b>Derived, never trusted blindly.</b> The paper files stay the truth. The index keeps, for each
 * paper file, the size, modification time and file key (device and inode) it was made from. Opening
 * it lists the paper files and reads their attributes (a few hundred milliseconds at 100,000 files,
 * no content): when they all match, the index is used as it is; when some differ (a write, a join, a
 * file edited by hand, in place or not), those files are read again, removed ones are dropped, and
 * the index is rewritten, to a temporary file that is forced to disk and renamed into place, under a
 * lock: concurrent readers see the old index or the new one.
 *
 * <p><b>Racy times.</b> A file system's clock is coarse: a file changed in the same tick as the index
 * read it could keep its time (and, written in place, its size and file key). As git does with its
 * index, a modification time within {@link #RACY} of the moment the index is made is not trusted: it
 * is stored as unknown, and the file is read again by the next run that rebuilds the index.
 *
 * <p><b>Layout.</b> A header (magic, {@link #FORMAT}); the records in chunks of about
 * {@link #CHUNK_BYTES} (each record a length and its bytes); the file table (path, size, time, key,
 * record offset); the chunk table (offset, length, records, CRC-32C); a fixed trailer. Every chunk's
 * checksum is checked before it is decoded. A missing, truncated, foreign or older-format index is
 * rebuilt from the paper files; where the cache cannot be written (a read-only checkout), the index is
 * built in a temporary file instead.
 */
public final class PaperIndex {
  /** The layout version of the index file and of {@link IndexCodec}; a change rebuilds every index. */
  static final int FORMAT = 3;
  /** Modification times closer than this to when the index is made are not trusted. */
  public static final Duration RACY = Duration.ofSeconds(2);
  static final int CHUNK_BYTES = 4 << 20;
  private static final long MAGIC = 0x5041504552534958L; // "PAPERSIX"
  private static final long END = 0x454E444F46494458L; // "ENDOFIDX"
  private static final int HEADER = 12;
  private static final int TRAILER = 40;
  private static final long UNKNOWN = -1;
  private static final int KIND_PAPER = 0;
  /** A file that is not a paper record: not read again until it changes. */
  private static final int KIND_BROKEN = 1;
  /** A file that could not be read (permissions, an I/O error): read again by every rebuild. */
  private static final int KIND_UNREADABLE = 2;
  private static final int FILES_AT_ONCE = 1024;

  private final PaperCache cache;
  private final Path file;
  private final LongSupplier wallMillis;
  private final Duration racy;

  PaperIndex(PaperCache cache, LongSupplier wallMillis, Duration racy) {
    this.cache = cache;
    this.file = cache.stateDir().resolve("index").resolve("papers.idx");
    this.wallMillis = wallMillis;
    this.racy = racy;
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
    if (!Files.isDirectory(cache.root().resolve("papers"))) {
      return View.EMPTY; // no paper at all (a cache not made yet, a mistyped PAPERS_CACHE): nothing to write
    }
    Map<String, Attrs> files = scan();
    View current = View.open(file);
    if (current != null && current.freshFor(files)) {
      return current;
    }
    FileLocks.Handle lock;
    try {
      lock = cache.locks().lock("index");
    } catch (UncheckedIOException e) {
      // No lock where the cache cannot be written: build a private index instead.
      return rebuild(current, files);
    }
    try (lock) {
      // Another process may have brought it up to date while this one waited.
      closeQuietly(current);
      files = scan();
      current = View.open(file);
      if (current != null && current.freshFor(files)) {
        return current;
      }
      return rebuild(current, files);
    }
  }

  /** What identifies one state of a paper file. */
  record Attrs(long size, long mtime, String key) {
    static Attrs of(BasicFileAttributes a) {
      return new Attrs(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), Objects.toString(a.fileKey(), ""));
    }
  }

  /** Every paper file ("scheme/name.json") with its attributes; temporaries of interrupted writes left out. */
  private Map<String, Attrs> scan() {
    Path papers = cache.root().resolve("papers");
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

  private View rebuild(View old, Map<String, Attrs> files) {
    try {
      return rebuildFrom(old, files);
    } catch (Damaged e) {
      if (old == null) {
        throw e;
      }
      closeQuietly(old); // found damaged while copied from: made from the paper files alone
      return rebuildFrom(null, files);
    }
  }

  private View rebuildFrom(View old, Map<String, Attrs> files) {
    try {
      Files.createDirectories(file.getParent());
      sweep();
      Path tmp = AtomicFiles.temporaryFor(file);
      try {
        write(tmp, old, files);
        AtomicFiles.replace(tmp, file);
      } finally {
        Files.deleteIfExists(tmp);
      }
      View v = View.open(file);
      if (v != null) {
        closeQuietly(old);
        return v;
      }
    } catch (IOException | UncheckedIOException e) {
      // The cache cannot be written (read-only, full): a private index in the temporary directory.
    }
    try {
      Path tmp = Files.createTempFile("papers-index", ".tmp");
      try {
        write(tmp, old, files);
        View v = View.open(tmp);
        if (v == null) {
          throw new IOException("the index just written cannot be read back");
        }
        return v; // its channel keeps it readable once removed
      } finally {
        Files.deleteIfExists(tmp);
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
    try (DirectoryStream<Path> d = Files.newDirectoryStream(file.getParent())) {
      for (Path f : d) {
        String n = f.getFileName().toString();
        if (!n.startsWith(prefix) || !n.endsWith(".tmp")) {
          continue;
        }
        String[] parts = n.substring(prefix.length()).split("\\.");
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

  private void write(Path tmp, View old, Map<String, Attrs> files) throws IOException {
    Map<String, Attrs> todo = new HashMap<>(files);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      Writer w = new Writer(ch, racyWindow(tmp));
      // Old records whose file has not changed since.
      if (old != null) {
        Map<Long, FileEntry> byRef = old.fileTableByRef();
        old.forEachRaw((buf, off, len, ref) -> {
          FileEntry e = byRef.get(ref);
          if (e != null && e.attrs.mtime() != UNKNOWN && !e.attrs.key().isEmpty()
              && e.attrs.equals(todo.get(e.path))) {
            todo.remove(e.path);
            w.record(e.path, e.attrs, buf, off, len);
          }
        });
      }
      // The rest, read from their files, a thousand at a time.
      List<String> paths = new ArrayList<>(todo.keySet());
      paths.sort(null);
      for (int from = 0; from < paths.size(); from += FILES_AT_ONCE) {
        List<String> part = paths.subList(from, Math.min(paths.size(), from + FILES_AT_ONCE));
        byte[][] encoded = new byte[part.size()][];
        IntStream.range(0, part.size()).parallel().forEach(i -> encoded[i] = record(part.get(i)));
        for (int i = 0; i < part.size(); i++) {
          if (encoded[i] != null) {
            w.record(part.get(i), todo.get(part.get(i)), ByteBuffer.wrap(encoded[i]), 0, encoded[i].length);
          }
        }
      }
      w.finish();
      ch.force(true);
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

  /** One file's record (length prefix included), made from the file; null when the file is gone. */
  private byte[] record(String path) {
    Path f = cache.root().resolve("papers").resolve(path);
    IndexCodec.Out o = new IndexCodec.Out();
    o.i32(0);
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
      o.u8(KIND_PAPER);
      o.str(path);
      IndexCodec.write(p, o);
    } catch (RuntimeException e) {
      o.reset();
      o.i32(0);
      return broken(o, path, KIND_BROKEN, e instanceof CacheException ? e.getMessage() : f + ": " + e.getMessage());
    }
    o.putI32(0, o.length() - 4);
    return o.bytes();
  }

  private static byte[] broken(IndexCodec.Out o, String path, int kind, String message) {
    o.u8(kind);
    o.str(path);
    o.str(message);
    o.putI32(0, o.length() - 4);
    return o.bytes();
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

  /** Writes records into checksummed chunks, then the file table, the chunk table and the trailer. */
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

    Writer(FileChannel ch, long[] racy) throws IOException {
      this.ch = ch;
      this.racy = racy;
      IndexCodec.Out h = new IndexCodec.Out();
      h.i64(MAGIC);
      h.i32(FORMAT);
      write(h.bytes());
    }

    /** One record: its bytes, length prefix included, at {@code off} in {@code buf}. */
    void record(String path, Attrs a, ByteBuffer buf, int off, int len) {
      int kind = buf.get(off + 4);
      files.str(path);
      files.i64(a.size());
      boolean trusted = kind != KIND_UNREADABLE && (a.mtime() < racy[0] || a.mtime() > racy[1]);
      files.i64(trusted ? a.mtime() : UNKNOWN);
      files.str(a.key());
      files.u8(kind);
      files.i64(position + chunk.length());
      fileCount++;
      if (kind != KIND_PAPER) {
        brokenCount++;
      }
      chunk.raw(buf, off, len);
      chunkRecords++;
      if (chunk.length() >= CHUNK_BYTES) {
        endChunk();
      }
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

    void finish() {
      endChunk();
      long filesAt = position;
      byte[] f = files.bytes();
      write(f);
      long chunksAt = position;
      write(chunks.bytes());
      IndexCodec.Out t = new IndexCodec.Out();
      t.i64(filesAt);
      t.i32(fileCount);
      t.i32(crc(f, f.length));
      t.i64(chunksAt);
      t.i32(chunkCount);
      t.i32(brokenCount);
      t.i64(END);
      write(t.bytes());
    }

    private void write(byte[] b) {
      ByteBuffer bb = ByteBuffer.wrap(b);
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

  /** One paper of the index, decoded without its abstract, which is read when asked for. */
  public static final class Record {
    private final ByteBuffer buf;
    private final long ref;
    private final Paper paper;
    private final int abstractAt;

    private Record(ByteBuffer buf, long ref, Paper paper, int abstractAt) {
      this.buf = buf;
      this.ref = ref;
      this.paper = paper;
      this.abstractAt = abstractAt;
    }

    /** The paper with every field but the abstract (null here). */
    public Paper paper() {
      return paper;
    }

    /** The abstract, decoded now; only during the visit that handed out this record. */
    public String abstractText() {
      return IndexCodec.readAbstract(new IndexCodec.In(buf, abstractAt));
    }

    /** A reference to this record for {@link View#paper(long)}. */
    public long ref() {
      return ref;
    }
  }

  /** What {@link View#forEachRaw} hands out: a record's bytes (length prefix included) and its offset. */
  interface RawVisitor {
    void visit(ByteBuffer buf, int off, int len, long ref);
  }

  /** An opened index: its channel, the file table (as read) and the chunk table. */
  public static final class View implements AutoCloseable {
    /** The index of a cache with no paper. */
    static final View EMPTY = new View(null, null, ByteBuffer.allocate(0), 0, 0, new long[0], new int[0],
        new int[0], new int[0]);
    /** One chunk buffer per thread, reused: a scan reads hundreds of megabytes. */
    private static final ThreadLocal<ByteBuffer> BUFFERS = new ThreadLocal<>();
    private final Path path;
    private final FileChannel ch;
    private final ByteBuffer fileTable;
    private final int fileCount;
    private final int brokenCount;
    private final long[] chunkAt;
    private final int[] chunkLength;
    private final int[] chunkRecords;
    private final int[] chunkCrc;

    private View(Path path, FileChannel ch, ByteBuffer fileTable, int fileCount, int brokenCount,
        long[] chunkAt, int[] chunkLength, int[] chunkRecords, int[] chunkCrc) {
      this.path = path;
      this.ch = ch;
      this.fileTable = fileTable;
      this.fileCount = fileCount;
      this.brokenCount = brokenCount;
      this.chunkAt = chunkAt;
      this.chunkLength = chunkLength;
      this.chunkRecords = chunkRecords;
      this.chunkCrc = chunkCrc;
    }

    /** The index in this file, or null when it is missing, foreign, of another format or damaged. */
    static View open(Path f) {
      FileChannel ch;
      try {
        ch = FileChannel.open(f, StandardOpenOption.READ);
      } catch (IOException | UnsupportedOperationException e) {
        return null;
      }
      View v = null;
      try {
        v = parse(f, ch);
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

    private static View parse(Path f, FileChannel ch) throws IOException {
      long size = ch.size();
      if (size < HEADER + TRAILER) {
        return null;
      }
      ByteBuffer head = read(ch, 0, HEADER);
      ByteBuffer t = read(ch, size - TRAILER, TRAILER);
      if (head.getLong(0) != MAGIC || head.getInt(8) != FORMAT || t.getLong(32) != END) {
        return null;
      }
      long filesAt = t.getLong(0);
      int fileCount = t.getInt(8);
      int filesCrc = t.getInt(12);
      long chunksAt = t.getLong(16);
      int chunkCount = t.getInt(24);
      int brokenCount = t.getInt(28);
      if (filesAt < HEADER || chunksAt < filesAt || chunkCount < 0 || fileCount < 0 || brokenCount < 0
          || chunksAt + chunkCount * 20L != size - TRAILER || chunksAt - filesAt > Integer.MAX_VALUE) {
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
      if (expect != filesAt || records != fileCount) {
        return null;
      }
      ByteBuffer fb = read(ch, filesAt, (int) (chunksAt - filesAt));
      if (crc(fb.array(), fb.limit()) != filesCrc) {
        return null;
      }
      return new View(f, ch, fb, fileCount, t.getInt(28), at, len, recs, crc);
    }

    /** The rows of the file table, one at a time. */
    private void forEachFile(Consumer<FileEntry> action) {
      IndexCodec.In in = new IndexCodec.In(fileTable, 0);
      for (int i = 0; i < fileCount; i++) {
        String p = in.str();
        Attrs a = new Attrs(in.i64(), in.i64(), in.str());
        int kind = in.u8();
        action.accept(new FileEntry(p, a, kind, in.i64()));
      }
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

    /** True when it was made from exactly these files, in exactly these states, none of them racy. */
    boolean freshFor(Map<String, Attrs> current) {
      if (fileCount != current.size()) {
        return false;
      }
      boolean[] fresh = {true};
      try {
        forEachFile(e -> fresh[0] &= e.attrs.mtime() != UNKNOWN && e.attrs.equals(current.get(e.path)));
      } catch (RuntimeException e) {
        return false; // a malformed table: made again
      }
      return fresh[0];
    }

    Map<Long, FileEntry> fileTableByRef() {
      Map<Long, FileEntry> m = new HashMap<>(fileCount * 2);
      forEachFile(e -> m.put(e.ref, e));
      return m;
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
          IndexCodec.In in = new IndexCodec.In(b, 5);
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
          b = ByteBuffer.allocate(Math.max(chunkLength[i], CHUNK_BYTES + (CHUNK_BYTES >> 2)));
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

    /** Every record's bytes, chunk by chunk, in order. */
    void forEachRaw(RawVisitor v) {
      for (int i = 0; i < chunkAt.length; i++) {
        ByteBuffer b = chunk(i);
        int off = 0;
        for (int r = 0; r < chunkRecords[i]; r++) {
          int len = 4 + b.getInt(off);
          if (len <= 4 || off + len > b.limit()) {
            throw damaged(null);
          }
          v.visit(b, off, len, chunkAt[i] + off);
          off += len;
        }
      }
    }

    /**
     * Every paper, chunks in parallel (the action must be thread-safe); broken files are left out (see
     * {@link #problems()}). A record's abstract can be read only during its visit.
     */
    public void forEach(Consumer<Record> action) {
      IntStream.range(0, chunkAt.length).parallel().forEach(i -> {
        ByteBuffer b = chunk(i);
        int off = 0;
        for (int r = 0; r < chunkRecords[i]; r++) {
          int len = b.getInt(off);
          if (len <= 0 || off + 4 + len > b.limit()) {
            throw damaged(null);
          }
          if (b.get(off + 4) == KIND_PAPER) {
            IndexCodec.In in = new IndexCodec.In(b, off + 5);
            in.skipStr();
            Paper p = IndexCodec.read(in);
            action.accept(new Record(b, chunkAt[i] + off, p, in.position()));
          }
          off += 4 + len;
        }
      });
    }

    /** The paper a {@link Record#ref()} names, without its abstract. */
    public Paper paper(long ref) {
      try {
        int len = read(ch, ref, 4).getInt(0);
        ByteBuffer b = read(ch, ref, 4 + len);
        IndexCodec.In in = new IndexCodec.In(b, 5);
        in.skipStr();
        return IndexCodec.read(in);
      } catch (IOException | RuntimeException e) {
        throw new CacheException("cannot read the index " + path + ": " + e.getMessage(), e);
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
        // read-only: nothing is lost
      }
    }
  }
}
