package dev.papers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientsTest {
  private static final String UA = "papers/0.0-test (citation harvester; mailto:test@example.org)";
  private static final String FAR = "http://arxiv.example.invalid/api/query?id_list=1909.10351";

  @RegisterExtension
  static WireMockExtension target = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .failOnUnmatchedRequests(true)
      .build();

  @RegisterExtension
  static WireMockExtension proxy = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .failOnUnmatchedRequests(true)
      .build();

  private static OkHttpClient client(Map<String, String> env) {
    return Clients.create(UA, ProxyConfig.fromEnv(env, null), Duration.ofSeconds(5));
  }

  private static String proxyUrl() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  private static Response call(OkHttpClient c, Request r) throws IOException {
    return c.newCall(r).execute();
  }

  @Test
  void sendsTheToolsUserAgent() throws Exception {
    target.stubFor(get("/ua").willReturn(aResponse().withStatus(200)));

    try (Response r = call(client(Map.of()), new Request.Builder().url(target.url("/ua")).build())) {
      assertThat(r.code()).isEqualTo(200);
    }

    target.verify(getRequestedFor(urlEqualTo("/ua")).withHeader("User-Agent", equalTo(UA)));
  }

  @Test
  void aRequestsOwnUserAgentWins() throws Exception {
    target.stubFor(get("/ua").willReturn(aResponse().withStatus(200)));

    try (Response r = call(client(Map.of()),
        new Request.Builder().url(target.url("/ua")).header("User-Agent", "Mozilla/5.0 (custom)").build())) {
      assertThat(r.code()).isEqualTo(200);
    }

    target.verify(getRequestedFor(urlEqualTo("/ua")).withHeader("User-Agent", equalTo("Mozilla/5.0 (custom)")));
  }

  @Test
  void timeoutsComeFromTheArgument() {
    OkHttpClient c = Clients.create(UA, ProxyConfig.fromEnv(Map.of(), null), Duration.ofSeconds(30));

    assertThat(c.readTimeoutMillis()).isEqualTo(30_000);
    assertThat(c.writeTimeoutMillis()).isEqualTo(30_000);
    assertThat(c.connectTimeoutMillis()).isBetween(1_000, 15_000);
    assertThat(c.callTimeoutMillis()).isGreaterThanOrEqualTo(30_000);
  }

  @Test
  void subSecondTimeoutsAreKept() {
    OkHttpClient c = Clients.create(UA, ProxyConfig.fromEnv(Map.of(), null), Duration.ofMillis(200));

    assertThat(c.readTimeoutMillis()).isEqualTo(200);
    assertThat(c.connectTimeoutMillis()).isEqualTo(200);
  }

  @Test
  void requestsGoThroughTheHttpProxy() throws Exception {
    proxy.stubFor(get("/api/query?id_list=1909.10351").withHost(equalTo("arxiv.example.invalid"))
        .willReturn(aResponse().withStatus(200).withBody("<feed/>")));

    try (Response r = call(client(Map.of("HTTP_PROXY", proxyUrl())), new Request.Builder().url(FAR).build())) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.body().string()).isEqualTo("<feed/>");
    }

    proxy.verify(1, getRequestedFor(urlEqualTo("/api/query?id_list=1909.10351"))
        .withHost(equalTo("arxiv.example.invalid"))
        .withHeader("User-Agent", equalTo(UA)));
  }

  @Test
  void noProxyHostBypassesTheProxy() throws Exception {
    target.stubFor(get("/direct").willReturn(aResponse().withStatus(200).withBody("direct")));
    proxy.stubFor(get("/direct").willReturn(aResponse().withStatus(200).withBody("proxied")));
    String url = "http://127.0.0.1:" + target.getPort() + "/direct";

    // Control: without NO_PROXY, the same URL is fetched through the proxy.
    try (Response r = call(client(Map.of("HTTP_PROXY", proxyUrl())), new Request.Builder().url(url).build())) {
      assertThat(r.body().string()).isEqualTo("proxied");
    }
    try (Response r = call(client(Map.of("HTTP_PROXY", proxyUrl(), "NO_PROXY", "localhost, 127.0.0.1")),
        new Request.Builder().url(url).build())) {
      assertThat(r.body().string()).isEqualTo("direct");
    }

    proxy.verify(1, getRequestedFor(urlEqualTo("/direct")));
    target.verify(1, getRequestedFor(urlEqualTo("/direct")));
  }

  @Test
  void proxyCredentialsAreSentAfterA407() throws Exception {
    String expected = "Basic " + Base64.getEncoder().encodeToString("user:p@ss".getBytes(StandardCharsets.UTF_8));
    proxy.stubFor(get("/api/query?id_list=1909.10351").withHeader("Proxy-Authorization", absent())
        .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
    proxy.stubFor(get("/api/query?id_list=1909.10351").withHeader("Proxy-Authorization", equalTo(expected))
        .willReturn(aResponse().withStatus(200).withBody("<feed/>")));
    String withCredentials = "http://user:p%40ss@127.0.0.1:" + proxy.getPort();

    try (Response r = call(client(Map.of("HTTP_PROXY", withCredentials)), new Request.Builder().url(FAR).build())) {
      assertThat(r.code()).isEqualTo(200);
    }

    proxy.verify(2, getRequestedFor(urlEqualTo("/api/query?id_list=1909.10351")));
    proxy.verify(1, getRequestedFor(urlEqualTo("/api/query?id_list=1909.10351"))
        .withHeader("Proxy-Authorization", equalTo(expected)));
  }

  @Test
  void wrongProxyCredentialsEndInA407NotALoop() throws Exception {
    proxy.stubFor(get("/api/query?id_list=1909.10351")
        .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));
    String withCredentials = "http://user:wrong@127.0.0.1:" + proxy.getPort();

    try (Response r = call(client(Map.of("HTTP_PROXY", withCredentials)), new Request.Builder().url(FAR).build())) {
      assertThat(r.code()).isEqualTo(407);
    }

    proxy.verify(2, getRequestedFor(urlEqualTo("/api/query?id_list=1909.10351")));
  }

  @Test
  void httpsTunnelNamesTheToolAndSendsCredentialsAtOnce() throws Exception {
    // A bare-socket proxy that records the CONNECT request and refuses it.
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CompletableFuture<List<String>> seen = CompletableFuture.supplyAsync(() -> {
        try (Socket s = server.accept()) {
          BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
          List<String> lines = new ArrayList<>();
          for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
          }
          s.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
          s.getOutputStream().flush();
          return lines;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      String withCredentials = "http://user:p%40ss@127.0.0.1:" + server.getLocalPort();
      OkHttpClient c = client(Map.of("HTTPS_PROXY", withCredentials));

      assertThatThrownBy(() -> call(c, new Request.Builder().url("https://api.example.invalid/graph/v1").build()))
          .isInstanceOf(IOException.class);

      List<String> lines = seen.get(5, TimeUnit.SECONDS);
      assertThat(lines.get(0)).startsWith("CONNECT api.example.invalid:443 ");
      assertThat(lines).contains("User-Agent: " + UA);
      assertThat(lines).contains("Proxy-Authorization: "
          + "Basic " + Base64.getEncoder().encodeToString("user:p@ss".getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void withoutCredentialsA407IsReturned() throws Exception {
    proxy.stubFor(get("/api/query?id_list=1909.10351")
        .willReturn(aResponse().withStatus(407).withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"")));

    try (Response r = call(client(Map.of("HTTP_PROXY", proxyUrl())), new Request.Builder().url(FAR).build())) {
      assertThat(r.code()).isEqualTo(407);
    }

    proxy.verify(1, getRequestedFor(urlEqualTo("/api/query?id_list=1909.10351")));
  }
}
