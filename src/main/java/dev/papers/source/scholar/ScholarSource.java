package dev.papers.source.scholar;

import dev.papers.http.Policy;
import dev.papers.http.Reply;
import dev.papers.http.Upstream;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.source.SourceException;
import dev.papers.source.SourceException.Kind;
import dev.papers.source.TitleSearch;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Google-Scholar-style pages as a source of citation counts: builds the URL, fetches it politely,
 * recognizes blocks, parses, matches. Politeness:
 *
 * <ul>
 *   <li>a slow interval between requests (see {@link #defaultPolicy}) with a random 0-50% on top,
 *       kept across processes by the shared {@code IntervalGate};
 *   <li>a budget of requests per run (per instance); beyond it, TRY_LATER without sending;
 *   <li>after a block (captcha, "unusual traffic", {@code /sorry/}, 403, 429), a cool-down written
 *       to {@code <state>/scholar-cooldown.json}: until it expires no instance sends anything, and
 *       every call throws BLOCKED saying until when;
 *   <li>cookies kept between runs by {@link ScholarCookieJar}, installed on the client the
 *       {@link Upstream} uses;
 *   <li>a configurable User-Agent; {@code hl=en} on every request.
 * </ul>
 */
public final class ScholarSource implements TitleSearch {
  public static final String DEFAULT_BASE_URL = "https://scholar.google.com";
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(20);
  /** The most retries of a try-later answer: retrying a blocked client only prolongs the block. */
  public static final int MAX_RETRIES = 1;

  private final HttpUrl base;
  private final Upstream upstream;
  private final Policy policy;
  private final Clock clock;
  private final ScholarSettings settings;
  private final CoolDown coolDown;
  private final RandomGenerator random;
  private final BlockDetector detector = new BlockDetector();
  private final ScholarMatcher matcher = new ScholarMatcher();
  private int sent;

  /**
   * @param baseUrl {@code PAPERS_SCHOLAR_URL}, null for {@link #DEFAULT_BASE_URL}
   * @param upstream sends the requests (its client should carry a {@link ScholarCookieJar})
   * @param policy spacing and retries, usually {@link #defaultPolicy}
   * @param clock the program's clock ({@code PAPERS_NOW}): cool-downs are read and written against it
   * @param stateDir {@code $PAPERS_CACHE/.state}
   * @param settings cool-down, budget and User-Agent
   */
  public ScholarSource(String baseUrl, Upstream upstream, Policy policy, Clock clock, Path stateDir,
      ScholarSettings settings) {
    this(baseUrl, upstream, policy, clock, stateDir, settings, new Random());
  }

  /** As above, with the source of the interval's jitter (tests give a seeded one). */
  public ScholarSource(String baseUrl, Upstream upstream, Policy policy, Clock clock, Path stateDir,
      ScholarSettings settings, RandomGenerator random) {
    String b = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
    HttpUrl u = HttpUrl.parse(b);
    if (u == null) {
      throw new IllegalArgumentException("PAPERS_SCHOLAR_URL is not an http(s) URL: " + b);
    }
    this.base = u;
    this.upstream = upstream;
    this.policy = policy;
    this.clock = clock;
    this.settings = settings == null ? ScholarSettings.defaults() : settings;
    this.coolDown = new CoolDown(stateDir);
    this.random = random;
  }

  /**
   * The Scholar policy: the source name {@code scholar}, the interval (null for 20 s; each request
   * adds a random 0-50% on top), at most {@link #MAX_RETRIES} retry of a try-later answer, and the
   * User-Agent header when one is given.
   */
  public static Policy defaultPolicy(Duration interval, int maxRetries, Duration maxBackoff, String userAgent) {
    Map<String, String> headers = new HashMap<>();
    if (userAgent != null && !userAgent.isBlank()) {
      headers.put("User-Agent", userAgent.strip());
    }
    return new Policy(Source.SCHOLAR.jsonName(), interval == null ? DEFAULT_INTERVAL : interval,
        Math.max(0, Math.min(maxRetries, MAX_RETRIES)), maxBackoff, headers, null);
  }

  /** Whether a document is a saved Google Scholar result or "Cited by" page (for import). */
  public static boolean looksLikeScholarPage(String html) {
    return ScholarParser.looksLikeScholarPage(html);
  }

  /** {@code GET {base}/scholar?q=<title>&hl=en}: the title as typed, not quoted. */
  public ScholarPage searchTitle(String title) throws SourceException {
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a Scholar search needs a title");
    }
    return fetch(scholar().addQueryParameter("q", title.strip()).addQueryParameter("hl", "en").build());
  }

  /** {@code GET {base}/scholar?cites=<clusterId>&hl=en}: the first page of works citing a cluster. */
  public ScholarPage citedBy(String clusterId) throws SourceException {
    String id = ClusterIds.normalize(clusterId);
    if (id == null) {
      throw new IllegalArgumentException("not a Google Scholar cluster id: " + clusterId);
    }
    return fetch(scholar().addQueryParameter("cites", id).addQueryParameter("hl", "en").build());
  }

  /** The page a {@link ScholarPage#nextUrl()} names; it must be on the Scholar host. */
  public ScholarPage next(ScholarPage page) throws SourceException {
    if (page.nextUrl() == null) {
      throw new IllegalArgumentException("the page has no next page");
    }
    HttpUrl u = base.resolve(page.nextUrl());
    if (u == null || !u.host().equalsIgnoreCase(base.host())) {
      throw new IllegalArgumentException("not a Scholar URL: " + page.nextUrl());
    }
    return fetch(u);
  }

  /**
   * Searches the title and matches the paper among the results (see {@link ScholarMatcher}). The
   * outcome's reason says why it matched, or why nothing is stored (ambiguous, no close result).
   */
  public ScholarMatcher.Outcome find(String title, Integer year, String firstAuthor) throws SourceException {
    return matcher.match(title, year, firstAuthor, searchTitle(title).results());
  }

  /** {@link #find}, keeping only a sure match. */
  public Optional<ScholarMatcher.Match> lookup(String title, Integer year, String firstAuthor)
      throws SourceException {
    return Optional.ofNullable(find(title, year, firstAuthor).match());
  }

  @Override
  public Optional<SourceRecord> matchTitle(String title) throws SourceException {
    return lookup(title, null, null).map(m -> toRecord(m.result(), clock.instant()));
  }

  /**
   * A result as the {@code scholar} source's record: its count is the "Cited by" number. A result
   * the page shows without a "Cited by" link has no known citations, so its count is 0 (only ever
   * for a result that exists: no result means no record, not 0).
   */
  public static SourceRecord toRecord(ScholarResult r, Instant observedAt) {
    return SourceRecord.builder(Source.SCHOLAR.jsonName())
        .clusterId(r.clusterId())
        .title(r.title())
        .authors(r.authors())
        .year(r.year())
        .venue(r.venue())
        .count(r.citedBy() == null ? 0 : r.citedBy())
        .observedAt(observedAt)
        .build();
  }

  /** Requests sent by this instance (this run). */
  public synchronized int requestsSent() {
    return sent;
  }

  /** The cool-down in force now, if any (to say so before even trying). */
  public Optional<CoolDown.State> coolDown() {
    return coolDown.active(clock.instant());
  }

  // ---------------------------------------------------------------------------------------------------

  private HttpUrl.Builder scholar() {
    return base.newBuilder().addPathSegment("scholar");
  }

  private synchronized ScholarPage fetch(HttpUrl url) throws SourceException {
    String u = url.toString();
    Optional<CoolDown.State> cd = coolDown.active(clock.instant());
    if (cd.isPresent()) {
      CoolDown.State s = cd.get();
      throw new SourceException(Source.SCHOLAR.jsonName(), u, Kind.BLOCKED, 0,
          "Google Scholar is cooling down after a block until " + s.until() + "; not asking it"
              + (s.reason() == null ? "" : " (blocked: " + s.reason() + ")"),
          s.until(), null);
    }
    if (sent >= settings.budgetPerRun()) {
      throw new SourceException(Source.SCHOLAR.jsonName(), u, Kind.TRY_LATER, 0,
          "request budget of " + settings.budgetPerRun() + " for this run is used up; the rest waits for the next run",
          null, null);
    }
    sent++;
    Request.Builder rb = new Request.Builder().url(url).get();
    if (settings.userAgent() != null) {
      rb.header("User-Agent", settings.userAgent());
    }
    Reply reply;
    try {
      reply = upstream.send(rb.build(), jittered());
    } catch (SourceException e) {
      if (e.kind() == Kind.TRY_LATER && (e.status() == 429 || e.status() == 503)) {
        throw block(u, e.status(), e.getMessage(), e);
      }
      throw e;
    }
    String text = ScholarParser.decode(reply.body(), reply.header("content-type"));
    Document doc = Jsoup.parse(text, reply.url());
    Optional<String> blocked = detector.detect(reply.status(), reply.url(), doc);
    if (blocked.isPresent()) {
      throw block(u, reply.status(), blocked.get(), null);
    }
    if (!reply.ok()) {
      throw new SourceException(Source.SCHOLAR.jsonName(), u, reply.status() >= 500 ? Kind.SERVER : Kind.CLIENT,
          reply.status(), "Google Scholar answered HTTP " + reply.status());
    }
    ScholarPage page = ScholarParser.parse(doc, reply.url());
    if (page.results().isEmpty() && doc.selectFirst("#gs_res_ccl_mid, #gs_res_ccl, #gs_ab_md") == null) {
      throw new SourceException(Source.SCHOLAR.jsonName(), u, Kind.PARSE, reply.status(),
          "the answer is not a Google Scholar result page (is PAPERS_SCHOLAR_URL right?)");
    }
    return page;
  }

  private SourceException block(String url, int status, String reason, Throwable cause) {
    Instant now = clock.instant();
    Instant until = now.plus(settings.coolDown());
    coolDown.start(new CoolDown.State(until, reason, now));
    return new SourceException(Source.SCHOLAR.jsonName(), url, Kind.BLOCKED, status,
        "Google Scholar blocked the request (" + reason + "); the tool will not ask it again until " + until
            + " (cool-down of " + human(settings.coolDown()) + ", in " + coolDown.file() + ")",
        until, cause);
  }

  /** The policy with this request's interval: the base interval plus a random 0-50% of it. */
  private Policy jittered() {
    Duration i = policy.interval();
    if (i == null || i.isZero() || i.isNegative()) {
      return policy;
    }
    long extra = (long) (random.nextDouble() * 0.5 * i.toMillis());
    return new Policy(policy.source(), i.plusMillis(extra), policy.maxRetries(), policy.maxBackoff(),
        policy.headers(), policy.softTryLater());
  }

  private static String human(Duration d) {
    if (d.toMinutes() % 60 == 0 && d.toHours() > 0) {
      return d.toHours() + "h";
    }
    return d.toMinutes() > 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }
}
