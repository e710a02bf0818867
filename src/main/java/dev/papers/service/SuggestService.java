package dev.papers.service;

import dev.papers.cache.PaperCache;
import dev.papers.model.Histogram;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.Source;
import dev.papers.model.SourceRecord;
import dev.papers.source.CitationGraph;
import dev.papers.source.Recommendations;
import dev.papers.source.SourceException;
import dev.papers.suggest.Evidence;
import dev.papers.suggest.GraphWork;
import dev.papers.suggest.SuggestRanker;
import dev.papers.suggest.SuggestResult;
import dev.papers.suggest.Suggestion;
import dev.papers.topic.Membership;
import dev.papers.topic.Topic;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code papers suggest}: asks the sources about the graph around a topic's members, in a bounded
 * number of batched requests, and ranks what they found ({@link SuggestRanker}).
 *
 * <p>The requests, in order, within {@code maxRequests}: Semantic Scholar's recommendations from the
 * members (one request; a request is kept for it); the members' OpenAlex records, for the works they
 * cite (at most a third of the rest); the works citing members (at most half of what is left); then
 * the records of the works members cite, those cited by the most members first, with what is left.
 * Every OpenAlex request is an OR-filter of a batch of works (see {@link CitationGraph}); no request
 * is sent per candidate. A source that fails does not stop the other: its failure is in the outcome,
 * and after an OpenAlex failure no further OpenAlex request is sent.
 *
 * <p>Nothing is written unless asked ({@link Options#add}): then each suggestion's records are stored,
 * with its histogram, and the paper is tagged with the topic.
 */
public final class SuggestService {
  public static final int DEFAULT_LIMIT = 20;
  public static final int DEFAULT_MIN_LINKS = 2;
  public static final int DEFAULT_MAX_REQUESTS = 100;
  /** Recommendations asked for, at least (more when {@code --limit} is higher). */
  public static final int RECOMMENDATIONS = 100;

  /**
   * How to suggest.
   *
   * @param limit the most suggestions (0 or more)
   * @param minLinks the least links a suggestion has (1 or more)
   * @param maxRequests the most requests sent to all sources together (1 or more)
   * @param add store the suggestions and tag them with the topic
   */
  public record Options(int limit, int minLinks, int maxRequests, boolean add) {
    public Options {
      if (limit < 0) {
        throw new IllegalArgumentException("--limit must be 0 or more");
      }
      if (minLinks < 1) {
        throw new IllegalArgumentException("--min-links must be 1 or more");
      }
      if (maxRequests < 1) {
        throw new IllegalArgumentException("--max-requests must be 1 or more");
      }
    }
  }

  /**
   * What a run found and did.
   *
   * @param result the suggestions
   * @param outcome failures, for the exit code and the closing messages
   * @param notes things worth saying on stderr that are not failures (a budget that stopped paging, members
   *     no source knows, broken cache files)
   * @param requests requests sent, per source (JSON name)
   * @param added how many suggestions were stored ({@code --add})
   */
  public record Run(SuggestResult result, Outcome outcome, List<String> notes, Map<String, Integer> requests,
      int added) {}

  private final PaperCache cache;
  private final Supplier<CitationGraph> graph;
  private final Supplier<Recommendations> recommendations;
  private final Clock clock;

  /**
   * @param graph OpenAlex, made when first asked for (a topic with no OpenAlex ids never builds it)
   * @param recommendations Semantic Scholar's recommendations, likewise
   */
  public SuggestService(PaperCache cache, Supplier<CitationGraph> graph, Supplier<Recommendations> recommendations,
      Clock clock) {
    this.cache = cache;
    this.graph = graph;
    this.recommendations = recommendations;
    this.clock = clock;
  }

  public Run suggest(Topic topic, Options o) {
    Instant now = clock.instant();
    List<String> notes = new ArrayList<>();
    Outcome outcome = new Outcome();
    Map<String, Integer> requests = new LinkedHashMap<>();
    PaperCache.Snapshot all = cache.loadAll();
    all.problems().forEach(p -> notes.add("skipped a broken cache file: " + p));
    List<Paper> members = Membership.of(topic, all.papers(), null).papers();

    Set<String> excluded = new HashSet<>();
    for (PaperId id : topic.exclude()) {
      excluded.add(id.withoutVersion().key());
    }
    List<String> negatives = new ArrayList<>();
    for (Paper p : all.papers()) {
      if (p.keys().stream().anyMatch(excluded::contains)) {
        excluded.addAll(p.keys());
        if (p.s2Id() != null) {
          negatives.add(p.s2Id());
        }
        if (p.openAlexId() != null) {
          excluded.add(SuggestRanker.workKey(p.openAlexId()));
        }
      }
    }
    for (PaperId id : topic.exclude()) {
      if (id.kind() == PaperId.Kind.S2) {
        negatives.add(id.value());
      }
    }

    Map<String, String> memberWorks = new LinkedHashMap<>();
    List<String> positives = new ArrayList<>();
    List<String> positiveMembers = new ArrayList<>();
    for (Paper m : members) {
      if (m.openAlexId() != null) {
        memberWorks.put(m.id(), m.openAlexId());
      }
      if (m.s2Id() != null) {
        positives.add(m.s2Id());
        positiveMembers.add(m.id());
      }
    }
    if (members.isEmpty()) {
      notes.add("the topic " + topic.name() + " has no papers in the cache: nothing to suggest from"
          + " (papers fetch --topic " + topic.name() + ")");
    } else {
      int noWork = members.size() - memberWorks.size();
      if (noWork > 0) {
        notes.add(noWork + " of the topic's " + members.size() + " papers have no OpenAlex id, so their citations"
            + " are not followed (papers refresh --sources openalex finds them)");
      }
    }

    int budget = o.maxRequests();
    int reserved = positives.isEmpty() ? 0 : 1;
    Graph g = new Graph();
    if (!memberWorks.isEmpty()) {
      openAlex(List.copyOf(new LinkedHashSet<>(memberWorks.values())), members, memberWorks, excluded,
          o.minLinks(), budget - reserved, g, outcome, notes);
      if (g.requests > 0) {
        requests.put(Source.OPEN_ALEX.jsonName(), g.requests);
      }
    }

    List<SourceRecord> recommended = List.of();
    List<String> asked = List.of();
    if (!positives.isEmpty()) {
      int limit = Math.min(Recommendations.MAX_LIMIT, Math.max(RECOMMENDATIONS, o.limit()));
      try {
        requests.put(Source.SEMANTIC_SCHOLAR.jsonName(), 1);
        recommended = recommendations.get().recommend(positives, negatives, limit);
        asked = positiveMembers;
        outcome.done("recommendations");
      } catch (SourceException e) {
        outcome.fail(FetchService.failure("recommendations", e));
      }
    }

    Evidence ev = new Evidence(members, memberWorks, g.memberReferences, g.citing, g.referenced, recommended, asked,
        excluded, all.papers());
    SuggestResult result = SuggestRanker.rank(topic, ev, o.minLinks(), o.limit(), now);
    int added = o.add() ? add(topic, result, now) : 0;
    return new Run(result, outcome, notes, Map.copyOf(requests), added);
  }

  /** What OpenAlex answered. */
  private static final class Graph {
    final Map<String, List<String>> memberReferences = new HashMap<>();
    final List<GraphWork> citing = new ArrayList<>();
    final List<GraphWork> referenced = new ArrayList<>();
    int requests;
  }

  private void openAlex(List<String> works, List<Paper> members, Map<String, String> memberWorks,
      Set<String> excluded, int minLinks, int budget, Graph g, Outcome outcome, List<String> notes) {
    if (budget < 1) {
      notes.add("OpenAlex was not asked: the request budget (--max-requests) is spent");
      return;
    }
    CitationGraph source = graph.get();
    try {
      // 1. the members' records: the works they cite
      CitationGraph.Works own = source.works(works, Math.max(1, budget / 3));
      g.requests += own.requests();
      outcome.done("citation graph");
      truncated(own, "the topic's papers' records", notes);
      mapReferences(own.records(), members, memberWorks, g.memberReferences);
      // 2. the works citing members, their records with them
      int left = budget - g.requests;
      if (left < 1) {
        notes.add("OpenAlex: the request budget (--max-requests) stopped before the works citing the topic's papers");
        return;
      }
      CitationGraph.Works citing = source.citing(works, Math.max(1, left / 2));
      g.requests += citing.requests();
      truncated(citing, "the works citing the topic's papers", notes);
      Set<String> known = new HashSet<>();
      for (SourceRecord r : citing.records()) {
        if (r.openAlexId() != null) {
          g.citing.add(work(r));
          known.add(r.openAlexId());
        }
      }
      // 3. the records of the works members cite, the most cited first
      List<String> wanted = SuggestRanker.referencesToFetch(memberWorks, g.memberReferences, known, excluded, minLinks);
      left = budget - g.requests;
      if (wanted.isEmpty()) {
        return;
      }
      if (left < 1) {
        notes.add("OpenAlex: the request budget (--max-requests) stopped before the records of the "
            + wanted.size() + " works the topic's papers cite");
        return;
      }
      CitationGraph.Works refs = source.works(wanted, left);
      g.requests += refs.requests();
      truncated(refs, "the records of the works the topic's papers cite", notes);
      for (SourceRecord r : refs.records()) {
        if (r.openAlexId() != null) {
          g.referenced.add(work(r));
        }
      }
    } catch (SourceException e) {
      outcome.fail(FetchService.failure("citation graph", e));
    }
  }

  private static void truncated(CitationGraph.Works w, String what, List<String> notes) {
    if (w.truncated()) {
      notes.add("OpenAlex: the request budget (--max-requests) stopped " + what
          + " before the end; suggestions may be missing (raise --max-requests)");
    }
  }

  private static GraphWork work(SourceRecord r) {
    return new GraphWork(r.openAlexId(), r.referencedWorks(), r, r.histogram());
  }

  /** Which member each of its OpenAlex records is: by work id, else by any identifier they share. */
  private static void mapReferences(List<SourceRecord> records, List<Paper> members, Map<String, String> memberWorks,
      Map<String, List<String>> out) {
    Map<String, String> byKey = new HashMap<>();
    memberWorks.forEach((id, w) -> byKey.put(SuggestRanker.workKey(w), id));
    for (Paper m : members) {
      for (String k : m.keys()) {
        byKey.putIfAbsent(k, m.id());
      }
    }
    for (SourceRecord r : records) {
      if (r.referencedWorks() == null) {
        continue;
      }
      String member = r.openAlexId() == null ? null : byKey.get(SuggestRanker.workKey(r.openAlexId()));
      if (member == null) {
        for (PaperId id : r.ids()) {
          member = byKey.get(id.key());
          if (member != null) {
            break;
          }
        }
      }
      if (member != null) {
        out.merge(member, r.referencedWorks(), (a, b) -> {
          List<String> both = new ArrayList<>(a);
          both.addAll(b);
          return both;
        });
      }
    }
  }

  /** Stores each suggestion's records and histograms, tagged with the topic; returns how many. */
  private int add(Topic topic, SuggestResult result, Instant now) {
    int n = 0;
    for (Suggestion s : result.suggestions()) {
      List<PaperId> ids = new ArrayList<>();
      for (String k : s.paper().keys()) {
        PaperId id = PaperId.tryParse(k);
        if (id != null) {
          ids.add(id);
        }
      }
      Paper p = s.paper();
      // The suggestion's paper is the cache's entry (if any) with the answers merged in: stored as a
      // record of each answer, so that the cache's own rules (aliases, history) apply.
      for (SourceRecord r : s.records()) {
        Histogram h = r.histogram();
        PaperStore.store(cache, ids, r, now, q -> {
          Paper t = q.withTopic(topic.name(), now);
          return h == null ? t : t.withHistogram(h, now);
        });
      }
      if (s.records().isEmpty()) {
        cache.update(ids, q -> q.withTopic(topic.name(), now));
      }
      n++;
    }
    return n;
  }
}
