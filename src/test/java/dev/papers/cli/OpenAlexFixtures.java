package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.papers.json.Json;

/**
 * A stand-in OpenAlex: {@code GET /openalex/works?filter=doi:...|...} and {@code filter=openalex:W...|...}
 * answered with one work per arXiv paper asked (arXiv DOIs, or the work ids it gives them), whose count
 * and per-year counts differ per paper; DOIs of other kinds are left out of the answer.
 */
final class OpenAlexFixtures {
  private OpenAlexFixtures() {}

  /** The work id of an arXiv paper: {@code 2001.00001} is {@code W1200100001}. */
  static String work(String arxivId) {
    return "W1" + arxivId.replace(".", "");
  }

  static String arxivOf(String work) {
    String d = work.substring(2);
    return d.substring(0, 4) + "." + d.substring(4);
  }

  /** The count the stand-in gives a paper. */
  static int count(String arxivId) {
    return 200 + Integer.parseInt(arxivId.substring(5));
  }

  /** A WireMock server with the S2, arXiv and OpenAlex generators installed. */
  static WireMockExtension server() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort().extensions(new RefreshFixtures.S2Batch(),
            new RefreshFixtures.ArxivFeed(), new Works()))
        .build();
  }

  static void stubWorks(WireMockExtension wm) {
    wm.stubFor(get(urlPathEqualTo("/openalex/works")).willReturn(answer()));
  }

  static ResponseDefinitionBuilder answer() {
    return aResponse().withHeader("Content-Type", "application/json").withTransformers(Works.NAME);
  }

  static ObjectNode workJson(ArrayNode results, String arxivId) {
    ObjectNode w = results.addObject();
    w.put("id", "https://openalex.org/" + work(arxivId));
    w.put("doi", "https://doi.org/10.48550/arxiv." + arxivId);
    w.put("title", "Paper " + arxivId + " (OpenAlex)");
    w.put("publication_year", 2020);
    w.put("publication_date", "2020-01-01");
    w.put("type", "preprint");
    int c = count(arxivId);
    w.put("cited_by_count", c);
    ArrayNode cby = w.putArray("counts_by_year");
    cby.addObject().put("year", 2026).put("cited_by_count", c / 2);
    cby.addObject().put("year", 2024).put("cited_by_count", c - c / 2);
    w.putArray("referenced_works").add("https://openalex.org/W1");
    return w;
  }

  /** The published DOIs the stand-in knows: this prefix and the arXiv id. */
  static final String PUBLISHED = "10.5555/pub.";

  /** The published version's work id: {@code 2001.00001} is {@code W2200100001}. */
  static String publishedWork(String arxivId) {
    return "W2" + arxivId.replace(".", "");
  }

  /** The published version's count: more than the preprint's. */
  static int publishedCount(String arxivId) {
    return 1000 + count(arxivId);
  }

  /** The published version of an arXiv paper: another work, its own DOI, the larger count. */
  static ObjectNode publishedJson(ArrayNode results, String arxivId) {
    ObjectNode w = results.addObject();
    w.put("id", "https://openalex.org/" + publishedWork(arxivId));
    w.put("doi", "https://doi.org/" + PUBLISHED + arxivId);
    w.put("title", "Paper " + arxivId + " (published)");
    w.put("publication_year", 2021);
    w.put("type", "article");
    int c = publishedCount(arxivId);
    w.put("cited_by_count", c);
    w.putArray("counts_by_year").addObject().put("year", 2026).put("cited_by_count", c);
    return w;
  }

  static final class Works implements ResponseDefinitionTransformerV2 {
    static final String NAME = "openalex-works";

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String filter = event.getRequest().queryParameter("filter").firstValue();
      String field = filter.substring(0, filter.indexOf(':'));
      ObjectNode page = Json.mapper().createObjectNode();
      ArrayNode results = Json.mapper().createArrayNode();
      for (String v : filter.substring(filter.indexOf(':') + 1).split("\\|")) {
        if (field.equals("doi") && v.startsWith("10.48550/arxiv.")) {
          workJson(results, v.substring("10.48550/arxiv.".length()));
        } else if (field.equals("doi") && v.startsWith(PUBLISHED)) {
          publishedJson(results, v.substring(PUBLISHED.length()));
        } else if (field.equals("openalex") && v.startsWith("W2")) {
          publishedJson(results, arxivOf(v));
        } else if (field.equals("openalex") && v.startsWith("W1")) {
          workJson(results, arxivOf(v));
        }
      }
      page.putObject("meta").put("count", results.size()).putNull("page").put("per_page", 200)
          .put("next_cursor", "x");
      page.set("results", results);
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withBody(page.toString()).build();
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
}
