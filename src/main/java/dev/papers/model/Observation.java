package dev.papers.model;

import java.time.Instant;
import java.util.Comparator;

/**
 * One count seen at one time from one source. History entries are only ever inserted.
 *
 * @param source source name as in JSON ("semanticScholar", "scholar", "reported", ...)
 * @param count the count seen
 * @param observedAt when it was seen
 * @param suspect true when this is a 0 that followed a non-zero count from the same source; else null
 * @param influential influential citations seen with it, or null
 * @param provenance where a reported count was read (file:line), or null
 */
public record Observation(
    String source,
    int count,
    Instant observedAt,
    Boolean suspect,
    Integer influential,
    String provenance) {

  public static final Comparator<Observation> ORDER =
      Comparator.comparing(Observation::observedAt).thenComparing(Observation::source);

  public Observation(String source, int count, Instant observedAt) {
    this(source, count, observedAt, null, null, null);
  }

  public boolean isSuspect() {
    return Boolean.TRUE.equals(suspect);
  }

  /** Same source, same time and same count: the same observation recorded again. */
  public boolean sameAs(Observation o) {
    return source.equals(o.source) && count == o.count && observedAt.equals(o.observedAt);
  }
}
