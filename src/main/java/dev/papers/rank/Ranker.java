package dev.papers.rank;

import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.topic.Membership;
import dev.papers.topic.Topic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * "Papers you should read": a topic's members by citation velocity. A pure function of the cache and
 * the options.
 *
 * <p>Order: velocity, highest first; ties by the count the score used (higher first), then by
 * {@code id}. Members with no velocity follow, by id, with rank null; then the {@code include} ids
 * that are not cached. {@code --limit N} caps what is listed: the first N ranked members, then the
 * unranked ones while there is room ({@code --all}: all of them, whatever the limit).
 */
public final class Ranker {
  private Ranker() {}

  public static RankResult rank(Topic topic, Collection<Paper> cache, RankOptions options) {
    return rank(topic, Candidates.of(List.copyOf(cache)), options);
  }

  /** A member's score, kept between the pass over the candidates and the output (NaN: unranked). */
  private record Scored(long ref, String id, double velocity, int count) {}

  /** Best first; ties by count, then id. */
  private static final Comparator<Scored> ORDER =
      Comparator.comparingDouble(Scored::velocity).reversed()
          .thenComparing(Comparator.comparingInt(Scored::count).reversed())
          .thenComparing(Scored::id)
          .thenComparingLong(Scored::ref); // two files of one id (a copy made by hand): still one order

  /**
   * Ranks the members among the candidates in two passes: every candidate is seen once (in parallel
   * when the candidates allow) and only a member's score is kept; then the papers that are printed
   * are fetched again by reference, and their velocities computed from their records.
   */
  public static RankResult rank(Topic topic, Candidates candidates, RankOptions options) {
    Membership.Rules rules = Membership.rules(topic, options.since());
    Best ranked = new Best(options.limit() == null ? Integer.MAX_VALUE : options.limit());
    Queue<Scored> unranked = new ConcurrentLinkedQueue<>();
    candidates.forEachEntry(options.asOf(), e -> {
      if (!rules.admits(e)) {
        return;
      }
      Candidates.Score s = e.score();
      if (s == null) {
        unranked.add(new Scored(e.ref(), e.id(), Double.NaN, 0));
      } else if (ranked.mayTake(s.velocity(), s.count())) {
        ranked.offer(new Scored(e.ref(), e.id(), s.velocity(), s.count()));
      }
    });
    List<Scored> best = ranked.sorted();
    int limit = best.size();
    List<RankedPaper> entries = new ArrayList<>();
    List<Scored> rest = new ArrayList<>(unranked);
    for (int i = 0; i < limit; i++) {
      Scored s = best.get(i);
      Paper p = candidates.paper(s.ref());
      Optional<VelocityResult> v = Velocity.best(p, options.asOf());
      if (v.isPresent()) {
        entries.add(new RankedPaper(entries.size() + 1, p, v.get(), null, true));
      } else {
        rest.add(s); // changed since it was scored (a hand edit meanwhile): listed with the unranked
      }
    }
    rest.sort(Comparator.comparing(Scored::id).thenComparingLong(Scored::ref));
    List<PaperId> notCached = rules.notCached();
    int room = options.limit() == null || options.all() ? Integer.MAX_VALUE
        : Math.max(0, options.limit() - entries.size());
    int omitted = 0;
    for (Scored s : rest) {
      if (room-- > 0) {
        Paper p = candidates.paper(s.ref());
        Observation latest = null;
        for (Observation o : Velocity.usable(p, null, options.asOf())) {
          latest = o;
        }
        entries.add(new RankedPaper(null, p, null, latest, true));
      } else {
        omitted++;
      }
    }
    for (PaperId id : notCached) {
      if (room-- > 0) {
        entries.add(new RankedPaper(null, standIn(id), null, null, false));
      } else {
        omitted++;
      }
    }
    return new RankResult(topic, options.asOf(), rules.since(), entries, notCached, omitted);
  }

  /**
   * The best {@code k} members seen so far (all of them when {@code k} is unbounded), from several
   * threads at once. A member that cannot enter (its velocity and count below the k-th's) is turned
   * away without its id being read, so ranking 100,000 papers for a top 50 reads a few hundred ids.
   */
  private static final class Best {
    private final int k;
    private final PriorityQueue<Scored> worstFirst;
    private final List<Scored> all;
    /** The k-th best member once there are k (one field: read together); null before. */
    private volatile Scored worst;

    Best(int k) {
      this.k = k;
      this.worstFirst = k == Integer.MAX_VALUE ? null : new PriorityQueue<>(ORDER.reversed());
      this.all = k == Integer.MAX_VALUE ? new ArrayList<>() : null;
    }

    /** False when a member with this velocity and count cannot be among the best k. */
    boolean mayTake(double velocity, int count) {
      if (k == 0) {
        return false;
      }
      Scored w = worst;
      if (w == null) {
        return true;
      }
      int c = Double.compare(velocity, w.velocity());
      return c > 0 || (c == 0 && count >= w.count());
    }

    synchronized void offer(Scored s) {
      if (all != null) {
        all.add(s);
        return;
      }
      if (worstFirst.size() < k) {
        worstFirst.add(s);
      } else if (ORDER.compare(s, worstFirst.peek()) < 0) {
        worstFirst.poll();
        worstFirst.add(s);
      }
      if (worstFirst.size() == k) {
        worst = worstFirst.peek();
      }
    }

    /** The members kept, best first. */
    synchronized List<Scored> sorted() {
      List<Scored> out = new ArrayList<>(all != null ? all : worstFirst);
      out.sort(ORDER);
      return out;
    }
  }

  /** A paper record that holds only an identifier, for an {@code include} id not in the cache. */
  static Paper standIn(PaperId id) {
    PaperId bare = id.withoutVersion();
    String arxiv = bare.kind() == PaperId.Kind.ARXIV ? bare.value() : null;
    String doi = bare.kind() == PaperId.Kind.DOI ? bare.value() : null;
    String s2 = bare.kind() == PaperId.Kind.S2 ? bare.value() : null;
    String work = bare.kind() == PaperId.Kind.OPENALEX ? bare.value() : null;
    return Paper.builder(bare.key()).arxivId(arxiv).doi(doi).s2Id(s2).openAlexId(work).build();
  }
}
