package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.papers.cli.RefreshFixtures.NOW;
import static dev.papers.cli.RefreshFixtures.arxivId;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.papers.model.Observation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign's upstream faults, each served by a stand-in upstream to every kind of request the tool
 * sends (Semantic Scholar batch and single GET, a refresh, arXiv): connections reset, bodies cut short,
 * stalls past the timeout, redirect loops and redirects to another host, wrong types, garbage. For each
 * run: an exit code of the contract, errors in one or two plain lines, and a cache where every file
 * parses and nothing stored before is lost, changed or doubled.
 */
@Tag("reliability")
class UpstreamFaultsTest {
  @RegisterExtension static WireMockExtension up = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();
  @RegisterExtension static WireMockExtension elsewhere = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  static int runs;
  static int faults;

  @TempDir Path home;

  /** One fault: how the upstream misbehaves, and the exit codes the contract allows for it. */
  record Fault_(String name, Function<String, ResponseDefinitionBuilder> answer, Set<Integer> codes) {}

  static final Set<Integer> FAILED = Set.of(1, 3, 75);

  static List<Fault_> faults() {
    List<Fault_> f = new ArrayList<>();
    f.add(new Fault_("connection reset", u -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), FAILED));
    f.add(new Fault_("empty response", u -> aResponse().withFault(Fault.EMPTY_RESPONSE), FAILED));
    f.add(new Fault_("body cut short (bad chunk)", u -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
        FAILED));
    f.add(new Fault_("garbage then close", u -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), FAILED));
    f.add(new Fault_("stall past the timeout", u -> aResponse().withFixedDelay(1500).withBody("[]"), FAILED));
    f.add(new Fault_("truncated JSON", u -> json("[{\"paperId\": \"abc"), FAILED));
    f.add(new Fault_("truncated XML", u -> aResponse().withHeader("Content-Type", "application/atom+xml")
        .withBody("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>"), FAILED));
    f.add(new Fault_("an object where an array belongs", u -> json("{\"data\": 1}"), FAILED));
    f.add(new Fault_("numbers where papers belong", u -> json("[1, 2]"), FAILED));
    f.add(new Fault_("JSON null", u -> json("null"), FAILED));
    f.add(new Fault_("empty 200", u -> aResponse().withStatus(200), FAILED));
    f.add(new Fault_("HTML error page", u -> aResponse().withHeader("Content-Type", "text/html")
        .withBody("<html><body><h1>Oops</h1></body></html>"), FAILED));
    f.add(new Fault_("invalid UTF-8", u -> aResponse().withHeader("Content-Type", "application/json")
        .withBody(new byte[] {'[', '"', (byte) 0xC3, (byte) 0x28, '"', ']'}), FAILED));
    f.add(new Fault_("wrong types in every field", u -> json("[{\"paperId\": 7, \"title\": [1], \"year\": \"x\","
        + " \"authors\": 3, \"externalIds\": \"none\", \"citationCount\": {}}, {\"paperId\": true}]"), FAILED));
    f.add(new Fault_("HTTP 500", u -> aResponse().withStatus(500).withBody("boom"), FAILED));
    f.add(new Fault_("HTTP 503", u -> aResponse().withStatus(503), Set.of(75)));
    f.add(new Fault_("HTTP 429 with Retry-After", u -> aResponse().withStatus(429).withHeader("Retry-After", "1"),
        Set.of(75)));
    f.add(new Fault_("HTTP 403", u -> aResponse().withStatus(403).withBody("{\"message\": \"Forbidden\"}"),
        Set.of(1, 3)));
    f.add(new Fault_("redirect loop", u -> aResponse().withStatus(302).withHeader("Location", "/loop"), FAILED));
    f.add(new Fault_("redirect to itself", u -> aResponse().withStatus(301).withHeader("Location", u), FAILED));
    f.add(new Fault_("redirect to another host", u -> aResponse().withStatus(307)
        .withHeader("Location", elsewhere.baseUrl().replace("localhost", "127.0.0.1") + "/moved"), FAILED));
    f.add(new Fault_("huge count", u -> json("[{\"paperId\": \"" + "c".repeat(40) + "\", \"citationCount\": "
        + "1" + "0".repeat(400) + "}]"), Set.of(0, 1, 3)));
    return f;
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", "application/json").withBody(body.getBytes(StandardCharsets.UTF_8));
  }

  /** The command lines every fault is served to. */
  static final List<List<String>> COMMANDS = List.of(
      List.of("fetch", "--sources", "s2", arxivId(0), arxivId(1)),
      List.of("fetch", "--sources", "s2", arxivId(0)),
      List.of("fetch", "--sources", "arxiv", arxivId(1)),
      List.of("refresh", "--sources", "s2,arxiv"));

  @Test
  void everyFaultAtEveryKindOfRequest() throws Exception {
    elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
    int n = 0;
    for (Fault_ fault : faults()) {
      faults++;
      for (List<String> cmd : COMMANDS) {
        Path dir = home.resolve("f" + n++);
        Path cacheDir = dir.resolve("cache");
        RefreshFixtures.seed(cacheDir, 0, 2, NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(40)));
        Map<String, List<Observation>> before = CacheInvariants.histories(cacheDir);
        up.resetAll();
        up.stubFor(any(anyUrl()).willReturn(fault.answer().apply(up.baseUrl() + "/graph/v1/paper/batch")));
        CliHarness cli = new CliHarness(dir, up.baseUrl() + "/api/query", up.baseUrl() + "/graph/v1");
        cli.env.put("PAPERS_TIMEOUT", "300ms");
        cli.env.put("PAPERS_S2_API_KEY", "secret-key-123");

        // Anything written to the process's own stderr (not the command's writer) would reach the user.
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream stray = new java.io.ByteArrayOutputStream();
        CliHarness.Run r;
        System.setErr(new java.io.PrintStream(stray, true, StandardCharsets.UTF_8));
        try {
          r = cli.run(cmd.toArray(String[]::new));
        } finally {
          System.setErr(realErr);
        }
        runs++;
        assertThat(stray.toString(StandardCharsets.UTF_8)).as(fault.name() + ": printed outside the command")
            .isEmpty();

        String what = fault.name() + " / " + String.join(" ", cmd);
        assertThat(fault.codes()).as(what + " exit " + r.code() + ": " + r.err()).contains(r.code());
        CacheInvariants.plainErrors(what, r.err());
        assertThat(r.err() + r.out()).as(what).doesNotContain("secret-key-123");
        CacheInvariants.check(cacheDir, before);
        assertThat(CacheInvariants.temporaries(cacheDir)).as(what).isEmpty();
        assertThat(up.findAll(anyRequestedFor(anyUrl()))).as(what + ": something was sent").isNotEmpty();
      }
    }
    // The key never travelled to the other host.
    elsewhere.findAll(anyRequestedFor(anyUrl())).forEach(req ->
        assertThat(req.getHeader("x-api-key")).as("key sent across hosts").isNull());
  }

  @Test
  void oneDoiSharedByThreeArxivPapersLeadsToNoneAndJoinsNothing() throws Exception {
    faults++;
    Path cacheDir = home.resolve("cache");
    up.resetAll();
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 3; i++) {
      body.append(i == 0 ? "" : ",").append("{\"paperId\": \"").append(String.format("%040x", i + 1))
          .append("\", \"externalIds\": {\"ArXiv\": \"").append(arxivId(i))
          .append("\", \"DOI\": \"10.5555/proceedings.2020\"}, \"title\": \"Paper ").append(i)
          .append("\", \"citationCount\": ").append(10 + i).append("}");
    }
    up.stubFor(post(urlPathEqualTo("/graph/v1/paper/batch")).willReturn(json(body + "]")));
    CliHarness cli = new CliHarness(home, up.baseUrl() + "/api/query", up.baseUrl() + "/graph/v1");

    CliHarness.Run r = cli.run("fetch", "--sources", "s2", arxivId(0), arxivId(1), arxivId(2));
    runs++;

    assertThat(r.code()).as(r.err()).isZero();
    Map<String, List<Observation>> h = CacheInvariants.histories(cacheDir);
    assertThat(h).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(h.get("arxiv:" + arxivId(i))).singleElement().extracting(Observation::count).isEqualTo(10 + i);
    }
    CliHarness.Run show = cli.run("show", "10.5555/proceedings.2020");
    assertThat(show.code()).isEqualTo(1);
    assertThat(show.err()).contains(arxivId(0), arxivId(1), arxivId(2));
  }

  @AfterAll
  static void figures() {
    System.out.println("[reliability] upstream faults: " + faults + " faults, " + runs
        + " runs (each fault served to Semantic Scholar batch, single GET, refresh and arXiv)");
  }
}
