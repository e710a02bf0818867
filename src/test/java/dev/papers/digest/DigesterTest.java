package dev.papers.digest;

import static dev.papers.digest.DigestPapers.NOW;
import static dev.papers.digest.DigestPapers.SINCE;
import static dev.papers.digest.DigestPapers.arxiv;
import static dev.papers.digest.DigestPapers.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.papers.model.Paper;
import dev.papers.rank.RankOptions;
import dev.papers.rank.RankedPaper;
import dev.papers.rank.Ranker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigesterTest {
  // Cached for a year; grew 100 -> 130 in the window; published long ago (low velocity).
  private final Paper a = arxiv("2001.00001", "2025-01-01", "2020-01-01", "Old and steady")
      .s2(100, "2026-11-01").s2(130, "2026-11-20").build();
  // Grew 20.
  private final Paper b = arxiv("2001.00002", "2025-01-01", "2020-01-01", "Small riser")
      .s2(500, "2026-11-10").s2(520, "2026-11-21").build();
  // Grew 30 by Semantic Scholar (preferred) though OpenAlex saw 60; published recently: higher velocity
  // than a, so it comes first on the tie.
  private final Paper c = arxiv("2301.00003", "2025-01-01", "2024-01-01", "Young riser")
      .s2(50, "2026-11-14").s2(80, "2026-11-21")
      .obs("openAlex", 40, "2026-11-14").obs("openAlex", 100, "2026-11-21").build();
  // Entry made in the window: new; no count before the window: no growth.
  private final Paper d = arxiv("2611.00004", "2026-11-18T09:00:00Z", "2026-11-10", "Brand new")
      .s2(10, "2026-11-18T09:00:00Z").build();
  // Cached long ago without a count; first counted in the window: new.
  private final Paper e = arxiv("2001.00005", "2025-01-01", "2020-01-01", "First counted")
      .s2(7, "2026-11-16").build();
  // Semantic Scholar not counted since the window started: OpenAlex's growth instead.
  private final Paper f = arxiv("2001.00006", "2025-01-01", "2020-01-01", "Stale at S2")
      .s2(300, "2026-10-01").obs("openAlex", 10, "2026-11-01").obs("openAlex", 25, "2026-11-20").build();
  // No growth; and a count that went down.
  private final Paper g = arxiv("2001.00007", "2025-01-01", "2020-01-01", "Flat")
      .s2(40, "2026-11-01").s2(40, "2026-11-20").build();
  private final Paper h = arxiv("2001.00008", "2025-01-01", "2020-01-01", "Shrinking")
      .obs("scholar", 40, "2026-11-01").obs("scholar", 35, "2026-11-20").build();
  // Observed after now (PAPERS_NOW in the past, say): that count does not exist yet.
  private final Paper later = arxiv("2001.00009", "2025-01-01", "2020-01-01", "Later")
      .s2(10, "2026-11-01").s2(90, "2026-11-23").build();

  private final List<Paper> cache = List.of(a, b, c, d, e, f, g, h, later);

  private Digest digest(Instant since, int limit) {
    return Digester.digest(topic(), cache, since, NOW, limit);
  }

  private static List<String> ids(List<DigestEntry> entries) {
    return entries.stream().map(x -> x.paper().id()).toList();
  }

  @Test
  void newPapersAreThoseFirstSeenOrFirstCountedInTheWindow() {
    Digest dg = digest(SINCE, 10);
    assertThat(ids(dg.fresh())).containsExactlyInAnyOrder("arxiv:2611.00004", "arxiv:2001.00005");
    // best velocity first: d is 10 citations in weeks, e 7 in six years
    assertThat(ids(dg.fresh())).containsExactly("arxiv:2611.00004", "arxiv:2001.00005");
    assertThat(dg.fresh()).allSatisfy(x -> assertThat(x.growth()).isNull());
  }

  @Test
  void risersByGrowthTiesByVelocityEachWithItsSource() {
    Digest dg = digest(SINCE, 10);
    assertThat(ids(dg.rising())).containsExactly(
        "arxiv:2301.00003", "arxiv:2001.00001", "arxiv:2001.00002", "arxiv:2001.00006");
    DigestEntry young = dg.rising().get(0);
    DigestEntry old = dg.rising().get(1);
    assertThat(young.growth().growth()).isEqualTo(30);
    assertThat(old.growth().growth()).isEqualTo(30);
    assertThat(young.velocity().velocity()).isGreaterThan(old.velocity().velocity());
    assertThat(young.growth().source()).isEqualTo("semanticScholar");
    assertThat(young.growth().from().count()).isEqualTo(50);
    assertThat(young.growth().to().count()).isEqualTo(80);
    assertThat(young.count()).isEqualTo(80);
    DigestEntry stale = dg.rising().get(3);
    assertThat(stale.growth().source()).isEqualTo("openAlex");
    assertThat(stale.growth().growth()).isEqualTo(15);
  }

  @Test
  void aPaperWithNoCountBeforeTheDateHasNoGrowth() {
    assertThat(Digester.growth(d, SINCE, NOW)).isNull();
    assertThat(ids(digest(SINCE, 10).rising())).doesNotContain("arxiv:2611.00004", "arxiv:2001.00005");
  }

  @Test
  void flatShrinkingAndFutureCountsDoNotRise() {
    List<String> rising = ids(digest(SINCE, 10).rising());
    assertThat(rising).doesNotContain("arxiv:2001.00007", "arxiv:2001.00008", "arxiv:2001.00009");
    assertThat(Digester.growth(h, SINCE, NOW).growth()).isEqualTo(-5);
    assertThat(Digester.growth(later, SINCE, NOW)).isNull();
    assertThat(Digester.growth(later, SINCE, Instant.parse("2026-11-24T00:00:00Z")).growth()).isEqualTo(80);
  }

  @Test
  void aSuspectZeroIsNotGrowthNorAFirstCount() {
    Paper p = arxiv("2001.00010", "2025-01-01", "2020-01-01", "Glitch")
        .s2(100, "2026-11-01").s2(0, "2026-11-20").build();
    assertThat(Digester.growth(p, SINCE, NOW)).isNull(); // the 0 is suspect: no count after the date
    Paper q = arxiv("2001.00011", "2025-01-01", "2020-01-01", "Glitch two")
        .s2(5, "2026-01-01").s2(0, "2026-11-20").build();
    assertThat(Digester.isNew(q, SINCE, NOW)).isFalse();
  }

  @Test
  void sinceAsADateAndAsADuration() {
    Instant date = SinceOption.resolve("2026-11-19", NOW);
    assertThat(date).isEqualTo(Instant.parse("2026-11-19T00:00:00Z"));
    // from the 19th, d (entry made on the 18th) is no longer new, and e (counted the 16th) neither
    assertThat(ids(digest(date, 10).fresh())).isEmpty();
    Instant week = SinceOption.resolve("7d", NOW);
    assertThat(week).isEqualTo(Instant.parse("2026-11-15T10:00:00Z"));
    assertThat(ids(digest(week, 10).fresh())).containsExactly("arxiv:2611.00004", "arxiv:2001.00005");
    Instant twoDays = SinceOption.resolve("2d", NOW);
    // two days back: only b (counted again on the 21st) and c were counted before and after it
    assertThat(ids(digest(twoDays, 10).rising())).containsExactly("arxiv:2301.00003", "arxiv:2001.00002");
    assertThat(SinceOption.resolve(null, NOW)).isEqualTo(week);
    assertThat(SinceOption.resolve("2w", NOW)).isEqualTo(NOW.minusSeconds(14 * 86_400));
    assertThat(SinceOption.resolve("36h", NOW)).isEqualTo(NOW.minusSeconds(36 * 3_600));
    assertThat(SinceOption.resolve("2026-11-19T12:00:00Z", NOW)).isEqualTo(Instant.parse("2026-11-19T12:00:00Z"));
  }

  @Test
  void badSinceIsBadInput() {
    for (String bad : List.of("yesterday", "2026-13-01", "7 days", "-3d", "")) {
      assertThatThrownBy(() -> SinceOption.resolve(bad, NOW))
          .isInstanceOf(dev.papers.config.UsageException.class)
          .hasMessageContaining("--since");
    }
  }

  @Test
  void theReadingListIsRanksFirstN() {
    Digest dg = digest(SINCE, 3);
    List<RankedPaper> ranked = Ranker.rank(topic(), cache, new RankOptions(null, 3, NOW)).ranked();
    assertThat(ids(dg.readingList())).containsExactlyElementsOf(ranked.stream().map(r -> r.paper().id()).toList());
    assertThat(dg.readingList()).extracting(DigestEntry::rank).containsExactly(1, 2, 3);
    assertThat(digest(SINCE, 0).readingList()).isEmpty();
    assertThat(digest(SINCE, 10).readingList()).hasSize(9);
  }

  @Test
  void referencesNumberEachPaperOnceInOrderOfFirstMention() {
    Digest dg = digest(SINCE, 10);
    var refs = dg.references();
    assertThat(refs).hasSize(9);
    assertThat(refs.values()).extracting(Digest.Reference::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(refs.keySet()).startsWith("arxiv:2611.00004", "arxiv:2001.00005", "arxiv:2301.00003");
  }

  @Test
  void membersOnlyAndNothingFromOtherTopics() {
    Paper other = arxiv("2001.00012", "2026-11-20", "2020-01-01", "Elsewhere").s2(3, "2026-11-20").build();
    Paper untagged = other.toBuilder().topics(List.of("vision")).build();
    Digest dg = Digester.digest(topic(), List.of(untagged, d), SINCE, NOW, 10);
    assertThat(ids(dg.fresh())).containsExactly("arxiv:2611.00004");
  }

  @Test
  void firstSentenceOfTheAbstract() {
    assertThat(FirstSentence.of("We study X, e.g. BERT and i.e. more. It works.")).isEqualTo(
        "We study X, e.g. BERT and i.e. more.");
    assertThat(FirstSentence.of("Results by J. Smith et al. show 3.5 gains. Next.")).isEqualTo(
        "Results by J. Smith et al. show 3.5 gains.");
    assertThat(FirstSentence.of("  No end here  ")).isEqualTo("No end here");
    assertThat(FirstSentence.of("知识蒸馏很有效。第二句。")).isEqualTo("知识蒸馏很有效。");
    assertThat(FirstSentence.of(null)).isNull();
    assertThat(FirstSentence.of("word ".repeat(200))).hasSizeLessThanOrEqualTo(FirstSentence.MAX + 1).endsWith("…");
  }
}
