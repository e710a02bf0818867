package dev.papers.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxies from the environment, read as curl reads them: {@code https_proxy}/{@code HTTPS_PROXY} for
 * https URLs, {@code http_proxy}/{@code HTTP_PROXY} for http ones, {@code all_proxy} for both, and
 * {@code no_proxy}/{@code NO_PROXY}: a comma list of host names (a name matches itself and its
 * subdomains; a leading dot is ignored), IP addresses, optional {@code :port}, or {@code *} for all.
 * The lower-case variable wins over the upper-case one. Without any of them the JVM's own proxy
 * settings apply.
 */
public final class ProxyConfig extends ProxySelector {

  /** A proxy address with optional credentials from its URL's user info. */
  public record Endpoint(String host, int port, String user, String password) {
    @Override
    public String toString() {
      return host + ":" + port; // credentials are never printed
    }
  }

  private final Endpoint https;
  private final Endpoint http;
  private final List<String> noProxy;
  private final ProxySelector fallback;

  ProxyConfig(Endpoint https, Endpoint http, List<String> noProxy, ProxySelector fallback) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
    this.fallback = fallback;
  }

  public static ProxyConfig fromEnv(Map<String, String> env) {
    Endpoint all = endpoint(first(env, "all_proxy", "ALL_PROXY"));
    Endpoint https = endpoint(first(env, "https_proxy", "HTTPS_PROXY"));
    Endpoint http = endpoint(first(env, "http_proxy", "HTTP_PROXY"));
    String np = first(env, "no_proxy", "NO_PROXY");
    List<String> entries = new ArrayList<>();
    if (np != null) {
      for (String e : np.split(",")) {
        String t = e.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty()) {
          entries.add(t.startsWith("*.") ? t.substring(2) : t.startsWith(".") ? t.substring(1) : t);
        }
      }
    }
    return new ProxyConfig(https != null ? https : all, http != null ? http : all, List.copyOf(entries),
        ProxySelector.getDefault());
  }

  /** Whether any proxy was configured through the environment. */
  public boolean configured() {
    return https != null || http != null;
  }

  public Endpoint endpointFor(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Endpoint e = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
    if (e == null || bypass(uri.getHost(), uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort())) {
      return null;
    }
    return e;
  }

  /** Whether NO_PROXY says this host is reached directly. */
  public boolean bypass(String host, int port) {
    if (host == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String name = entry;
      int p = -1;
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).chars().allMatch(Character::isDigit)) {
        name = entry.substring(0, colon);
        p = Integer.parseInt(entry.substring(colon + 1));
      }
      if (p != -1 && p != port) {
        continue;
      }
      if (name.startsWith("[") && name.endsWith("]")) {
        name = name.substring(1, name.length() - 1);
      }
      if (h.equals(name) || h.endsWith("." + name)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<Proxy> select(URI uri) {
    Endpoint e = endpointFor(uri);
    if (e != null) {
      return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(e.host(), e.port())));
    }
    if (configured() || fallback == null) {
      return List.of(Proxy.NO_PROXY);
    }
    return fallback.select(uri);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // OkHttp reports and moves on; nothing to remember.
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  private static String first(Map<String, String> env, String lower, String upper) {
    String v = env.get(lower);
    if (v == null || v.isBlank()) {
      v = env.get(upper);
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  static Endpoint endpoint(String value) {
    if (value == null) {
      return null;
    }
    String v = value.contains("://") ? value : "http://" + value;
    URI u;
    try {
      u = URI.create(v);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (u.getHost() == null) {
      return null;
    }
    String user = null;
    String pass = null;
    if (u.getRawUserInfo() != null) {
      String[] up = u.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(up[0], StandardCharsets.UTF_8);
      pass = up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : "";
    }
    int port = u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 1080;
    if (u.getPort() == -1 && "http".equalsIgnoreCase(u.getScheme())) {
      port = 1080; // curl's default proxy port
    }
    return new Endpoint(u.getHost(), port, user, pass);
  }
}
