package dev.papers.cli;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.papers.app.App;
import dev.papers.Main;
import dev.papers.config.Settings;
import dev.papers.testing.FakeTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs command lines in-process against a temporary cache, with fake time and stand-in servers. */
final class CliHarness {
  final Map<String, String> env = new HashMap<>();
  final FakeTime time = new FakeTime();
  final Path home;

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {}

  CliHarness(Path home, String arxivUrl, String s2Url) {
    this.home = home;
    env.put("PAPERS_CACHE", home.resolve("cache").toString());
    env.put("PAPERS_QUERIES", home.resolve("queries").toString());
    env.put("PAPERS_CONFIG", home.resolve("no-config").toString());
    env.put("PAPERS_ARXIV_URL", arxivUrl);
    env.put("PAPERS_S2_URL", s2Url);
    env.put("PAPERS_SCHOLAR_URL", s2Url.replace("/graph/v1", ""));
    env.put("PAPERS_OPENALEX_URL", s2Url.replace("/graph/v1", "/openalex"));
    env.put("PAPERS_OPENALEX_INTERVAL", "0");
    // The sources these tests were written for; OpenAlex's own tests remove this (on by default).
    env.put("PAPERS_SOURCES", "arxiv,s2");
    env.put("PAPERS_ARXIV_INTERVAL", "0");
    env.put("PAPERS_S2_INTERVAL", "0");
    env.put("PAPERS_SCHOLAR_INTERVAL", "0");
    env.put("PAPERS_MAX_RETRIES", "2");
    env.put("PAPERS_MAX_BACKOFF", "5s");
    env.put("PAPERS_NOW", "2026-11-22T10:00:00Z");
  }

  /** A harness whose arXiv and Semantic Scholar (and Scholar) are the WireMock server of a test. */
  static CliHarness on(Path home, WireMockRuntimeInfo wm) {
    return new CliHarness(home, wm.getHttpBaseUrl() + "/api/query", wm.getHttpBaseUrl() + "/graph/v1");
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    App app = new App(Settings.of(env, home), time, time, time);
    int code = Main.run(args, env, home, new PrintWriter(out, true), new PrintWriter(err, true), app);
    return new Run(code, out.toString(), err.toString());
  }
}
