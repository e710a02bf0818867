package dev.papers.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.json.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A title a document reports is kept until a source gives its own; reported values never override a source's. */
class PaperTitleSourceTest {
  static final Instant T = Instant.parse("2026-11-22T00:00:00Z");

  static SourceRecord reported(String title, Integer year, String venue, List<String> authors) {
    return SourceRecord.builder(Source.REPORTED.jsonName()).title(title).year(year).venue(venue).authors(authors)
        .observedAt(T).build();
  }

  @Test
  void aReportedTitleFillsAGapAndAnySourceReplacesIt() {
    Paper p = Paper.create("arxiv:1909.10351", T).merge(reported("TinyBERT", 2019, "EMNLP", List.of("X Jiao")), T);
    assertThat(p.title()).isEqualTo("TinyBERT");
    assertThat(p.titleSource()).isEqualTo("reported");
    assertThat(p.year()).isEqualTo(2019);
    assertThat(p.venue()).isEqualTo("EMNLP");

    SourceRecord arxiv = SourceRecord.builder(Source.ARXIV.jsonName()).arxivId("1909.10351")
        .title("TinyBERT: Distilling BERT for Natural Language Understanding").observedAt(T).build();
    Paper q = p.merge(arxiv, T);
    assertThat(q.title()).isEqualTo("TinyBERT: Distilling BERT for Natural Language Understanding");
    assertThat(q.titleSource()).isEqualTo("arxiv");

    // a source that does not override arXiv still replaces a reported title
    Paper r = Paper.create("arxiv:1909.10351", T).merge(reported("TinyBERT", null, null, null), T);
    Paper withArxivFetched = r.merge(SourceRecord.builder(Source.ARXIV.jsonName()).arxivId("1909.10351").observedAt(T).build(), T);
    Paper s2 = withArxivFetched.merge(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).title("TinyBERT (S2)")
        .observedAt(T).build(), T);
    assertThat(s2.title()).isEqualTo("TinyBERT (S2)");
    assertThat(s2.titleSource()).isEqualTo("semanticScholar");
  }

  @Test
  void aReportedValueNeverReplacesASourcesValue() {
    Paper p = Paper.create("arxiv:1909.10351", T).merge(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName())
        .title("TinyBERT: Distilling BERT").year(2020).venue("Findings of EMNLP").authors(List.of("Xiaoqi Jiao"))
        .observedAt(T).build(), T);
    Paper q = p.merge(reported("TinyBERT", 2019, "arXiv", List.of("Someone Else")), T);
    assertThat(q.title()).isEqualTo("TinyBERT: Distilling BERT");
    assertThat(q.titleSource()).isEqualTo("semanticScholar");
    assertThat(q.year()).isEqualTo(2020);
    assertThat(q.venue()).isEqualTo("Findings of EMNLP");
    assertThat(q.authors()).containsExactly("Xiaoqi Jiao");
  }

  @Test
  void titleSourceIsInTheJsonAndComesBack() throws Exception {
    Paper p = Paper.create("acl:N19-1423", T).merge(reported("BERT", null, null, null), T);
    String json = Json.mapper().writeValueAsString(p);
    assertThat(json).contains("\"titleSource\":\"reported\"");
    Paper back = Json.mapper().readValue(json, Paper.class);
    assertThat(back).isEqualTo(p);
    Paper none = Paper.create("arxiv:1909.10351", T);
    assertThat(Json.mapper().writeValueAsString(none)).contains("\"titleSource\":null");
  }
}
