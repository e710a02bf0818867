package dev.papers.source.s2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.papers.model.PaperId;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Id forms, URL paths, contradiction checks and histogram scaling: pure functions. */
class S2IdsTest {

  @Test
  void wireForms() {
    assertThat(S2Ids.wire(PaperId.parse("1909.10351v2"))).isEqualTo("ARXIV:1909.10351");
    assertThat(S2Ids.wire(PaperId.parse("arXiv:1909.10351"))).isEqualTo("ARXIV:1909.10351");
    assertThat(S2Ids.wire(PaperId.parse("hep-th/9901001v3"))).isEqualTo("ARXIV:hep-th/9901001");
    assertThat(S2Ids.wire(PaperId.parse("math.GT/0309136"))).isEqualTo("ARXIV:math/0309136");
    assertThat(S2Ids.wire(PaperId.parse("10.48550/arXiv.1909.10351"))).isEqualTo("ARXIV:1909.10351");
    assertThat(S2Ids.wire(PaperId.parse("https://doi.org/10.1145/1541880.1541882")))
        .isEqualTo("DOI:10.1145/1541880.1541882");
    assertThat(S2Ids.wire(PaperId.parse("CorpusId:13756489"))).isEqualTo("CorpusId:13756489");
    assertThat(S2Ids.wire(PaperId.parse("204E3073870FAE3D05BCBC2F6A8E263D9B72E776")))
        .isEqualTo("204e3073870fae3d05bcbc2f6a8e263d9b72e776");
    assertThat(S2Ids.wire(PaperId.parse("scholar:15570691018430890829"))).isNull();
  }

  private static String path(String wire) {
    return S2Ids.addId(HttpUrl.get("https://api.semanticscholar.org/graph/v1").newBuilder()
        .addPathSegment("paper"), wire).build().encodedPath();
  }

  @Test
  void pathKeepsColonAndSlashReadable() {
    assertThat(path("DOI:10.1145/1541880.1541882")).isEqualTo("/graph/v1/paper/DOI:10.1145/1541880.1541882");
    assertThat(path("ARXIV:hep-th/9901001")).isEqualTo("/graph/v1/paper/ARXIV:hep-th/9901001");
    assertThat(path("ARXIV:1909.10351")).isEqualTo("/graph/v1/paper/ARXIV:1909.10351");
  }

  @Test
  void pathEncodesWhatAUrlCannotCarry() {
    assertThat(path("DOI:10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0"))
        .isEqualTo("/graph/v1/paper/DOI:10.1002/(sici)1097-4571(199806)49:8%3C693::aid-asi4%3E3.0.co;2-0");
    assertThat(path("DOI:10.1000/a?b#c%d")).isEqualTo("/graph/v1/paper/DOI:10.1000/a%3Fb%23c%25d");
  }

  @Test
  void pathWithDotOrEmptyPiecesIsOneEncodedSegment() {
    assertThat(path("DOI:10.1000/../x")).isEqualTo("/graph/v1/paper/DOI:10.1000%2F..%2Fx");
    assertThat(path("DOI:10.1000//x")).isEqualTo("/graph/v1/paper/DOI:10.1000%2F%2Fx");
    assertThat(path("DOI:10.1000/.")).isEqualTo("/graph/v1/paper/DOI:10.1000%2F.");
  }

  @Test
  void baseWithTrailingSlash() {
    HttpUrl u = S2Ids.addId(HttpUrl.get("http://localhost:9/graph/v1/").newBuilder().addPathSegment("paper"),
        "CorpusId:1").build();
    assertThat(u.encodedPath()).isEqualTo("/graph/v1/paper/CorpusId:1");
  }

  private static S2Dto.Paper paper(String arxiv, String doi, Long corpus) {
    return new S2Dto.Paper("aa", null, new S2Dto.ExternalIds(arxiv, doi, corpus), null, null, null, null, null,
        null, null, null, null, null);
  }

  @Test
  void contradictions() {
    PaperId ax = PaperId.parse("1706.03762v5");
    assertThat(S2Normalizer.contradiction(ax, paper("1706.03762", null, null))).isNull();
    assertThat(S2Normalizer.contradiction(ax, paper(null, "10.1/x", 5L))).as("no arXiv id: nothing contradicts")
        .isNull();
    assertThat(S2Normalizer.contradiction(ax, paper("1810.04805", null, null))).contains("1810.04805");
    PaperId old = PaperId.parse("math.GT/0309136");
    assertThat(S2Normalizer.contradiction(old, paper("math/0309136", null, null))).isNull();
    assertThat(S2Normalizer.contradiction(old, paper("math.GT/0309136", null, null))).isNull();

    PaperId doi = PaperId.parse("10.1145/ABC");
    assertThat(S2Normalizer.contradiction(doi, paper(null, "10.1145/abc", null))).isNull();
    assertThat(S2Normalizer.contradiction(doi, paper(null, "10.1145/abd", null))).isNotNull();

    PaperId corpus = PaperId.corpus(12);
    assertThat(S2Normalizer.contradiction(corpus, paper(null, null, 12L))).isNull();
    assertThat(S2Normalizer.contradiction(corpus, paper(null, null, 13L))).isNotNull();

    PaperId s2 = PaperId.s2("204e3073870fae3d05bcbc2f6a8e263d9b72e776");
    assertThat(S2Normalizer.contradiction(s2, paper("1810.04805", "10.1/x", 1L))).isNull();
  }

  @Test
  void yearCountsLeaveOutNullYears() {
    assertThat(YearCounts.count(java.util.Arrays.asList(2020, null, 2021, 2020)))
        .containsExactly(java.util.Map.entry(2020, 2), java.util.Map.entry(2021, 1));
  }

  @Test
  void scaleDoublesExactly() {
    SortedMap<Integer, Integer> c = new TreeMap<>(java.util.Map.of(2019, 300, 2020, 700));
    assertThat(YearCounts.scale(c, 1000, 2000))
        .containsExactly(java.util.Map.entry(2019, 600), java.util.Map.entry(2020, 1400));
  }

  @Test
  void scaleRoundsByLargestRemainderToTheScaledSum() {
    // 3 read (all with years), total 10: 1 -> 3.33 each; the sum must be 10; ties go to the later year.
    SortedMap<Integer, Integer> c = new TreeMap<>(java.util.Map.of(2019, 1, 2020, 1, 2021, 1));
    SortedMap<Integer, Integer> s = YearCounts.scale(c, 3, 10);
    assertThat(s).containsExactly(java.util.Map.entry(2019, 3), java.util.Map.entry(2020, 3),
        java.util.Map.entry(2021, 4));
    // 4 read, one with no year: the 3 with years stand for 3/4 of 10 = 7.5 -> 8
    SortedMap<Integer, Integer> s2 = YearCounts.scale(c, 4, 10);
    assertThat(s2.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(8);
    assertThat(List.copyOf(s2.values())).containsExactly(2, 3, 3);
  }

  @Test
  void scaleNeverShrinks() {
    SortedMap<Integer, Integer> c = new TreeMap<>(java.util.Map.of(2019, 5));
    assertThat(YearCounts.scale(c, 5, 3)).containsExactly(java.util.Map.entry(2019, 5));
  }
}
