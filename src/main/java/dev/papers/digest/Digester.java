package dev.papers.digest;

import dev.papers.model.Citation;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.rank.Candidates;
import dev.papers.rank.RankOptions;
import dev.papers.rank.RankResult;
import dev.papers.rank.RankedPaper;
import dev.papers.rank.Ranker;
import dev.papers.rank.Velocity;
import dev.papers.rank.VelocityResult;
import dev.papers.topic.Membership;
import dev.papers.topic.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A topic's digest: a pure function of the cache, the topic, the window and now. Sends nothing.
 *
 * <p><b>New</b>: members first seen in the window ({@code since} &lt; t &le; now): the cache made their
 * entry then ({@code createdAt}), or their first count was observed then. The cache does not record
 * when a paper was tagged with a topic; {@code fetch --topic} and {@code import --topic} tag the papers
 * they store as they store them, so for a paper the cache first met through the topic, its
 * {@code createdAt} is when it was tagged. (A paper that was cached before it was tagged is not new.)
 * Best velocity first, as {@code rank} orders; members with no velocity follow, by id.
 *
 * <p><b>Rising</b>: members whose count grew over the window, from the best source (Semantic Scholar,
 * OpenAlex, Google Scholar, then others by name) that was counted both at or before {@code since} and
 * after it (at or before now): growth = its latest count at now - its latest count at {@code since}.
 * Only growth above 0 rises. Most growth first; ties by velocity (higher first, none last), then by
 * the count, then by id. A member with no count at or before {@code since} has no growth to measure.
 *
 * <p><b>The reading list</b>: {@code rank}'s first {@code limit} members as of now.
 */
public final class Digester {
  /** The reading list's default length. */
  public static final int DEFAULT_LIMIT = 10;

  private Digester() {}

  public static Digest digest(Topic topic, Collection<Paper> cache, Instant since, Instant asOf, int limit) {
    return digest(topic, Candidates.of(List.copyOf(cache)), since, asOf, limit);
  }

  /** What one pass keeps of a member. */
  private record Seen(long ref, String id, VelocityResult velocity, Observation latest, Growth growth,
      boolean fresh) {}

  private static final Comparator<VelocityResult> BY_VELOCITY = Comparator.nullsLast(
      Comparator.comparingDouble(VelocityResult::velocity).reversed()
          .thenComparing(Comparator.comparingInt(VelocityResult::count).reversed()));

  private static final Comparator<Seen> NEW_ORDER =
      Comparator.comparing(Seen::velocity, BY_VELOCITY).thenComparing(Seen::id).thenComparingLong(Seen::ref);

  private static final Comparator<Seen> RISING_ORDER =
      Comparator.comparingInt((Seen s) -> s.growth().growth()).reversed()
          .thenComparing(Seen::velocity, BY_VELOCITY)
          .thenComparing(Comparator.comparingInt((Seen s) -> s.growth().to().count()).reversed())
          .thenComparing(Seen::id)
          .thenComparingLong(Seen::ref);

  /**
   * The digest of {@code topic} over ({@code since}, {@code asOf}].
   *
   * @param limit the reading list's length (0 or more)
   */
  public static Digest digest(Topic topic, Candidates candidates, Instant since, Instant asOf, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("--limit must be 0 or more, not " + limit);
    }
    Membership.Rules rules = Membership.rules(topic, null);
    Queue<Seen> fresh = new ConcurrentLinkedQueue<>();
    Queue<Seen> rising = new ConcurrentLinkedQueue<>();
    candidates.forEach((p, abstractText, ref) -> {
      if (!rules.admits(p, abstractText)) {
        return;
      }
      boolean isNew = isNew(p, since, asOf);
      Growth g = growth(p, since, asOf);
      boolean rises = g != null && g.growth() > 0;
      if (!isNew && !rises) {
        return;
      }
      VelocityResult v = Velocity.best(p, asOf).orElse(null);
      Seen s = new Seen(ref, p.id(), v, latest(p, asOf), rises ? g : null, isNew);
      if (isNew) {
        fresh.add(s);
      }
      if (rises) {
        rising.add(s);
      }
    });
    List<DigestEntry> newEntries = entries(fresh, NEW_ORDER, candidates, false);
    List<DigestEntry> risingEntries = entries(rising, RISING_ORDER, candidates, true);
    RankResult ranked = Ranker.rank(topic, candidates, new RankOptions(null, limit, asOf));
    List<DigestEntry> reading = new ArrayList<>();
    for (RankedPaper r : ranked.ranked()) {
      reading.add(new DigestEntry(r.rank(), r.paper(), r.velocity(), null, null));
    }
    return new Digest(topic, since, asOf, newEntries, risingEntries, reading);
  }

  private static List<DigestEntry> entries(Queue<Seen> seen, Comparator<Seen> order, Candidates candidates,
      boolean withGrowth) {
    List<Seen> sorted = new ArrayList<>(seen);
    sorted.sort(order);
    List<DigestEntry> out = new ArrayList<>(sorted.size());
    for (Seen s : sorted) {
      out.add(new DigestEntry(null, candidates.paper(s.ref()), s.velocity(), withGrowth ? s.growth() : null,
          s.latest()));
    }
    return out;
  }

  /**
   * Whether the paper was first seen in ({@code since}, {@code asOf}]: its entry made then, or its first
   * (non-suspect) count observed then.
   */
  public static boolean isNew(Paper p, Instant since, Instant asOf) {
    if (p.createdAt() != null && within(p.createdAt(), since, asOf)) {
      return true;
    }
    Instant first = firstObservation(p);
    return first != null && within(first, since, asOf);
  }

  /** When the paper's first non-suspect count was observed, or null when it has none. */
  public static Instant firstObservation(Paper p) {
    Instant first = null;
    for (Observation o : p.history()) {
      if (!o.isSuspect() && (first == null || o.observedAt().isBefore(first))) {
        first = o.observedAt();
      }
    }
    for (Citation c : p.citations().values()) {
      if (c.observedAt() != null && (first == null || c.observedAt().isBefore(first))) {
        first = c.observedAt();
      }
    }
    return first;
  }

  /**
   * The count's growth over the window from the best source counted both at or before {@code since}
   * and after it, or null when no source was.
   */
  public static Growth growth(Paper p, Instant since, Instant asOf) {
    TreeSet<String> sources = new TreeSet<>(SourceOrder.PREFERENCE);
    for (Observation o : p.history()) {
      sources.add(o.source());
    }
    sources.addAll(p.citations().keySet());
    for (String source : sources) {
      Observation from = Velocity.latest(p, source, since);
      if (from == null) {
        continue;
      }
      Observation to = Velocity.latest(p, source, asOf);
      if (to != null && to.observedAt().isAfter(since)) {
        return new Growth(source, from, to);
      }
    }
    return null;
  }

  /** The latest count of any source at {@code asOf} (the preferred source on a tie of time), or null. */
  static Observation latest(Paper p, Instant asOf) {
    TreeSet<String> sources = new TreeSet<>(SourceOrder.PREFERENCE);
    p.history().forEach(o -> sources.add(o.source()));
    sources.addAll(p.citations().keySet());
    Observation best = null;
    for (String source : sources) {
      Observation o = Velocity.latest(p, source, asOf);
      if (o != null && (best == null || o.observedAt().isAfter(best.observedAt()))) {
        best = o;
      }
    }
    return best;
  }

  private static boolean within(Instant t, Instant since, Instant asOf) {
    return t.isAfter(since) && !t.isAfter(asOf);
  }
}
