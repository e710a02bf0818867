package dev.papers.rank;

import java.time.Instant;

/**
 * One paper's citation velocity from one source.
 *
 * @param source the source whose count it is ("semanticScholar", "scholar", "reported", ...)
 * @param method {@code observed}, {@code histogram} or {@code lifetime}
 * @param velocity citations per year; may be negative (a count that went down)
 * @param count the count the score used: the source's latest count at the ranking's now
 * @param observedAt when that count was observed
 * @param approximate true when the publication date was guessed (lifetime without {@code published})
 * @param explanation the numbers that went in, one line
 */
public record VelocityResult(
    String source,
    String method,
    double velocity,
    int count,
    Instant observedAt,
    boolean approximate,
    String explanation) {

  public static final String OBSERVED = "observed";
  public static final String HISTOGRAM = "histogram";
  public static final String LIFETIME = "lifetime";

  /** 0 for observed, 1 for histogram, 2 for lifetime: lower is better. */
  public int methodRank() {
    return switch (method) {
      case OBSERVED -> 0;
      case HISTOGRAM -> 1;
      default -> 2;
    };
  }
}
