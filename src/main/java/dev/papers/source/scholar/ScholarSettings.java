package dev.papers.source.scholar;

import java.time.Duration;

/**
 * How politely Google Scholar is asked.
 *
 * @param coolDown how long after a block no request is sent (default 6 hours)
 * @param budgetPerRun the most requests one run (one {@link ScholarSource}) sends (default 20)
 * @param userAgent the User-Agent header for Scholar requests, or null for the program's own
 */
public record ScholarSettings(Duration coolDown, int budgetPerRun, String userAgent) {
  public static final Duration DEFAULT_COOL_DOWN = Duration.ofHours(6);
  public static final int DEFAULT_BUDGET = 20;

  public ScholarSettings {
    if (coolDown == null || coolDown.isNegative()) {
      throw new IllegalArgumentException("the Scholar cool-down must be a duration of 0 or more");
    }
    if (budgetPerRun < 0) {
      throw new IllegalArgumentException("the Scholar request budget must be 0 or more");
    }
    userAgent = userAgent == null || userAgent.isBlank() ? null : userAgent.strip();
  }

  /** 6 hours of cool-down, 20 requests a run, the program's User-Agent. */
  public static ScholarSettings defaults() {
    return new ScholarSettings(DEFAULT_COOL_DOWN, DEFAULT_BUDGET, null);
  }
}
