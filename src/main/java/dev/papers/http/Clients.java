package dev.papers.http;

import java.time.Duration;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;

/** Builds the program's one OkHttpClient. */
public final class Clients {
  private Clients() {}

  public static OkHttpClient create(String userAgent, ProxyConfig proxies, Duration timeout) {
    Authenticator proxyAuth = (route, response) -> {
      if (route == null || response.request().header("Proxy-Authorization") != null) {
        return null;
      }
      ProxyConfig.Endpoint e = proxies.endpointFor(java.net.URI.create(response.request().url().toString()));
      if (e == null || e.user() == null) {
        return null;
      }
      return response.request().newBuilder()
          .header("Proxy-Authorization", Credentials.basic(e.user(), e.password()))
          .build();
    };
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(Math.min(15, Math.max(1, timeout.toSeconds()))))
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .callTimeout(timeout.multipliedBy(2))
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
