package dev.papers;

import dev.papers.cache.PaperCache;
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
import java.util.Random;
import okhttp3.OkHttpClient;

/**
 * The object graph: settings, the clock, the cache and, built only when a command first needs them,
 * the one HTTP client and the sources. Offline commands never load an HTTP class.
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

  public synchronized SourceSet sources() {
    if (sources == null) {
      sources = new SourceSet(this);
    }
    return sources;
  }
}
