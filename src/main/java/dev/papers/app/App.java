package dev.papers.app;

import dev.papers.cache.PaperCache;
import dev.papers.cache.RefreshLock;
import dev.papers.config.UsageException;
import dev.papers.model.Source;
import dev.papers.service.FetchService;
import dev.papers.service.Freshness;
import dev.papers.service.HarvestService;
import dev.papers.service.ImportService;
import dev.papers.service.DigestService;
import dev.papers.service.ExportService;
import dev.papers.service.RankService;
import dev.papers.service.RefreshService;
import dev.papers.service.ScholarLookup;
import dev.papers.service.ScholarRefreshStep;
import dev.papers.service.SuggestService;
import dev.papers.source.TopicSearch;
import dev.papers.topic.TopicStore;
import dev.papers.config.Settings;
import dev.papers.http.Clients;
import dev.papers.http.IntervalGate;
import dev.papers.http.ProxyConfig;
import dev.papers.http.Sleeper;
import dev.papers.http.Ticker;
import dev.papers.http.Upstream;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The object graph, built in this one place: settings, the clock, the cache and, each built on first
 * use with its settings read once, the one HTTP client, the sources and the services the commands ask
 * for. Commands ask for a service; none builds one. Offline commands never load an HTTP class.
 */
public final class App {
  private final Settings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Ticker ticker;
  private PaperCache cache;
  private OkHttpClient client;
  private Upstream upstream;
  private SourceSet sources;
  private Set<Source> defaultSources;
  private TopicStore topics;
  private FetchService fetch;
  private HarvestService harvest;
  private RefreshService refresh;
  private ImportService importer;
  private RankService rank;
  private DigestService digest;
  private ExportService export;
  private SuggestService suggest;
  private InputStream stdin = System.in;

  public App(Settings settings, Clock realClock, Sleeper sleeper, Ticker ticker) {
    this.settings = settings;
    Instant fixed = settings.now();
    this.clock = fixed != null ? Clock.fixed(fixed, ZoneOffset.UTC) : realClock;
    this.sleeper = sleeper;
    this.ticker = ticker;
  }

  public static App fromEnvironment(Settings settings) {
    return new App(settings, Clock.systemUTC(), Sleeper.REAL, Ticker.SYSTEM);
  }

  public Settings settings() {
    return settings;
  }

  /** "Now" for every command: {@code PAPERS_NOW} when set. */
  public Clock clock() {
    return clock;
  }

  public Sleeper sleeper() {
    return sleeper;
  }

  public Ticker ticker() {
    return ticker;
  }

  /** Standard input, for commands that read {@code -}; tests hand in their own. */
  public synchronized InputStream stdin() {
    return stdin;
  }

  public synchronized void setStdin(InputStream in) {
    this.stdin = in;
  }

  public synchronized PaperCache cache() {
    if (cache == null) {
      cache = new PaperCache(settings.cacheDir(), clock);
    }
    return cache;
  }

  public String userAgent() {
    String ua = settings.get("PAPERS_USER_AGENT");
    if (ua != null) {
      return ua;
    }
    String contact = settings.get("PAPERS_CONTACT");
    return "papers/" + Version.get() + " (citation harvester" + (contact == null ? "" : "; mailto:" + contact) + ")";
  }

  public synchronized OkHttpClient httpClient() {
    if (client == null) {
      client = Clients.create(userAgent(), ProxyConfig.fromEnv(settings.env()),
          settings.duration("PAPERS_TIMEOUT", Duration.ofSeconds(30)));
    }
    return client;
  }

  public synchronized Upstream upstream() {
    if (upstream == null) {
      Clock wall = Clock.systemUTC();
      upstream = new Upstream(this::httpClient, new IntervalGate(cache().stateDir().resolve("rate"), ticker, sleeper),
          sleeper, wall, new Random(new SecureRandom().nextLong()));
    }
    return upstream;
  }

  public int maxRetries() {
    return settings.integer("PAPERS_MAX_RETRIES", 4, 0);
  }

  public Duration maxBackoff() {
    return settings.duration("PAPERS_MAX_BACKOFF", Duration.ofSeconds(60));
  }

  synchronized SourceSet sources() {
    if (sources == null) {
      sources = new SourceSet(this);
    }
    return sources;
  }

  /**
   * The sources asked when a command is not told: {@code PAPERS_SOURCES} from the environment or the
   * configuration, else those {@link Source#onByDefault}.
   *
   * @throws UsageException when {@code PAPERS_SOURCES} names an unknown source
   */
  public synchronized Set<Source> defaultSources() {
    if (defaultSources == null) {
      String value = settings.get("PAPERS_SOURCES");
      defaultSources = value == null ? new LinkedHashSet<>(Source.defaults()) : parseSources(value);
    }
    return defaultSources;
  }

  /** {@code --sources} (or {@code PAPERS_SOURCES}) as a set; a bad list is a usage error. */
  private static Set<Source> parseSources(String value) {
    try {
      return Source.parseList(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--sources: " + e.getMessage());
    }
  }

  /**
   * Checks the settings of the sources a command will ask, before anything is sent: a bad setting is a
   * usage error (exit 2) now, not a failure later.
   */
  public void checkSources(Set<Source> chosen) {
    if (chosen.contains(Source.SCHOLAR)) {
      sources().scholar();
    }
    if (chosen.contains(Source.OPEN_ALEX)) {
      sources().openAlexBatch();
    }
  }

  /** Requests sent so far per source (JSON names), retries included, Scholar's own connection included. */
  public Map<String, Integer> requestCounts() {
    return sources().requestCounts();
  }

  /** Requests sent so far on the main connection (every source but Scholar), retries included. */
  public int requestsSent() {
    return upstream().requestCounts().values().stream().mapToInt(Integer::intValue).sum();
  }

  public synchronized TopicStore topics() {
    if (topics == null) {
      topics = new TopicStore(settings.queriesDir());
    }
    return topics;
  }

  public synchronized FetchService fetch() {
    if (fetch == null) {
      fetch = new FetchService(cache(), () -> sources().arxiv(), () -> sources().s2(), () -> sources().openAlex(),
          () -> sources().s2(),
          () -> sources().s2(), new ScholarLookup(cache(), () -> sources().scholar(), clock), clock);
    }
    return fetch;
  }

  public synchronized HarvestService harvest() {
    if (harvest == null) {
      Map<Source, Supplier<TopicSearch>> searches = new LinkedHashMap<>();
      searches.put(Source.ARXIV, () -> sources().arxiv());
      searches.put(Source.SEMANTIC_SCHOLAR, () -> sources().s2());
      harvest = new HarvestService(cache(), topics(), searches,
          (id, total, cap) -> sources().s2().histogram(id, total, cap), fetch(), clock, Freshness.byDefault());
    }
    return harvest;
  }

  /** @throws UsageException when a batch size setting is out of range (before anything is sent) */
  public synchronized RefreshService refresh() {
    if (refresh == null) {
      SourceSet s = sources();
      refresh = new RefreshService(cache(), s::s2, s::arxiv, s::openAlex,
          new ScholarRefreshStep(cache(), s::scholar, clock), clock, ticker, sleeper,
          new RefreshService.Limits(s.intervals(Source.selectable()), s.s2Batch(), s.arxivBatch(),
              s.openAlexBatch(), s.scholarBudget()),
          () -> upstream().requestCounts(), RefreshLock.hostName(settings.env()));
    }
    return refresh;
  }

  public synchronized ImportService importer() {
    if (importer == null) {
      importer = new ImportService(cache(), this::fetch, clock);
    }
    return importer;
  }

  public synchronized DigestService digest() {
    if (digest == null) {
      digest = new DigestService(rank(), cache(), topics(), clock);
    }
    return digest;
  }

  /** {@code papers export}'s service. */
  public synchronized ExportService export() {
    if (export == null) {
      export = new ExportService(cache(), topics());
    }
    return export;
  }

  public synchronized RankService rank() {
    if (rank == null) {
      rank = new RankService(cache(), topics());
    }
    return rank;
  }

  /** {@code papers suggest}: OpenAlex's citation graph and Semantic Scholar's recommendations. */
  public synchronized SuggestService suggest() {
    if (suggest == null) {
      suggest = new SuggestService(cache(), () -> sources().openAlex(), () -> sources().recommendations(), clock);
    }
    return suggest;
  }
}
