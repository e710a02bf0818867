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

/**
 * "Papers you should read": a topic's members by citation velocity. A pure function of the cache and
 * the options.
 *
 * <p>Order: velocity, highest first; ties by the count the score used (higher first), then by
 * {@code id}. Members with no velocity follow, by id, with rank null; then the {@code include} ids
 * that are not cached. {@code --limit} cuts the ranked members only: the unranked ones are always
 * listed, since each comes with the command that would rank it.
 */
public final class Ranker {
  /** Best first; ties by count, then id. */
  public static final Comparator<RankedPaper> ORDER =
      Comparator.comparingDouble((RankedPaper r) -> r.velocity().velocity()).reversed()
          .thenComparing(Comparator.comparingInt((RankedPaper r) -> r.velocity().count()).reversed())
          .thenComparing(r -> r.paper().id());

  private Ranker() {}

  public static RankResult rank(Topic topic, Collection<Paper> cache, RankOptions options) {
    Membership.Members members = Membership.of(topic, cache, options.since());
    List<RankedPaper> ranked = new ArrayList<>();
    List<RankedPaper> unranked = new ArrayList<>();
    for (Paper p : members.papers()) {
      Optional<VelocityResult> v = Velocity.best(p, options.asOf());
      if (v.isPresent()) {
        ranked.add(new RankedPaper(0, p, v.get(), null, true));
      } else {
        Observation latest = null;
        for (Observation o : Velocity.usable(p, null, options.asOf())) {
          latest = o;
        }
        unranked.add(new RankedPaper(null, p, null, latest, true));
      }
    }
    ranked.sort(ORDER);
    int limit = options.limit() == null ? ranked.size() : Math.min(options.limit(), ranked.size());
    List<RankedPaper> entries = new ArrayList<>();
    for (int i = 0; i < limit; i++) {
      RankedPaper r = ranked.get(i);
      entries.add(new RankedPaper(i + 1, r.paper(), r.velocity(), null, true));
    }
    entries.addAll(unranked);
    for (PaperId id : members.notCached()) {
      entries.add(new RankedPaper(null, standIn(id), null, null, false));
    }
    return new RankResult(topic, options.asOf(), members.since(), entries, members.notCached());
  }

  /** A paper record that holds only an identifier, for an {@code include} id not in the cache. */
  static Paper standIn(PaperId id) {
    PaperId bare = id.withoutVersion();
    String arxiv = bare.kind() == PaperId.Kind.ARXIV ? bare.value() : null;
    String doi = bare.kind() == PaperId.Kind.DOI ? bare.value() : null;
    String s2 = bare.kind() == PaperId.Kind.S2 ? bare.value() : null;
    Paper p = Paper.create(bare.key(), null);
    return new Paper(p.id(), arxiv, null, doi, s2, null, null, List.of(), null, null, null, null, null,
        null, List.of(), null, List.of(), null, List.of(), List.of(), null, null, null);
  }
}
