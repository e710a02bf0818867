package dev.papers.cache;

import dev.papers.model.Citation;
import dev.papers.model.Histogram;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.Source;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The binary form of a paper in the rank index: every field of {@link Paper}, the abstract last so a
 * scan can leave it undecoded until a keyword test needs it. Big-endian; strings are a length (plus
 * one; 0 for null) and UTF-8 bytes; instants are seconds and nanoseconds. The index is derived data:
 * when this layout changes, {@link PaperIndex#FORMAT} changes and every index is rebuilt from the
 * paper files. {@code IndexCodecTest} round-trips a record with every field set.
 */
final class IndexCodec {
  private IndexCodec() {}

  /** A growable big-endian byte buffer. */
  static final class Out {
    private byte[] buf = new byte[4096];
    private int len;

    int length() {
      return len;
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, len);
    }

    void reset() {
      len = 0;
    }

    /** What was written, without a copy (valid until the next write). */
    ByteBuffer view() {
      return ByteBuffer.wrap(buf, 0, len);
    }

    /** Room for this many bytes in all, at once (a size known in advance). */
    void ensure(int capacity) {
      if (capacity > buf.length) {
        buf = Arrays.copyOf(buf, capacity);
      }
    }

    void truncate(int length) {
      len = length;
    }

    private void room(int n) {
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
      }
    }

    void u8(int v) {
      room(1);
      buf[len++] = (byte) v;
    }

    void i32(int v) {
      room(4);
      buf[len++] = (byte) (v >>> 24);
      buf[len++] = (byte) (v >>> 16);
      buf[len++] = (byte) (v >>> 8);
      buf[len++] = (byte) v;
    }

    void i64(long v) {
      i32((int) (v >>> 32));
      i32((int) v);
    }

    void putI32(int at, int v) {
      buf[at] = (byte) (v >>> 24);
      buf[at + 1] = (byte) (v >>> 16);
      buf[at + 2] = (byte) (v >>> 8);
      buf[at + 3] = (byte) v;
    }

    void str(String s) {
      if (s == null) {
        i32(0);
        return;
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      i32(b.length + 1);
      room(b.length);
      System.arraycopy(b, 0, buf, len, b.length);
      len += b.length;
    }

    void raw(ByteBuffer src, int at, int n) {
      room(n);
      src.get(at, buf, len, n);
      len += n;
    }

    void nint(Integer v) {
      u8(v == null ? 0 : 1);
      if (v != null) {
        i32(v);
      }
    }

    void instant(Instant i) {
      u8(i == null ? 0 : 1);
      if (i != null) {
        i64(i.getEpochSecond());
        i32(i.getNano());
      }
    }

    void strings(List<String> l) {
      i32(l.size());
      for (String s : l) {
        str(s);
      }
    }
  }

  /** Reads a record from a buffer at absolute positions; not thread-safe (one per record). */
  static final class In {
    private final ByteBuffer buf;
    private int pos;

    In(ByteBuffer buf, int pos) {
      this.buf = buf;
      this.pos = pos;
    }

    int position() {
      return pos;
    }

    int u8() {
      return buf.get(pos++) & 0xff;
    }

    int i32() {
      int v = buf.getInt(pos);
      pos += 4;
      return v;
    }

    long i64() {
      long v = buf.getLong(pos);
      pos += 8;
      return v;
    }

    String str() {
      int n = i32();
      if (n == 0) {
        return null;
      }
      n--;
      byte[] b = new byte[n];
      buf.get(pos, b, 0, n);
      pos += n;
      return new String(b, StandardCharsets.UTF_8);
    }

    void skipStr() {
      int n = i32();
      if (n > 0) {
        pos += n - 1;
      }
    }

    /** A source name: the common ones shared, not copied per record. */
    String source() {
      String s = str();
      if (s == null) {
        return null;
      }
      Source known = Source.fromJson(s);
      return known == null ? s : known.jsonName();
    }

    Integer nint() {
      return u8() == 0 ? null : i32();
    }

    Instant instant() {
      if (u8() == 0) {
        return null;
      }
      long s = i64();
      return Instant.ofEpochSecond(s, i32());
    }

    List<String> strings() {
      int n = i32();
      List<String> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        l.add(str());
      }
      return l;
    }
  }

  /**
   * Writes every field of the paper, the abstract last.
   *
   * @throws IllegalArgumentException for a record ranking cannot use: a history entry with no source
   *     or time, a histogram with no date or years (a file edited by hand); the index holds it as a
   *     broken file
   */
  static void write(Paper p, Out o) {
    for (Observation h : p.history()) {
      if (h.source() == null || h.observedAt() == null) {
        throw new IllegalArgumentException(p.id() + ": a history entry with no \"source\" or \"observedAt\"");
      }
    }
    for (Histogram h : p.histograms().values()) {
      if (h == null || h.madeAt() == null || h.byYear() == null) {
        throw new IllegalArgumentException(p.id() + ": a histogram with no \"madeAt\" or \"byYear\"");
      }
    }
    o.str(p.id());
    o.str(p.arxivId());
    o.nint(p.arxivVersion());
    o.str(p.doi());
    o.str(p.s2Id());
    o.str(p.openAlexId());
    o.u8(p.corpusId() == null ? 0 : 1);
    if (p.corpusId() != null) {
      o.i64(p.corpusId());
    }
    o.str(p.title());
    o.str(p.titleSource());
    o.strings(p.authors());
    o.u8(p.published() == null ? 0 : 1);
    if (p.published() != null) {
      o.i64(p.published().toEpochDay());
    }
    o.nint(p.year());
    o.str(p.venue());
    o.str(p.journalRef());
    o.str(p.primaryCategory());
    o.strings(p.categories());
    o.i32(p.citations().size());
    for (Map.Entry<String, Citation> e : p.citations().entrySet()) {
      Citation c = e.getValue();
      o.str(e.getKey());
      o.i32(c.count());
      o.nint(c.influential());
      o.instant(c.observedAt());
      o.str(c.clusterId());
      o.str(c.provenance());
    }
    o.i32(p.history().size());
    for (Observation h : p.history()) {
      o.str(h.source());
      o.i32(h.count());
      o.instant(h.observedAt());
      o.u8(h.suspect() == null ? 0 : h.suspect() ? 1 : 2);
      o.nint(h.influential());
      o.str(h.provenance());
    }
    o.i32(p.histograms().size());
    for (Map.Entry<String, Histogram> e : p.histograms().entrySet()) {
      Histogram h = e.getValue();
      o.str(e.getKey());
      o.str(h.source());
      o.instant(h.madeAt());
      o.i32(h.byYear().size());
      for (Map.Entry<Integer, Integer> y : h.byYear().entrySet()) {
        o.i32(y.getKey());
        o.i32(y.getValue());
      }
      o.i32(h.counted());
      o.nint(h.total());
      o.u8(h.partial() ? 1 : 0);
    }
    o.strings(p.topics());
    o.strings(p.aliases());
    o.i32(p.fetched().size());
    for (Map.Entry<String, Instant> e : p.fetched().entrySet()) {
      o.str(e.getKey());
      o.instant(e.getValue());
    }
    o.instant(p.createdAt());
    o.instant(p.updatedAt());
    o.str(p.abstractText());
  }

  /**
   * Reads a paper written by {@link #write}. The abstract is left out (null); its bytes start at
   * {@code in.position()} afterwards, for {@link #readAbstract}.
   */
  static Paper read(In in) {
    String id = in.str();
    String arxivId = in.str();
    Integer arxivVersion = in.nint();
    String doi = in.str();
    String s2Id = in.str();
    String openAlexId = in.str();
    Long corpusId = in.u8() == 0 ? null : in.i64();
    String title = in.str();
    String titleSource = in.str();
    List<String> authors = in.strings();
    LocalDate published = in.u8() == 0 ? null : LocalDate.ofEpochDay(in.i64());
    Integer year = in.nint();
    String venue = in.str();
    String journalRef = in.str();
    String primaryCategory = in.str();
    List<String> categories = in.strings();
    SortedMap<String, Citation> citations = new TreeMap<>();
    for (int i = in.i32(); i > 0; i--) {
      String source = in.source();
      int count = in.i32();
      Integer influential = in.nint();
      Instant at = in.instant();
      String cluster = in.str();
      String provenance = in.str();
      citations.put(source, new Citation(count, influential, at, cluster, provenance));
    }
    int nh = in.i32();
    List<Observation> history = new ArrayList<>(nh);
    for (int i = 0; i < nh; i++) {
      String source = in.source();
      int count = in.i32();
      Instant at = in.instant();
      int s = in.u8();
      Boolean suspect = s == 0 ? null : s == 1;
      Integer influential = in.nint();
      String provenance = in.str();
      history.add(new Observation(source, count, at, suspect, influential, provenance));
    }
    SortedMap<String, Histogram> histograms = new TreeMap<>();
    for (int i = in.i32(); i > 0; i--) {
      String key = in.source();
      String source = in.source();
      Instant madeAt = in.instant();
      SortedMap<Integer, Integer> byYear = new TreeMap<>();
      for (int y = in.i32(); y > 0; y--) {
        int year1 = in.i32();
        byYear.put(year1, in.i32());
      }
      int counted = in.i32();
      Integer total = in.nint();
      boolean partial = in.u8() == 1;
      histograms.put(key, new Histogram(source, madeAt, byYear, counted, total, partial));
    }
    List<String> topics = in.strings();
    List<String> aliases = in.strings();
    SortedMap<String, Instant> fetched = new TreeMap<>();
    for (int i = in.i32(); i > 0; i--) {
      String source = in.source();
      fetched.put(source, in.instant());
    }
    Instant createdAt = in.instant();
    Instant updatedAt = in.instant();
    return new Paper(id, arxivId, arxivVersion, doi, s2Id, openAlexId, corpusId, title, titleSource, authors, null, published, year,
        venue, journalRef, primaryCategory, categories, citations, history, histograms, topics, aliases,
        fetched, createdAt, updatedAt);
  }

  /** The abstract, read where {@link #read} stopped. */
  static String readAbstract(In in) {
    return in.str();
  }
}
