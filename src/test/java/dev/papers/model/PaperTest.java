package dev.papers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperTest {
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2025-06-01T00:00:00Z");
  static final Instant T2 = Instant.parse("2026-01-01T00:00:00Z");

  static SourceRecord arxiv(Instant at) {
    return SourceRecord.builder(Source.ARXIV.jsonName()).arxivId("1909.10351").arxivVersion(5)
        .title("TinyBERT:  Distilling\n BERT").authors(List.of("Xiaoqi Jiao", "Yichun Yin"))
        .abstractText("arXiv abstract").published(LocalDate.of(2019, 9, 23)).primaryCategory("cs.CL")
        .categories(List.of("cs.CL", "cs.AI")).doi("10.18653/V1/2020.FINDINGS-EMNLP.372").observedAt(at).build();
  }

  static SourceRecord s2(Integer count, Instant at) {
    return SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId("1909.10351").s2Id("0cbf97173391b0430140117027edcaf1a37968c7")
        .corpusId(202719327L).title("TinyBERT: Distilling BERT for Natural Language Understanding")
        .authors(List.of("X. Jiao")).abstractText("s2 abstract").year(2019).venue("Findings of EMNLP")
        .count(count).influential(count == null ? null : count / 10).observedAt(at).build();
  }

  @Test
  void arxivWinsMetadataWhicheverComesFirst() {
    Paper a = Paper.create("arxiv:1909.10351", T0).merge(arxiv(T0), T0).merge(s2(100, T1), T1);
    Paper b = Paper.create("arxiv:1909.10351", T0).merge(s2(100, T0), T0).merge(arxiv(T1), T1);
    for (Paper p : List.of(a, b)) {
      assertThat(p.title()).isEqualTo("TinyBERT: Distilling BERT");
      assertThat(p.authors()).containsExactly("Xiaoqi Jiao", "Yichun Yin");
      assertThat(p.abstractText()).isEqualTo("arXiv abstract");
      assertThat(p.published()).isEqualTo(LocalDate.of(2019, 9, 23));
      assertThat(p.year()).isEqualTo(2019);
      assertThat(p.venue()).isEqualTo("Findings of EMNLP");
      assertThat(p.primaryCategory()).isEqualTo("cs.CL");
      assertThat(p.s2Id()).isEqualTo("0cbf97173391b0430140117027edcaf1a37968c7");
      assertThat(p.doi()).isEqualTo("10.18653/v1/2020.findings-emnlp.372");
      assertThat(p.arxivVersion()).isEqualTo(5);
      assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(100);
      assertThat(p.aliases()).contains("doi:10.18653/v1/2020.findings-emnlp.372",
          "s2:0cbf97173391b0430140117027edcaf1a37968c7", "corpus:202719327");
    }
  }

  @Test
  void aNewEntryKnowsTheIdentifierItsKeyNames() {
    assertThat(Paper.create("arxiv:1706.03762", T0).arxivId()).isEqualTo("1706.03762");
    assertThat(Paper.create("arxiv:hep-th/9901001", T0).arxivId()).isEqualTo("hep-th/9901001");
    Paper doi = Paper.create("doi:10.1093/mind/lix.236.433", T0);
    assertThat(doi.doi()).isEqualTo("10.1093/mind/lix.236.433");
    assertThat(doi.arxivId()).isNull();
    assertThat(Paper.create("s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776", T0).s2Id())
        .isEqualTo("204e3073870fae3d05bcbc2f6a8e263d9b72e776");
    Paper scholar = Paper.create("scholar:15801554877513113826", T0);
    assertThat(scholar.arxivId()).isNull();
    assertThat(scholar.doi()).isNull();
    assertThat(scholar.s2Id()).isNull();
  }

  @Test
  void aSparseAnswerLeavesTheKeysIdentifierInPlace() {
    // Semantic Scholar answered only what was asked (paperId, title): no externalIds to repeat the ids.
    SourceRecord sparse = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName())
        .s2Id("2d5673caa9e6af3a7b82a43f19ee920992db07ad").title("Computing Machinery and Intelligence")
        .observedAt(T0).build();
    Paper byDoi = Paper.create("doi:10.1093/mind/lix.236.433", T0).merge(sparse, T0);
    assertThat(byDoi.doi()).isEqualTo("10.1093/mind/lix.236.433");
    assertThat(byDoi.s2Id()).isEqualTo("2d5673caa9e6af3a7b82a43f19ee920992db07ad");
    Paper byArxiv = Paper.create("arxiv:1706.03762", T0).merge(sparse, T0);
    assertThat(byArxiv.arxivId()).isEqualTo("1706.03762");
  }

  @Test
  void aSourceWithoutACountNeverErasesOne() {
    Paper p = Paper.create("arxiv:1909.10351", T0).merge(s2(100, T0), T0).merge(s2(null, T1), T1);
    assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(100);
    assertThat(p.history()).hasSize(1);
  }

  @Test
  void aZeroAfterANonZeroCountIsSuspectAndNeverCurrent() {
    Paper p = Paper.create("arxiv:1909.10351", T0).merge(s2(100, T0), T0).merge(s2(0, T1), T1);
    assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(100);
    assertThat(p.history()).hasSize(2);
    assertThat(p.history().get(1).suspect()).isTrue();
    assertThat(p.history().get(0).suspect()).isNull();
    // a later real count becomes current again
    p = p.merge(s2(120, T2), T2);
    assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(120);
    // a first 0 is not suspect: nothing came before it
    Paper fresh = Paper.create("arxiv:2104.12255", T0).merge(s2(0, T0), T0);
    assertThat(fresh.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isZero();
    assertThat(fresh.history().get(0).isSuspect()).isFalse();
  }

  @Test
  void historyIsInsertOnlySortedAndWithoutRepeats() {
    Paper p = Paper.create("arxiv:1909.10351", T0)
        .merge(s2(120, T2), T2)
        .merge(s2(80, T0), T2)
        .merge(s2(100, T1), T2)
        .merge(s2(100, T1), T2);
    assertThat(p.history()).extracting(Observation::count).containsExactly(80, 100, 120);
    // an older observation arriving late never replaces the newer current count
    assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).count()).isEqualTo(120);
    assertThat(p.citation(Source.SEMANTIC_SCHOLAR.jsonName()).observedAt()).isEqualTo(T2);
  }

  @Test
  void canonicalKeyPrefersArxivThenDoiThenS2ThenScholar() {
    assertThat(Paper.canonicalKey(List.of(PaperId.parse("10.1145/1.2"), PaperId.parse("1909.10351v2"))))
        .isEqualTo("arxiv:1909.10351");
    assertThat(Paper.canonicalKey(List.of(PaperId.parse("scholar:12"), PaperId.parse("CorpusId:5"),
        PaperId.parse("10.1145/1.2")))).isEqualTo("doi:10.1145/1.2");
    assertThat(Paper.canonicalKey(List.of(PaperId.parse("CorpusId:5")))).isNull();
  }

  static SourceRecord openAlex(String work, String doi, int count, Instant at) {
    java.util.SortedMap<Integer, Integer> years = new java.util.TreeMap<>(java.util.Map.of(2024, count / 2, 2025, count / 2));
    return SourceRecord.builder(Source.OPEN_ALEX.jsonName()).openAlexId(work).doi(doi).arxivId("1909.10351")
        .title("TinyBERT as OpenAlex has it").published(LocalDate.of(2019, 1, 1)).year(2019).venue("arXiv")
        .count(count).histogram(new Histogram(Source.OPEN_ALEX.jsonName(), at, years, count, count, false)).observedAt(at).build();
  }

  @Test
  void openAlexGivesItsIdCountAndHistogramAndFillsOnlyGaps() {
    Paper p = Paper.create("arxiv:1909.10351", T0).merge(arxiv(T0), T0).merge(s2(100, T0), T0)
        .merge(openAlex("W3000000001", "10.48550/arxiv.1909.10351", 80, T1), T1);
    assertThat(p.openAlexId()).isEqualTo("W3000000001");
    assertThat(p.title()).isEqualTo("TinyBERT: Distilling BERT");
    assertThat(p.published()).isEqualTo(LocalDate.of(2019, 9, 23));
    assertThat(p.venue()).isEqualTo("Findings of EMNLP");
    assertThat(p.citation("openAlex").count()).isEqualTo(80);
    assertThat(p.histograms().get("openAlex").byYear()).containsEntry(2024, 40).containsEntry(2025, 40);
    assertThat(p.histograms().get("openAlex").madeAt()).isEqualTo(T1);
    assertThat(p.aliases()).contains("openalex:W3000000001");
    assertThat(p.doi()).isEqualTo("10.18653/v1/2020.findings-emnlp.372"); // not the arXiv DOI

    // a later record of another work (the published version, more cited) names the work now counted
    Paper q = p.merge(openAlex("W3000000002", "10.18653/v1/2020.findings-emnlp.372", 120, T2), T2);
    assertThat(q.openAlexId()).isEqualTo("W3000000002");
    assertThat(q.aliases()).contains("openalex:W3000000001", "openalex:W3000000002");
    assertThat(q.histograms().get("openAlex").madeAt()).isEqualTo(T2);
  }

  @Test
  void openAlexAloneFillsTheGapsOfANewEntry() {
    Paper p = Paper.create("openalex:W3000000001", T0);
    assertThat(p.openAlexId()).isEqualTo("W3000000001");
    Paper q = Paper.create("doi:10.1/x", T0).merge(openAlex("W3000000001", "10.1/x", 4, T1), T1);
    assertThat(q.title()).isEqualTo("TinyBERT as OpenAlex has it");
    assertThat(q.published()).isEqualTo(LocalDate.of(2019, 1, 1));
    assertThat(q.arxivId()).isEqualTo("1909.10351");
    assertThat(q.aliases()).contains("arxiv:1909.10351", "openalex:W3000000001");
  }
}
