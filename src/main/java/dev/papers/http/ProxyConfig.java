package dev.papers.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Proxies from the environment, read as curl reads them: {@code https_proxy}/{@code HTTPS_PROXY} for
 * https URLs, {@code http_proxy}/{@code HTTP_PROXY} for http ones, {@code all_proxy}/{@code ALL_PROXY}
 * for both when the scheme's own variable is not set, and {@code no_proxy}/{@code NO_PROXY}: a list
 * separated by commas or white space of host names (a name matches itself and its subdomains; a
 * leading dot is ignored), IP addresses (exact, or CIDR such as {@code 10.0.0.0/8}), either with an
 * optional {@code :port} ({@code [::1]:8080} for IPv6), or {@code *} for all. The lower-case variable
 * wins over the upper-case one.
 *
 * <p>A proxy value is a URL; without a scheme it is an HTTP proxy ({@code proxy:3128}); without a port
 * the port is 1080 (443 for {@code https://}), as with curl. {@code socks4://}, {@code socks5://} and
 * {@code socks5h://} name SOCKS proxies (without authentication); {@code https://} proxies are spoken
 * to in plain HTTP. Credentials come from the URL's user info, percent-decoded; they are sent only to
 * the proxy, as {@code Proxy-Authorization}, and never printed. Without any proxy variable the JVM's
 * own proxy settings apply (still subject to {@code NO_PROXY}).
 */
public final class ProxyConfig extends ProxySelector {

  /** A proxy address with optional credentials from its URL's user info. */
  public record Endpoint(String host, int port, String user, String password, Proxy.Type type) {
    public Endpoint(String host, int port, String user, String password) {
      this(host, port, user, password, Proxy.Type.HTTP);
    }

    public Endpoint {
      type = type == null ? Proxy.Type.HTTP : type;
    }

    /** The address to connect to: never resolved here (OkHttp resolves it, with its own DNS). */
    public Proxy proxy() {
      return new Proxy(type, InetSocketAddress.createUnresolved(host, port));
    }

    @Override
    public String toString() {
      String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
      return (type == Proxy.Type.SOCKS ? "socks://" : "") + h + ":" + port; // credentials are never printed
    }
  }

  private final Endpoint https;
  private final Endpoint http;
  private final List<String> noProxy;
  private final ProxySelector fallback;
  private final boolean set;

  ProxyConfig(Endpoint https, Endpoint http, List<String> noProxy, ProxySelector fallback) {
    this(https, http, noProxy, fallback, https != null || http != null);
  }

  private ProxyConfig(Endpoint https, Endpoint http, List<String> noProxy, ProxySelector fallback, boolean set) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
    this.fallback = fallback;
    this.set = set;
  }

  public static ProxyConfig fromEnv(Map<String, String> env) {
    return fromEnv(env, ProxySelector.getDefault());
  }

  /**
   * @param fallback what applies when no proxy variable is set (the JVM's selector), or null for
   *     direct connections
   */
  public static ProxyConfig fromEnv(Map<String, String> env, ProxySelector fallback) {
    String allText = first(env, "all_proxy", "ALL_PROXY");
    String httpsText = first(env, "https_proxy", "HTTPS_PROXY");
    String httpText = first(env, "http_proxy", "HTTP_PROXY");
    Endpoint all = endpoint(allText);
    Endpoint https = httpsText != null ? endpoint(httpsText) : all;
    Endpoint http = httpText != null ? endpoint(httpText) : all;
    String np = first(env, "no_proxy", "NO_PROXY");
    List<String> entries = new ArrayList<>();
    if (np != null) {
      for (String e : np.split("[,\\s]+")) {
        String t = e.strip().toLowerCase(Locale.ROOT);
        t = t.startsWith("*.") ? t.substring(2) : t.startsWith(".") ? t.substring(1) : t;
        if (!t.isEmpty()) {
          entries.add(t);
        }
      }
    }
    // A proxy variable that is set but names no usable proxy still takes the JVM's settings out of play.
    boolean set = allText != null || httpsText != null || httpText != null;
    return new ProxyConfig(https, http, List.copyOf(entries), fallback, set);
  }

  /** Whether any proxy was configured through the environment. */
  public boolean configured() {
    return set;
  }

  /** The proxy the environment names for this URL, or null for a direct connection (or the JVM's). */
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
    h = stripTrailingDot(h);
    byte[] hostIp = ipLiteral(h);
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String name = entry;
      int p = -1;
      if (name.startsWith("[")) {
        int close = name.indexOf(']');
        if (close < 0) {
          continue;
        }
        String rest = name.substring(close + 1);
        name = name.substring(1, close);
        if (rest.startsWith(":")) {
          p = port(rest.substring(1));
          if (p < 0) {
            continue;
          }
        } else if (rest.startsWith("/")) {
          name = name + rest;
        } else if (!rest.isEmpty()) {
          continue;
        }
      } else {
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(':') == colon) { // one colon: host:port (IPv6 has several)
          p = port(name.substring(colon + 1));
          if (p < 0) {
            continue;
          }
          name = name.substring(0, colon);
        }
      }
      if (p != -1 && p != port) {
        continue;
      }
      name = stripTrailingDot(name);
      if (hostIp != null) {
        if (ipMatches(hostIp, name)) {
          return true;
        }
      } else if (!name.isEmpty() && (h.equals(name) || h.endsWith("." + name))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public List<Proxy> select(URI uri) {
    if (uri == null) {
      throw new IllegalArgumentException("uri is null");
    }
    Endpoint e = endpointFor(uri);
    if (e != null) {
      return List.of(e.proxy());
    }
    if (configured() || fallback == null || fallback == this) {
      return List.of(Proxy.NO_PROXY);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() != null && bypass(uri.getHost(), uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort())) {
      return List.of(Proxy.NO_PROXY);
    }
    return fallback.select(uri);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
    // OkHttp reports and moves on; nothing to remember.
  }

  /** Says which proxies apply, never with their credentials. */
  @Override
  public String toString() {
    return "ProxyConfig[https=" + (https == null ? "none" : https) + ", http=" + (http == null ? "none" : http)
        + ", noProxy=" + noProxy + (configured() ? "" : ", fallback=JVM") + "]";
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

  /**
   * A proxy URL as curl reads it, or null when it names no proxy we can use. The user info ends at
   * the last {@code @}, so that an unescaped {@code @} in a password still works.
   */
  static Endpoint endpoint(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    String scheme = "http";
    int sep = v.indexOf("://");
    if (sep >= 0) {
      scheme = v.substring(0, sep).toLowerCase(Locale.ROOT);
      v = v.substring(sep + 3);
    }
    Proxy.Type type;
    switch (scheme) {
      case "http", "https" -> type = Proxy.Type.HTTP;
      case "socks", "socks4", "socks4a", "socks5", "socks5h" -> type = Proxy.Type.SOCKS;
      default -> {
        return null;
      }
    }
    int at = v.lastIndexOf('@');
    String authority = v;
    int end = indexOfAny(authority, "/?#", Math.max(at, 0));
    if (end >= 0) {
      authority = authority.substring(0, end);
    }
    String user = null;
    String pass = null;
    if (at >= 0 && at < authority.length()) {
      String info = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = info.indexOf(':');
      user = percentDecode(colon < 0 ? info : info.substring(0, colon));
      pass = colon < 0 ? "" : percentDecode(info.substring(colon + 1));
    }
    String host;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = authority.substring(1, close);
      String rest = authority.substring(close + 1);
      if (rest.startsWith(":")) {
        portText = rest.substring(1);
      } else if (!rest.isEmpty()) {
        return null;
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ')) {
      return null;
    }
    int port = portText == null || portText.isEmpty() ? (scheme.equals("https") ? 443 : 1080) : port(portText);
    if (port <= 0) {
      return null;
    }
    return new Endpoint(host, port, user, pass, type);
  }

  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Percent-decoding of a URL's user info ({@code +} stays a plus, unlike form decoding). */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] in = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < in.length; i++) {
      int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
      int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
      if (in[i] == '%' && hi >= 0 && lo >= 0) {
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.write(in[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A port number 0-65535, or -1. */
  private static int port(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    int p = Integer.parseInt(s);
    return p <= 65535 ? p : -1;
  }

  private static String stripTrailingDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /** The address bytes when {@code s} is an IP literal; never asks DNS. */
  static byte[] ipLiteral(String s) {
    boolean v6 = s.indexOf(':') >= 0 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    if (!v6 && !IPV4.matcher(s).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress(); // a literal: parsed, not looked up
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** Whether a NO_PROXY entry (an address, or an address/bits) covers the host's address. */
  private static boolean ipMatches(byte[] host, String entry) {
    int slash = entry.indexOf('/');
    byte[] net = ipLiteral(slash < 0 ? entry : entry.substring(0, slash));
    if (net == null || net.length != host.length) {
      return false;
    }
    int bits = net.length * 8;
    if (slash >= 0) {
      String b = entry.substring(slash + 1);
      if (b.isEmpty() || b.length() > 3 || !b.chars().allMatch(Character::isDigit)) {
        return false;
      }
      bits = Integer.parseInt(b);
      if (bits > net.length * 8) {
        return false;
      }
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >> (i % 8);
      if ((host[i / 8] & mask) != (net[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
