package dev.papers.rank;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One paper's citation velocity from one source.
 *
 * @param source the source whose count it is ("semanticScholar", "scholar", "reported", ...)
 * @param method {@code observed}, {@code histogram} or {@code lifetime}
 * @param velocity citations per year; may be negative (a count that went down)
 * @param count the count the score used: the source's latest count at the ranking's now
 * @param observedAt when that count was observed
 * @param approximate true when the publication date was guessed (lifetime without {@code published})
 * <p>{@code explanation}: the numbers that went in, one line.
 */
public final class VelocityResult {
  public static final String OBSERVED = "observed";
  public static final String HISTOGRAM = "histogram";
  public static final String LIFETIME = "lifetime";

  private final String source;
  private final String method;
  private final double velocity;
  private final int count;
  private final Instant observedAt;
  private final boolean approximate;
  /** The explanation, made when first asked: most velocities (an index's, a ranking's unprinted) never are. */
  private Supplier<String> explain;
  private String explanation;

  public VelocityResult(String source, String method, double velocity, int count, Instant observedAt,
      boolean approximate, String explanation) {
    this(source, method, velocity, count, observedAt, approximate, () -> explanation);
  }

  public VelocityResult(String source, String method, double velocity, int count, Instant observedAt,
      boolean approximate, Supplier<String> explanation) {
    this.source = source;
    this.method = method;
    this.velocity = velocity;
    this.count = count;
    this.observedAt = observedAt;
    this.approximate = approximate;
    this.explain = Objects.requireNonNull(explanation);
  }

  public String source() {
    return source;
  }

  public String method() {
    return method;
  }

  public double velocity() {
    return velocity;
  }

  public int count() {
    return count;
  }

  public Instant observedAt() {
    return observedAt;
  }

  public boolean approximate() {
    return approximate;
  }

  /** The numbers that went in, one line. */
  public synchronized String explanation() {
    if (explain != null) {
      explanation = explain.get();
      explain = null;
    }
    return explanation;
  }

  /** 0 for observed, 1 for histogram, 2 for lifetime: lower is better. */
  public int methodRank() {
    return switch (method) {
      case OBSERVED -> 0;
      case HISTOGRAM -> 1;
      default -> 2;
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VelocityResult v && v.source.equals(source) && v.method.equals(method)
        && Double.compare(v.velocity, velocity) == 0 && v.count == count && Objects.equals(v.observedAt, observedAt)
        && v.approximate == approximate && Objects.equals(v.explanation(), explanation());
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, method, velocity, count, observedAt, approximate, explanation());
  }

  @Override
  public String toString() {
    return "VelocityResult[source=" + source + ", method=" + method + ", velocity=" + velocity + ", count=" + count
        + ", observedAt=" + observedAt + ", approximate=" + approximate + ", explanation=" + explanation() + "]";
  }
}
