package dev.papers.digest;

import dev.papers.config.Durations;
import dev.papers.config.UsageException;
import dev.papers.model.InvalidIdException;
import dev.papers.rank.AsOf;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * {@code digest --since}: a DATE ({@code 2026-11-15}: the start of that day, UTC), a DURATION before
 * now ({@code 7d}, {@code 2w}, {@code 36h}), or an ISO-8601 instant; by default 7 days before now.
 */
public final class SinceOption {
  /** The default window: a week. */
  public static final Duration DEFAULT = Duration.ofDays(7);

  private SinceOption() {}

  /**
   * The moment {@code --since} names.
   *
   * @param text the flag's value, or null for the default
   * @param now the digest's now
   * @throws UsageException when it is none of the forms (bad input, exit 2)
   */
  public static Instant resolve(String text, Instant now) {
    if (text == null) {
      return now.minus(DEFAULT);
    }
    String s = text.strip();
    try {
      return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      // not a date
    }
    if (!s.isEmpty() && Character.isDigit(s.charAt(0)) && s.matches("[0-9.]+[a-z]+|0")) {
      return now.minus(Durations.parse(s, "--since"));
    }
    Instant i = AsOf.instant(s);
    if (i == null) {
      throw new UsageException("--since: not a date (YYYY-MM-DD), a duration (7d, 2w, 36h) or an ISO-8601"
          + " instant: " + InvalidIdException.quote(text));
    }
    return i;
  }
}
