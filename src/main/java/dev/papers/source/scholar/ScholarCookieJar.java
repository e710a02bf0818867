package dev.papers.source.scholar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.papers.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Google Scholar's cookies, kept between runs in {@code <state>/scholar-cookies.json} (written to a
 * temporary file, then renamed). Only requests to the Scholar host get them, and only its answers
 * are remembered; session cookies live as long as the process. Install it on the Scholar client:
 *
 * <pre>{@code
 * ScholarCookieJar jar = new ScholarCookieJar(stateDir, baseUrl, Clock.systemUTC());
 * OkHttpClient scholarClient = sharedClient.newBuilder().cookieJar(jar).build();
 * }</pre>
 *
 * or use {@link #install(Supplier, ScholarCookieJar)}, which builds that client on first use.
 */
public final class ScholarCookieJar implements CookieJar {
  /** The file's name under the state directory. */
  public static final String FILE = "scholar-cookies.json";

  private final Path file;
  private final String host;
  private final Clock wallClock;
  private final List<Cookie> cookies = new ArrayList<>();

  /**
   * @param stateDir where the file lives ({@code $PAPERS_CACHE/.state})
   * @param baseUrl the Scholar base URL; its host is the only one given cookies
   * @param wallClock the real clock, which cookie expiry dates are read against (not PAPERS_NOW)
   */
  public ScholarCookieJar(Path stateDir, String baseUrl, Clock wallClock) {
    this.file = stateDir.resolve(FILE);
    HttpUrl u = HttpUrl.parse(baseUrl);
    if (u == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    this.host = u.host().toLowerCase(Locale.ROOT);
    this.wallClock = wallClock;
    load();
  }

  /** A supplier of the base client with this jar installed, built once on first use. */
  public static Supplier<OkHttpClient> install(Supplier<OkHttpClient> base, ScholarCookieJar jar) {
    return new Supplier<>() {
      private OkHttpClient client;

      @Override
      public synchronized OkHttpClient get() {
        if (client == null) {
          client = base.get().newBuilder().cookieJar(jar).build();
        }
        return client;
      }
    };
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
    if (!url.host().equalsIgnoreCase(host) || received.isEmpty()) {
      return;
    }
    boolean persist = false;
    for (Cookie c : received) {
      cookies.removeIf(o -> o.name().equals(c.name()) && o.domain().equals(c.domain()) && o.path().equals(c.path()));
      cookies.add(c);
      persist |= c.persistent();
    }
    if (persist) {
      save();
    }
  }

  @Override
  public synchronized List<Cookie> loadForRequest(HttpUrl url) {
    if (!url.host().equalsIgnoreCase(host)) {
      return List.of();
    }
    long now = wallClock.millis();
    cookies.removeIf(c -> c.expiresAt() <= now);
    List<Cookie> out = new ArrayList<>();
    for (Cookie c : cookies) {
      if (c.matches(url)) {
        out.add(c);
      }
    }
    return out;
  }

  private void load() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      JsonNode arr = Json.mapper().readTree(file.toFile());
      long now = wallClock.millis();
      for (JsonNode n : arr) {
        Cookie.Builder b = new Cookie.Builder().name(n.path("name").asText()).value(n.path("value").asText())
            .path(n.path("path").asText("/")).expiresAt(n.path("expiresAt").asLong());
        String domain = n.path("domain").asText();
        if (n.path("hostOnly").asBoolean(false)) {
          b.hostOnlyDomain(domain);
        } else {
          b.domain(domain);
        }
        if (n.path("secure").asBoolean(false)) {
          b.secure();
        }
        if (n.path("httpOnly").asBoolean(false)) {
          b.httpOnly();
        }
        Cookie c = b.build();
        if (c.expiresAt() > now) {
          cookies.add(c);
        }
      }
    } catch (IOException | RuntimeException e) {
      cookies.clear(); // a damaged file only costs the cookies
    }
  }

  private void save() {
    ArrayNode arr = Json.mapper().createArrayNode();
    for (Cookie c : cookies) {
      if (!c.persistent()) {
        continue;
      }
      ObjectNode n = arr.addObject();
      n.put("name", c.name());
      n.put("value", c.value());
      n.put("domain", c.domain());
      n.put("path", c.path());
      n.put("expiresAt", c.expiresAt());
      n.put("secure", c.secure());
      n.put("httpOnly", c.httpOnly());
      n.put("hostOnly", c.hostOnly());
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "scholar-cookies", ".tmp");
      try {
        Files.write(tmp, Json.pretty().writeValueAsBytes(arr));
        CoolDown.move(tmp, file);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // Cookies are a courtesy: a read-only cache must not fail the request that set them.
    }
  }
}
