package dev.papers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountsTest {
  @Test
  void wholeNumbersFromZeroAreCounts() {
    assertThat(Counts.check(0).value()).isZero();
    assertThat(Counts.check(42).value()).isEqualTo(42);
    assertThat(Counts.check(42L).value()).isEqualTo(42);
    assertThat(Counts.check(12.0).value()).isEqualTo(12);
    assertThat(Counts.check(new BigDecimal("7.000")).value()).isEqualTo(7);
    assertThat(Counts.check(BigInteger.valueOf(Integer.MAX_VALUE)).value()).isEqualTo(Integer.MAX_VALUE);
    assertThat(Counts.checkDigits("1234").value()).isEqualTo(1234);
  }

  @Test
  void absentIsNeitherACountNorAProblem() {
    assertThat(Counts.check(null)).isEqualTo(new Counts.Checked(null, null));
    assertThat(Counts.check(null).refused()).isFalse();
  }

  @Test
  void everythingElseIsRefusedWithTheValueNamed() {
    assertThat(Counts.check(12.5).problem()).isEqualTo("not a whole number: 12.5");
    assertThat(Counts.check(new BigDecimal("12.5")).problem()).isEqualTo("not a whole number: 12.5");
    assertThat(Counts.check(-3).problem()).isEqualTo("negative: -3");
    assertThat(Counts.check(-0.5).problem()).contains("negative");
    assertThat(Counts.check(true).problem()).isEqualTo("not a number: true");
    assertThat(Counts.check(Map.of("n", 1)).problem()).isEqualTo("not a number: an object");
    assertThat(Counts.check(List.of(1)).problem()).isEqualTo("not a number: an array");
    assertThat(Counts.check("12").problem()).isEqualTo("not a number: a string \"12\"");
    assertThat(Counts.check(Double.NaN).problem()).startsWith("not a number");
    BigInteger twoTo63 = BigInteger.ONE.shiftLeft(63);
    assertThat(Counts.check(twoTo63).problem()).isEqualTo("too large (past 2^53): 9223372036854775808");
    assertThat(Counts.check((1L << 53) + 1).problem()).contains("past 2^53");
    assertThat(Counts.check(1e300).problem()).contains("past 2^53");
    assertThat(Counts.check(3_000_000_000L).problem()).contains("too large");
    assertThat(Counts.checkDigits("99999999999999999999").refused()).isTrue();
    for (Object bad : List.of(12.5, -3, true, Map.of(), "x", twoTo63)) {
      assertThat(Counts.check(bad).value()).as(String.valueOf(bad)).isNull();
      assertThat(Counts.check(bad).refused()).isTrue();
    }
  }

  @Test
  void aRecordKeepsItsOtherFieldsAndNotesTheRefusedCount() {
    SourceRecord r = SourceRecord.builder(Source.SEMANTIC_SCHOLAR.jsonName()).title("T")
        .count("citationCount", Counts.check(12.5)).influential("influentialCitationCount", Counts.check(3))
        .build();
    assertThat(r.count()).isNull();
    assertThat(r.influential()).isEqualTo(3);
    assertThat(r.title()).isEqualTo("T");
    assertThat(r.notes()).containsExactly("citationCount not stored: not a whole number: 12.5");
  }
}
