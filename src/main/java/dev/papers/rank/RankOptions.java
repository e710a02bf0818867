package dev.papers.rank;

import java.time.Instant;
import java.util.Objects;

/**
 * How to rank.
 *
 * @param since {@code --since YEAR}, or null for the topic's {@code since}
 * @param limit {@code --limit N} (at least 0), or null for all; it cuts the ranked members only
 * @param asOf the ranking's now: {@code --as-of} (see {@link AsOf#parse}), else {@code PAPERS_NOW},
 *     else the clock. Observations after it do not exist.
 */
public record RankOptions(Integer since, Integer limit, Instant asOf) {
  public RankOptions {
    Objects.requireNonNull(asOf, "asOf");
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("--limit must be 0 or more, not " + limit);
    }
  }
}
