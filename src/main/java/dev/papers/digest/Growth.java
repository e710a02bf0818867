package dev.papers.digest;

import dev.papers.model.Observation;

/**
 * How much one source's count grew over a digest's window.
 *
 * @param source the source (JSON name)
 * @param from its latest count at or before the window's start
 * @param to its latest count at or before the digest's now (observed after the window's start)
 */
public record Growth(String source, Observation from, Observation to) {
  /** The count's increase (negative when it went down). */
  public int growth() {
    return to.count() - from.count();
  }
}
