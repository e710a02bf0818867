package dev.papers.source.s2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.papers.http.Policy;
import dev.papers.http.Reply;
import dev.papers.http.Upstream;
import dev.papers.json.Json;
import dev.papers.model.Histogram;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.model.Text;
import dev.papers.source.CitationHistograms;
import dev.papers.source.IdLookup;
import dev.papers.source.Lookup;
import dev.papers.source.Progress;
import dev.papers.source.SearchResult;
import dev.papers.source.TopicSearch;
import dev.papers.source.SourceException;
import dev.papers.source.SourceException.Kind;
import dev.papers.source.TitleSearch;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Semantic Scholar's Graph API: papers by id (one GET, or batches of 500), title match, relevance and
 * bulk search, and citations by year for histograms.
 *
 * <p>{@link #lookup} sends one {@code GET /paper/{id}} when the ids name one paper (its 404 and 400
 * answers say why), and {@code POST /paper/batch} otherwise, at most {@value #BATCH_SIZE} ids a request.
 * Ids are deduplicated by the form S2 is sent ({@code 1909.10351v1} and {@code 1909.10351v2} are asked
 * once). A batch answer is mapped by position, as S2 documents it, and then checked: a paper whose arXiv
 * id, DOI or corpus id contradicts the id asked is taken as not found.
 *
 * <p>The API key, when there is one, travels only in the {@code x-api-key} header; it is never part of
 * a URL, message or {@code toString}, and any text an answer echoes has it blanked out.
 */
public final class S2Source implements IdLookup, TitleSearch, CitationHistograms, TopicSearch {
  /** The fields asked for every paper. */
  public static final String FIELDS = "paperId,corpusId,externalIds,url,title,abstract,venue,year,"
      + "publicationDate,authors,citationCount,influentialCitationCount,journal";
  /** Most ids S2 takes in one batch request. */
  public static final int BATCH_SIZE = 500;
  /** The largest relevance-search page. */
  public static final int SEARCH_PAGE = 100;
  /** S2's relevance search refuses offset + limit of 1,000 or more. */
  static final int SEARCH_WINDOW = 999;
  /** Citations asked per page (S2's most). */
  public static final int CITATION_PAGE = 1000;
  /** The default cap on citations read for one histogram. */
  public static final int CITATION_CAP = 10_000;
  /** S2 refuses a citations page whose offset + limit is 10,000 or more. */
  static final int CITATION_WINDOW = 9_999;
  /** The header that carries the API key. */
  public static final String API_KEY_HEADER = "x-api-key";

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl base;
  private final Upstream upstream;
  private final Policy policy;
  private final Clock clock;
  private final S2Errors errors;

  /**
   * @param baseUrl the Graph API base ({@code PAPERS_S2_URL}, e.g.
   *     {@code https://api.semanticscholar.org/graph/v1})
   * @param upstream the program's one way to send requests
   * @param policy spacing, retries and headers for this source (see {@link #defaultPolicy})
   * @param clock "now", for {@code observedAt} and a histogram's {@code madeAt}
   */
  public S2Source(String baseUrl, Upstream upstream, Policy policy, Clock clock) {
    this.base = S2Source.baseUrl(baseUrl, "Semantic Scholar");
    this.upstream = upstream;
    this.policy = policy;
    this.clock = clock;
    this.errors = new S2Errors(S2Source.apiKey(policy), "Semantic Scholar", "Semantic Scholar's answer");
  }

  /** A Semantic Scholar base URL, or an {@code IllegalArgumentException} naming {@code what} it is for. */
  static HttpUrl baseUrl(String baseUrl, String what) {
    HttpUrl b = baseUrl == null ? null : HttpUrl.parse(baseUrl.strip());
    if (b == null) {
      throw new IllegalArgumentException("not an http(s) URL for " + what + ": " + baseUrl);
    }
    return b;
  }

  /** The API key a policy sends in {@code x-api-key}, or null: cut out of every message. */
  static String apiKey(Policy policy) {
    String key = null;
    for (Map.Entry<String, String> h : policy.headers().entrySet()) {
      if (h.getKey().equalsIgnoreCase(API_KEY_HEADER)) {
        key = h.getValue();
      }
    }
    return key == null || key.isBlank() ? null : key;
  }

  /**
   * The policy for Semantic Scholar: its name, the spacing and retry bounds, the API key in
   * {@code x-api-key} when one is set (blank counts as none), and an answer whose {@code message} says
   * the gateway timed out or the caller is rate-limited taken as try-later whatever its status.
   */
  public static Policy defaultPolicy(Duration interval, int maxRetries, Duration maxBackoff, String apiKeyOrNull) {
    Map<String, String> headers = apiKeyOrNull == null || apiKeyOrNull.isBlank()
        ? Map.of()
        : Map.of(API_KEY_HEADER, apiKeyOrNull.strip());
    return new Policy(Source.SEMANTIC_SCHOLAR.jsonName(), interval, maxRetries, maxBackoff, headers, softTryLater());
  }

  /** A gateway's "timed out" or "Too Many Requests" message, under any status. */
  static Predicate<Reply> softTryLater() {
    return reply -> {
      if (reply.body() == null || reply.body().length == 0 || reply.body().length > 4096) {
        return false;
      }
      try {
        JsonNode n = Json.mapper().readTree(reply.body());
        if (n == null || !n.isObject() || n.has("paperId") || n.has("data") || !n.path("message").isTextual()) {
          return false;
        }
        String m = n.get("message").asText().toLowerCase(Locale.ROOT);
        return m.contains("timed out") || m.contains("too many requests");
      } catch (IOException e) {
        return false;
      }
    };
  }

  @Override
  public String name() {
    return Source.SEMANTIC_SCHOLAR.jsonName();
  }

  /** Every kind but Google Scholar cluster ids. */
  @Override
  public boolean accepts(PaperId id) {
    return id != null && S2Ids.wire(id) != null;
  }

  @Override
  public Map<PaperId, Lookup> lookup(List<PaperId> ids, Progress progress) {
    Progress p = progress == null ? Progress.NONE : progress;
    Map<PaperId, Lookup> done = new LinkedHashMap<>();
    Map<String, List<PaperId>> byWire = new LinkedHashMap<>();
    for (PaperId id : ids) {
      if (!accepts(id)) {
        done.put(id, new Lookup.NotFound("Semantic Scholar does not look up " + id.kind().prefix() + " ids"));
      } else {
        byWire.computeIfAbsent(S2Ids.wire(id), k -> new ArrayList<>()).add(id);
      }
    }
    List<String> wires = new ArrayList<>(byWire.keySet());
    if (wires.size() == 1) {
      String w = wires.get(0);
      Lookup one = lookupOne(byWire.get(w).get(0), w);
      byWire.get(w).forEach(id -> done.put(id, one));
      p.update(1, 1, name());
    } else {
      SourceException stop = null;
      for (int from = 0; from < wires.size(); from += BATCH_SIZE) {
        List<String> chunk = wires.subList(from, Math.min(wires.size(), from + BATCH_SIZE));
        if (stop != null) {
          Lookup failed = new Lookup.Failed(stop);
          chunk.forEach(w -> byWire.get(w).forEach(id -> done.put(id, failed)));
          continue;
        }
        try {
          List<Lookup> answers = batch(chunk, byWire);
          for (int i = 0; i < chunk.size(); i++) {
            Lookup a = answers.get(i);
            byWire.get(chunk.get(i)).forEach(id -> done.put(id, a));
          }
        } catch (SourceException e) {
          Lookup failed = new Lookup.Failed(e);
          chunk.forEach(w -> byWire.get(w).forEach(id -> done.put(id, failed)));
          if (e.isTryLater() || e.kind() == Kind.UNREACHABLE) {
            stop = e;
          }
        }
        p.update(from + chunk.size(), wires.size(), name());
      }
    }
    Map<PaperId, Lookup> ordered = new LinkedHashMap<>();
    for (PaperId id : ids) {
      ordered.put(id, done.get(id));
    }
    return ordered;
  }

  private Lookup lookupOne(PaperId asked, String wire) {
    HttpUrl url = S2Ids.addId(base.newBuilder().addPathSegment("paper"), wire)
        .addQueryParameter("fields", FIELDS)
        .build();
    try {
      Reply r = send(new Request.Builder().url(url).get().build());
      if (r.status() == 400 && refusesTheRequest(S2Parser.errorText(r.body()))) {
        throw errors.failure(r);
      }
      if (r.status() == 404 || r.status() == 400) {
        String why = S2Parser.errorText(r.body());
        return new Lookup.NotFound(errors.redact(why != null ? why : "not found (HTTP " + r.status() + ")"));
      }
      if (!r.ok()) {
        throw errors.failure(r);
      }
      S2Dto.Paper paper;
      try {
        paper = S2Parser.paper(r.body());
      } catch (IOException e) {
        throw errors.parseFailure(r, e);
      }
      return verified(asked, paper, r.url());
    } catch (SourceException e) {
      return new Lookup.Failed(e);
    }
  }

  /**
   * Whether a 400 is about the request rather than the id ({@code "Unrecognized or unsupported fields:
   * [...]"}, a bad parameter): then no paper can be had this way, which is a failure, not "not found".
   * A 400 about the id ("No valid paper ids given") stays "not found".
   */
  static boolean refusesTheRequest(String errorText) {
    if (errorText == null) {
      return false;
    }
    String t = errorText.toLowerCase(Locale.ROOT);
    return t.contains("field") || t.contains("parameter");
  }

  /** One batch request; the answers in the chunk's order. */
  private List<Lookup> batch(List<String> chunk, Map<String, List<PaperId>> byWire) throws SourceException {
    HttpUrl url = base.newBuilder().addPathSegment("paper").addPathSegment("batch")
        .addQueryParameter("fields", FIELDS)
        .build();
    byte[] body;
    try {
      body = Json.mapper().writeValueAsBytes(Map.of("ids", chunk));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a list of strings as JSON", e);
    }
    Reply r = send(new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build());
    if (!r.ok()) {
      throw errors.failure(r);
    }
    List<S2Parser.Item> papers;
    try {
      papers = S2Parser.batch(r.body());
    } catch (IOException e) {
      throw errors.parseFailure(r, e);
    }
    if (papers.size() != chunk.size()) {
      throw new SourceException(name(), r.url(), Kind.PARSE, r.status(),
          "Semantic Scholar answered " + papers.size() + " papers for " + chunk.size() + " ids");
    }
    List<Lookup> out = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      S2Parser.Item item = papers.get(i);
      if (item.problem() != null) {
        // This one record is unreadable; the batch's other papers stand.
        out.add(new Lookup.Failed(new SourceException(name(), r.url(), Kind.PARSE, r.status(),
            errors.redact("cannot read Semantic Scholar's record: " + item.problem()))));
      } else if (item.paper() == null) {
        out.add(new Lookup.NotFound("not known to Semantic Scholar: " + chunk.get(i)));
      } else {
        out.add(verified(byWire.get(chunk.get(i)).get(0), item.paper(), r.url()));
      }
    }
    return out;
  }

  private Lookup verified(PaperId asked, S2Dto.Paper paper, String url) {
    if (paper.paperId() == null || paper.paperId().isBlank()) {
      return new Lookup.Failed(new SourceException(name(), url, Kind.PARSE, 200,
          "Semantic Scholar answered for " + S2Ids.wire(asked) + " with no paperId"));
    }
    String contradiction = S2Normalizer.contradiction(asked, paper);
    if (contradiction != null) {
      return new Lookup.NotFound(contradiction);
    }
    return new Lookup.Found(S2Normalizer.record(paper, clock.instant()));
  }

  /**
   * The paper best matching a title ({@code /paper/search/match}), or empty when S2 finds none (it
   * answers 404 "Title match not found") or the title is blank (then nothing is sent).
   */
  @Override
  public Optional<SourceRecord> matchTitle(String title) throws SourceException {
    String q = Text.oneLine(title);
    if (q == null) {
      return Optional.empty();
    }
    HttpUrl url = base.newBuilder().addPathSegments("paper/search/match")
        .addQueryParameter("query", q)
        .addQueryParameter("fields", FIELDS)
        .build();
    Reply r = send(new Request.Builder().url(url).get().build());
    if (r.status() == 404) {
      return Optional.empty();
    }
    S2Dto.Results results = results(r);
    for (S2Dto.Paper p : results.data()) {
      if (p != null && p.paperId() != null && !p.paperId().isBlank()) {
        return Optional.of(S2Normalizer.record(p, clock.instant()));
      }
    }
    return Optional.empty();
  }

  /**
   * One page of bulk search ({@code /paper/search/bulk}), most cited first.
   *
   * @param query S2 bulk query syntax
   * @param token the previous page's token, or null for the first page
   * @throws SourceException of kind {@link Kind#CLIENT} when S2 refuses the request (400, 403, 404), so
   *     that a caller can fall back to {@link #searchRelevance}
   */
  public BulkPage searchBulk(String query, String token) throws SourceException {
    requireQuery(query);
    HttpUrl.Builder b = base.newBuilder().addPathSegments("paper/search/bulk")
        .addQueryParameter("query", query)
        .addQueryParameter("fields", FIELDS)
        .addQueryParameter("sort", "citationCount:desc");
    if (token != null && !token.isBlank()) {
      b.addQueryParameter("token", token);
    }
    S2Dto.Results res = results(send(new Request.Builder().url(b.build()).get().build()));
    String next = res.token() == null || res.token().isBlank() ? null : res.token();
    return new BulkPage(res.total(), next, records(res));
  }

  /**
   * One page of relevance search ({@code /paper/search}). S2 serves at most 100 a page and refuses
   * offset + limit of 1,000 or more; those bounds are left to S2 to state.
   */
  public RelevancePage searchRelevance(String query, int offset, int limit) throws SourceException {
    requireQuery(query);
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
    HttpUrl url = base.newBuilder().addPathSegments("paper/search")
        .addQueryParameter("query", query)
        .addQueryParameter("offset", Integer.toString(offset))
        .addQueryParameter("limit", Integer.toString(limit))
        .addQueryParameter("fields", FIELDS)
        .build();
    S2Dto.Results res = results(send(new Request.Builder().url(url).get().build()));
    return new RelevancePage(res.total(), res.next(), records(res));
  }

  /**
   * The search: the bulk search (most cited first), its continuation token followed until {@code max}
   * papers or no token; when the bulk endpoint refuses the request (any 4xx answer that is not
   * try-later) the relevance search is read instead, in pages of at most {@link #SEARCH_PAGE}
   * ({@code offset}/{@code limit}), inside S2's window of 1,000.
   */
  @Override
  public SearchResult search(String query, int max, Progress progress) {
    String what = Source.SEMANTIC_SCHOLAR.displayName() + " search";
    Map<String, SourceRecord> found = new LinkedHashMap<>();
    String token = null;
    progress.update(0, max, what);
    try {
      do {
        BulkPage page = searchBulk(query, token);
        for (SourceRecord r : page.records()) {
          if (found.size() < max) {
            found.putIfAbsent(r.s2Id(), r);
          }
        }
        token = page.token();
        progress.update(Math.min(found.size(), max), max, what);
        if (page.records().isEmpty()) {
          break;
        }
      } while (token != null && found.size() < max);
    } catch (SourceException e) {
      if (e.kind() != SourceException.Kind.CLIENT) {
        progress.update(max, max, what);
        return new SearchResult(new ArrayList<>(found.values()), e, null);
      }
      String fallback = "Semantic Scholar's bulk search refused (" + e.getMessage() + "); relevance search instead";
      SourceException failure = null;
      int offset = 0;
      try {
        while (found.size() < max && offset < SEARCH_WINDOW) {
          int limit = Math.min(Math.min(SEARCH_PAGE, max - found.size()), SEARCH_WINDOW - offset);
          RelevancePage page = searchRelevance(query, offset, limit);
          for (SourceRecord r : page.records()) {
            if (found.size() < max) {
              found.putIfAbsent(r.s2Id(), r);
            }
          }
          progress.update(Math.min(found.size(), max), max, what);
          if (page.records().isEmpty() || page.next() == null || page.next() <= offset) {
            break;
          }
          offset = page.next();
        }
      } catch (SourceException e2) {
        failure = e2;
      }
      progress.update(max, max, what);
      return new SearchResult(new ArrayList<>(found.values()), failure, fallback);
    }
    progress.update(max, max, what);
    return new SearchResult(new ArrayList<>(found.values()), null, null);
  }

  /**
   * One page of the papers citing {@code id}, by year ({@code /paper/{id}/citations?fields=year}).
   * Prefer the paper's S2 paperId when it is known.
   */
  public CitationPage citations(PaperId id, int offset, int limit) throws SourceException {
    String wire = S2Ids.wire(id);
    if (wire == null) {
      throw new IllegalArgumentException("Semantic Scholar has no citations for " + id.kind().prefix() + " ids");
    }
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
    }
    HttpUrl url = S2Ids.addId(base.newBuilder().addPathSegment("paper"), wire)
        .addPathSegment("citations")
        .addQueryParameter("fields", "year")
        .addQueryParameter("offset", Integer.toString(offset))
        .addQueryParameter("limit", Integer.toString(limit))
        .build();
    Reply r = send(new Request.Builder().url(url).get().build());
    if (!r.ok()) {
      throw errors.failure(r);
    }
    S2Dto.CitationPage page;
    try {
      page = S2Parser.citations(r.body());
    } catch (IOException e) {
      throw errors.parseFailure(r, e);
    }
    return new CitationPage(page.offset(), page.next(), S2Parser.years(page));
  }

  /**
   * The paper's citations counted by the citing paper's year. Pages of {@value #CITATION_PAGE} are read
   * until S2 gives no {@code next}, or until the cap: no page asks beyond {@code cap} citations, nor
   * beyond S2's own window (offset + limit below 10,000). A later page that S2 refuses (HTTP 4xx) ends
   * the count early as well. Either way the histogram is then {@code partial}, and when
   * {@code knownTotal} is more than the citing papers read, each year is scaled to it proportionally
   * (see {@link YearCounts#scale}): the years not read are assumed to spread like the ones read.
   *
   * @param id the paper (its S2 paperId when known)
   * @param knownTotal the citation count S2 reported for the paper, or null
   * @param cap the most citations to read ({@value #CITATION_CAP} is S2's limit)
   * @return source {@code semanticScholar}, made now; {@code total} is {@code knownTotal}, else the
   *     number read when complete, else null
   */
  public Histogram histogram(PaperId id, Integer knownTotal, int cap) throws SourceException {
    if (cap < 1) {
      throw new IllegalArgumentException("cap must be at least 1");
    }
    int ceiling = Math.min(cap, CITATION_WINDOW);
    List<Integer> years = new ArrayList<>();
    boolean partial = false;
    int offset = 0;
    while (true) {
      int limit = Math.min(CITATION_PAGE, ceiling - offset);
      CitationPage page;
      try {
        page = citations(id, offset, limit);
      } catch (SourceException e) {
        if (offset > 0 && e.kind() == Kind.CLIENT) {
          partial = true;
          break;
        }
        throw e;
      }
      years.addAll(page.years());
      Integer next = page.next();
      if (next == null || page.years().isEmpty() || next <= offset) {
        break;
      }
      if (next >= ceiling) {
        partial = true;
        break;
      }
      offset = next;
    }
    int counted = years.size();
    SortedMap<Integer, Integer> byYear = YearCounts.count(years);
    if (partial && knownTotal != null && knownTotal > counted) {
      byYear = YearCounts.scale(byYear, counted, knownTotal);
    }
    Integer total = knownTotal != null ? knownTotal : partial ? null : Integer.valueOf(counted);
    return new Histogram(name(), clock.instant(), byYear, counted, total, partial);
  }

  private static void requireQuery(String query) {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("a Semantic Scholar search needs a query");
    }
  }

  private S2Dto.Results results(Reply r) throws SourceException {
    if (!r.ok()) {
      throw errors.failure(r);
    }
    try {
      return S2Parser.results(r.body());
    } catch (IOException e) {
      throw errors.parseFailure(r, e);
    }
  }

  private List<SourceRecord> records(S2Dto.Results res) {
    List<SourceRecord> out = new ArrayList<>(res.data().size());
    for (S2Dto.Paper p : res.data()) {
      if (p != null && p.paperId() != null && !p.paperId().isBlank()) {
        out.add(S2Normalizer.record(p, clock.instant()));
      }
    }
    return out;
  }

  private Reply send(Request request) throws SourceException {
    try {
      return upstream.send(request, policy);
    } catch (SourceException e) {
      throw errors.clean(e);
    }
  }

  @Override
  public String toString() {
    return "S2Source[" + base + (errors.hasKey() ? ", api key set" : "") + "]";
  }
}
