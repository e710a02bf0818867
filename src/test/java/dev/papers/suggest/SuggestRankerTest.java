package dev.papers.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.papers.model.Histogram;
import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.rank.TestPapers;
import dev.papers.topic.Topic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The contract's "Suggest" on a small hand-made graph: links, members and excluded, order, since. */
class SuggestRankerTest {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String A1 = "a1".repeat(20);
  static final String A2 = "a2".repeat(20);

  final Topic topic = new Topic("kd", "Knowledge distillation", null, null, List.of("distil"),
      List.of(), List.of(), List.of(PaperId.parse("10.9999/x")), List.of("10.9999/x"), null);

  // members: M1 and M2 (arXiv, known to S2 and OpenAlex), M3 (a DOI, OpenAlex only)
  final Paper m1 = TestPapers.arxiv("2001.00001", "2020-01-01")
      .meta(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId("2001.00001").s2Id(A1).build()).build();
  final Paper m2 = TestPapers.arxiv("2002.00002", "2020-02-01")
      .meta(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId("2002.00002").s2Id(A2).build()).build();
  final Paper m3 = TestPapers.doi("10.1111/m3", 2019).build();
  final Paper excluded = TestPapers.doi("10.9999/x", 2021).build();
  final Map<String, String> memberWorks = Map.of(m1.id(), "W1", m2.id(), "W2", m3.id(), "W3");

  static SourceRecord oa(String doi, String title, int count, String published) {
    return SourceRecord.builder("openAlex").doi(doi).title(title).count(count)
        .published(published == null ? null : LocalDate.parse(published)).observedAt(NOW).build();
  }

  static SourceRecord s2(String paperId, String arxivId, String doi, String title, Integer count) {
    return SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).s2Id(paperId).arxivId(arxivId).doi(doi).title(title)
        .count(count).published(LocalDate.of(2023, 1, 1)).observedAt(NOW).build();
  }

  /** OpenAlex's counts_by_year, made now: years and counts in pairs. */
  static Histogram hist(int... yearCount) {
    TreeMap<Integer, Integer> m = new TreeMap<>();
    int total = 0;
    for (int i = 0; i < yearCount.length; i += 2) {
      m.put(yearCount[i], yearCount[i + 1]);
      total += yearCount[i + 1];
    }
    return new Histogram("openAlex", NOW, m, total, total, false);
  }

  static GraphWork work(String w, SourceRecord r, Histogram h, String... refs) {
    return new GraphWork(w, List.of(refs), r, h);
  }

  Evidence graph(List<SourceRecord> recommended, List<Paper> extraCached) {
    List<GraphWork> citing = List.of(
        // C1 cites two members (and a work outside the topic): 2 links
        work("W101", oa("10.48550/arxiv.2301.00101", "C1", 300, "2023-01-10"), hist(2025, 120, 2024, 60),
            "W1", "W2", "W50"),
        // C2 cites one member; Semantic Scholar recommends it too (same arXiv id): 2 links
        work("W102", oa("10.48550/arxiv.2302.00102", "C2", 40, "2023-02-10"), hist(2025, 30, 2024, 0), "W1"),
        // C3 cites one member: 1 link
        work("W103", oa("10.3333/c3", "C3", 999, "2024-01-01"), hist(2025, 900, 2024, 99), "W3"),
        // a member citing another member is never suggested
        work("W2", oa("10.48550/arxiv.2002.00002", "M2", 10, "2020-02-01"), hist(2025, 5), "W1"),
        // the excluded paper cites two members; never suggested
        work("W9", oa("10.9999/x", "X", 10, "2021-01-01"), hist(2025, 500), "W1", "W2"));
    Map<String, List<String>> refs = Map.of(
        m1.id(), List.of("W201", "W202", "W2"),
        m2.id(), List.of("W201", "W203"),
        m3.id(), List.of("W201", "W202", "W9"));
    List<GraphWork> referenced = List.of(
        work("W201", oa("10.2222/r201", "R201", 50, "2015-06-01"), hist(2025, 6, 2024, 6)),
        work("W202", oa("10.2222/r202", "R202", 90, "2018-06-01"), hist(2025, 60, 2024, 30)),
        work("W203", oa("10.2222/r203", "R203", 9000, "2018-06-01"), hist(2025, 6000, 2024, 3000)));
    List<Paper> cached = new ArrayList<>(List.of(m1, m2, m3, excluded));
    cached.addAll(extraCached);
    Set<String> excludedKeys = new HashSet<>(excluded.keys());
    return new Evidence(List.of(m1, m2, m3), memberWorks, refs, citing, referenced, recommended,
        List.of(m1.id(), m2.id()), excludedKeys, cached);
  }

  List<SourceRecord> recommendations() {
    return List.of(
        s2("c2".repeat(20), "2302.00102", null, "C2 (S2)", 45),
        s2("b0".repeat(20), null, "10.4444/only-recommended", "Only recommended", 30),
        s2(A1, "2001.00001", null, "M1 itself", 10));
  }

  @Test
  void exactlyTheCandidatesWithEnoughLinksBestVelocityFirstWithReasons() {
    SuggestResult r = SuggestRanker.rank(topic, graph(recommendations(), List.of()), 2, 20, NOW);
    assertThat(r.suggestions()).extracting(s -> s.paper().title())
        .containsExactly("C1", "R202", "C2 (S2)", "R201");
    assertThat(r.qualified()).isEqualTo(4);
    assertThat(r.members()).isEqualTo(3);
    // C3, W203 and the recommended-only paper have one link each; W50 (which only C1 cites) is none
    assertThat(r.candidates()).isEqualTo(7);

    Suggestion c1 = r.suggestions().get(0);
    assertThat(c1.rank()).isEqualTo(1);
    assertThat(c1.paper().id()).isEqualTo("arxiv:2301.00101");
    assertThat(c1.openAlexId()).isEqualTo("W101");
    assertThat(c1.links()).isEqualTo(2);
    assertThat(c1.velocity().method()).isEqualTo("histogram");
    assertThat(c1.velocity().source()).isEqualTo("openAlex");
    assertThat(c1.velocity().velocity()).isCloseTo((3 * 0 + 2 * 120 + 60) / 6.0, within(1e-9));
    assertThat(c1.reasons()).containsExactly(new Reason("cites", List.of(m1.id(), m2.id()), "openAlex"));
    assertThat(c1.phrase()).isEqualTo("cites 2 of your papers");

    Suggestion r202 = r.suggestions().get(1);
    assertThat(r202.velocity().velocity()).isCloseTo(25.0, within(1e-9));
    assertThat(r202.reasons()).containsExactly(new Reason("citedBy", List.of(m1.id(), m3.id()), "openAlex"));
    assertThat(r202.phrase()).isEqualTo("cited by 2");

    // one candidate from two sources: OpenAlex's histogram beats Semantic Scholar's lifetime count;
    // metadata merges as fetch merges it (OpenAlex fills only what Semantic Scholar left unknown)
    Suggestion c2 = r.suggestions().get(2);
    assertThat(c2.paper().s2Id()).isEqualTo("c2".repeat(20));
    assertThat(c2.paper().arxivId()).isEqualTo("2302.00102");
    assertThat(c2.velocity().source()).isEqualTo("openAlex");
    assertThat(c2.velocity().velocity()).isCloseTo(10.0, within(1e-9));
    assertThat(c2.reasons()).containsExactly(
        new Reason("cites", List.of(m1.id()), "openAlex"),
        new Reason("recommended", List.of(m1.id(), m2.id()), "semanticScholar"));
    assertThat(c2.phrase()).isEqualTo("cites 1 of your papers, recommended");
    assertThat(c2.records()).hasSize(2);

    Suggestion r201 = r.suggestions().get(3);
    assertThat(r201.links()).isEqualTo(3);
    assertThat(r201.velocity().velocity()).isCloseTo(3.0, within(1e-9));
    assertThat(r201.reasons()).extracting(Reason::kind).containsExactly("citedBy");
  }

  @Test
  void membersAndExcludedPapersAreNeverSuggestedWhateverTheirLinks() {
    SuggestResult r = SuggestRanker.rank(topic, graph(recommendations(), List.of()), 1, 100, NOW);
    List<String> ids = r.suggestions().stream().map(s -> s.paper().id()).toList();
    assertThat(ids).doesNotContain(m1.id(), m2.id(), m3.id(), excluded.id(), "doi:10.9999/x");
    assertThat(r.suggestions()).extracting(s -> s.paper().title()).doesNotContain("M1 itself", "M2", "X");
    // with one link enough, the one-link candidates come in, by velocity
    assertThat(r.suggestions()).extracting(s -> s.paper().title())
        .containsExactly("R203", "C3", "C1", "R202", "C2 (S2)", "Only recommended", "R201");
    Suggestion onlyRec = r.suggestions().get(5);
    assertThat(onlyRec.velocity().method()).isEqualTo("lifetime");
    assertThat(onlyRec.velocity().source()).isEqualTo("semanticScholar");
    assertThat(onlyRec.phrase()).isEqualTo("recommended");
  }

  @Test
  void minLinksAndLimitCut() {
    assertThat(SuggestRanker.rank(topic, graph(recommendations(), List.of()), 3, 20, NOW).suggestions())
        .extracting(s -> s.paper().title()).containsExactly("R201");
    assertThat(SuggestRanker.rank(topic, graph(recommendations(), List.of()), 4, 20, NOW).suggestions()).isEmpty();
    SuggestResult two = SuggestRanker.rank(topic, graph(recommendations(), List.of()), 2, 2, NOW);
    assertThat(two.suggestions()).extracting(s -> s.paper().title()).containsExactly("C1", "R202");
    assertThat(two.qualified()).isEqualTo(4);
  }

  @Test
  void withoutRecommendationsTheRecommendedLinkIsGone() {
    SuggestResult r = SuggestRanker.rank(topic, graph(List.of(), List.of()), 2, 20, NOW);
    assertThat(r.suggestions()).extracting(s -> s.paper().title()).containsExactly("C1", "R202", "R201");
  }

  @Test
  void tiesGoToMoreLinksThenToTheId() {
    Histogram same = hist(2025, 12, 2024, 6);
    List<GraphWork> citing = List.of(
        work("W301", oa("10.7777/b", "B two links", 1, "2022-01-01"), same, "W1", "W2"),
        work("W302", oa("10.7777/a", "A two links", 1, "2022-01-01"), same, "W1", "W2"),
        work("W303", oa("10.7777/c", "C three links", 1, "2022-01-01"), same, "W1", "W2", "W3"),
        // no count and no histogram: no velocity, listed last
        work("W304", SourceRecord.builder("openAlex").doi("10.7777/0").title("No count").build(), null,
            "W1", "W2", "W3"));
    Evidence ev = new Evidence(List.of(m1, m2, m3), memberWorks, Map.of(), citing, List.of(), List.of(), List.of(),
        Set.of(), List.of(m1, m2, m3));
    SuggestResult r = SuggestRanker.rank(topic, ev, 2, 20, NOW);
    assertThat(r.suggestions()).extracting(s -> s.paper().id())
        .containsExactly("doi:10.7777/c", "doi:10.7777/a", "doi:10.7777/b", "doi:10.7777/0");
    assertThat(r.suggestions().get(3).velocity()).isNull();
    assertThat(r.suggestions()).extracting(Suggestion::rank).containsExactly(1, 2, 3, 4);
  }

  @Test
  void theCacheJoinsAnswersAboutOnePaperAndLendsItsHistory() {
    // OpenAlex knows the paper by its DOI only, Semantic Scholar by its arXiv id only; the cache has both
    Paper cachedC4 = TestPapers.arxiv("2305.00104", "2023-05-01")
        .meta(SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).arxivId("2305.00104").doi("10.5555/c4").build())
        .s2(100, "2025-11-22").s2(400, "2026-11-01").build();
    List<GraphWork> citing = List.of(
        work("W104", oa("10.5555/c4", "C4 (OpenAlex)", 420, "2023-05-01"), hist(2025, 10), "W1"));
    List<SourceRecord> recs = List.of(s2("c4".repeat(20), "2305.00104", null, "C4 (S2)", 410));
    Evidence ev = new Evidence(List.of(m1, m2, m3), memberWorks, Map.of(), citing, List.of(), recs,
        List.of(m1.id(), m2.id()), Set.of(), List.of(m1, m2, m3, cachedC4));
    SuggestResult r = SuggestRanker.rank(topic, ev, 2, 20, NOW);
    assertThat(r.suggestions()).hasSize(1);
    Suggestion s = r.suggestions().get(0);
    assertThat(s.paper().id()).isEqualTo("arxiv:2305.00104");
    assertThat(s.links()).isEqualTo(2);
    // the cache's history gives the observed method, which beats OpenAlex's histogram
    assertThat(s.velocity().method()).isEqualTo("observed");
    assertThat(s.velocity().source()).isEqualTo("semanticScholar");
  }

  @Test
  void aCandidateOlderThanTheTopicsSinceIsLeftOut() {
    Topic since = new Topic("kd", "KD", null, null, List.of(), List.of(), List.of(), List.of(), List.of(), 2017);
    SuggestResult r = SuggestRanker.rank(since, graph(List.of(), List.of()), 2, 20, NOW);
    // R201 (2015) would not be a member if it were added, so it is not suggested
    assertThat(r.suggestions()).extracting(s -> s.paper().title()).containsExactly("C1", "R202");
  }

  @Test
  void referencesWorthFetchingAreTheMostCitedFirstAndNeverMembersKnownOrExcluded() {
    Map<String, List<String>> refs = new HashMap<>();
    refs.put(m1.id(), List.of("W201", "W202", "W2", "W101", "W201"));
    refs.put(m2.id(), List.of("W201", "W203", "W9"));
    refs.put(m3.id(), List.of("W201", "W202", "W204"));
    Set<String> excludedKeys = Set.of(SuggestRanker.workKey("W9"));
    assertThat(SuggestRanker.referencesToFetch(memberWorks, refs, Set.of("W101"), excludedKeys, 2))
        .containsExactly("W201", "W202", "W203", "W204");
    assertThat(SuggestRanker.referencesToFetch(memberWorks, refs, Set.of("W101"), excludedKeys, 3))
        .containsExactly("W201", "W202");
    assertThat(SuggestRanker.referencesToFetch(memberWorks, refs, Set.of(), excludedKeys, 4))
        .containsExactly("W201");
  }
}
