package dev.papers.rank;

import java.time.Instant;
import java.util.Objects;

/**
 * How to rank.
 *
 * @param since {@code --since YEAR}, or null for the topic's {@code since}
 * @param limit {@code --limit N} (at least 0), or null for all: at most N members are listed, the
 *     ranked ones first, then the unranked ones while there is room
 * @param all {@code --all}: the unranked members are listed after the ranked ones whatever the limit
 * @param asOf the ranking's now: {@code --as-of} (see {@link AsOf#parse}), else {@code PAPERS_NOW},
 *     else the clock. Observations after it do not exist.
 */
public record RankOptions(Integer since, Integer limit, Instant asOf, boolean all) {
  /** Without {@code --all}. */
  public RankOptions(Integer since, Integer limit, Instant asOf) {
    this(since, limit, asOf, false);
  }

  public RankOptions {
    Objects.requireNonNull(asOf, "asOf");
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("--limit must be 0 or more, not " + limit);
    }
  }
}
