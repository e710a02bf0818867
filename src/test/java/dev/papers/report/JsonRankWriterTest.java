package dev.papers.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papers.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRankWriterTest {
  static final List<String> CONTRACT =
      List.of("rank", "id", "title", "year", "citations", "velocity", "velocityMethod", "source");

  @Test
  void arrayOfTheContractsObjectsBestFirst() throws Exception {
    JsonNode a = Json.mapper().readTree(ReportFixtures.write(new JsonRankWriter(false)));
    assertThat(a.isArray()).isTrue();
    assertThat(a).hasSize(ReportFixtures.result().entries().size());
    for (JsonNode o : a) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      assertThat(names).startsWith(CONTRACT.toArray(String[]::new)).doesNotContain("explain");
    }
    JsonNode first = a.get(0);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("id").asText()).isEqualTo("arxiv:1909.10351");
    assertThat(first.get("year").isInt()).isTrue();
    assertThat(first.get("citations").asInt()).isEqualTo(1520);
    assertThat(first.get("velocity").isNumber()).isTrue();
    assertThat(first.get("velocity").asDouble()).isCloseTo(420 * 365.0 / 367, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(first.get("velocityMethod").asText()).isEqualTo("observed");
    assertThat(first.get("source").asText()).isEqualTo("semanticScholar");
    assertThat(first.get("observedAt").asText()).isEqualTo("2026-11-22T00:00:00Z");
    double previous = Double.MAX_VALUE;
    for (JsonNode o : a) {
      if (!o.get("rank").isNull()) {
        assertThat(o.get("velocity").asDouble()).isLessThanOrEqualTo(previous);
        previous = o.get("velocity").asDouble();
      }
    }
  }

  @Test
  void unrankedFollowWithNulls() throws Exception {
    JsonNode a = Json.mapper().readTree(ReportFixtures.write(new JsonRankWriter(false)));
    JsonNode last = a.get(a.size() - 1);
    assertThat(last.get("id").asText()).isEqualTo("arxiv:1503.02531");
    for (String f : List.of("rank", "velocity", "velocityMethod", "citations", "source", "title")) {
      assertThat(last.get(f).isNull()).as(f).isTrue();
    }
    assertThat(last.get("fetchCommand").asText()).isEqualTo("papers fetch 1503.02531");
    JsonNode reported = a.get(2);
    assertThat(reported.get("source").asText()).isEqualTo("reported");
    assertThat(reported.get("provenance").asText()).isEqualTo("seeds/001_7caf8c73364815e7.txt:14");
    assertThat(a.get(3).get("approximate").asBoolean()).isTrue();
    assertThat(a.get(5).get("velocity").asDouble()).isEqualTo(-100.0);
  }

  @Test
  void explainAddsTheNumbers() throws Exception {
    JsonNode a = Json.mapper().readTree(ReportFixtures.write(new JsonRankWriter(true)));
    assertThat(a.get(0).get("explain").asText())
        .isEqualTo("observed (semanticScholar): 1520 (2026-11-22) - 1100 (2025-11-20) over 367 d = 417.7/yr");
  }
}
