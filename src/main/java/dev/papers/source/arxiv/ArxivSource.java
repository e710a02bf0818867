package dev.papers.source.arxiv;

import dev.papers.http.Policy;
import dev.papers.http.Reply;
import dev.papers.http.Upstream;
import dev.papers.model.InvalidIdException;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.source.IdLookup;
import dev.papers.source.Lookup;
import dev.papers.source.Progress;
import dev.papers.source.SearchResult;
import dev.papers.source.TopicSearch;
import dev.papers.source.SourceException;
import dev.papers.source.SourceException.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * The arXiv API ({@code export.arxiv.org/api/query}): papers by id, in batches of {@code id_list}, and
 * search pages. Build URL, fetch through {@link Upstream} (which spaces and retries), parse with
 * {@link ArxivParser}, normalize with {@link ArxivNormalizer}.
 *
 * <p>Ids are always sent without their version, so that arXiv answers with the latest one, and answers
 * are matched to the ids asked by id, never by position. arXiv reports a malformed id as an error
 * entry (HTTP 400 today, 200 from the older API); the id it names is "not found" and the rest of the
 * batch is asked again without it.
 */
public final class ArxivSource implements IdLookup, TopicSearch {
  /** The real endpoint ({@code PAPERS_ARXIV_URL}'s default). */
  public static final String DEFAULT_URL = "https://export.arxiv.org/api/query";
  /** Ids per {@code id_list} request by default. */
  public static final int DEFAULT_BATCH_SIZE = 100;
  /** The most results arXiv returns for one request. */
  public static final int MAX_RESULTS = 2000;
  /** The largest page {@link #search} asks for (arXiv's manual asks for modest pages). */
  public static final int SEARCH_PAGE = 100;
  /** How many times one batch is asked again after arXiv refused some of its ids. */
  static final int MAX_REFUSAL_RETRIES = 3;

  private final HttpUrl base;
  private final Upstream upstream;
  private final Policy policy;
  private final Clock clock;
  private final int batchSize;

  /**
   * @param baseUrl the query endpoint ({@code PAPERS_ARXIV_URL}), e.g. {@link #DEFAULT_URL}
   * @param upstream the program's way to send requests
   * @param policy spacing and retries, usually {@link #defaultPolicy}
   * @param clock gives {@code observedAt} of the records made
   * @param batchSize ids per request, 1 to {@link #MAX_RESULTS} ({@link #DEFAULT_BATCH_SIZE} is polite)
   */
  public ArxivSource(String baseUrl, Upstream upstream, Policy policy, Clock clock, int batchSize) {
    HttpUrl url = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
    if (url == null) {
      throw new IllegalArgumentException(
          "not an http(s) URL for arXiv: " + InvalidIdException.quote(baseUrl));
    }
    if (batchSize < 1 || batchSize > MAX_RESULTS) {
      throw new IllegalArgumentException(
          "arXiv batch size must be 1 to " + MAX_RESULTS + ", not " + batchSize);
    }
    this.base = url;
    this.upstream = upstream;
    this.policy = policy;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /**
   * arXiv's policy: the given spacing and retry bounds, and the plain-text answer "Rate exceeded."
   * (with a 2xx or 4xx status) counted as try-later like a 429.
   */
  public static Policy defaultPolicy(Duration interval, int maxRetries, Duration maxBackoff) {
    return new Policy(Source.ARXIV.jsonName(), interval, maxRetries, maxBackoff, Map.of(), ArxivSource::rateExceeded);
  }

  /** The throttled answer: a plain-text body "Rate exceeded." instead of a feed. */
  static boolean rateExceeded(Reply reply) {
    int s = reply.status();
    if (s < 200 || s >= 500 || reply.body() == null || reply.body().length > 1024) {
      return false;
    }
    String text = new String(reply.body(), StandardCharsets.UTF_8).strip();
    return !text.startsWith("<") && text.toLowerCase(Locale.ROOT).startsWith("rate exceeded");
  }

  @Override
  public String name() {
    return Source.ARXIV.jsonName();
  }

  @Override
  public boolean accepts(PaperId id) {
    return id != null && id.kind() == PaperId.Kind.ARXIV;
  }

  @Override
  public Map<PaperId, Lookup> lookup(List<PaperId> ids, Progress progress) {
    Progress p = progress == null ? Progress.NONE : progress;
    // One request per paper, however many forms of it were asked for (1909.10351v1, 1909.10351).
    Map<String, List<PaperId>> byPaper = new LinkedHashMap<>();
    Map<PaperId, Lookup> out = new LinkedHashMap<>();
    for (PaperId id : ids) {
      if (accepts(id)) {
        byPaper.computeIfAbsent(id.value(), k -> new ArrayList<>()).add(id);
      } else {
        out.put(id, new Lookup.NotFound("arXiv looks up arXiv ids only"));
      }
    }
    List<String> papers = new ArrayList<>(byPaper.keySet());
    Map<String, Lookup> answers = new HashMap<>();
    SourceException stop = null;
    p.update(0, papers.size(), "arXiv");
    for (int from = 0; from < papers.size(); from += batchSize) {
      List<String> batch = papers.subList(from, Math.min(papers.size(), from + batchSize));
      if (stop == null) {
        try {
          answers.putAll(fetchBatch(batch));
        } catch (SourceException e) {
          batch.forEach(k -> answers.put(k, new Lookup.Failed(e)));
          if (e.isTryLater()) {
            stop = e;
          }
        }
      } else {
        for (String k : batch) {
          answers.put(k, new Lookup.Failed(stop));
        }
      }
      p.update(from + batch.size(), papers.size(), "arXiv");
    }
    for (Map.Entry<String, List<PaperId>> e : byPaper.entrySet()) {
      for (PaperId id : e.getValue()) {
        out.put(id, answers.get(e.getKey()));
      }
    }
    return out;
  }

  /**
   * One page of {@code search_query} results.
   *
   * @param searchQuery an arXiv query ({@code abs:"knowledge distillation" AND cat:cs.LG}), sent encoded
   * @param start offset of the first result, from 0
   * @param maxResults page size, 1 to {@link #MAX_RESULTS}
   * @throws SourceException when the request fails or arXiv reports an error (CLIENT, with its message)
   */
  public ArxivSearchPage searchPage(String searchQuery, int start, int maxResults) throws SourceException {
    if (searchQuery == null || searchQuery.isBlank()) {
      throw new IllegalArgumentException("an arXiv search needs a query");
    }
    if (start < 0 || maxResults < 1 || maxResults > MAX_RESULTS) {
      throw new IllegalArgumentException("arXiv search needs start >= 0 and 1 to " + MAX_RESULTS
          + " results, not " + start + "/" + maxResults);
    }
    HttpUrl url = base.newBuilder()
        .addQueryParameter("search_query", searchQuery)
        .addQueryParameter("start", Integer.toString(start))
        .addQueryParameter("max_results", Integer.toString(maxResults))
        .build();
    Reply reply = upstream.send(get(url), policy);
    Feed feed = feedOf(reply, url.toString());
    if (!feed.errors().isEmpty()) {
      throw new SourceException(Source.ARXIV.jsonName(), url.toString(), Kind.CLIENT, reply.status(),
          "arXiv refused the search: " + messages(feed.errors()));
    }
    List<SourceRecord> records = new ArrayList<>(feed.entries().size());
    for (Entry e : feed.entries()) {
      records.add(ArxivNormalizer.normalize(e, clock));
    }
    int total = feed.totalResults() != null ? feed.totalResults() : start + records.size();
    int first = feed.startIndex() != null ? feed.startIndex() : start;
    return new ArxivSearchPage(total, first, records);
  }

  /**
   * The search, page after page: pages of {@code max_results} = min(remaining, {@link #SEARCH_PAGE}),
   * {@code start} advancing by the entries received, until {@code max} papers, the feed's {@code
   * totalResults}, or a page with no entries. A failure keeps what earlier pages found.
   */
  @Override
  public SearchResult search(String query, int max, Progress progress) {
    String what = Source.ARXIV.displayName() + " search";
    Map<String, SourceRecord> found = new LinkedHashMap<>();
    SourceException failure = null;
    int start = 0;
    progress.update(0, max, what);
    while (found.size() < max) {
      int size = Math.min(max - found.size(), SEARCH_PAGE);
      ArxivSearchPage page;
      try {
        page = searchPage(query, start, size);
      } catch (SourceException e) {
        failure = e;
        break;
      }
      for (SourceRecord r : page.records()) {
        if (r.arxivId() != null && found.size() < max) {
          found.putIfAbsent(r.arxivId(), r);
        }
      }
      start += page.records().size();
      progress.update(Math.min(found.size(), max), max, what);
      if (page.records().isEmpty() || start >= page.totalResults()) {
        break;
      }
    }
    progress.update(max, max, what);
    return new SearchResult(new ArrayList<>(found.values()), failure, null);
  }

  /** Asks for one batch; arXiv-refused ids are dropped and the rest asked again (a few times at most). */
  private Map<String, Lookup> fetchBatch(List<String> batch) throws SourceException {
    Map<String, Lookup> answers = new HashMap<>();
    List<String> pending = new ArrayList<>(batch);
    for (int round = 0; ; round++) {
      HttpUrl url = idListUrl(pending);
      Reply reply = upstream.send(get(url), policy);
      Feed feed = feedOf(reply, url.toString());
      Set<String> asked = new HashSet<>(pending);
      for (Entry e : feed.entries()) {
        String key = e.id().value();
        if (asked.contains(key) && !answers.containsKey(key)) {
          answers.put(key, new Lookup.Found(ArxivNormalizer.normalize(e, clock)));
        }
      }
      boolean refusedSome = false;
      boolean unexplained = false;
      for (ErrorEntry err : feed.errors()) {
        List<String> named = named(err, pending);
        unexplained |= named.isEmpty();
        for (String k : named) {
          if (!answers.containsKey(k)) {
            answers.put(k, new Lookup.NotFound("arXiv: " + err.message()));
            refusedSome = true;
          }
        }
      }
      List<String> rest = new ArrayList<>();
      for (String k : pending) {
        if (!answers.containsKey(k)) {
          rest.add(k);
        }
      }
      if (rest.isEmpty()) {
        return answers;
      }
      if (feed.errors().isEmpty()) {
        rest.forEach(k -> answers.put(k, new Lookup.NotFound("not on arXiv")));
        return answers;
      }
      if (refusedSome && !unexplained && round < MAX_REFUSAL_RETRIES) {
        pending = rest;
        continue;
      }
      SourceException e = new SourceException(Source.ARXIV.jsonName(), url.toString(), Kind.CLIENT, reply.status(),
          "arXiv refused the request: " + messages(feed.errors()));
      rest.forEach(k -> answers.put(k, new Lookup.Failed(e)));
      return answers;
    }
  }

  private HttpUrl idListUrl(List<String> ids) {
    // Validated arXiv ids hold only [a-z0-9.-/]: sent as is, with plain commas, as arXiv documents.
    return base.newBuilder()
        .addEncodedQueryParameter("id_list", String.join(",", ids))
        .addQueryParameter("max_results", Integer.toString(batchSize))
        .build();
  }

  private static Request get(HttpUrl url) {
    return new Request.Builder().url(url).header("Accept", "application/atom+xml").get().build();
  }

  /** The feed of an answer; a non-2xx answer counts only when it is an error feed. */
  private static Feed feedOf(Reply reply, String url) throws SourceException {
    if (reply.ok()) {
      try {
        return ArxivParser.parse(reply.body());
      } catch (ArxivFormatException e) {
        throw new SourceException(Source.ARXIV.jsonName(), url, Kind.PARSE, reply.status(),
            "arXiv's answer could not be read (" + e.getMessage() + ")", null, e);
      }
    }
    try {
      Feed feed = ArxivParser.parse(reply.body());
      if (!feed.errors().isEmpty()) {
        return feed;
      }
    } catch (ArxivFormatException e) {
      // not an error feed: the status says it all
    }
    int s = reply.status();
    Kind kind = s >= 500 ? Kind.SERVER : Kind.CLIENT;
    throw new SourceException(Source.ARXIV.jsonName(), url, kind, s, "arXiv answered HTTP " + s);
  }

  /** The asked ids an error message names ("incorrect id format for 1234.5678"). */
  private static List<String> named(ErrorEntry err, List<String> pending) {
    Set<String> words = new HashSet<>();
    String text = (err.message() == null ? "" : err.message()) + " "
        + (err.id() == null ? "" : err.id().replaceAll("^.*#", "").replace('_', ' '));
    for (String w : text.split("[\\s,;:'\"()\\[\\]]+")) {
      String t = w.replaceAll("\\.+$", "").toLowerCase(Locale.ROOT);
      if (!t.isEmpty()) {
        words.add(t);
      }
    }
    List<String> named = new ArrayList<>();
    for (String k : pending) {
      if (words.contains(k.toLowerCase(Locale.ROOT))) {
        named.add(k);
      }
    }
    return named;
  }

  private static String messages(List<ErrorEntry> errors) {
    return errors.stream()
        .map(e -> e.message() == null || e.message().isEmpty() ? "(no message)" : e.message())
        .distinct()
        .collect(Collectors.joining("; "));
  }
}
