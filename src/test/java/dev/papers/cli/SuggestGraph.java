package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.papers.cache.PaperCache;
import dev.papers.model.Source;
import dev.papers.model.SourceRecord;
import dev.papers.service.PaperStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small citation graph served by WireMock, as OpenAlex and Semantic Scholar's recommendations would
 * answer it, and a cache that holds the topic's papers.
 *
 * <pre>
 * members   M1 2001.00001 (W11, S2 a1), M2 2002.00002 (W12, S2 a2), M3 10.1111/m3 (W13, no S2 id)
 * excluded  X  2009.00009 (W19, S2 e9)
 * citing    C1 W101 cites M1, M2;  C2 W102 cites M1;  C3 W103 cites M3;  M2 cites M1;  X cites M1, M2
 * cited     M1 cites W201 W202 M2;  M2 cites W201 W203;  M3 cites W201 W202 X
 * recommended from M1, M2 (not X): C2 (by its arXiv id), B0 (only recommended), M1 itself
 * </pre>
 */
final class SuggestGraph {
  static final String A1 = "a1".repeat(20);
  static final String A2 = "a2".repeat(20);
  static final String E9 = "e9".repeat(20);
  static final String OA = "/openalex/works";
  static final String REC = "/recommendations/v1/papers/";

  private SuggestGraph() {}

  /** The harness pointed at the stand-ins, and the topic file written. */
  static CliHarness harness(Path home, WireMockRuntimeInfo wm) throws Exception {
    CliHarness cli = CliHarness.on(home, wm);
    cli.env.put("PAPERS_OPENALEX_URL", wm.getHttpBaseUrl() + "/openalex");
    cli.env.put("PAPERS_S2_RECOMMENDATIONS_URL", wm.getHttpBaseUrl() + "/recommendations/v1");
    cli.env.put("PAPERS_OPENALEX_INTERVAL", "0");
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/kd.json"), """
        {"title": "Knowledge distillation", "include": ["2001.00001", "2002.00002", "10.1111/m3"],
         "exclude": ["2009.00009"]}
        """);
    return cli;
  }

  /** The members and the excluded paper, as fetch would have stored them. */
  static void seed(Path home, Instant at) {
    PaperCache cache = new PaperCache(home.resolve("cache"), java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
    String s2 = Source.SEMANTIC_SCHOLAR.jsonName();
    String oa = Source.OPEN_ALEX.jsonName();
    for (String[] m : new String[][] {{"2001.00001", A1, "W11", "Member one"}, {"2002.00002", A2, "W12", "Member two"},
        {"2009.00009", E9, "W19", "Excluded"}}) {
      store(cache, SourceRecord.builder(s2).arxivId(m[0]).s2Id(m[1]).title(m[3]).count(50)
          .published(LocalDate.of(2020, 1, 15)).observedAt(at).build(), at);
      store(cache, SourceRecord.builder(oa).arxivId(m[0]).openAlexId(m[2]).count(55).observedAt(at).build(), at);
    }
    store(cache, SourceRecord.builder(oa).doi("10.1111/m3").openAlexId("W13").title("Member three").year(2019)
        .count(20).observedAt(at).build(), at);
  }

  private static void store(PaperCache cache, SourceRecord r, Instant at) {
    PaperStore.store(cache, List.of(), r, at, null);
  }

  static String work(String w, String doi, String title, String date, int count, int[] byYear, String... refs) {
    StringBuilder cby = new StringBuilder();
    for (int i = 0; i < byYear.length; i += 2) {
      cby.append(i == 0 ? "" : ", ").append("{\"year\": ").append(byYear[i]).append(", \"cited_by_count\": ")
          .append(byYear[i + 1]).append('}');
    }
    List<String> r = new ArrayList<>();
    for (String ref : refs) {
      r.add("\"https://openalex.org/" + ref + "\"");
    }
    return """
        {"id": "https://openalex.org/%s", "doi": %s, "title": "%s", "publication_year": %s,
         "publication_date": "%s", "type": "article", "cited_by_count": %d, "counts_by_year": [%s],
         "referenced_works": [%s]}""".formatted(w, doi == null ? "null" : "\"https://doi.org/" + doi + "\"", title,
        date.substring(0, 4), date, count, cby, String.join(", ", r));
  }

  static String page(String... works) {
    return "{\"meta\": {\"count\": " + works.length + ", \"page\": null, \"per_page\": 200, \"next_cursor\": null},"
        + " \"results\": [" + String.join(",\n", works) + "]}";
  }

  static int[] y(int... pairs) {
    return pairs;
  }

  static MappingBuilder list(String filter) {
    return get(urlPathEqualTo(OA)).withQueryParam("filter", equalTo(filter));
  }

  /** Every answer of the graph: members' records, the works citing them, the works they cite. */
  static void openAlex(WireMockRuntimeInfo wm) {
    var w = wm.getWireMock();
    w.register(list("openalex:W11|W12|W13").willReturn(okJson(page(
        work("W11", "10.48550/arxiv.2001.00001", "Member one", "2020-01-15", 55, y(), "W201", "W202", "W12"),
        work("W12", "10.48550/arxiv.2002.00002", "Member two", "2020-01-15", 55, y(), "W201", "W203"),
        work("W13", "10.1111/m3", "Member three", "2019-05-05", 20, y(), "W201", "W202", "W19")))));
    w.register(list("cites:W11|W12|W13").withQueryParam("cursor", equalTo("*")).willReturn(okJson(page(
        work("W101", "10.48550/arxiv.2301.00101", "C1: distilling twice", "2023-01-10", 300, y(2025, 120, 2024, 60),
            "W11", "W12", "W50"),
        work("W102", "10.48550/arxiv.2302.00102", "C2 in OpenAlex", "2023-02-10", 40, y(2025, 30), "W11"),
        work("W103", "10.3333/c3", "C3: one link only", "2024-01-05", 999, y(2025, 900, 2024, 99), "W13"),
        work("W12", "10.48550/arxiv.2002.00002", "Member two", "2020-01-15", 55, y(2025, 5), "W11"),
        work("W19", "10.48550/arxiv.2009.00009", "Excluded", "2020-09-09", 10, y(2025, 500), "W11", "W12")))));
    String r201 = work("W201", "10.2222/r201", "R201: cited by three", "2015-06-01", 50, y(2025, 6, 2024, 6));
    String r202 = work("W202", "10.2222/r202", "R202: cited by two", "2018-06-01", 90, y(2025, 60, 2024, 30));
    String r203 = work("W203", "10.2222/r203", "R203: cited by one", "2018-06-01", 9000, y(2025, 6000, 2024, 3000));
    // the most cited first; --min-links 3 asks only for those cited by two members or more, 4 by three
    w.register(list("openalex:W201|W202|W203").willReturn(okJson(page(r201, r202, r203))));
    w.register(list("openalex:W201|W202").willReturn(okJson(page(r201, r202))));
    w.register(list("openalex:W201").willReturn(okJson(page(r201))));
  }

  /** Semantic Scholar's recommendations from M1 and M2, away from X. */
  static void recommendations(WireMockRuntimeInfo wm) {
    wm.getWireMock().register(post(urlPathEqualTo(REC))
        .withRequestBody(equalToJson("{\"positivePaperIds\": [\"" + A1 + "\", \"" + A2 + "\"],"
            + " \"negativePaperIds\": [\"" + E9 + "\"]}"))
        .willReturn(okJson("""
            {"recommendedPapers": [
              {"paperId": "%s", "externalIds": {"ArXiv": "2302.00102"}, "title": "C2: recommended too",
               "year": 2023, "publicationDate": "2023-02-10", "citationCount": 45},
              {"paperId": "%s", "externalIds": {"DOI": "10.4444/only"}, "title": "B0: only recommended",
               "year": 2023, "publicationDate": "2023-03-01", "citationCount": 30},
              {"paperId": "%s", "externalIds": {"ArXiv": "2001.00001"}, "title": "Member one", "citationCount": 50}
            ]}""".formatted("c2".repeat(20), "b0".repeat(20), A1))));
  }

  static void failingRecommendations(WireMockRuntimeInfo wm, int status) {
    wm.getWireMock().register(post(urlPathEqualTo(REC)).willReturn(aResponse().withStatus(status)
        .withBody("{\"message\": \"Internal Server Error\"}")));
  }
}
