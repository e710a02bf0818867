package dev.papers.suggest;

import dev.papers.model.Histogram;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import dev.papers.model.SourceRecord;
import dev.papers.rank.Velocity;
import dev.papers.rank.VelocityResult;
import dev.papers.topic.Topic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Papers to read next, as the contract's "Suggest" defines them: a pure function of the members, what
 * the sources answered, the cache and the options. No request, no clock.
 *
 * <p>Candidates are the papers linked to the members that are neither members nor excluded (under any
 * of their identifiers, the cache's aliases included): one link per member a candidate cites, one per
 * member citing it, one for Semantic Scholar's recommendation. Answers about one paper from several
 * sources (an OpenAlex work and a Semantic Scholar paper with the same arXiv id or DOI, or ids the cache
 * already joined) make one candidate. A candidate older than the topic's {@code since} is left out
 * (it would not be a member if it were added). A candidate is seen as {@code rank} sees a paper: the
 * cache's entry when there is one, with the answers merged in; its OpenAlex histogram comes with the
 * answer that found it.
 *
 * <p>Order: velocity (highest first; candidates with no count last), then links (more first), then id.
 */
public final class SuggestRanker {
  private static final String OPENALEX = Source.OPEN_ALEX.jsonName();
  private static final String SEMANTIC_SCHOLAR = Source.SEMANTIC_SCHOLAR.jsonName();

  private SuggestRanker() {}

  /** The key of an OpenAlex work id ({@code openalex:W…}). */
  public static String workKey(String workId) {
    PaperId id = PaperId.openAlexOrNull(workId);
    return id != null ? id.key() : "openalex:" + workId;
  }

  /**
   * The works members cite that are worth fetching, best first: those cited by the most members
   * first (then by id), leaving out members, excluded works and works already known (from the
   * {@code cites:} answer). A work needs {@code minLinks} links; one the members cite fewer than
   * {@code minLinks - 1} times cannot reach that with a recommendation, so it is left out.
   */
  public static List<String> referencesToFetch(Map<String, String> memberWorks,
      Map<String, List<String>> memberReferences, Set<String> knownWorks, Set<String> excludedKeys, int minLinks) {
    Set<String> memberW = new HashSet<>(memberWorks.values());
    Map<String, Integer> citedBy = new TreeMap<>();
    for (List<String> refs : memberReferences.values()) {
      for (String w : new LinkedHashSet<>(refs)) {
        if (!memberW.contains(w) && !knownWorks.contains(w) && !excludedKeys.contains(workKey(w))) {
          citedBy.merge(w, 1, Integer::sum);
        }
      }
    }
    int floor = Math.max(1, minLinks - 1);
    List<String> out = new ArrayList<>();
    citedBy.forEach((w, n) -> {
      if (n >= floor) {
        out.add(w);
      }
    });
    out.sort(Comparator.comparing((String w) -> citedBy.get(w)).reversed().thenComparing(w -> w));
    return out;
  }

  /** One candidate while the answers are gathered. */
  private static final class Candidate {
    final Set<String> keys = new LinkedHashSet<>();
    final Map<String, GraphWork> works = new LinkedHashMap<>();
    final List<SourceRecord> s2 = new ArrayList<>();
    final Set<String> cites = new TreeSet<>();
    final Set<String> citedBy = new TreeSet<>();
    boolean recommended;

    void absorb(Candidate o) {
      keys.addAll(o.keys);
      o.works.forEach(works::putIfAbsent);
      s2.addAll(o.s2);
      cites.addAll(o.cites);
      citedBy.addAll(o.citedBy);
      recommended |= o.recommended;
    }

    int links() {
      return cites.size() + citedBy.size() + (recommended ? 1 : 0);
    }

    boolean hasRecord() {
      return !works.isEmpty() || !s2.isEmpty();
    }
  }

  /** Candidates joined by any key they share. */
  private static final class Pool {
    final Map<String, Candidate> byKey = new HashMap<>();

    Candidate join(Collection<String> keys) {
      Candidate into = null;
      for (String k : keys) {
        Candidate c = byKey.get(k);
        if (c != null && into == null) {
          into = c;
        } else if (c != null && c != into) {
          into.absorb(c);
          for (String ck : c.keys) {
            byKey.put(ck, into);
          }
        }
      }
      if (into == null) {
        into = new Candidate();
      }
      for (String k : keys) {
        into.keys.add(k);
        byKey.put(k, into);
      }
      return into;
    }

    Collection<Candidate> all() {
      Map<Candidate, Boolean> seen = new IdentityHashMap<>();
      List<Candidate> out = new ArrayList<>();
      for (Candidate c : byKey.values()) {
        if (seen.put(c, Boolean.TRUE) == null) {
          out.add(c);
        }
      }
      return out;
    }
  }

  private static List<String> keys(SourceRecord r, String workId) {
    List<String> k = new ArrayList<>();
    for (PaperId id : r.ids()) {
      k.add(id.key());
    }
    if (workId != null) {
      k.add(workKey(workId));
    }
    return k;
  }

  /**
   * The suggestions.
   *
   * @param minLinks the least links a suggestion has (at least 1)
   * @param limit the most suggestions (at least 0)
   * @param asOf the ranking's now (the velocity's), also the time the answers are merged at
   */
  public static SuggestResult rank(Topic topic, Evidence ev, int minLinks, int limit, Instant asOf) {
    Set<String> memberKeys = new HashSet<>();
    for (Paper m : ev.members()) {
      memberKeys.addAll(m.keys());
    }
    Map<String, String> memberByWork = new HashMap<>();
    ev.memberWorks().forEach((memberId, w) -> {
      memberByWork.put(w, memberId);
      memberKeys.add(workKey(w));
    });

    Pool pool = new Pool();
    for (GraphWork w : ev.citing()) {
      Candidate c = pool.join(keys(w.record(), w.openAlexId()));
      c.works.putIfAbsent(w.openAlexId(), w);
      for (String ref : w.referencedWorks()) {
        String member = memberByWork.get(ref);
        if (member != null) {
          c.cites.add(member);
        }
      }
    }
    for (Map.Entry<String, List<String>> e : ev.memberReferences().entrySet()) {
      for (String ref : e.getValue()) {
        if (!memberByWork.containsKey(ref)) {
          pool.join(List.of(workKey(ref))).citedBy.add(e.getKey());
        }
      }
    }
    for (GraphWork w : ev.referenced()) {
      pool.join(keys(w.record(), w.openAlexId())).works.putIfAbsent(w.openAlexId(), w);
    }
    for (SourceRecord r : ev.recommended()) {
      Candidate c = pool.join(keys(r, null));
      c.s2.add(r);
      c.recommended = true;
    }

    // The cache may know that two answers name one paper, or that a candidate is a member.
    Map<String, Paper> cachedByKey = new HashMap<>();
    for (Paper p : ev.cached()) {
      for (String k : p.keys()) {
        cachedByKey.putIfAbsent(k, p);
      }
    }
    for (String k : new ArrayList<>(pool.byKey.keySet())) {
      Paper p = cachedByKey.get(k);
      if (p != null) {
        pool.join(p.keys());
      }
    }

    List<Scored> qualified = new ArrayList<>();
    int candidates = 0;
    for (Candidate c : pool.all()) {
      if (intersects(c.keys, memberKeys) || intersects(c.keys, ev.excludedKeys())) {
        continue;
      }
      candidates++;
      if (c.links() < minLinks || !c.hasRecord()) {
        continue;
      }
      Paper p = paper(c, cachedByKey, asOf);
      if (topic.since() != null && p.year() != null && p.year() < topic.since()) {
        continue;
      }
      VelocityResult v = Velocity.best(p, asOf).orElse(null);
      qualified.add(new Scored(p, c, v));
    }
    qualified.sort(ORDER);
    List<Suggestion> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, qualified.size()); i++) {
      Scored s = qualified.get(i);
      out.add(new Suggestion(i + 1, s.paper(), workId(s.candidate()), s.velocity(), s.candidate().links(),
          reasons(s.candidate(), ev.positives()), records(s.candidate())));
    }
    return new SuggestResult(topic, asOf, ev.members().size(), minLinks, candidates, qualified.size(), out);
  }

  private record Scored(Paper paper, Candidate candidate, VelocityResult velocity) {}

  /** Velocity (none last), then links, then id. */
  private static final Comparator<Scored> ORDER = Comparator
      .comparing((Scored s) -> s.velocity() == null)
      .thenComparing(Comparator.comparingDouble((Scored s) -> s.velocity() == null ? 0 : s.velocity().velocity())
          .reversed())
      .thenComparing(Comparator.comparingInt((Scored s) -> s.candidate().links()).reversed())
      .thenComparing(s -> s.paper().id());

  /** The cache's entry (when it holds the paper) with every answer merged in, and the histograms. */
  private static Paper paper(Candidate c, Map<String, Paper> cachedByKey, Instant asOf) {
    Paper p = null;
    for (String k : c.keys) {
      p = cachedByKey.get(k);
      if (p != null) {
        break;
      }
    }
    if (p == null) {
      p = Paper.create(candidateId(c), asOf);
    }
    // in the order fetch asks them: Semantic Scholar, then OpenAlex
    for (SourceRecord r : c.s2) {
      p = p.merge(r, asOf);
    }
    for (GraphWork w : c.works.values()) {
      p = p.merge(w.record(), asOf);
    }
    for (GraphWork w : c.works.values()) {
      Histogram h = w.histogram();
      if (h != null) {
        p = p.withHistogram(h, asOf);
      }
    }
    return p;
  }

  /** The key a new entry for the candidate would have: arXiv, DOI, S2, then its OpenAlex work. */
  private static String candidateId(Candidate c) {
    List<PaperId> ids = new ArrayList<>();
    String work = null;
    for (String k : c.keys) {
      PaperId id = PaperId.tryParse(k);
      if (id != null) {
        ids.add(id);
      } else if (k.startsWith("openalex:") && work == null) {
        work = k;
      }
    }
    String key = Paper.canonicalKey(ids);
    return key != null ? key : work;
  }

  private static List<SourceRecord> records(Candidate c) {
    List<SourceRecord> out = new ArrayList<>();
    c.works.values().forEach(w -> out.add(w.record()));
    out.addAll(c.s2);
    return out;
  }

  private static String workId(Candidate c) {
    return c.works.isEmpty() ? null : c.works.keySet().iterator().next();
  }

  private static List<Reason> reasons(Candidate c, List<String> positives) {
    List<Reason> r = new ArrayList<>(3);
    if (!c.cites.isEmpty()) {
      r.add(new Reason(Reason.CITES, List.copyOf(c.cites), OPENALEX));
    }
    if (!c.citedBy.isEmpty()) {
      r.add(new Reason(Reason.CITED_BY, List.copyOf(c.citedBy), OPENALEX));
    }
    if (c.recommended) {
      r.add(new Reason(Reason.RECOMMENDED, new ArrayList<>(new TreeSet<>(positives)), SEMANTIC_SCHOLAR));
    }
    return r;
  }

  private static boolean intersects(Set<String> a, Set<String> b) {
    for (String s : a) {
      if (b.contains(s)) {
        return true;
      }
    }
    return false;
  }
}
