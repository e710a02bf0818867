package dev.papers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProxyConfigTest {

  /** A JVM selector that always answers one recognizable proxy. */
  private static final Proxy JVM_PROXY = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("jvm-proxy", 8888));
  private static final ProxySelector JVM = new ProxySelector() {
    @Override
    public List<Proxy> select(URI uri) {
      return List.of(JVM_PROXY);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
  };

  /** Environment as alternating names and values. */
  private static Map<String, String> env(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** "host:port", "socks://host:port", "DIRECT" or "JVM". */
  private static String route(Map<String, String> env, String url) {
    List<Proxy> proxies = ProxyConfig.fromEnv(env, JVM).select(URI.create(url));
    assertThat(proxies).hasSize(1);
    Proxy p = proxies.get(0);
    if (p == JVM_PROXY) {
      return "JVM";
    }
    if (p.type() == Proxy.Type.DIRECT) {
      return "DIRECT";
    }
    InetSocketAddress a = (InetSocketAddress) p.address();
    assertThat(a.isUnresolved()).as("the proxy's name is left for OkHttp to resolve").isTrue();
    String host = a.getHostString().contains(":") ? "[" + a.getHostString() + "]" : a.getHostString();
    return (p.type() == Proxy.Type.SOCKS ? "socks://" : "") + host + ":" + a.getPort();
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // scheme selects the variable
        Arguments.of(env("HTTPS_PROXY", "http://sp:1", "HTTP_PROXY", "http://p:2"), "https://arxiv.org/x", "sp:1"),
        Arguments.of(env("HTTPS_PROXY", "http://sp:1", "HTTP_PROXY", "http://p:2"), "http://arxiv.org/x", "p:2"),
        Arguments.of(env("HTTPS_PROXY", "http://sp:1"), "http://arxiv.org/x", "DIRECT"),
        Arguments.of(env("HTTP_PROXY", "http://p:2"), "https://arxiv.org/x", "DIRECT"),
        // lower case beats upper case; an empty lower-case one does not hide the upper-case one
        Arguments.of(env("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2"), "https://a.org/", "lower:1"),
        Arguments.of(env("http_proxy", "http://lower:1", "HTTP_PROXY", "http://upper:2"), "http://a.org/", "lower:1"),
        Arguments.of(env("http_proxy", "", "HTTP_PROXY", "http://upper:2"), "http://a.org/", "upper:2"),
        // ALL_PROXY as the fallback of both
        Arguments.of(env("ALL_PROXY", "http://all:3"), "https://a.org/", "all:3"),
        Arguments.of(env("all_proxy", "http://all:3"), "http://a.org/", "all:3"),
        Arguments.of(env("ALL_PROXY", "http://all:3", "HTTPS_PROXY", "http://sp:1"), "https://a.org/", "sp:1"),
        Arguments.of(env("ALL_PROXY", "socks5h://sock:1081"), "https://a.org/", "socks://sock:1081"),
        // proxy URL forms: no scheme, no port (1080 like curl, 443 for https://), IPv6, path
        Arguments.of(env("HTTPS_PROXY", "proxy:3128"), "https://a.org/", "proxy:3128"),
        Arguments.of(env("HTTPS_PROXY", "proxy"), "https://a.org/", "proxy:1080"),
        Arguments.of(env("HTTPS_PROXY", "http://proxy"), "https://a.org/", "proxy:1080"),
        Arguments.of(env("HTTPS_PROXY", "http://proxy/"), "https://a.org/", "proxy:1080"),
        Arguments.of(env("HTTPS_PROXY", "https://proxy"), "https://a.org/", "proxy:443"),
        Arguments.of(env("HTTPS_PROXY", "socks5://proxy"), "https://a.org/", "socks://proxy:1080"),
        Arguments.of(env("HTTPS_PROXY", "  http://proxy:8080  "), "https://a.org/", "proxy:8080"),
        Arguments.of(env("HTTPS_PROXY", "http://[::1]:3128"), "https://a.org/", "[::1]:3128"),
        Arguments.of(env("HTTPS_PROXY", "ftp://proxy:21"), "https://a.org/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "http://proxy:99999"), "https://a.org/", "DIRECT"),
        // NO_PROXY: names and their subdomains, not look-alikes
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "example.com"), "https://example.com/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "example.com"), "https://api.example.com/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "example.com"), "https://notexample.com/", "sp:1"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "EXAMPLE.com"), "https://Api.Example.COM/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "example.com"), "https://example.com./", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", ".example.com"), "https://example.com/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", ".example.com"), "https://a.example.com/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "*"), "https://anything.org/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "no_proxy", "a.org", "NO_PROXY", "b.org"), "https://b.org/", "sp:1"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "no_proxy", "a.org", "NO_PROXY", "b.org"), "https://a.org/", "DIRECT"),
        // lists with white space, empty entries, separated by spaces
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", " foo.org , ,  example.com "), "https://example.com/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "foo.org example.com"), "https://example.com/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", " foo.org , example.com "), "https://bar.org/", "sp:1"),
        // host:port entries
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "example.com:443"), "https://example.com/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "example.com:8443"), "https://example.com/", "sp:1"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "example.com:8443"), "https://example.com:8443/", "DIRECT"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "example.com:"), "https://example.com/", "sp:1"),
        Arguments.of(env("HTTPS_PROXY", "sp:1", "NO_PROXY", "example.com:99999999999"), "https://example.com/", "sp:1"),
        // IP addresses, exact and CIDR; IPv6 literals, with and without brackets and ports
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "127.0.0.1"), "http://127.0.0.1:8080/", "DIRECT"),
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "0.0.1"), "http://10.0.0.1/", "p:2"),
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "10.0.0.0/8"), "http://10.20.30.40/", "DIRECT"),
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "10.0.0.0/8"), "http://11.0.0.1/", "p:2"),
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "::1"), "http://[::1]:8080/", "DIRECT"),
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "[::1]"), "http://[::1]:8080/", "DIRECT"),
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "[::1]:8080"), "http://[::1]:8080/", "DIRECT"),
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "[::1]:9090"), "http://[::1]:8080/", "p:2"),
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "0:0:0:0:0:0:0:1"), "http://[::1]/", "DIRECT"),
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "fe80::/10"), "http://[fe80::1]/", "DIRECT"),
        Arguments.of(env("HTTP_PROXY", "p:2", "NO_PROXY", "::1"), "http://[::2]/", "p:2"),
        // no environment: the JVM decides, but NO_PROXY still holds
        Arguments.of(env(), "https://a.org/", "JVM"),
        Arguments.of(env("NO_PROXY", "a.org"), "https://a.org/", "DIRECT"),
        Arguments.of(env("NO_PROXY", "a.org"), "https://b.org/", "JVM"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("table")
  void routesLikeCurl(Map<String, String> env, String url, String expected) {
    assertThat(route(env, url)).isEqualTo(expected);
  }

  @Test
  void credentialsAreParsedAndNeverPrinted() {
    ProxyConfig pc = ProxyConfig.fromEnv(env("HTTPS_PROXY", "http://user:p%40ss@proxy:3128"), JVM);

    ProxyConfig.Endpoint e = pc.endpointFor(URI.create("https://api.semanticscholar.org/graph/v1"));

    assertThat(e.host()).isEqualTo("proxy");
    assertThat(e.port()).isEqualTo(3128);
    assertThat(e.user()).isEqualTo("user");
    assertThat(e.password()).isEqualTo("p@ss");
    assertThat(e.toString()).doesNotContain("p@ss").doesNotContain("p%40ss").doesNotContain("user");
    assertThat(pc.toString()).doesNotContain("p@ss").doesNotContain("p%40ss").contains("proxy:3128");
  }

  @Test
  void credentialsKeepPlusSignsAndUnescapedAtSigns() {
    ProxyConfig.Endpoint plus = ProxyConfig.endpoint("http://us%65r:a+b%2Fc@proxy:3128");
    ProxyConfig.Endpoint at = ProxyConfig.endpoint("http://user:p@ss@proxy:3128");
    ProxyConfig.Endpoint noPass = ProxyConfig.endpoint("http://user@proxy:3128");

    assertThat(plus.user()).isEqualTo("user");
    assertThat(plus.password()).isEqualTo("a+b/c");
    assertThat(at.host()).isEqualTo("proxy");
    assertThat(at.password()).isEqualTo("p@ss");
    assertThat(noPass.user()).isEqualTo("user");
    assertThat(noPass.password()).isEmpty();
  }

  @Test
  void withoutEnvironmentTheJvmSelectorIsAsked() {
    ProxySelector saved = ProxySelector.getDefault();
    try {
      ProxySelector.setDefault(JVM);
      assertThat(ProxyConfig.fromEnv(Map.of()).select(URI.create("https://a.org/"))).containsExactly(JVM_PROXY);
      assertThat(ProxyConfig.fromEnv(Map.of()).configured()).isFalse();
    } finally {
      ProxySelector.setDefault(saved);
    }
  }

  @Test
  void noSelectorAtAllMeansDirect() {
    assertThat(ProxyConfig.fromEnv(Map.of(), null).select(URI.create("https://a.org/")))
        .containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void nullUriIsRefusedAsProxySelectorRequires() {
    assertThatThrownBy(() -> ProxyConfig.fromEnv(Map.of(), null).select(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
