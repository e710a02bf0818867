package dev.papers.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.papers.cache.PaperCache;
import dev.papers.json.Json;
import dev.papers.model.Source;
import dev.papers.model.SourceRecord;
import dev.papers.service.PaperStore;
import dev.papers.testing.RealFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code suggest} on OpenAlex's recorded answers (November 2025): the {@code filter=openalex:} list of
 * two works and the {@code filter=cites:} list of the five works that cite them, served as recorded.
 */
@WireMockTest
class SuggestRecordedGraphTest {
  static final String OA = "/openalex/works";
  @TempDir Path home;
  CliHarness cli;
  WireMockRuntimeInfo wm;

  @BeforeEach
  void setUp(WireMockRuntimeInfo wm) throws Exception {
    this.wm = wm;
    String members = RealFixtures.text("openalex/openalex_2025_list_filter_openalex_ids_cursor.json");
    String citing = RealFixtures.text("openalex/openalex_2025_list_filter_cites.json");
    cli = CliHarness.on(home, wm);
    cli.env.put("PAPERS_OPENALEX_URL", wm.getHttpBaseUrl() + "/openalex");
    cli.env.put("PAPERS_OPENALEX_INTERVAL", "0");
    cli.env.put("PAPERS_NOW", "2025-11-18T00:00:00Z");
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/scholarly.json"), """
        {"title": "Scholarly data", "include": ["10.1145/3383583.3398584", "2007.14454"]}
        """);
    Instant at = Instant.parse("2025-11-17T00:00:00Z");
    PaperCache cache = new PaperCache(home.resolve("cache"), Clock.fixed(at, ZoneOffset.UTC));
    String oa = Source.OPEN_ALEX.jsonName();
    PaperStore.store(cache, List.of(), SourceRecord.builder(oa).doi("10.1145/3383583.3398584").openAlexId("W3046863325")
        .title("Knowledge graphs for scholarly data").count(5).observedAt(at).build(), at, null);
    PaperStore.store(cache, List.of(), SourceRecord.builder(oa).arxivId("2007.14454").openAlexId("W3045921891")
        .title("A recorded arXiv work").count(0).observedAt(at).build(), at, null);
    var w = wm.getWireMock();
    w.register(get(urlPathEqualTo(OA)).atPriority(1)
        .withQueryParam("filter", matching("openalex:W3045921891\\|W3046863325")).willReturn(okJson(members)));
    w.register(get(urlPathEqualTo(OA)).atPriority(1)
        .withQueryParam("filter", matching("cites:W3045921891\\|W3046863325")).willReturn(okJson(citing)));
    // the works the two cite: OpenAlex knows none of them here
    w.register(get(urlPathEqualTo(OA)).atPriority(5).withQueryParam("filter", matching("openalex:.*"))
        .willReturn(okJson("{\"meta\": {\"count\": 0, \"next_cursor\": null}, \"results\": []}")));
  }

  @Test
  void theRecordedCitingWorksEachCiteOneMember() throws Exception {
    CliHarness.Run r = cli.run("suggest", "--topic", "scholarly", "--format", "json", "--min-links", "1");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode a = Json.mapper().readTree(r.out());
    List<String> ids = new ArrayList<>();
    a.forEach(n -> ids.add(n.get("id").asText()));
    // by the histogram velocity of each record's counts_by_year (made 2025-11-18); the two without
    // citations tie at 0 and go by id
    assertThat(ids).containsExactly("doi:10.36312/esaintika.v6i3.897", "doi:10.18421/tem113-46",
        "doi:10.1109/jcdl57899.2023.00026", "doi:10.1007/s11192-025-05436-6", "doi:10.1007/s11192-025-05478-w");
    assertThat(a.get(0).get("openAlexId").asText()).isEqualTo("W4311043552");
    assertThat(a.get(0).get("velocity").asDouble()).isCloseTo((2 * 3 + 2) / 6.0, within(1e-9));
    assertThat(a.get(4).get("openAlexId").asText()).isEqualTo("W7104728135");
    for (JsonNode n : a) {
      assertThat(n.get("velocityMethod").asText()).isEqualTo("histogram");
      assertThat(n.get("reasons").toString()).isEqualTo(
          "[{\"kind\":\"cites\",\"members\":[\"doi:10.1145/3383583.3398584\"],\"source\":\"openAlex\"}]");
    }
    // the members' records, the citing works, and the works the members cite in one batch
    assertThat(wm.getWireMock().find(anyRequestedFor(anyUrl()))).hasSize(3);
  }

  @Test
  void withTwoLinksNeededNoneQualifiesAndTheTableSaysWhatToTry() {
    CliHarness.Run r = cli.run("suggest", "--topic", "scholarly");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("0 papers to read next").contains("try --min-links 1");
  }
}
