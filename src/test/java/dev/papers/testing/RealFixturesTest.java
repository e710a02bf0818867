package dev.papers.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RealFixturesTest {
  @Test
  void ciIsSetByAnyValueButEmptyOrFalse() {
    assertThat(RealFixtures.inCi("true")).isTrue();
    assertThat(RealFixtures.inCi("1")).isTrue();
    assertThat(RealFixtures.inCi(null)).isFalse();
    assertThat(RealFixtures.inCi("")).isFalse();
    assertThat(RealFixtures.inCi("false")).isFalse();
  }

  @Test
  void aMissingRecordingSkipsOutsideCiAndFailsInCi() {
    Path missing = Path.of("..", "shared", "fixtures", "real", "no-such-recording.xml");
    Class<? extends Throwable> expected = RealFixtures.inCi() ? AssertionFailedError.class : TestAbortedException.class;
    assertThatThrownBy(() -> RealFixtures.require(missing)).isInstanceOf(expected)
        .hasMessageContaining("../shared is not beside the project");
  }
}
