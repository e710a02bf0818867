package dev.papers.digest;

import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.rank.VelocityResult;

/**
 * One paper of a digest.
 *
 * @param rank the rank in the reading list, or null outside it
 * @param paper the paper (with its abstract)
 * @param velocity its citation velocity at the digest's now, or null when it has none
 * @param growth for a riser, the count's growth over the window; else null
 * @param latest its latest count of any source at the digest's now, or null
 */
public record DigestEntry(Integer rank, Paper paper, VelocityResult velocity, Growth growth, Observation latest) {

  /** The count shown: the riser's count now, else the velocity's count, else the latest count, or null. */
  public Integer count() {
    if (growth != null) {
      return growth.to().count();
    }
    if (velocity != null) {
      return velocity.count();
    }
    return latest == null ? null : latest.count();
  }

  /** The source of {@link #count()}, or null. */
  public String source() {
    if (growth != null) {
      return growth.source();
    }
    if (velocity != null) {
      return velocity.source();
    }
    return latest == null ? null : latest.source();
  }
}
