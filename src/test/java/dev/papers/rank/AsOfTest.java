package dev.papers.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsOfTest {
  @ParameterizedTest
  @CsvSource({
      "2026-11-22, 2026-11-22T23:59:59.999999999Z",
      "' 2024-02-29 ', 2024-02-29T23:59:59.999999999Z",
      "2026-11-22T10:00:00Z, 2026-11-22T10:00:00Z",
      "2026-11-22T10:00:00+02:00, 2026-11-22T08:00:00Z"})
  void parses(String text, String instant) {
    assertThat(AsOf.parse(text)).isEqualTo(Instant.parse(instant));
  }

  @ParameterizedTest
  @CsvSource({"2026-13-01", "yesterday", "2026-02-30", "22.09.16"})
  void refusesWithAQuote(String text) {
    assertThatThrownBy(() -> AsOf.parse(text)).isInstanceOf(InvalidDateException.class)
        .hasMessageContaining("\"" + text + "\"");
  }

  @Test
  void flagOverridesTheClock() {
    Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
    assertThat(AsOf.resolve(null, clock)).isEqualTo(clock.instant());
    assertThat(AsOf.resolve("2026-01-01", clock)).isBefore(Instant.parse("2026-01-02T00:00:00Z"));
  }
}
