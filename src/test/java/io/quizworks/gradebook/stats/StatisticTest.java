package io.quizworks.gradebook.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A statistic is a finite value or a reason")
class StatisticTest {

  @Test
  @DisplayName("a defined statistic has a value and no reason")
  void defined() {
    Statistic s = Statistic.of(0.25);
    assertThat(s.isPresent()).isTrue();
    assertThat(s.isEmpty()).isFalse();
    assertThat(s.getAsDouble()).isEqualTo(0.25);
    assertThat(s.orElse(9)).isEqualTo(0.25);
    assertThat(s.value()).hasValue(0.25);
    assertThat(s.reason()).isEmpty();
    assertThat(s).hasToString("0.25");
  }

  @Test
  @DisplayName("an undefined statistic has a reason and throws it when asked for its value")
  void undefined() {
    Statistic s = Statistic.undefined("nobody was presented this question");
    assertThat(s.isEmpty()).isTrue();
    assertThat(s.orElse(9)).isEqualTo(9);
    assertThat(s.value()).isEmpty();
    assertThat(s).hasToString("undefined (nobody was presented this question)");
    assertThatThrownBy(s::getAsDouble).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("nobody was presented this question");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  @DisplayName("NaN and infinities are refused, so they cannot leak into a report")
  void notFinite(double value) {
    assertThatIllegalArgumentException().isThrownBy(() -> Statistic.of(value)).withMessageContaining("finite");
  }

  @Test
  @DisplayName("a statistic has exactly one of a value and a reason, and a reason is not blank")
  void exactlyOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Statistic(OptionalDouble.of(1), Optional.of("why")));
    assertThatIllegalArgumentException().isThrownBy(() -> new Statistic(OptionalDouble.empty(), Optional.empty()));
    assertThatIllegalArgumentException().isThrownBy(() -> Statistic.undefined(" "));
  }

  @Test
  @DisplayName("mapping keeps the reason of an undefined statistic")
  void map() {
    assertThat(Statistic.of(2).map(v -> v * 3)).isEqualTo(Statistic.of(6));
    assertThat(Statistic.undefined("why").map(v -> v * 3)).isEqualTo(Statistic.undefined("why"));
  }
}
