package dev.papers.app;

import dev.papers.config.UsageException;
import dev.papers.http.IntervalGate;
import dev.papers.http.Upstream;
import dev.papers.model.Source;
import dev.papers.source.arxiv.ArxivSource;
import dev.papers.source.openalex.OpenAlexSource;
import dev.papers.source.s2.S2Recommendations;
import dev.papers.source.s2.S2Source;
import dev.papers.source.scholar.ScholarCookieJar;
import dev.papers.source.scholar.ScholarSettings;
import dev.papers.source.scholar.ScholarSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** The sources, each built on first use with its settings. */
final class SourceSet {
  private final App app;
  private ArxivSource arxiv;
  private S2Source s2;
  private OpenAlexSource openAlex;
  private S2Recommendations recommendations;
  private ScholarSource scholar;
  private Upstream scholarUpstream;
  private final Map<Source, Duration> intervals = new java.util.EnumMap<>(Source.class);

  /** @throws UsageException when a source's URL setting is not an http(s) URL (before anything is sent) */
  SourceSet(App app) {
    this.app = app;
    for (String[] setting : new String[][] {{"PAPERS_ARXIV_URL", ARXIV_URL}, {"PAPERS_S2_URL", S2_URL},
        {"PAPERS_SCHOLAR_URL", ScholarSource.DEFAULT_BASE_URL},
        {"PAPERS_OPENALEX_URL", OpenAlexSource.DEFAULT_BASE_URL},
        {"PAPERS_S2_RECOMMENDATIONS_URL", S2Recommendations.DEFAULT_BASE_URL}}) {
      String url = app.settings().get(setting[0], setting[1]);
      if (okhttp3.HttpUrl.parse(url) == null) {
        throw new UsageException(setting[0] + ": \"" + url + "\" is not an http(s) URL");
      }
    }
  }

  static final String ARXIV_URL = "https://export.arxiv.org/api/query";
  static final String S2_URL = "https://api.semanticscholar.org/graph/v1";

  public synchronized ArxivSource arxiv() {
    if (arxiv == null) {
      var s = app.settings();
      arxiv = new ArxivSource(s.get("PAPERS_ARXIV_URL", ARXIV_URL), app.upstream(),
          ArxivSource.defaultPolicy(interval(Source.ARXIV), app.maxRetries(),
              app.maxBackoff()),
          app.clock(), arxivBatch());
    }
    return arxiv;
  }

  public synchronized S2Source s2() {
    if (s2 == null) {
      var s = app.settings();
      s2 = new S2Source(s.get("PAPERS_S2_URL", S2_URL), app.upstream(),
          S2Source.defaultPolicy(interval(Source.SEMANTIC_SCHOLAR), app.maxRetries(),
              app.maxBackoff(), s.get("PAPERS_S2_API_KEY")),
          app.clock());
    }
    return s2;
  }

  /**
   * OpenAlex. Settings: {@code PAPERS_OPENALEX_URL} (default {@code https://api.openalex.org}),
   * {@code PAPERS_OPENALEX_INTERVAL} (default 100ms, across processes), {@code PAPERS_OPENALEX_BATCH}
   * (papers per OR-filter request, 1-100, default 50), {@code PAPERS_CONTACT} (sent as {@code mailto}) and
   * {@code PAPERS_OPENALEX_API_KEY} (sent as {@code api_key}, never shown). The allowance cool-down lives
   * in {@code $PAPERS_CACHE/.state}.
   *
   * @throws UsageException when a setting is not valid (before any request is sent)
   */
  public synchronized OpenAlexSource openAlex() {
    if (openAlex == null) {
      var s = app.settings();
      openAlex = new OpenAlexSource(s.get("PAPERS_OPENALEX_URL", OpenAlexSource.DEFAULT_BASE_URL), app.upstream(),
          OpenAlexSource.defaultPolicy(interval(Source.OPEN_ALEX), app.maxRetries(), app.maxBackoff()),
          app.clock(), app.cache().stateDir(), openAlexBatch(), s.get("PAPERS_CONTACT"),
          s.get("PAPERS_OPENALEX_API_KEY"));
    }
    return openAlex;
  }

  /**
   * Papers per OpenAlex OR-filter request ({@code PAPERS_OPENALEX_BATCH}, 1 to 100, default 50).
   *
   * @throws UsageException when the setting is out of range
   */
  int openAlexBatch() {
    int batch = app.settings().integer("PAPERS_OPENALEX_BATCH", OpenAlexSource.DEFAULT_BATCH, 1);
    if (batch > OpenAlexSource.MAX_BATCH) {
      throw new UsageException("PAPERS_OPENALEX_BATCH: \"" + batch + "\" is more than OpenAlex takes in one filter ("
          + OpenAlexSource.MAX_BATCH + ")");
    }
    return batch;
  }

  /**
   * Semantic Scholar's Recommendations API ({@code PAPERS_S2_RECOMMENDATIONS_URL}), asked with the
   * Graph API's policy: the same spacing ({@code PAPERS_S2_INTERVAL}), retries and API key.
   */
  public synchronized S2Recommendations recommendations() {
    if (recommendations == null) {
      var s = app.settings();
      recommendations = new S2Recommendations(
          s.get("PAPERS_S2_RECOMMENDATIONS_URL", S2Recommendations.DEFAULT_BASE_URL), app.upstream(),
          S2Source.defaultPolicy(s.duration("PAPERS_S2_INTERVAL", Duration.ofSeconds(1)), app.maxRetries(),
              app.maxBackoff(), s.get("PAPERS_S2_API_KEY")),
          app.clock());
    }
    return recommendations;
  }

  /**
   * Google Scholar, one instance per run (its request budget counts per instance). Settings:
   * {@code PAPERS_SCHOLAR_URL} (default {@code https://scholar.google.com}), {@code
   * PAPERS_SCHOLAR_INTERVAL} (default 20s, plus a random 0-50% per request: Scholar blocks clients
   * that ask fast), {@code PAPERS_SCHOLAR_COOLDOWN} (how long nothing is sent after a block, default
   * 6h), {@code PAPERS_SCHOLAR_BUDGET} (the most requests a run sends, default 20) and {@code
   * PAPERS_SCHOLAR_USER_AGENT} (default: the program's own). Cookies and the cool-down live in
   * {@code $PAPERS_CACHE/.state}.
   *
   * <p>Scholar's requests go through an {@link Upstream} of its own, whose client is the program's
   * one client with Scholar's cookie jar added ({@code newBuilder()}); it shares the other sources'
   * request spacing directory. {@link #requestCounts()} adds both up.
   *
   * @throws UsageException when a setting is not valid (before any request is sent)
   */
  public synchronized ScholarSource scholar() {
    if (scholar == null) {
      var s = app.settings();
      String url = s.get("PAPERS_SCHOLAR_URL", ScholarSource.DEFAULT_BASE_URL);
      // Both are checked here (UsageException, exit 2): a duration is never negative, a budget is >= 0.
      ScholarSettings settings = new ScholarSettings(
          s.duration("PAPERS_SCHOLAR_COOLDOWN", ScholarSettings.DEFAULT_COOL_DOWN),
          s.integer("PAPERS_SCHOLAR_BUDGET", ScholarSettings.DEFAULT_BUDGET, 0),
          s.get("PAPERS_SCHOLAR_USER_AGENT"));
      Path state = app.cache().stateDir();
      Clock wall = Clock.systemUTC();
      ScholarCookieJar jar;
      try {
        jar = new ScholarCookieJar(state, url, wall);
      } catch (IllegalArgumentException e) {
        throw new UsageException("PAPERS_SCHOLAR_URL: \"" + url + "\" is not an http(s) URL");
      }
      Upstream upstream = new Upstream(ScholarCookieJar.install(app::httpClient, jar),
          new IntervalGate(state.resolve("rate"), app.ticker(), app.sleeper()), app.sleeper(), wall,
          new Random(new SecureRandom().nextLong()));
      ScholarSource source = new ScholarSource(url, upstream,
          ScholarSource.defaultPolicy(interval(Source.SCHOLAR),
              app.maxRetries(), app.maxBackoff(), settings.userAgent()),
          app.clock(), state, settings);
      scholarUpstream = upstream;
      scholar = source;
    }
    return scholar;
  }

  /** The least time between two requests to a source, as the settings say (each read once). */
  synchronized Duration interval(Source source) {
    return intervals.computeIfAbsent(source, k -> {
      var s = app.settings();
      return switch (k) {
        case ARXIV -> s.duration("PAPERS_ARXIV_INTERVAL", Duration.ofSeconds(3));
        case SEMANTIC_SCHOLAR -> s.duration("PAPERS_S2_INTERVAL", Duration.ofSeconds(1));
        case OPEN_ALEX -> s.duration("PAPERS_OPENALEX_INTERVAL", OpenAlexSource.DEFAULT_INTERVAL);
        case SCHOLAR -> s.duration("PAPERS_SCHOLAR_INTERVAL", ScholarSource.DEFAULT_INTERVAL);
        default -> Duration.ZERO;
      };
    });
  }

  /** The intervals of these sources. */
  Map<Source, Duration> intervals(java.util.Collection<Source> sources) {
    Map<Source, Duration> out = new java.util.EnumMap<>(Source.class);
    sources.forEach(s -> out.put(s, interval(s)));
    return out;
  }

  /** The most requests Scholar sends in a run ({@code PAPERS_SCHOLAR_BUDGET}, default 20), for plans. */
  int scholarBudget() {
    return app.settings().integer("PAPERS_SCHOLAR_BUDGET", ScholarSettings.DEFAULT_BUDGET, 0);
  }

  /** Ids per arXiv {@code id_list} request ({@code PAPERS_ARXIV_BATCH}, default 100). */
  int arxivBatch() {
    return app.settings().integer("PAPERS_ARXIV_BATCH", 100, 1);
  }

  /**
   * Ids per Semantic Scholar batch request ({@code PAPERS_S2_BATCH}, default and most 500): smaller
   * batches lose less to a kill, at the price of more requests.
   *
   * @throws UsageException when the setting is above what S2 takes
   */
  int s2Batch() {
    int n = app.settings().integer("PAPERS_S2_BATCH", S2Source.BATCH_SIZE, 1);
    if (n > S2Source.BATCH_SIZE) {
      throw new UsageException("PAPERS_S2_BATCH: Semantic Scholar takes at most " + S2Source.BATCH_SIZE
          + " ids a request, not " + n);
    }
    return n;
  }

  /** Requests sent so far per source (retries included), Scholar's own upstream included. */
  public synchronized Map<String, Integer> requestCounts() {
    Map<String, Integer> counts = new HashMap<>(app.upstream().requestCounts());
    if (scholarUpstream != null) {
      scholarUpstream.requestCounts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
    }
    return Map.copyOf(counts);
  }
}
