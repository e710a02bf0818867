package dev.papers.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.papers.model.Observation;
import dev.papers.model.Paper;
import dev.papers.model.SourceRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void paperRoundTripsWithContractFieldNames() throws Exception {
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    Paper p = Paper.create("arxiv:1909.10351", t)
        .merge(SourceRecord.builder("arxiv").arxivId("1909.10351").arxivVersion(5)
            .title("TinyBERT").authors(List.of("A", "B")).abstractText("x  y")
            .published(LocalDate.of(2019, 9, 23)).primaryCategory("cs.CL").observedAt(t).build(), t)
        .observe(new Observation("semanticScholar", 10, t), null, t)
        .observe(new Observation("semanticScholar", 0, t.plusSeconds(5)), null, t);
    String s = Json.mapper().writeValueAsString(p);
    JsonNode n = Json.mapper().readTree(s);
    for (String f : List.of("id", "arxivId", "arxivVersion", "doi", "s2Id", "title", "authors", "abstract",
        "published", "year", "venue", "primaryCategory", "citations", "history", "topics")) {
      assertThat(n.has(f)).as(f).isTrue();
    }
    assertThat(n.get("abstract").asText()).isEqualTo("x y");
    assertThat(n.get("published").asText()).isEqualTo("2019-09-23");
    assertThat(n.get("citations").get("semanticScholar").get("count").asInt()).isEqualTo(10);
    assertThat(n.get("citations").get("semanticScholar").get("observedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(n.get("history").get(1).get("suspect").asBoolean()).isTrue();
    assertThat(n.get("history").get(0).has("suspect")).isFalse();
    Paper back = Json.mapper().readValue(s, Paper.class);
    assertThat(back).isEqualTo(p);
  }
}
