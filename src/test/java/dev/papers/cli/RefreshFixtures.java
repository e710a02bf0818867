package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.papers.cache.PaperCache;
import dev.papers.json.Json;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Caches of many papers built directly, and stand-in servers that answer any Semantic Scholar batch and
 * any arXiv {@code id_list} with valid records whose counts differ per paper.
 */
final class RefreshFixtures {
  /** CliHarness's PAPERS_NOW. */
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private RefreshFixtures() {}

  /** The i-th paper's arXiv id, from 0: 2001.00001, 2001.00002, ... */
  static String arxivId(int i) {
    return String.format("2001.%05d", i + 1);
  }

  /** The count the stand-in server gives a paper: differs per paper and from the seeded count (5). */
  static int count(String arxivId) {
    return 100 + Integer.parseInt(arxivId.substring(5));
  }

  /**
   * Puts papers {@code from .. from+n-1} in the cache: arXiv metadata fetched at {@code metaAt} (none
   * when null), and one Semantic Scholar count of 5 observed at {@code countAt} (none when null). The
   * records are made by the model's own merge, and written as PaperCache writes them, but without the
   * fsyncs of its atomic writes (some 10 ms a paper on a slow disk): a test cache needs no durability.
   * The first paper goes through {@link PaperCache#update} and the rest are checked to look the same.
   */
  static void seed(Path cacheDir, int from, int n, Instant countAt, Instant metaAt) {
    Instant first = countAt != null ? countAt : metaAt != null ? metaAt : NOW.minusSeconds(86_400 * 90);
    PaperCache cache = new PaperCache(cacheDir, Clock.fixed(first, ZoneOffset.UTC));
    try {
      for (int i = from; i < from + n; i++) {
        String a = arxivId(i);
        UnaryOperator<Paper> change = p -> {
          Paper q = p;
          if (metaAt != null) {
            q = q.merge(SourceRecord.builder(Source.ARXIV.jsonName()).arxivId(a).arxivVersion(1).title("Paper " + a)
                .authors(List.of("Author " + a)).observedAt(metaAt).build(), first);
          }
          if (countAt != null) {
            q = q.merge(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId(a).s2Id(hex40(a)).count(5)
                .observedAt(countAt).build(), first);
          }
          return q;
        };
        if (i == from) {
          cache.update(List.of(PaperId.arxiv(a)), change);
          continue;
        }
        Paper p = change.apply(Paper.create("arxiv:" + a, first));
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("schemaVersion", PaperCache.SCHEMA_VERSION);
        out.setAll((ObjectNode) Json.mapper().valueToTree(p));
        Path file = cacheDir.resolve("papers/arxiv/" + a + ".json");
        Files.createDirectories(file.getParent());
        Files.write(file, (Json.pretty().writeValueAsString(out) + "\n").getBytes(StandardCharsets.UTF_8));
        for (String alias : p.aliases()) {
          Path af = cacheDir.resolve("aliases/" + alias.replaceFirst(":", "/"));
          Files.createDirectories(af.getParent());
          Files.write(af, (p.id() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (i == from + 1) {
          Paper firstOne = cache.read("arxiv:" + arxivId(from)).orElseThrow();
          Paper back = cache.read(p.id()).orElseThrow();
          if (!back.equals(p) || firstOne.history().size() != p.history().size()
              || !firstOne.aliases().stream().map(x -> x.substring(0, x.indexOf(':'))).toList()
                  .equals(p.aliases().stream().map(x -> x.substring(0, x.indexOf(':'))).toList())) {
            throw new IllegalStateException("the fast seed no longer writes what PaperCache writes");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String hex40(String arxivId) {
    return String.format("%040x", Long.parseLong(arxivId.replace(".", "")));
  }

  /** The Semantic Scholar observations of a paper, oldest first. */
  static List<Observation> s2History(Paper p) {
    List<Observation> out = new ArrayList<>();
    for (Observation o : p.history()) {
      if (o.source().equals(Source.SEMANTIC_SCHOLAR.jsonName())) {
        out.add(o);
      }
    }
    return out;
  }

  /** A WireMock server with the two answer generators installed. */
  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().extensions(new S2Batch(), new ArxivFeed()))
        .build();
  }

  /** Stubs answering every batch and every id_list from the generators. */
  static void stubAll(WireMockExtension wm) {
    wm.stubFor(post(urlPathEqualTo("/graph/v1/paper/batch")).willReturn(s2Answer()));
    wm.stubFor(get(urlPathEqualTo("/api/query")).willReturn(arxivAnswer()));
  }

  static ResponseDefinitionBuilder s2Answer() {
    return aResponse().withHeader("Content-Type", "application/json").withTransformers(S2Batch.NAME);
  }

  static ResponseDefinitionBuilder arxivAnswer() {
    return aResponse().withHeader("Content-Type", "application/atom+xml").withTransformers(ArxivFeed.NAME);
  }

  /** The ids of a batch request body. */
  static List<String> ids(String body) {
    List<String> out = new ArrayList<>();
    try {
      Json.mapper().readTree(body).get("ids").forEach(n -> out.add(n.asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Answers {@code POST /paper/batch} with one paper per id asked, in order. */
  static final class S2Batch implements ResponseDefinitionTransformerV2 {
    static final String NAME = "s2-batch";
    /** Answers after the first are held back this long (milliseconds): a run that takes a while. */
    static volatile int delayAfterFirst;
    static final AtomicInteger SERVED = new AtomicInteger();
    /** When set, each paper also has a published DOI, this prefix and its arXiv id (reset it after). */
    static volatile String doiPrefix;

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      ArrayNode out = Json.mapper().createArrayNode();
      for (String id : ids(event.getRequest().getBodyAsString())) {
        if (!id.startsWith("ARXIV:")) {
          out.addNull();
          continue;
        }
        String a = id.substring(6);
        ObjectNode p = out.addObject();
        p.put("paperId", hex40(a));
        ObjectNode ext = p.putObject("externalIds").put("ArXiv", a);
        String prefix = doiPrefix;
        if (prefix != null) {
          ext.put("DOI", prefix + a);
        }
        p.put("title", "Paper " + a);
        p.put("year", 2020);
        p.put("citationCount", count(a));
        p.put("influentialCitationCount", 1);
      }
      int n = SERVED.incrementAndGet();
      ResponseDefinitionBuilder b = ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
          .withBody(out.toString());
      if (n > 1 && delayAfterFirst > 0) {
        b = b.withFixedDelay(delayAfterFirst);
      }
      return b.build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }

  /** Answers {@code GET /api/query?id_list=...} with one entry per id asked. */
  static final class ArxivFeed implements ResponseDefinitionTransformerV2 {
    static final String NAME = "arxiv-feed";

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String list = event.getRequest().queryParameter("id_list").firstValue();
      StringBuilder b = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n"
          + "<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" "
          + "xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n"
          + "  <id>https://arxiv.org/api/stand-in</id>\n  <title>arXiv Query</title>\n");
      for (String id : list.split(",")) {
        b.append("  <entry>\n    <id>http://arxiv.org/abs/").append(id).append("v2</id>\n")
            .append("    <title>Paper ").append(id).append(" (revised)</title>\n")
            .append("    <updated>2021-02-03T04:05:06Z</updated>\n")
            .append("    <summary>About ").append(id).append(".</summary>\n")
            .append("    <published>2020-01-02T03:04:05Z</published>\n")
            .append("    <arxiv:primary_category term=\"cs.LG\"/>\n")
            .append("    <author>\n      <name>Author of ").append(id).append("</name>\n    </author>\n")
            .append("  </entry>\n");
      }
      b.append("</feed>\n");
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withBody(b.toString()).build();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }

  static JsonNode json(String s) {
    try {
      return Json.mapper().readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
