package dev.papers.rank;

import static dev.papers.rank.TestPapers.arxiv;
import static dev.papers.rank.TestPapers.doi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.papers.model.Paper;
import dev.papers.model.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule of the contract's citation velocity, one row each. */
class VelocityTest {
  private static final String S2 = Source.SEMANTIC_SCHOLAR.jsonName();
  private static final String OA = Source.OPEN_ALEX.jsonName();
  private static final String LATE = "2026-12-31";

  /**
   * One rule.
   *
   * @param rule what it pins
   * @param paper the paper
   * @param asOf the ranking's now ({@code --as-of} text)
   * @param method expected method, or null for no velocity
   * @param source expected source
   * @param velocity expected citations per year
   * @param count expected count used
   * @param approximate expected flag
   */
  record Case(String rule, Paper paper, String asOf, String method, String source, double velocity,
      int count, boolean approximate) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static Case c(String rule, TestPapers p, String asOf, String method, String source, double v, int count,
      boolean approx) {
    return new Case(rule, p.build(), asOf, method, source, v, count, approx);
  }

  static Case none(String rule, TestPapers p, String asOf) {
    return new Case(rule, p.build(), asOf, null, null, 0, 0, false);
  }

  /** count / (days between the two dates / 365.25). */
  static double life(int count, String from, String to) {
    return count / (ChronoUnit.DAYS.between(LocalDate.parse(from), LocalDate.parse(to)) / 365.25);
  }

  static TestPapers tiny() {
    return arxiv("1909.10351", "2019-09-23");
  }

  static TestPapers pub(String date) {
    return arxiv("2005.00001", date);
  }

  static Stream<Case> cases() {
    return Stream.of(
        // observed
        c("observed: a year apart", tiny().s2(1100, "2025-11-22").s2(1520, "2026-11-22"), LATE,
            "observed", S2, 420.0, 1520, false),
        c("observed: exactly 30 days apart is enough", tiny().s2(1490, "2026-10-23").s2(1520, "2026-11-22"),
            LATE, "observed", S2, 365.0, 1520, false),
        c("observed: 29 days apart is not; lifetime instead",
            tiny().s2(1500, "2026-10-24").s2(1520, "2026-11-22"), LATE,
            "lifetime", S2, life(1520, "2019-09-23", "2026-11-22"), 1520, false),
        c("observed: then = closest to one year before (400 d beats 300 d)",
            tiny().s2(1000, "2025-10-18").s2(1200, "2026-01-26").s2(1520, "2026-11-22"), LATE,
            "observed", S2, 520 * 365.0 / 400, 1520, false),
        c("observed: a tie goes to the older observation",
            tiny().s2(1000, "2025-11-12").s2(1100, "2025-12-02").s2(1520, "2026-11-22"), LATE,
            "observed", S2, 520 * 365.0 / 375, 1520, false),
        c("observed: a later observation that is closer wins",
            tiny().s2(1000, "2025-11-02").s2(1100, "2025-12-02").s2(1520, "2026-11-22"), LATE,
            "observed", S2, 420 * 365.0 / 355, 1520, false),
        c("observed: days are fractional",
            tiny().s2(1100, "2025-11-22T00:00:00Z").s2(1520, "2026-11-22T12:00:00Z"), LATE,
            "observed", S2, 420 * 365.0 / 365.5, 1520, false),
        c("observed: a suspect 0 is ignored, now is the last good count",
            tiny().s2(100, "2025-11-22").s2(200, "2026-05-01").s2(0, "2026-11-22"), LATE,
            "observed", S2, 100 * 365.0 / 160, 200, false),
        c("observed: a negative velocity is kept", tiny().s2(500, "2025-11-22").s2(400, "2026-11-22"), LATE,
            "observed", S2, -100.0, 400, false),
        c("as-of: later observations do not exist (one left: lifetime)",
            tiny().s2(1100, "2025-11-22").s2(1520, "2026-11-22"), "2026-06-01",
            "lifetime", S2, life(1100, "2019-09-23", "2025-11-22"), 1100, false),
        c("as-of: a date means the end of that day (UTC)",
            tiny().s2(1100, "2025-11-22").s2(1520, "2026-11-22T23:59:59Z"), "2026-11-22",
            "observed", S2, 420 * 365.0 / (365 + 86399 / 86400.0), 1520, false),
        c("as-of: an instant is taken as it is",
            tiny().s2(1100, "2025-11-22").s2(1520, "2026-11-22T12:00:00Z"), "2026-11-22T11:59:59Z",
            "lifetime", S2, life(1100, "2019-09-23", "2025-11-22"), 1100, false),
        // histogram
        c("histogram: 3:2:1, current year scaled by 365/182 days",
            pub("2020-05-01").s2(1000, "2026-07-02").histogram(S2, "2026-07-02", 1000, 2024, 60, 2025, 120, 2026, 91),
            LATE, "histogram", S2, (3 * 182.5 + 2 * 120 + 60) / 6, 1000, false),
        c("histogram: a year with no citations counts 0",
            pub("2020-05-01").histogram(S2, "2026-07-02", 91, 2026, 91), LATE,
            "histogram", S2, 3 * 182.5 / 6, 91, false),
        c("histogram: a year before publication drops out with its weight",
            pub("2025-03-01").s2(1000, "2026-07-02").histogram(S2, "2026-07-02", 1000, 2024, 60, 2025, 120, 2026, 91),
            LATE, "histogram", S2, (3 * 182.5 + 2 * 120) / 5, 1000, false),
        c("histogram: published this year: only this year",
            pub("2026-02-01").s2(1000, "2026-07-02").histogram(S2, "2026-07-02", 1000, 2026, 91),
            LATE, "histogram", S2, 182.5, 1000, false),
        c("histogram: made on 1 January: at least one day",
            pub("2020-05-01").s2(1000, "2026-01-01").histogram(S2, "2026-01-01", 1000, 2024, 60, 2025, 120, 2026, 2),
            LATE, "histogram", S2, (3 * 730.0 + 2 * 120 + 60) / 6, 1000, false),
        c("histogram: no count of that source: the histogram's total",
            pub("2020-05-01").histogram(S2, "2026-07-02", 1234, 2024, 60, 2025, 120, 2026, 91),
            LATE, "histogram", S2, (3 * 182.5 + 2 * 120 + 60) / 6, 1234, false),
        c("histogram: one made after as-of does not exist",
            pub("2020-05-01").s2(1000, "2026-01-10").histogram(S2, "2026-07-02", 1000, 2026, 91),
            "2026-06-30", "lifetime", S2, life(1000, "2020-05-01", "2026-01-10"), 1000, false),
        c("histogram: observed comes first",
            pub("2020-05-01").s2(800, "2025-07-02").s2(1000, "2026-07-02")
                .histogram(S2, "2026-07-02", 1000, 2026, 91),
            LATE, "observed", S2, 200.0, 1000, false),
        // OpenAlex's counts_by_year: zero years left out, years before publication listed
        c("histogram (openAlex): years OpenAlex leaves out count 0",
            pub("2020-05-01").obs(OA, 500, "2026-07-02").histogram(OA, "2026-07-02", 500, 2024, 60, 2026, 91),
            LATE, "histogram", OA, (3 * 182.5 + 2 * 0 + 60) / 6, 500, false),
        c("histogram (openAlex): a listed year before publication drops out with its weight",
            pub("2025-03-01").obs(OA, 300, "2026-07-02").histogram(OA, "2026-07-02", 300, 2023, 7, 2024, 40, 2026, 91),
            LATE, "histogram", OA, (3 * 182.5 + 2 * 0) / 5, 300, false),
        c("histogram (openAlex): an arXiv paper with no date: the id's year decides",
            arxiv("2501.00001", null).obs(OA, 30, "2026-07-02").histogram(OA, "2026-07-02", 30, 2024, 9, 2025, 10),
            LATE, "histogram", OA, (3 * 0 + 2 * 10) / 5.0, 30, false),
        c("histogram (openAlex): empty counts_by_year is 0 a year",
            pub("2020-05-01").obs(OA, 0, "2026-07-02").histogram(OA, "2026-07-02", 0), LATE,
            "histogram", OA, 0.0, 0, false),
        c("across: same method: semanticScholar before openAlex",
            pub("2020-05-01").s2(1000, "2026-07-02").histogram(S2, "2026-07-02", 1000, 2026, 10)
                .obs(OA, 2000, "2026-07-02").histogram(OA, "2026-07-02", 2000, 2026, 900),
            LATE, "histogram", S2, 3 * 10 * 365.0 / 182 / 6, 1000, false),
        c("across: openAlex's histogram beats semanticScholar's lifetime",
            pub("2020-05-01").s2(1000, "2026-07-02").obs(OA, 800, "2026-07-02")
                .histogram(OA, "2026-07-02", 800, 2025, 120, 2026, 91),
            LATE, "histogram", OA, (3 * 182.5 + 2 * 120) / 6, 800, false),
        c("across: same method: openAlex before scholar",
            pub("2020-05-01").obs(OA, 100, "2026-07-02").scholar(5000, "2026-07-02"), LATE,
            "lifetime", OA, life(100, "2020-05-01", "2026-07-02"), 100, false),
        // lifetime
        c("lifetime: published to the count's observedAt", tiny().s2(1000, "2021-09-23"), LATE,
            "lifetime", S2, life(1000, "2019-09-23", "2021-09-23"), 1000, false),
        c("lifetime: the age runs to observedAt, not to now", tiny().s2(1000, "2021-09-23"), "2035-01-01",
            "lifetime", S2, life(1000, "2019-09-23", "2021-09-23"), 1000, false),
        c("lifetime: never less than 0.25 years", pub("2026-11-01").s2(10, "2026-11-22"), LATE,
            "lifetime", S2, 40.0, 10, false),
        c("lifetime: no published: first day of the arXiv id's month, approximate",
            arxiv("1909.10351", null).s2(1000, "2021-09-01"), LATE,
            "lifetime", S2, life(1000, "2019-09-01", "2021-09-01"), 1000, true),
        c("lifetime: old-style arXiv id", arxiv("hep-th/9901001", null).s2(100, "2001-01-01"), LATE,
            "lifetime", S2, life(100, "1999-01-01", "2001-01-01"), 100, true),
        c("lifetime: no published, no arXiv id: 1 July of year, approximate",
            doi("10.1000/xyz", 2019).s2(100, "2021-07-01"), LATE,
            "lifetime", S2, life(100, "2019-07-01", "2021-07-01"), 100, true),
        none("lifetime: no date at all: no velocity", doi("10.1000/xyz", null).s2(100, "2021-07-01"), LATE),
        none("no count at all: no velocity", tiny(), LATE),
        none("as-of before every count: no velocity", tiny().s2(100, "2021-07-01"), "2021-06-30"),
        // across sources
        c("across: a better method beats the preferred source",
            tiny().s2(1000, "2026-11-22").scholar(1500, "2025-11-22").scholar(1800, "2026-11-22"), LATE,
            "observed", Source.SCHOLAR.jsonName(), 300.0, 1800, false),
        c("across: same method: semanticScholar first, even when slower",
            tiny().s2(1000, "2025-11-22").s2(1100, "2026-11-22")
                .scholar(1000, "2025-11-22").scholar(1900, "2026-11-22"), LATE,
            "observed", S2, 100.0, 1100, false),
        c("across: scholar before other sources",
            tiny().reported(5000, "2022-09-16", "seed.md:12").scholar(10, "2021-09-23"), LATE,
            "lifetime", Source.SCHOLAR.jsonName(), life(10, "2019-09-23", "2021-09-23"), 10, false),
        c("across: other sources alphabetically",
            tiny().obs("reported", 50, "2021-09-23").obs("other", 10, "2021-09-23"), LATE,
            "lifetime", "other", life(10, "2019-09-23", "2021-09-23"), 10, false),
        c("across: a reported count alone is used",
            tiny().reported(730, "2022-09-16", "seed.md:12"), LATE,
            "lifetime", Source.REPORTED.jsonName(), life(730, "2019-09-23", "2022-09-16"), 730, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rule(Case c) {
    Instant asOf = AsOf.parse(c.asOf());
    Optional<VelocityResult> r = Velocity.best(c.paper(), asOf);
    if (c.method() == null) {
      assertThat(r).isEmpty();
      return;
    }
    assertThat(r).isPresent();
    VelocityResult v = r.get();
    assertThat(v.method()).isEqualTo(c.method());
    assertThat(v.source()).isEqualTo(c.source());
    assertThat(v.velocity()).isCloseTo(c.velocity(), within(1e-9));
    assertThat(v.count()).isEqualTo(c.count());
    assertThat(v.approximate()).isEqualTo(c.approximate());
    assertThat(v.observedAt()).isBeforeOrEqualTo(asOf);
    assertThat(v.explanation()).startsWith(c.method() + " (" + c.source());
  }

  @Test
  void explanationNamesTheNumbersThatWentIn() {
    Paper p = tiny().s2(1100, "2025-11-20").s2(1520, "2026-11-22").build();
    VelocityResult v = Velocity.best(p, AsOf.parse(LATE)).orElseThrow();
    assertThat(v.explanation())
        .isEqualTo("observed (semanticScholar): 1520 (2026-11-22) - 1100 (2025-11-20) over 367 d = 417.7/yr");
  }

  @Test
  void reportedCountExplanationCarriesItsProvenance() {
    Paper p = tiny().reported(730, "2022-09-16", "seeds/001.txt:12").build();
    VelocityResult v = Velocity.best(p, AsOf.parse(LATE)).orElseThrow();
    assertThat(v.explanation()).contains("count from seeds/001.txt:12");
  }

  @Test
  void approximateExplanationSaysWhereTheDateCameFrom() {
    Paper p = arxiv("1909.10351", null).s2(1000, "2021-09-01").build();
    assertThat(Velocity.best(p, AsOf.parse(LATE)).orElseThrow().explanation())
        .contains("since 2019-09-01 (month of arXiv id 1909.10351, approximate)");
  }

  @Test
  void allListsOneResultPerSourceBestFirst() {
    Paper p = tiny().s2(1000, "2026-11-22").scholar(1500, "2025-11-22").scholar(1800, "2026-11-22")
        .reported(700, "2022-09-16", "x:1").build();
    assertThat(Velocity.all(p, AsOf.parse(LATE))).extracting(VelocityResult::source)
        .containsExactly(Source.SCHOLAR.jsonName(), S2, Source.REPORTED.jsonName());
  }

  @Test
  void arxivMonth() {
    assertThat(Velocity.arxivMonth("1909.10351")).isEqualTo(LocalDate.of(2019, 9, 1));
    assertThat(Velocity.arxivMonth("0704.0001")).isEqualTo(LocalDate.of(2007, 4, 1));
    assertThat(Velocity.arxivMonth("hep-th/9901001")).isEqualTo(LocalDate.of(1999, 1, 1));
    assertThat(Velocity.arxivMonth("math/0309136")).isEqualTo(LocalDate.of(2003, 9, 1));
    assertThat(Velocity.arxivMonth("not-an-id")).isNull();
  }
}
