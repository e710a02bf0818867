package dev.papers.rank;

import static dev.papers.rank.TestPapers.arxiv;
import static dev.papers.rank.TestPapers.doi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.papers.model.Paper;
import dev.papers.model.PaperId;
import dev.papers.model.SourceRecord;
import dev.papers.model.Source;
import dev.papers.topic.Membership;
import dev.papers.topic.Topic;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RankerTest {
  static final Instant NOW = AsOf.parse("2026-11-22");

  static Topic topic(List<String> keywords, List<String> include, List<String> exclude, Integer since) {
    return new Topic("distillation", "Knowledge distillation", null, null, keywords,
        include.stream().map(PaperId::parse).toList(), include,
        exclude.stream().map(PaperId::parse).toList(), exclude, since);
  }

  static Topic topic() {
    return topic(List.of(), List.of(), List.of(), null);
  }

  /** A paper tagged with the topic, with two s2 counts a year apart: velocity = b - a. */
  static Paper tagged(String arxivId, int a, int b) {
    return arxiv(arxivId, "2019-09-23").s2(a, "2025-11-22").s2(b, "2026-11-22").topic("distillation").build();
  }

  static List<String> ids(RankResult r) {
    return r.entries().stream().map(e -> e.paper().id()).toList();
  }

  @Test
  void bestFirstWithRanks() {
    RankResult r = Ranker.rank(topic(), List.of(
        tagged("2001.00001", 100, 150), tagged("2001.00002", 100, 400), tagged("2001.00003", 100, 300)),
        new RankOptions(null, null, NOW));
    assertThat(ids(r)).containsExactly("arxiv:2001.00002", "arxiv:2001.00003", "arxiv:2001.00001");
    assertThat(r.entries()).extracting(RankedPaper::rank).containsExactly(1, 2, 3);
    assertThat(r.entries().get(0).velocity().velocity()).isEqualTo(300.0);
  }

  @Test
  void tiesByHigherCountThenId() {
    RankResult r = Ranker.rank(topic(), List.of(
        tagged("2001.00003", 100, 200), // 100/yr, count 200
        tagged("2001.00001", 900, 1000), // 100/yr, count 1000
        tagged("2001.00002", 100, 200)), // 100/yr, count 200, smaller id
        new RankOptions(null, null, NOW));
    assertThat(ids(r)).containsExactly("arxiv:2001.00001", "arxiv:2001.00002", "arxiv:2001.00003");
  }

  @Test
  void negativeVelocityRanksLast() {
    RankResult r = Ranker.rank(topic(), List.of(tagged("2001.00001", 500, 400), tagged("2001.00002", 1, 2)),
        new RankOptions(null, null, NOW));
    assertThat(ids(r)).containsExactly("arxiv:2001.00002", "arxiv:2001.00001");
    assertThat(r.entries().get(1).velocity().velocity()).isEqualTo(-100.0);
  }

  @Test
  void membersWithoutCountFollowUnrankedThenIncludesNotCached() {
    Paper counted = tagged("2001.00005", 1, 2);
    Paper noCount = arxiv("2001.00001", "2020-01-01").topic("distillation").build();
    Topic t = topic(List.of(), List.of("1909.10351", "2001.00001"), List.of(), null);
    RankResult r = Ranker.rank(t, List.of(noCount, counted), new RankOptions(null, null, NOW));
    assertThat(ids(r)).containsExactly("arxiv:2001.00005", "arxiv:2001.00001", "arxiv:1909.10351");
    assertThat(r.entries()).extracting(RankedPaper::rank).containsExactly(1, null, null);
    assertThat(r.entries()).extracting(RankedPaper::cached).containsExactly(true, true, false);
    assertThat(r.notCached()).extracting(PaperId::key).containsExactly("arxiv:1909.10351");
    assertThat(r.entries().get(1).fetchCommand()).isEqualTo("papers fetch 2001.00001");
    assertThat(r.entries().get(2).fetchCommand()).isEqualTo("papers fetch 1909.10351");
    assertThat(r.fetchCommand()).isEqualTo("papers fetch 2001.00001 1909.10351");
  }

  @Test
  void limitCapsWhatIsListedUnrankedOnlyWhenThereIsRoomOrWithAll() {
    Paper noCount = arxiv("2001.00009", "2020-01-01").topic("distillation").build();
    List<Paper> cache = List.of(
        tagged("2001.00001", 100, 150), tagged("2001.00002", 100, 400), tagged("2001.00003", 100, 300),
        noCount);
    RankResult r = Ranker.rank(topic(), cache, new RankOptions(null, 2, NOW));
    assertThat(ids(r)).containsExactly("arxiv:2001.00002", "arxiv:2001.00003");
    assertThat(r.omitted()).isEqualTo(1 + topic().include().size());
    RankResult room = Ranker.rank(topic(), cache, new RankOptions(null, 4, NOW));
    assertThat(ids(room)).containsExactly("arxiv:2001.00002", "arxiv:2001.00003", "arxiv:2001.00001",
        "arxiv:2001.00009");
    RankResult all = Ranker.rank(topic(), cache, new RankOptions(null, 2, NOW, true));
    assertThat(ids(all)).startsWith("arxiv:2001.00002", "arxiv:2001.00003", "arxiv:2001.00009");
    assertThat(all.omitted()).isZero();
    assertThat(all.ranked()).hasSize(2);
    assertThat(Ranker.rank(topic(), List.of(tagged("2001.00001", 1, 2)), new RankOptions(null, 0, NOW))
        .entries()).isEmpty();
    assertThatThrownBy(() -> new RankOptions(null, -1, NOW)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void asOfHidesLaterObservations() {
    Paper a = tagged("2001.00001", 100, 1000); // fast only after 2026-11-22
    Paper b = arxiv("2001.00002", "2019-09-23").s2(100, "2024-11-22").s2(300, "2025-11-22")
        .topic("distillation").build();
    Paper late = arxiv("2001.00003", "2019-09-23").s2(5000, "2026-11-22").topic("distillation").build();
    RankResult now = Ranker.rank(topic(), List.of(a, b, late), new RankOptions(null, null, NOW));
    assertThat(ids(now).get(0)).isEqualTo("arxiv:2001.00001");
    RankResult past = Ranker.rank(topic(), List.of(a, b, late),
        new RankOptions(null, null, AsOf.parse("2025-12-31")));
    assertThat(ids(past)).containsExactly("arxiv:2001.00002", "arxiv:2001.00001", "arxiv:2001.00003");
    assertThat(past.entries().get(0).velocity().method()).isEqualTo("observed");
    assertThat(past.entries().get(1).velocity().method()).isEqualTo("lifetime");
    assertThat(past.entries().get(1).velocity().count()).isEqualTo(100);
    assertThat(past.entries().get(2).rank()).isNull();
    assertThat(past.asOf()).isEqualTo(AsOf.parse("2025-12-31"));
  }

  static Paper titled(String arxivId, String title, String abs, Integer year) {
    SourceRecord r = SourceRecord.builder(Source.ARXIV.jsonName()).arxivId(arxivId).title(title).abstractText(abs)
        .year(year).build();
    return Paper.create("arxiv:" + arxivId, TestPapers.T0).merge(r, TestPapers.T0);
  }

  /** Membership rules, one row each: the topic, the cache, --since, and the expected member ids. */
  static Stream<Arguments> membership() {
    Paper tiny = titled("1909.10351", "TinyBERT: Distilling BERT", null, 2019);
    Paper other = titled("2001.00001", "Attention is all", "We DISTIL knowledge", 2020);
    Paper unrelated = titled("2001.00002", "Graph neural nets", "nothing", 2020);
    Paper old = titled("1503.02531", "Distilling the Knowledge in a Neural Network", null, 2015);
    Paper tagged = titled("2001.00003", "Something else", null, 2020).withTopic("distillation", TestPapers.T0);
    Paper otherTopic = titled("2001.00004", "Else", null, 2020).withTopic("contrastive", TestPapers.T0);
    Paper noYear = titled("2001.00005", "Distillation of unknown age", null, null);
    Paper byDoi = doi("10.1145/1541880.1541882", 2009).build();
    List<Paper> cache = List.of(tiny, other, unrelated, old, tagged, otherTopic, noYear, byDoi);
    List<String> kw = List.of("distil");
    return Stream.of(
        Arguments.of("keyword in title or abstract, case-insensitive, plus tagged",
            topic(kw, List.of(), List.of(), null), cache, null,
            List.of("arxiv:1503.02531", "arxiv:1909.10351", "arxiv:2001.00001", "arxiv:2001.00003",
                "arxiv:2001.00005")),
        Arguments.of("no keywords: tagged only", topic(), cache, null, List.of("arxiv:2001.00003")),
        Arguments.of("include by any id form, even without a keyword match",
            topic(List.of(), List.of("https://doi.org/10.1145/1541880.1541882", "arXiv:2001.00002v3"),
                List.of(), null), cache, null,
            List.of("arxiv:2001.00002", "arxiv:2001.00003", "doi:10.1145/1541880.1541882")),
        Arguments.of("exclude wins over keyword, tag and include",
            topic(kw, List.of("2001.00001"), List.of("2001.00001", "2001.00003", "1909.10351v1"), null),
            cache, null, List.of("arxiv:1503.02531", "arxiv:2001.00005")),
        Arguments.of("the topic's since drops older papers; unknown year kept",
            topic(kw, List.of(), List.of(), 2016), cache, null,
            List.of("arxiv:1909.10351", "arxiv:2001.00001", "arxiv:2001.00003", "arxiv:2001.00005")),
        Arguments.of("--since overrides the topic's since",
            topic(kw, List.of(), List.of(), 2016), cache, 2020,
            List.of("arxiv:2001.00001", "arxiv:2001.00003", "arxiv:2001.00005")),
        Arguments.of("since never drops an include",
            topic(kw, List.of("1503.02531", "10.1145/1541880.1541882"), List.of(), 2020), cache, null,
            List.of("arxiv:1503.02531", "arxiv:2001.00001", "arxiv:2001.00003", "arxiv:2001.00005",
                "doi:10.1145/1541880.1541882")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("membership")
  void membershipRules(String rule, Topic t, List<Paper> cache, Integer since, List<String> expected) {
    assertThat(Membership.of(t, cache, since).papers()).extracting(Paper::id)
        .containsExactlyElementsOf(expected);
    // rank shows the same set (ranked or not)
    assertThat(Ranker.rank(t, cache, new RankOptions(since, null, NOW)).entries())
        .filteredOn(RankedPaper::cached).extracting(e -> e.paper().id())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void includeFoundThroughAnAlias() {
    // the entry was made from the DOI; arXiv later revealed its id: the include by arXiv id finds it
    Paper p = doi("10.1103/physrevb.85.115117", 2012).meta(
        SourceRecord.builder(Source.ARXIV.jsonName()).arxivId("1111.2011").build()).build();
    Topic t = topic(List.of(), List.of("1111.2011", "1503.02531"), List.of("0704.0001"), null);
    Membership.Members m = Membership.of(t, List.of(p), null);
    assertThat(m.papers()).extracting(Paper::id).containsExactly("doi:10.1103/physrevb.85.115117");
    assertThat(m.notCached()).extracting(PaperId::key).containsExactly("arxiv:1503.02531");
  }

  @Test
  void excludedIncludeIsNotListedAsNotCached() {
    Topic t = topic(List.of(), List.of("1503.02531"), List.of("1503.02531v2"), null);
    assertThat(Membership.of(t, List.of(), null).notCached()).isEmpty();
  }

  @Test
  void countWithoutAnyDateIsUnrankedButShown() {
    Paper p = doi("10.1000/nodate", null).s2(42, "2026-01-01").topic("distillation").build();
    RankResult r = Ranker.rank(topic(), List.of(p), new RankOptions(null, null, NOW));
    RankedPaper e = r.entries().get(0);
    assertThat(e.rank()).isNull();
    assertThat(e.count()).isEqualTo(42);
    assertThat(e.source()).isEqualTo(Source.SEMANTIC_SCHOLAR.jsonName());
    assertThat(e.fetchCommand()).isEqualTo("papers fetch 10.1000/nodate");
  }

  @Test
  void reportedCountKeepsProvenance() {
    Paper p = arxiv("1909.10351", "2019-09-23").reported(730, "2022-09-16", "seeds/001.txt:12")
        .topic("distillation").build();
    RankedPaper e = Ranker.rank(topic(), List.of(p), new RankOptions(null, null, NOW)).entries().get(0);
    assertThat(e.source()).isEqualTo(Source.REPORTED.jsonName());
    assertThat(e.provenance()).isEqualTo("seeds/001.txt:12");
  }
}
