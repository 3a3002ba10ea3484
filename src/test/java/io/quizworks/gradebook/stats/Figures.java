package io.quizworks.gradebook.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Assertions on {@link Statistic}s, so a test reads as its table of expected figures. */
final class Figures {
  /** Hand computations are exact fractions; the module's doubles must agree to this. */
  static final double EXACT = 1e-9;

  private Figures() {}

  static void assertFigure(Statistic statistic, double expected) {
    assertThat(statistic.isPresent()).as("defined, not %s", statistic).isTrue();
    assertThat(statistic.getAsDouble()).isCloseTo(expected, within(EXACT));
  }

  static void assertUndefined(Statistic statistic, String reasonContains) {
    assertThat(statistic.isEmpty()).as("undefined, not %s", statistic).isTrue();
    assertThat(statistic.reason()).hasValueSatisfying(reason -> assertThat(reason).contains(reasonContains));
  }
}
