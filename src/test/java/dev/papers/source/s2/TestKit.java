package dev.papers.source.s2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.papers.http.IntervalGate;
import dev.papers.http.Policy;
import dev.papers.http.Upstream;
import dev.papers.json.Json;
import dev.papers.testing.FakeTime;
import dev.papers.testing.RealFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import okhttp3.OkHttpClient;

/** Wiring an {@link S2Source} against a WireMock server, with fake time. */
final class TestKit {
  static final OkHttpClient CLIENT = new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).build();
  static final String BASE_PATH = "/graph/v1";

  private TestKit() {}

  static S2Source source(WireMockRuntimeInfo wm, FakeTime time, int maxRetries, String key) {
    return source(wm, time, S2Source.defaultPolicy(Duration.ZERO, maxRetries, Duration.ofSeconds(30), key));
  }

  static S2Source source(WireMockRuntimeInfo wm, FakeTime time, Policy policy) {
    Upstream up = new Upstream(() -> CLIENT, new IntervalGate(null, time, time), time, time, new Random(7));
    return new S2Source(wm.getHttpBaseUrl() + BASE_PATH, up, policy, time);
  }

  static String own(String name) {
    return new String(RealFixtures.resource("s2/" + name), StandardCharsets.UTF_8);
  }

  static String hex40(long n) {
    return String.format("%040x", n);
  }

  static JsonNode json(String s) {
    try {
      return Json.mapper().readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of a batch request body. */
  static List<String> ids(String postBody) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>();
    json(postBody).get("ids").forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A citations page: {@code years} as citing papers, with {@code next} when not null. */
  static String citationPage(int offset, Integer next, List<Integer> years) {
    ObjectNode page = Json.mapper().createObjectNode();
    page.put("offset", offset);
    if (next != null) {
      page.put("next", next);
    }
    ArrayNode data = page.putArray("data");
    int i = 0;
    for (Integer y : years) {
      ObjectNode citing = data.addObject().putObject("citingPaper");
      citing.put("paperId", hex40(offset + i++));
      if (y == null) {
        citing.putNull("year");
      } else {
        citing.put("year", y);
      }
    }
    return page.toString();
  }
}
