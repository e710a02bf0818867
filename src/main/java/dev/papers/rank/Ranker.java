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

  /** A member's score, kept between the pass over the candidates and the output. */
  private record Scored(long ref, String id, VelocityResult velocity, Observation latest) {}

  /** Best first; ties by count, then id. */
  private static final Comparator<Scored> ORDER =
      Comparator.comparingDouble((Scored s) -> s.velocity().velocity()).reversed()
          .thenComparing(Comparator.comparingInt((Scored s) -> s.velocity().count()).reversed())
          .thenComparing(Scored::id)
          .thenComparingLong(Scored::ref); // two files of one id (a copy made by hand): still one order

  /**
   * Ranks the members among the candidates in two passes: every candidate is seen once (in parallel
   * when the candidates allow) and only a member's score is kept; then the papers that are printed
   * are fetched again by reference.
   */
  public static RankResult rank(Topic topic, Candidates candidates, RankOptions options) {
    Membership.Rules rules = Membership.rules(topic, options.since());
    Queue<Scored> ranked = new ConcurrentLinkedQueue<>();
    Queue<Scored> unranked = new ConcurrentLinkedQueue<>();
    candidates.forEach((p, abstractText, ref) -> {
      if (!rules.admits(p, abstractText)) {
        return;
      }
      Optional<VelocityResult> v = Velocity.best(p, options.asOf());
      if (v.isPresent()) {
        ranked.add(new Scored(ref, p.id(), v.get(), null));
      } else {
        Observation latest = null;
        for (Observation o : Velocity.usable(p, null, options.asOf())) {
          latest = o;
        }
        unranked.add(new Scored(ref, p.id(), null, latest));
      }
    });
    List<Scored> best = new ArrayList<>(ranked);
    best.sort(ORDER);
    int limit = options.limit() == null ? best.size() : Math.min(options.limit(), best.size());
    List<RankedPaper> entries = new ArrayList<>();
    for (int i = 0; i < limit; i++) {
      Scored s = best.get(i);
      entries.add(new RankedPaper(i + 1, candidates.paper(s.ref()), s.velocity(), null, true));
    }
    List<Scored> rest = new ArrayList<>(unranked);
    rest.sort(Comparator.comparing(Scored::id).thenComparingLong(Scored::ref));
    List<PaperId> notCached = rules.notCached();
    int room = options.limit() == null || options.all() ? Integer.MAX_VALUE
        : Math.max(0, options.limit() - entries.size());
    int omitted = 0;
    for (Scored s : rest) {
      if (room-- > 0) {
        entries.add(new RankedPaper(null, candidates.paper(s.ref()), null, s.latest(), true));
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
