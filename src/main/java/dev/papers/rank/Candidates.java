package dev.papers.rank;

import dev.papers.model.Paper;
import java.util.List;
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

  /** Visits every paper; the visitor must be thread-safe. */
  void forEach(Visitor visitor);

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
