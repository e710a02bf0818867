package dev.papers.rank;

import dev.papers.model.InvalidIdException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The ranking's now, from {@code --as-of}. */
public final class AsOf {
  private AsOf() {}

  /**
   * Reads {@code --as-of}: {@code YYYY-MM-DD} is the end of that day in UTC (its last nanosecond, so
   * every observation made that day exists); an ISO-8601 instant ({@code 2026-11-22T10:00:00Z}) or
   * date-time with offset is taken as it is.
   *
   * @throws InvalidDateException when it is neither (the message quotes it)
   */
  public static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidDateException("--as-of needs a date (YYYY-MM-DD) or an ISO-8601 instant");
    }
    String s = text.strip();
    try {
      return LocalDate.parse(s).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    } catch (DateTimeParseException e) {
      // not a plain date
    }
    Instant i = instant(s);
    if (i == null) {
      throw new InvalidDateException("--as-of: not a date (YYYY-MM-DD) or an ISO-8601 instant: "
          + InvalidIdException.quote(text));
    }
    return i;
  }

  /** An ISO-8601 instant, {@code Z} or with an offset ({@code 2026-12-01T09:00:00+08:00}); null when it is none. */
  public static Instant instant(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      // not an instant in Z form
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code --as-of} when given, else the clock (which the CLI builds from {@code PAPERS_NOW}). */
  public static Instant resolve(String asOfFlag, Clock clock) {
    return asOfFlag == null ? clock.instant() : parse(asOfFlag);
  }
}
