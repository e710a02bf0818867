package dev.papers.http;

import java.net.URI;
import java.time.Duration;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/** Builds the program's one OkHttpClient. */
public final class Clients {
  /** Connecting never takes longer than this, whatever the read timeout. */
  private static final Duration MAX_CONNECT = Duration.ofSeconds(15);
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private Clients() {}

  /**
   * @param userAgent sent with every request that does not set its own (CONNECT requests to a proxy
   *     included)
   * @param proxies which proxy, if any, each URL goes through; credentials are sent to the proxy as
   *     {@code Proxy-Authorization}, at once when tunnelling (as curl does) and otherwise after a 407
   * @param timeout longest wait for a byte (read and write); connecting takes at most this and at most
   *     15 s; a whole call at most twice this
   */
  public static OkHttpClient create(String userAgent, ProxyConfig proxies, Duration timeout) {
    Duration t = timeout == null || timeout.isNegative() ? DEFAULT_TIMEOUT : timeout;
    Duration connect = t.isZero() || t.compareTo(MAX_CONNECT) > 0 ? MAX_CONNECT : t;
    Authenticator proxyAuth = (route, response) -> {
      if (route == null) {
        return null;
      }
      Request request = response.request();
      boolean preemptive = "OkHttp-Preemptive".equalsIgnoreCase(response.header("Proxy-Authenticate"));
      if (!preemptive && request.header("Proxy-Authorization") != null) {
        return null; // these credentials were refused: give up rather than loop
      }
      ProxyConfig.Endpoint e = proxies.endpointFor(URI.create(request.url().toString()));
      boolean credentials = e != null && e.user() != null;
      if (preemptive) {
        // OkHttp's own CONNECT request: name the tool, and send credentials at once as curl does.
        Request.Builder b = request.newBuilder().header("User-Agent", userAgent);
        if (credentials) {
          b.header("Proxy-Authorization", Credentials.basic(e.user(), e.password()));
        }
        return b.build();
      }
      if (!credentials) {
        return null;
      }
      return request.newBuilder()
          .header("Proxy-Authorization", Credentials.basic(e.user(), e.password()))
          .build();
    };
    return new OkHttpClient.Builder()
        .connectTimeout(connect)
        .readTimeout(t)
        .writeTimeout(t)
        .callTimeout(t.multipliedBy(2))
        .proxySelector(proxies)
        .proxyAuthenticator(proxyAuth)
        .followRedirects(true)
        .retryOnConnectionFailure(true)
        .addInterceptor(chain -> chain.request().header("User-Agent") != null
            ? chain.proceed(chain.request())
            : chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build()))
        .build();
  }
}
