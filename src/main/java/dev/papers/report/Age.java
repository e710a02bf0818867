package dev.papers.report;

import java.time.Duration;
import java.time.Instant;

/**
 * How old a count is, for the writers that show when it was seen: a count older than the refresh
 * interval ({@code papers refresh}'s default, 7 days) is old, and says so.
 */
public final class Age {
  /** {@code papers refresh}'s default {@code --older-than}: a count older than this is due again. */
  public static final Duration REFRESH_INTERVAL = Duration.ofDays(7);

  private Age() {}

  /** True when the count seen at {@code seen} is older than the refresh interval at {@code now}. */
  public static boolean old(Instant seen, Instant now) {
    return seen != null && Duration.between(seen, now).compareTo(REFRESH_INTERVAL) > 0;
  }

  /** Compact, for a table column: {@code 0d}, {@code 5d}, {@code 3w}, {@code 11mo}, {@code 4y}. */
  public static String compact(Instant seen, Instant now) {
    long days = Math.max(0, Duration.between(seen, now).toDays());
    if (days < 14) {
      return days + "d";
    }
    if (days < 60) {
      return days / 7 + "w";
    }
    if (days < 730) {
      return days * 12 / 365 + "mo";
    }
    return days / 365 + "y";
  }

  /** In words: {@code 1 day}, {@code 5 days}, {@code 3 weeks}, {@code 11 months}, {@code 4 years}. */
  public static String words(Instant seen, Instant now) {
    long days = Math.max(0, Duration.between(seen, now).toDays());
    if (days < 14) {
      return plural(days, "day");
    }
    if (days < 60) {
      return plural(days / 7, "week");
    }
    if (days < 730) {
      return plural(days * 12 / 365, "month");
    }
    return plural(days / 365, "year");
  }

  /** {@code 1 citation}, {@code 2 citations}, {@code 0 citations}. */
  public static String plural(long n, String word) {
    return n + " " + (n == 1 ? word : word + "s");
  }
}
