package dev.papers.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.papers.model.Citation;
import dev.papers.model.Histogram;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a paper file with Jackson's streaming parser: the same records as the data-binding mapper
 * ({@code Json.mapper()}) reads from the files {@link PaperCache} writes, without building the mapper,
 * which is most of what {@code papers show} would spend its start on, and about three times faster
 * per file (an index of 100,000 files is built from them). Fields it does not know are skipped, as
 * the mapper skips them; a missing field is null (0 or false for the few plain numbers). {@code
 * PaperReaderTest} holds it to the mapper on every shipped file and on a record with every field set.
 */
final class PaperReader {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private PaperReader() {}

  /** What was read: the paper, and the schema version the file declares (1 when it declares none). */
  record Read(Paper paper, int schemaVersion) {}

  static Read read(byte[] bytes) throws IOException {
    try (JsonParser p = FACTORY.createParser(bytes)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(p, "not a JSON object");
      }
      int schema = 1;
      String id = null;
      String arxivId = null;
      Integer arxivVersion = null;
      String doi = null;
      String s2Id = null;
      String openAlexId = null;
      Long corpusId = null;
      String title = null;
      String titleSource = null;
      List<String> authors = null;
      String abstractText = null;
      LocalDate published = null;
      Integer year = null;
      String venue = null;
      String journalRef = null;
      String primaryCategory = null;
      List<String> categories = null;
      SortedMap<String, Citation> citations = null;
      List<Observation> history = null;
      SortedMap<String, Histogram> histograms = null;
      List<String> topics = null;
      List<String> aliases = null;
      SortedMap<String, Instant> fetched = null;
      Instant createdAt = null;
      Instant updatedAt = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "schemaVersion" -> schema = schemaVersion(p);
          case "id" -> id = text(p);
          case "arxivId" -> arxivId = text(p);
          case "arxivVersion" -> arxivVersion = integer(p);
          case "doi" -> doi = text(p);
          case "s2Id" -> s2Id = text(p);
          case "openAlexId" -> openAlexId = text(p);
          case "corpusId" -> corpusId = longer(p);
          case "title" -> title = text(p);
          case "titleSource" -> titleSource = text(p);
          case "authors" -> authors = strings(p);
          case "abstract" -> abstractText = text(p);
          case "published" -> published = date(p);
          case "year" -> year = integer(p);
          case "venue" -> venue = text(p);
          case "journalRef" -> journalRef = text(p);
          case "primaryCategory" -> primaryCategory = text(p);
          case "categories" -> categories = strings(p);
          case "citations" -> citations = citations(p);
          case "history" -> history = history(p);
          case "histograms" -> histograms = histograms(p);
          case "topics" -> topics = strings(p);
          case "aliases" -> aliases = strings(p);
          case "fetched" -> fetched = instants(p);
          case "createdAt" -> createdAt = instant(p);
          case "updatedAt" -> updatedAt = instant(p);
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw new JsonParseException(p, "unexpected " + p.currentToken());
      }
      // What follows the record is not read, as the mapper does not read it.
      Paper paper = new Paper(id, arxivId, arxivVersion, doi, s2Id, openAlexId, corpusId, title, titleSource, authors, abstractText,
          published, year, venue, journalRef, primaryCategory, categories, citations, history, histograms, topics,
          aliases, fetched, createdAt, updatedAt);
      return new Read(paper, schema);
    }
  }

  private static String text(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
      default -> throw new JsonParseException(p, "expected a string for \"" + p.currentName() + "\"");
    };
  }

  /** As the mapper's {@code asInt(1)}: a number, a number in a string, else 1. */
  private static int schemaVersion(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> (int) p.getDoubleValue();
      case VALUE_STRING -> {
        try {
          yield (int) Double.parseDouble(p.getText().strip());
        } catch (NumberFormatException e) {
          yield 1;
        }
      }
      case START_OBJECT, START_ARRAY -> {
        p.skipChildren();
        yield 1;
      }
      default -> 1;
    };
  }

  private static Integer integer(JsonParser p) throws IOException {
    Long v = longer(p);
    if (v == null) {
      return null;
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new JsonParseException(p, "out of range: " + v);
    }
    return v.intValue();
  }

  private static int intValue(JsonParser p) throws IOException {
    Integer v = integer(p);
    return v == null ? 0 : v;
  }

  /**
   * A whole number, as the mapper takes one: a number (a fraction cut off, within range), a whole
   * number in a string; {@code ""} and {@code "null"} for none.
   */
  private static Long longer(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw new JsonParseException(p, "out of range: " + p.getText());
        }
        yield p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        double d = p.getDoubleValue();
        if (!Double.isFinite(d) || d >= 0x1p63 || d < -0x1p63) {
          throw new JsonParseException(p, "out of range: " + p.getText());
        }
        yield (long) d;
      }
      case VALUE_STRING -> {
        String t = p.getText().strip();
        if (t.isEmpty() || t.equals("null")) {
          yield null;
        }
        try {
          yield Long.parseLong(t);
        } catch (NumberFormatException e) {
          throw new JsonParseException(p, "not a whole number: \"" + p.getText() + "\"");
        }
      }
      default -> throw new JsonParseException(p, "expected a whole number for \"" + p.currentName() + "\"");
    };
  }

  private static boolean bool(JsonParser p) throws IOException {
    Boolean b = nullableBool(p);
    return b != null && b;
  }

  private static Boolean nullableBool(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      case VALUE_NUMBER_INT -> p.getLongValue() != 0;
      case VALUE_STRING -> switch (p.getText().strip().toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        case "", "null" -> null;
        default -> throw new JsonParseException(p, "expected true or false for \"" + p.currentName() + "\"");
      };
      default -> throw new JsonParseException(p, "expected true or false for \"" + p.currentName() + "\"");
    };
  }

  private static Instant instant(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
      // Seconds since 1970, as the mapper reads a number where an instant belongs.
      java.math.BigDecimal secs = p.getDecimalValue();
      return Instant.ofEpochSecond(secs.longValue(),
          secs.remainder(java.math.BigDecimal.ONE).movePointRight(9).intValue());
    }
    String s = text(p);
    if (s == null || s.isBlank() || s.strip().equals("null")) {
      return null;
    }
    Instant quick = isoUtc(s);
    if (quick != null) {
      return quick;
    }
    if (SECONDS.matcher(s.strip()).matches()) {
      java.math.BigDecimal secs = new java.math.BigDecimal(s.strip());
      return Instant.ofEpochSecond(secs.longValue(),
          secs.remainder(java.math.BigDecimal.ONE).movePointRight(9).intValue());
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        throw new JsonParseException(p, "not an ISO-8601 instant: \"" + s + "\"");
      }
    }
  }

  private static final java.util.regex.Pattern SECONDS = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final int[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

  /**
   * The form the cache writes, {@code 2026-12-01T00:00:00Z} (a fraction of a second allowed), read
   * without a formatter: a record holds dozens of times, and {@code Instant.parse} was half of reading
   * one. Null for anything else (read by {@code Instant.parse}, which also says what is wrong).
   */
  static Instant isoUtc(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int y = digits(s, 0, 4);
    int mo = digits(s, 5, 7);
    int d = digits(s, 8, 10);
    int h = digits(s, 11, 13);
    int mi = digits(s, 14, 16);
    int se = digits(s, 17, 19);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int f = n - 21; // fraction digits
      if (s.charAt(19) != '.' || f < 1 || f > 9) {
        return null;
      }
      int v = digits(s, 20, n - 1);
      if (v < 0) {
        return null;
      }
      nanos = v * TENS[9 - f];
    }
    if (d > java.time.YearMonth.of(y, mo).lengthOfMonth()) {
      return null;
    }
    long day = LocalDate.of(y, mo, d).toEpochDay();
    return Instant.ofEpochSecond(day * 86_400 + h * 3_600L + mi * 60L + se, nanos);
  }

  /** The decimal number in s[from, to), or -1 when a character is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static LocalDate date(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return LocalDate.ofEpochDay(p.getLongValue()); // days since 1970, as the mapper reads a number
    }
    if (p.currentToken() == JsonToken.START_ARRAY) {
      int[] ymd = new int[3];
      int n = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        if (n < 3) {
          ymd[n] = intValue(p);
        }
        n++;
      }
      if (n != 3) {
        throw new JsonParseException(p, "a date as an array is [year, month, day]");
      }
      return LocalDate.of(ymd[0], ymd[1], ymd[2]);
    }
    String s = text(p);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      int t = s.indexOf('T');
      return LocalDate.parse(t == 10 ? s.substring(0, 10) : s); // a date-time: its date
    } catch (DateTimeParseException e) {
      throw new JsonParseException(p, "not a date (YYYY-MM-DD): \"" + s + "\"");
    }
  }

  private static <T> T notNull(JsonParser p, T v) throws IOException {
    if (v == null) {
      throw new JsonParseException(p, "null where a value belongs");
    }
    return v;
  }

  private static void expect(JsonParser p, JsonToken t) throws IOException {
    if (p.currentToken() != t) {
      throw new JsonParseException(p, "expected " + (t == JsonToken.START_ARRAY ? "an array" : "an object")
          + " for \"" + p.currentName() + "\"");
    }
  }

  private static List<String> strings(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_ARRAY);
    List<String> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(notNull(p, text(p)));
    }
    return out;
  }

  private static SortedMap<String, Instant> instants(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    SortedMap<String, Instant> out = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String k = p.currentName();
      p.nextToken();
      Instant at = instant(p);
      if (at != null) {
        out.put(k, at);
      }
    }
    return out;
  }

  private static SortedMap<String, Citation> citations(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    SortedMap<String, Citation> out = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String source = p.currentName();
      p.nextToken();
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        continue; // no count from that source
      }
      expect(p, JsonToken.START_OBJECT);
      int count = 0;
      Integer influential = null;
      Instant observedAt = null;
      String clusterId = null;
      String provenance = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        switch (f) {
          case "count" -> count = intValue(p);
          case "influential" -> influential = integer(p);
          case "observedAt" -> observedAt = instant(p);
          case "clusterId" -> clusterId = text(p);
          case "provenance" -> provenance = text(p);
          default -> p.skipChildren();
        }
      }
      out.put(source, new Citation(count, influential, observedAt, clusterId, provenance));
    }
    return out;
  }

  private static List<Observation> history(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_ARRAY);
    List<Observation> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      expect(p, JsonToken.START_OBJECT);
      String source = null;
      int count = 0;
      Instant observedAt = null;
      Boolean suspect = null;
      Integer influential = null;
      String provenance = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        switch (f) {
          case "source" -> source = text(p);
          case "count" -> count = intValue(p);
          case "observedAt" -> observedAt = instant(p);
          case "suspect" -> suspect = nullableBool(p);
          case "influential" -> influential = integer(p);
          case "provenance" -> provenance = text(p);
          default -> p.skipChildren();
        }
      }
      out.add(new Observation(source, count, observedAt, suspect, influential, provenance));
    }
    return out;
  }

  private static SortedMap<String, Histogram> histograms(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    SortedMap<String, Histogram> out = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      p.nextToken();
      expect(p, JsonToken.START_OBJECT);
      String source = null;
      Instant madeAt = null;
      SortedMap<Integer, Integer> byYear = null;
      int counted = 0;
      Integer total = null;
      boolean partial = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String f = p.currentName();
        p.nextToken();
        switch (f) {
          case "source" -> source = text(p);
          case "madeAt" -> madeAt = instant(p);
          case "byYear" -> byYear = years(p);
          case "counted" -> counted = intValue(p);
          case "total" -> total = integer(p);
          case "partial" -> partial = bool(p);
          default -> p.skipChildren();
        }
      }
      out.put(key, new Histogram(source, madeAt, byYear, counted, total, partial));
    }
    return out;
  }

  private static SortedMap<Integer, Integer> years(JsonParser p) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(p, JsonToken.START_OBJECT);
    SortedMap<Integer, Integer> out = new TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      int year;
      try {
        year = Integer.parseInt(p.currentName().strip());
      } catch (NumberFormatException e) {
        throw new JsonParseException(p, "not a year: \"" + p.currentName() + "\"");
      }
      p.nextToken();
      Integer n = integer(p);
      if (n != null) {
        out.put(year, n);
      }
    }
    return out;
  }
}
