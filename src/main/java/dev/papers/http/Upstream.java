package dev.papers.http;

import dev.papers.source.SourceException;
import dev.papers.source.SourceException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one way the program talks to upstreams: spacing per source (across processes), bounded retries
 * of try-later answers with exponential backoff and jitter, Retry-After honoured, and every failure
 * turned into a {@link SourceException} that names the source and the URL.
 */
public final class Upstream {
  /** Bodies larger than this are refused rather than read into memory. */
  static final long MAX_BODY = 64L << 20;
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  /** Retry-After values beyond this are taken as this (a year): no overflow, still "give up now". */
  private static final long MAX_RETRY_AFTER_SECONDS = 366L * 24 * 3600;

  private final Supplier<OkHttpClient> client;
  private final long maxBody;
  private volatile OkHttpClient guarded;
  private final IntervalGate gate;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Random random;
  private final Map<String, Integer> requests = new HashMap<>();

  /**
   * @param client the program's one client (made on first use, so offline commands never build it)
   * @param gate request spacing
   * @param sleeper how to wait between retries
   * @param clock wall clock, to read Retry-After dates against
   * @param random jitter
   */
  public Upstream(Supplier<OkHttpClient> client, IntervalGate gate, Sleeper sleeper, Clock clock, Random random) {
    this(client, gate, sleeper, clock, random, MAX_BODY);
  }

  Upstream(Supplier<OkHttpClient> client, IntervalGate gate, Sleeper sleeper, Clock clock, Random random,
      long maxBody) {
    this.client = client;
    this.maxBody = maxBody;
    this.gate = gate;
    this.sleeper = sleeper;
    this.clock = clock;
    this.random = random;
  }

  /** Requests sent so far per source (retries included), for summaries and tests. */
  public synchronized Map<String, Integer> requestCounts() {
    return Map.copyOf(requests);
  }

  /**
   * Sends a request and reads the whole answer. Returns any answer that is not try-later and not a
   * 500/502, 2xx or not; callers decide what a 404 means. Throws for try-later answers (TRY_LATER) and
   * 500/502 (SERVER) once the retries are spent (an answer the policy's {@code answerAtOnce} recognizes is
   * returned at once, whatever its status), and for transport failures: UNREACHABLE at once when
   * the host cannot be reached at all, TRY_LATER after the retries when it does not answer in time.
   * The policy's headers are sent to the request's origin only, never to another host a redirect
   * leads to.
   */
  public Reply send(Request request, Policy policy) throws SourceException {
    Request.Builder rb = request.newBuilder();
    policy.headers().forEach(rb::header);
    if (!policy.headers().isEmpty()) {
      rb.tag(Origin.class, new Origin(request.url(), policy.headers().keySet()));
    }
    Request req = rb.build();
    String url = request.url().toString();
    SourceException last = null;
    for (int attempt = 0; attempt <= policy.maxRetries(); attempt++) {
      if (attempt > 0) {
        pause(wait(last, attempt, policy), policy, url, last);
      }
      try {
        gate.await(policy.source(), policy.interval());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SourceException(policy.source(), url, Kind.TRY_LATER, 0, "interrupted", null, e);
      }
      count(policy.source());
      Reply reply;
      try {
        reply = execute(req);
      } catch (UnknownHostException | ConnectException | NoRouteToHostException e) {
        throw new SourceException(policy.source(), url, Kind.UNREACHABLE, 0,
            "cannot reach " + request.url().host() + " (" + describe(e) + ")", null, e);
      } catch (BodyTooLarge e) {
        throw new SourceException(policy.source(), url, Kind.PARSE, e.status,
            "answer from " + request.url().host() + " larger than " + maxBody + " bytes", null, null);
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new SourceException(policy.source(), url, Kind.TRY_LATER, 0, "interrupted", null, e);
        }
        last = new SourceException(policy.source(), url, Kind.TRY_LATER, 0,
            "no answer from " + request.url().host() + " in time", null, e);
        continue;
      } catch (IOException e) {
        last = new SourceException(policy.source(), url, Kind.SERVER, 0,
            "connection to " + request.url().host() + " failed (" + describe(e) + ")", null, e);
        continue;
      }
      int s = reply.status();
      if (policy.answerAtOnce() != null && policy.answerAtOnce().test(reply)) {
        return reply;
      }
      boolean tryLater = s == 429 || s == 503 || s == 504
          || (policy.softTryLater() != null && policy.softTryLater().test(reply));
      if (tryLater) {
        Instant retryAt = retryAfter(reply);
        last = new SourceException(policy.source(), url, Kind.TRY_LATER, s,
            describeTryLater(reply), retryAt, null);
        continue;
      }
      if (s == 500 || s == 502) {
        last = new SourceException(policy.source(), url, Kind.SERVER, s, "server error (HTTP " + s + ")");
        continue;
      }
      return reply;
    }
    throw last;
  }

  private Duration wait(SourceException last, int attempt, Policy policy) {
    Duration max = policy.maxBackoff();
    if (last != null && last.retryAt() != null) {
      Duration d = Duration.between(clock.instant(), last.retryAt());
      return d.isNegative() ? Duration.ZERO : d;
    }
    long cap = Math.max(0, max.toMillis());
    long base = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 20);
    long ceiling = Math.min(cap, base);
    // "Equal jitter": half fixed, half random, so waits grow but never line up across clients.
    long half = ceiling / 2;
    return Duration.ofMillis(half + (half > 0 ? (long) (random.nextDouble() * (ceiling - half)) : 0));
  }

  private void pause(Duration d, Policy policy, String url, SourceException last) throws SourceException {
    if (d.compareTo(policy.maxBackoff()) > 0) {
      // The upstream asks for a longer pause than we may take: give up now, say when to come back.
      throw last;
    }
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException(policy.source(), url, Kind.TRY_LATER, 0, "interrupted", null, e);
    }
  }

  private Reply execute(Request req) throws IOException {
    Call call = client().newCall(req);
    try (Response r = call.execute()) {
      ResponseBody body = r.body();
      int limit = (int) Math.min(maxBody, Integer.MAX_VALUE - 9);
      if (body.contentLength() > limit) {
        throw new BodyTooLarge(r.code());
      }
      byte[] bytes;
      try (InputStream in = body.byteStream()) {
        bytes = in.readNBytes(limit + 1);
      }
      if (bytes.length > limit) {
        throw new BodyTooLarge(r.code());
      }
      Map<String, List<String>> headers = new HashMap<>();
      for (String name : r.headers().names()) {
        headers.put(name.toLowerCase(Locale.ROOT), r.headers(name));
      }
      return new Reply(r.code(), r.request().url().toString(), Map.copyOf(headers), bytes);
    }
  }

  /** The caller's client, with the interceptor that keeps policy headers from other origins. */
  private OkHttpClient client() {
    OkHttpClient c = guarded;
    if (c == null) {
      synchronized (this) {
        c = guarded;
        if (c == null) {
          c = client.get().newBuilder().addNetworkInterceptor(Upstream::stripSecretsAcrossOrigins).build();
          guarded = c;
        }
      }
    }
    return c;
  }

  /** Where a request's policy headers may go: its own scheme, host and port. */
  private record Origin(String scheme, String host, int port, Set<String> headers) {
    Origin(HttpUrl url, Set<String> headers) {
      this(url.scheme(), url.host(), url.port(), Set.copyOf(headers));
    }

    boolean matches(HttpUrl url) {
      return scheme.equals(url.scheme()) && host.equals(url.host()) && port == url.port();
    }
  }

  private static Response stripSecretsAcrossOrigins(Interceptor.Chain chain) throws IOException {
    Request r = chain.request();
    Origin origin = r.tag(Origin.class);
    if (origin == null || origin.matches(r.url())) {
      return chain.proceed(r);
    }
    Request.Builder b = r.newBuilder();
    origin.headers().forEach(b::removeHeader);
    return chain.proceed(b.build());
  }

  private static final class BodyTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    BodyTooLarge(int status) {
      super("body too large");
      this.status = status;
    }
  }

  private synchronized void count(String source) {
    requests.merge(source, 1, Integer::sum);
  }

  /** Retry-After as seconds or as an HTTP date, or null. */
  Instant retryAfter(Reply reply) {
    String v = reply.header("retry-after");
    if (v == null || v.isBlank()) {
      return null;
    }
    v = v.strip();
    try {
      long seconds = Long.parseLong(v);
      return clock.instant().plusSeconds(Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, seconds)));
    } catch (NumberFormatException e) {
      if (v.chars().allMatch(Character::isDigit)) {
        return clock.instant().plusSeconds(MAX_RETRY_AFTER_SECONDS); // too many seconds for a long
      }
      try {
        return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static String describeTryLater(Reply reply) {
    return switch (reply.status()) {
      case 429 -> "rate limited (HTTP 429)";
      case 503 -> "service unavailable (HTTP 503)";
      case 504 -> "gateway timeout (HTTP 504)";
      default -> "rate limited (HTTP " + reply.status() + ", \"" + abbreviate(reply.text()) + "\")";
    };
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() > 60 ? one.substring(0, 60) + "…" : one;
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
