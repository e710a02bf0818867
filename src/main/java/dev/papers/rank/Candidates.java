package dev.papers.rank;

import dev.papers.model.Paper;
import dev.papers.topic.Membership;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The papers a ranking looks at, seen once each (perhaps from several threads at once), and fetched
 * again by reference for the few the ranking prints. A cache of 100,000 papers is ranked without
 * holding 100,000 records: only a score per member is kept between the two.
 */
public interface Candidates {
  /** What a visit is handed: the paper (its abstract may be absent), the abstract on demand, a reference. */
  interface Visitor {
    void visit(Paper paper, Supplier<String> abstractText, long ref);
  }

  /** A paper's best velocity and the count it used: what the order of a ranking needs. */
  record Score(double velocity, int count) {}

  /**
   * One candidate as the ranking sees it: what membership looks at, its id, its score at the ranking's
   * now, and a reference for {@link #paper(long)}. Valid only during its visit.
   */
  interface Entry extends Membership.Candidate {
    String id();

    /** The best velocity at the ranking's now, or null when the paper has no usable count then. */
    Score score();

    long ref();
  }

  /** Visits every paper; the visitor must be thread-safe. */
  void forEach(Visitor visitor);

  /**
   * Visits every candidate with its score at {@code asOf}; the action must be thread-safe. By default
   * each paper's velocity is computed from its record; an index can hand out scores it computed before.
   */
  default void forEachEntry(Instant asOf, Consumer<Entry> action) {
    forEach((p, abstractText, ref) -> action.accept(new PaperEntry(p, abstractText, ref, asOf)));
  }

  /** A paper record as an entry: membership from {@link Membership.PaperCandidate}, its score computed. */
  final class PaperEntry extends Membership.PaperCandidate implements Entry {
    private final long ref;
    private final Instant asOf;

    PaperEntry(Paper paper, Supplier<String> abstractText, long ref, Instant asOf) {
      super(paper, abstractText);
      this.ref = ref;
      this.asOf = asOf;
    }

    @Override
    public String id() {
      return paper.id();
    }

    @Override
    public Score score() {
      return scoreOf(paper, asOf);
    }

    @Override
    public long ref() {
      return ref;
    }
  }

  /** A paper's score at {@code asOf} from its record, or null. */
  static Score scoreOf(Paper p, Instant asOf) {
    Optional<VelocityResult> v = Velocity.best(p, asOf);
    return v.map(r -> new Score(r.velocity(), r.count())).orElse(null);
  }

  /** The paper a reference handed to a visitor names. */
  Paper paper(long ref);

  /** Candidates held in memory; a reference is the index in the list. */
  static Candidates of(List<Paper> papers) {
    return new Candidates() {
      @Override
      public void forEach(Visitor visitor) {
        for (int i = 0; i < papers.size(); i++) {
          Paper p = papers.get(i);
          visitor.visit(p, p::abstractText, i);
        }
      }

      @Override
      public Paper paper(long ref) {
        return papers.get(Math.toIntExact(ref));
      }
    };
  }
}
