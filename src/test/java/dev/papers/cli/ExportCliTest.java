package dev.papers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papers.cache.PaperCache;
import dev.papers.json.Json;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code papers export}: the records as JSON Lines, read by DuckDB as they are; the counts and the
 * lifetime velocities DuckDB computes from them in SQL are rank's.
 */
class ExportCliTest {
  @TempDir Path home;
  CliHarness cli;

  @BeforeEach
  void setUp() throws Exception {
    cli = new CliHarness(home, "http://127.0.0.1:9/api/query", "http://127.0.0.1:9/graph/v1");
    Files.createDirectories(home.resolve("queries"));
    Files.writeString(home.resolve("queries/demo.json"), """
        {"title": "Demo", "keywords": ["distil"], "include": [], "since": 2015}
        """);
    PaperCache c = new PaperCache(home.resolve("cache"), cli.time);
    for (int i = 0; i < 40; i++) {
      String arxiv = String.format("2%03d.%05d", 1 + i % 12, i);
      // every third paper is about distillation; one in five published before the topic's since
      int year = i % 5 == 0 ? 2012 : 2019 + i % 6;
      SourceRecord r = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId(arxiv)
          .title((i % 3 == 0 ? "Distilling " : "Pruning ") + "model \u001b[31m" + i + " \"quoted\"\nline")
          .abstractText("An abstract about " + (i % 3 == 0 ? "students" : "layers") + ".")
          .published(LocalDate.of(year, 1 + i % 12, 1 + i % 27)).year(year)
          .count(3 * i + (i % 7)).observedAt(Instant.parse("2026-06-01T00:00:00Z").plusSeconds(3600L * i)).build();
      c.update(List.of(PaperId.parse(arxiv)), p -> p.merge(r, Instant.parse("2026-06-01T00:00:00Z")));
    }
  }

  @Test
  void everyRecordIsOneLineAndTheTopicsSetIsLists() throws Exception {
    CliHarness.Run all = cli.run("export");
    assertThat(all.code()).as(all.err()).isZero();
    String[] lines = all.out().split("\n");
    assertThat(lines).hasSize(40);
    JsonNode listed = Json.mapper().readTree(cli.run("list", "--json").out());
    Map<String, JsonNode> byId = new HashMap<>();
    listed.forEach(n -> byId.put(n.get("id").asText(), n));
    for (String line : lines) {
      JsonNode n = Json.mapper().readTree(line);
      assertThat(n).as("the record list --json prints").isEqualTo(byId.get(n.get("id").asText()));
      assertThat(n.get("history")).hasSize(1);
    }
    CliHarness.Run topic = cli.run("export", "--topic", "demo");
    JsonNode members = Json.mapper().readTree(cli.run("list", "--topic", "demo", "--json").out());
    assertThat(topic.out().split("\n")).hasSize(members.size()).hasSizeLessThan(40);
    assertThat(cli.run("export", "--format", "csv").code()).isEqualTo(2);
  }

  @Test
  void duckDbReadsTheExportAndItsCountsAndLifetimeVelocitiesAreRanks() throws Exception {
    Path file = home.resolve("demo.jsonl");
    CliHarness.Run r = cli.run("export", "--topic", "demo");
    assertThat(r.code()).as(r.err()).isZero();
    Files.writeString(file, r.out());
    JsonNode ranked = Json.mapper().readTree(cli.run("rank", "--topic", "demo", "--format", "json").out());
    Map<String, double[]> fromSql = new HashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("""
            SELECT id, title,
                   citations.semanticScholar.count AS n,
                   citations.semanticScholar.count / greatest(0.25,
                     (epoch_ms(CAST(citations.semanticScholar.observedAt AS TIMESTAMP))
                      - epoch_ms(CAST(published AS TIMESTAMP))) / 1000.0 / 86400 / 365.25) AS velocity,
                   len(history) AS observations
            FROM read_json('%s', format = 'newline_delimited')
            ORDER BY velocity DESC, n DESC, id
            """.formatted(file.toString().replace("'", "''")))) {
      while (rs.next()) {
        assertThat(rs.getString("title")).startsWith("Distilling model").contains("\"quoted\"");
        assertThat(rs.getInt("observations")).isEqualTo(1);
        fromSql.put(rs.getString("id"), new double[] {rs.getInt("n"), rs.getDouble("velocity")});
      }
    }
    assertThat(fromSql).hasSize(ranked.size());
    for (JsonNode row : ranked) {
      double[] sql = fromSql.get(row.get("id").asText());
      assertThat(sql).as(row.get("id").asText()).isNotNull();
      assertThat(row.get("velocityMethod").asText()).isEqualTo("lifetime");
      assertThat(row.get("citations").asInt()).isEqualTo((int) sql[0]);
      assertThat(row.get("velocity").asDouble()).isCloseTo(sql[1], within(1e-9 * Math.max(1, sql[1])));
    }
  }
}
