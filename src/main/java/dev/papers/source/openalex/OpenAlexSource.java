package dev.papers.source.openalex;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.papers.http.Policy;
import dev.papers.http.Reply;
import dev.papers.http.Upstream;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.source.CitationGraph;
import dev.papers.source.IdLookup;
import dev.papers.source.Lookup;
import dev.papers.source.Progress;
import dev.papers.source.SourceException;
import dev.papers.source.SourceException.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * OpenAlex: works by DOI, arXiv DOI or work id, in OR-filter batches; the works citing some works; the
 * records of some works.
 *
 * <p>{@link #lookup} sends one {@code GET /works/{W-id | doi:DOI}} when the ids name one work, and
 * otherwise {@code GET /works?filter=doi:A|B|...} (and {@code filter=openalex:W1|W2|...}) with the ids of at
 * most the batch size of papers a request (at most {@value #MAX_BATCH} values) and a {@code per-page} that holds the whole answer. An arXiv id is
 * looked up by its arXiv DOI, {@code 10.48550/arxiv.<id>} (OpenAlex has no arXiv id field). A value the
 * batch answer leaves out is asked once on its own before it is "not found": a merged preprint answers
 * there, through the 301 to the work that replaced it (followed).
 *
 * <p>Politeness: the interval (default 100 ms) holds across processes; {@code mailto} names the
 * contact; 403 and 503 are retried with backoff. A 429 means the day's allowance is spent: it is not
 * retried, and nothing more is sent to OpenAlex by any process sharing the state directory until the
 * next 00:00 UTC ({@link AllowanceCoolDown}).
 *
 * <p>The API key travels as the {@code api_key} query parameter; it is cut out of every URL and message
 * this class hands out (failures included) and never appears in {@code toString}.
 */
public final class OpenAlexSource implements IdLookup, CitationGraph {
  public static final String DEFAULT_BASE_URL = "https://api.openalex.org";
  public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
  /** Papers per OR-filter request unless {@code PAPERS_OPENALEX_BATCH} says otherwise. */
  public static final int DEFAULT_BATCH = 50;
  /** The most values OpenAlex takes in one OR-filter. */
  public static final int MAX_BATCH = 100;
  /** Results per page when following the works that cite some works. */
  public static final int CITING_PAGE = OpenAlexUrls.MAX_PER_PAGE;

  private final HttpUrl base;
  private final OpenAlexUrls urls;
  private final Upstream upstream;
  private final Policy policy;
  private final Clock clock;
  private final AllowanceCoolDown coolDown;
  private final int batch;
  private final String secret;

  /**
   * @param baseUrl {@code PAPERS_OPENALEX_URL}, null for {@link #DEFAULT_BASE_URL}
   * @param upstream the program's one way to send requests
   * @param policy spacing and retries ({@link #defaultPolicy})
   * @param clock "now": {@code observedAt}, a histogram's {@code madeAt}, the cool-down's times
   * @param stateDir {@code $PAPERS_CACHE/.state}, where the allowance cool-down is kept (null: none kept)
   * @param batch papers per OR-filter request (each with its ids), 1 to {@value #MAX_BATCH}
   * @param mailto {@code PAPERS_CONTACT}, or null
   * @param apiKey {@code PAPERS_OPENALEX_API_KEY}, or null
   */
  public OpenAlexSource(String baseUrl, Upstream upstream, Policy policy, Clock clock, Path stateDir, int batch,
      String mailto, String apiKey) {
    String b = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
    HttpUrl u = HttpUrl.parse(b);
    if (u == null) {
      throw new IllegalArgumentException("not an http(s) URL for OpenAlex: " + b);
    }
    if (batch < 1 || batch > MAX_BATCH) {
      throw new IllegalArgumentException("the OpenAlex batch size must be 1 to " + MAX_BATCH);
    }
    this.base = u;
    this.secret = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    this.urls = new OpenAlexUrls(u, mailto, secret);
    this.upstream = upstream;
    this.policy = policy;
    this.clock = clock;
    this.coolDown = new AllowanceCoolDown(stateDir);
    this.batch = batch;
  }

  /**
   * The OpenAlex policy: source {@code openAlex}, the interval (null for 100 ms), 403 retried like 503
   * (with backoff, within the retry bounds), and 429 handed back at once: the day's allowance is spent.
   */
  public static Policy defaultPolicy(Duration interval, int maxRetries, Duration maxBackoff) {
    return new Policy(Source.OPEN_ALEX.jsonName(), interval == null ? DEFAULT_INTERVAL : interval, maxRetries, maxBackoff,
        Map.of(), reply -> reply.status() == 403, reply -> reply.status() == 429);
  }

  @Override
  public String name() {
    return Source.OPEN_ALEX.jsonName();
  }

  /** DOIs, arXiv ids (by their arXiv DOI) and OpenAlex work ids. */
  @Override
  public boolean accepts(PaperId id) {
    return id != null && (id.kind() == PaperId.Kind.DOI || id.kind() == PaperId.Kind.ARXIV
        || id.kind() == PaperId.Kind.OPENALEX);
  }

  /** The DOI OpenAlex knows an arXiv paper by: {@code 10.48550/arxiv.<id>}, lower-case, no version. */
  public static String arxivDoi(String arxivId) {
    return "10.48550/arxiv." + arxivId.toLowerCase(java.util.Locale.ROOT);
  }

  /** The cool-down in force now, if any (to say so before even trying). */
  public Optional<AllowanceCoolDown.State> coolDown() {
    return coolDown.active(clock.instant());
  }

  public int batchSize() {
    return batch;
  }

  /** The requests {@link #lookupGrouped} sends for these many papers at the floor: one per batch. */
  public int requestsFor(int papers) {
    return papers <= 0 ? 0 : (papers + batch - 1) / batch;
  }

  // ---- lookup ------------------------------------------------------------------------------------

  /** What one id is sent as: the filter field ({@code doi} or {@code openalex}) and the value. */
  private record Wire(String field, String value) {}

  private static Wire wire(PaperId id) {
    return switch (id.kind()) {
      case DOI -> new Wire("doi", id.value());
      case ARXIV -> new Wire("doi", arxivDoi(id.value()));
      case OPENALEX -> new Wire("openalex", id.value());
      default -> null;
    };
  }

  @Override
  public Map<PaperId, Lookup> lookup(List<PaperId> ids, Progress progress) {
    List<List<PaperId>> groups = new ArrayList<>();
    for (PaperId id : ids) {
      groups.add(List.of(id));
    }
    return lookupGrouped(groups, progress);
  }

  /**
   * Looks the ids up, grouped by paper: one OR-filter request carries the ids of at most the batch size
   * of papers, all of a paper's ids of that filter together, and never more than {@value #MAX_BATCH}
   * values; so N papers with up to two DOIs each take ceil(N / batch) requests at the floor.
   */
  @Override
  public Map<PaperId, Lookup> lookupGrouped(List<List<PaperId>> groups, Progress progress) {
    Progress p = progress == null ? Progress.NONE : progress;
    List<PaperId> ids = new ArrayList<>();
    Set<PaperId> seenIds = new LinkedHashSet<>();
    for (List<PaperId> g : groups) {
      for (PaperId id : g) {
        if (id != null && seenIds.add(id)) {
          ids.add(id);
        }
      }
    }
    Map<PaperId, Lookup> done = new LinkedHashMap<>();
    Map<Wire, List<PaperId>> byWire = new LinkedHashMap<>();
    for (PaperId id : ids) {
      if (!accepts(id)) {
        done.put(id, new Lookup.NotFound("OpenAlex does not look up " + id.kind().prefix() + " ids"));
      } else {
        byWire.computeIfAbsent(wire(id.withoutVersion()), k -> new ArrayList<>()).add(id);
      }
    }
    Map<Wire, Lookup> answers = new LinkedHashMap<>();
    SourceException stop = cooling(urls.redact(base.toString()));
    List<Wire> wires = new ArrayList<>(byWire.keySet());
    if (stop == null && wires.size() == 1) {
      Wire w = wires.get(0);
      answers.put(w, single(w, byWire.get(w).get(0)));
      p.update(1, 1, name());
    } else if (stop == null) {
      List<Wire> batchable = new ArrayList<>();
      List<Wire> alone = new ArrayList<>();
      for (Wire w : wires) {
        (OpenAlexUrls.filterable(w.value()) ? batchable : alone).add(w);
      }
      int total = wires.size();
      int[] count = {0};
      for (List<Wire> chunk : chunks(groups, batchable)) {
        if (stop != null) {
          break;
        }
        String field = chunk.get(0).field();
        try {
          answers.putAll(batch(field, chunk, byWire));
        } catch (SourceException e) {
          chunk.forEach(w -> answers.put(w, new Lookup.Failed(e)));
          if (stops(e)) {
            stop = e;
          }
        }
        count[0] += chunk.size();
        p.update(count[0], total, name());
      }
      for (Wire w : alone) {
        if (stop != null) {
          break;
        }
        Lookup l = single(w, byWire.get(w).get(0));
        answers.put(w, l);
        if (l instanceof Lookup.Failed f && stops(f.error())) {
          stop = f.error();
        }
      }
      // A value the batch answers left out is asked once on its own (a merged preprint answers there).
      for (Map.Entry<Wire, Lookup> e : answers.entrySet()) {
        if (stop != null) {
          break;
        }
        if (e.getValue() instanceof Lookup.NotFound nf && nf.reason() != null && nf.reason().startsWith(LEFT_OUT)) {
          Lookup l = single(e.getKey(), byWire.get(e.getKey()).get(0));
          e.setValue(l);
          if (l instanceof Lookup.Failed f && stops(f.error())) {
            stop = f.error();
          }
        }
      }
    }
    Lookup stopped = stop == null ? null : new Lookup.Failed(stop);
    for (Wire w : wires) {
      Lookup l = answers.get(w);
      if (l == null) {
        l = stopped;
      }
      for (PaperId id : byWire.get(w)) {
        done.put(id, l);
      }
    }
    Map<PaperId, Lookup> ordered = new LinkedHashMap<>();
    for (PaperId id : ids) {
      ordered.put(id, done.get(id));
    }
    return ordered;
  }

  /**
   * The OR-filter requests for these papers, field by field ({@code doi}, then {@code openalex}) in the
   * papers' order: each holds the values of at most {@link #batch} papers and at most {@value #MAX_BATCH}
   * values, a paper's values of the field together (a paper with more than {@value #MAX_BATCH} is split).
   */
  private List<List<Wire>> chunks(List<List<PaperId>> groups, List<Wire> batchable) {
    Set<Wire> allowed = new LinkedHashSet<>(batchable);
    List<List<Wire>> out = new ArrayList<>();
    for (String field : List.of("doi", "openalex")) {
      Set<Wire> placed = new LinkedHashSet<>();
      List<Wire> chunk = new ArrayList<>();
      int papers = 0;
      for (List<PaperId> g : groups) {
        List<Wire> mine = new ArrayList<>();
        for (PaperId id : g) {
          if (id == null || !accepts(id)) {
            continue;
          }
          Wire w = wire(id.withoutVersion());
          if (w.field().equals(field) && allowed.contains(w) && placed.add(w)) {
            mine.add(w);
          }
        }
        if (mine.isEmpty()) {
          continue;
        }
        if (!chunk.isEmpty() && (papers >= batch || chunk.size() + mine.size() > MAX_BATCH)) {
          out.add(chunk);
          chunk = new ArrayList<>();
          papers = 0;
        }
        for (Wire w : mine) {
          if (chunk.size() == MAX_BATCH) {
            out.add(chunk);
            chunk = new ArrayList<>();
            papers = 0;
          }
          chunk.add(w);
        }
        papers++;
      }
      if (!chunk.isEmpty()) {
        out.add(chunk);
      }
    }
    return out;
  }

  private static final String LEFT_OUT = "left out of OpenAlex's batch answer";

  private static boolean stops(SourceException e) {
    return e.isTryLater() || e.kind() == Kind.UNREACHABLE;
  }

  /** One OR-filter request; values it leaves out are marked {@link #LEFT_OUT} (asked again alone). */
  private Map<Wire, Lookup> batch(String field, List<Wire> chunk, Map<Wire, List<PaperId>> byWire)
      throws SourceException {
    List<String> values = chunk.stream().map(Wire::value).toList();
    // Twice the values, so that a value held by two works (it happens) still fits one page.
    int perPage = Math.min(OpenAlexUrls.MAX_PER_PAGE, Math.max(values.size() * 2, 10));
    OpenAlexDto.Page page = page(urls.list(field, values, perPage, null, 0));
    Instant now = clock.instant();
    Map<String, List<OpenAlexDto.Work>> byValue = new LinkedHashMap<>();
    for (OpenAlexDto.Work w : page.results()) {
      String key = field.equals("doi") ? OpenAlexNormalizer.doi(w)
          : OpenAlexNormalizer.workId(w.id() != null ? w.id() : w.ids() == null ? null : w.ids().openalex());
      if (key != null) {
        byValue.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
      }
    }
    Map<Wire, Lookup> out = new LinkedHashMap<>();
    for (Wire w : chunk) {
      List<OpenAlexDto.Work> got = byValue.get(w.value());
      if (got == null || got.isEmpty()) {
        out.put(w, new Lookup.NotFound(LEFT_OUT + ": " + w.value()));
      } else {
        out.put(w, verified(byWire.get(w).get(0), best(got), now));
      }
    }
    return out;
  }

  /** Of works holding one DOI, the most cited (then the first). */
  private static OpenAlexDto.Work best(List<OpenAlexDto.Work> works) {
    OpenAlexDto.Work best = works.get(0);
    Integer bc = OpenAlexNormalizer.count(best.citedByCount());
    for (OpenAlexDto.Work w : works) {
      Integer c = OpenAlexNormalizer.count(w.citedByCount());
      if (c != null && (bc == null || c > bc)) {
        best = w;
        bc = c;
      }
    }
    return best;
  }

  /** {@code GET /works/{W-id | doi:DOI}}: 404 (an HTML page) and 400 are "not found". */
  private Lookup single(Wire w, PaperId asked) {
    HttpUrl url = w.field().equals("openalex") ? urls.workById(w.value()) : urls.workByDoi(w.value());
    try {
      SourceException cooling = cooling(urls.redact(url.toString()));
      if (cooling != null) {
        throw cooling;
      }
      Reply r = send(url);
      if (r.status() == 404 || r.status() == 410) {
        return new Lookup.NotFound("not known to OpenAlex: " + display(w));
      }
      if (r.status() == 400) {
        String why = OpenAlexParser.errorText(r.body());
        return new Lookup.NotFound(urls.redact("OpenAlex refused " + display(w) + (why == null ? "" : ": " + why)));
      }
      if (!r.ok()) {
        throw failure(r);
      }
      OpenAlexDto.Work work;
      try {
        requireJson(r);
        work = OpenAlexParser.work(r.body());
      } catch (IOException e) {
        throw parseFailure(r, e);
      }
      return verified(asked, work, clock.instant());
    } catch (SourceException e) {
      return new Lookup.Failed(e);
    }
  }

  private static String display(Wire w) {
    return w.field().equals("doi") ? "DOI " + w.value() : w.value();
  }

  /**
   * The work as a record, unless it contradicts the id asked: an arXiv id asked and another arXiv id in
   * the answer is not this paper.
   */
  private Lookup verified(PaperId asked, OpenAlexDto.Work work, Instant now) {
    SourceRecord r = OpenAlexNormalizer.record(work, now);
    if (r.openAlexId() == null) {
      return new Lookup.NotFound("OpenAlex answered for " + asked.display() + " with a work that has no id");
    }
    if (asked.kind() == PaperId.Kind.ARXIV && r.arxivId() != null && !r.arxivId().equalsIgnoreCase(asked.value())) {
      return new Lookup.NotFound("OpenAlex answered for arXiv " + asked.value() + " with another paper (arXiv "
          + r.arxivId() + ")");
    }
    String bad = OpenAlexNormalizer.badCount(work);
    return new Lookup.Found(r, bad == null ? null
        : "OpenAlex's count " + bad + " for " + r.openAlexId() + " is not a whole number of 0 or more; not stored");
  }

  // ---- citation graph ----------------------------------------------------------------------------

  @Override
  public Works citing(List<String> workIds, int maxRequests) throws SourceException {
    List<String> ids = workIds(workIds);
    List<SourceRecord> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int requests = 0;
    for (int from = 0; from < ids.size(); from += batch) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + batch));
      String cursor = "*";
      long read = 0;
      while (true) {
        if (requests >= maxRequests) {
          return new Works(List.copyOf(out), true, requests);
        }
        requests++;
        OpenAlexDto.Page page = page(urls.list("cites", chunk, CITING_PAGE, cursor, 0));
        Instant now = clock.instant();
        for (OpenAlexDto.Work w : page.results()) {
          SourceRecord r = OpenAlexNormalizer.record(w, now);
          if (r.openAlexId() != null && seen.add(r.openAlexId())) {
            out.add(r);
          }
        }
        read += page.results().size();
        Long count = page.meta().count();
        String next = page.meta().nextCursor();
        boolean more = !page.results().isEmpty() && next != null && !next.isBlank()
            && page.results().size() >= CITING_PAGE && (count == null || read < count);
        if (!more) {
          break;
        }
        cursor = next;
      }
    }
    return new Works(List.copyOf(out), false, requests);
  }

  @Override
  public Works works(List<String> workIds, int maxRequests) throws SourceException {
    List<String> ids = workIds(workIds);
    List<SourceRecord> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    int requests = 0;
    for (int from = 0; from < ids.size(); from += batch) {
      if (requests >= maxRequests) {
        return new Works(List.copyOf(out), true, requests);
      }
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + batch));
      requests++;
      OpenAlexDto.Page page = page(urls.list("openalex", chunk, Math.min(CITING_PAGE, chunk.size() * 2), null, 0));
      Instant now = clock.instant();
      for (OpenAlexDto.Work w : page.results()) {
        SourceRecord r = OpenAlexNormalizer.record(w, now);
        if (r.openAlexId() != null && seen.add(r.openAlexId())) {
          out.add(r);
        }
      }
    }
    return new Works(List.copyOf(out), false, requests);
  }

  /** Work ids as OpenAlex writes them ({@code W123}); anything else is a programming error. */
  private static List<String> workIds(List<String> in) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : in) {
      String w = OpenAlexNormalizer.workId(s);
      if (w == null) {
        throw new IllegalArgumentException("not an OpenAlex work id: " + s);
      }
      out.add(w);
    }
    return new ArrayList<>(out);
  }

  // ---- sending -----------------------------------------------------------------------------------

  private OpenAlexDto.Page page(HttpUrl url) throws SourceException {
    SourceException cooling = cooling(urls.redact(url.toString()));
    if (cooling != null) {
      throw cooling;
    }
    Reply r = send(url);
    if (!r.ok()) {
      throw failure(r);
    }
    try {
      requireJson(r);
      return OpenAlexParser.page(r.body());
    } catch (IOException e) {
      throw parseFailure(r, e);
    }
  }

  private static void requireJson(Reply r) throws IOException {
    if (!OpenAlexParser.isJson(r.body(), r.header("content-type"))) {
      throw new com.fasterxml.jackson.databind.JsonMappingException(null,
          "the answer is not JSON (" + (r.header("content-type") == null ? "no content type"
              : r.header("content-type")) + ")");
    }
  }

  /** A failure if the allowance cool-down is in force: nothing is sent. */
  private SourceException cooling(String url) {
    Optional<AllowanceCoolDown.State> cd = coolDown.active(clock.instant());
    if (cd.isEmpty()) {
      return null;
    }
    Instant until = cd.get().until();
    return new SourceException(name(), url, Kind.TRY_LATER, 0,
        "OpenAlex's daily allowance is spent; nothing is sent to OpenAlex until " + until, until, null);
  }

  private Reply send(HttpUrl url) throws SourceException {
    Reply r;
    try {
      r = upstream.send(new Request.Builder().url(url).get().header("Accept", "application/json").build(), policy);
    } catch (SourceException e) {
      throw clean(e);
    }
    if (r.status() == 429) {
      AllowanceCoolDown.State s = coolDown.start(clock.instant());
      throw new SourceException(name(), urls.redact(r.url()), Kind.TRY_LATER, 429,
          "OpenAlex's daily allowance is spent (HTTP 429); nothing is sent to OpenAlex until " + s.until(),
          s.until(), null);
    }
    return r;
  }

  /** A non-2xx answer that is not try-later: CLIENT for 4xx, SERVER otherwise, with OpenAlex's own words. */
  private SourceException failure(Reply r) {
    String why = OpenAlexParser.errorText(r.body());
    Kind kind = r.status() >= 400 && r.status() < 500 ? Kind.CLIENT : Kind.SERVER;
    String msg = "OpenAlex answered HTTP " + r.status() + (why == null ? "" : ": " + why);
    return new SourceException(name(), urls.redact(r.url()), kind, r.status(), urls.redact(msg));
  }

  private SourceException parseFailure(Reply r, IOException e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    m = m == null ? e.getClass().getSimpleName()
        : m.lines().findFirst().orElse("").replace(OpenAlexDto.class.getName() + "$", "");
    return new SourceException(name(), urls.redact(r.url()), Kind.PARSE, r.status(),
        urls.redact("cannot read OpenAlex's answer: " + m), null, null);
  }

  /** The same failure with the key cut out of its URL and message; the cause (which may quote it) dropped. */
  private SourceException clean(SourceException e) {
    return new SourceException(e.source(), urls.redact(e.url()), e.kind(), e.status(), urls.redact(e.getMessage()),
        e.retryAt(), secret == null ? e.getCause() : null);
  }

  @Override
  public String toString() {
    return "OpenAlexSource[" + base + (secret == null ? "" : ", api key set") + "]";
  }
}
