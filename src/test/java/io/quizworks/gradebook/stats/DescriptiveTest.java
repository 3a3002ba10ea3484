package io.quizworks.gradebook.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The arithmetic helpers")
class DescriptiveTest {

  @Test
  @DisplayName("the median is the middle value, or the mean of the two middle ones, and leaves its input alone")
  void median() {
    double[] odd = {3, 1, 2};
    assertThat(Descriptive.median(odd)).isEqualTo(2);
    assertThat(odd).containsExactly(3, 1, 2);
    assertThat(Descriptive.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(Descriptive.median(new double[] {7})).isEqualTo(7);
  }

  @Test
  @DisplayName("the variance divides by n: 2, 4, 4, 4, 5, 5, 7, 9 has variance 4")
  void populationVariance() {
    assertThat(Descriptive.populationVariance(new double[] {2, 4, 4, 4, 5, 5, 7, 9}, 9)).isEqualTo(4);
    assertThat(Descriptive.populationVariance(new double[] {0.1, 0.1, 0.1}, 1)).isZero();
    assertThat(Descriptive.mean(new double[] {0.1, 0.1, 0.1})).isEqualTo(0.1);
  }

  @Test
  @DisplayName("values within 1e-9 of their scale of one another count as equal")
  void allEqual() {
    assertThat(Descriptive.allEqual(new double[] {0.6, 0.6000000000000001}, 1)).isTrue();
    assertThat(Descriptive.allEqual(new double[] {0.6, 0.6000000000000001}, 0)).isFalse();
    assertThat(Descriptive.allEqual(new double[] {0, 1e-6}, 1)).isFalse();
  }

  @Test
  @DisplayName("the correlation of perfectly related series is ±1, and is refused for a constant series")
  void correlation() {
    assertThat(Descriptive.correlation(new double[] {1, 2, 3}, new double[] {2, 4, 6})).isCloseTo(1, within(1e-15));
    assertThat(Descriptive.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1})).isCloseTo(-1, within(1e-15));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Descriptive.correlation(new double[] {1, 1}, new double[] {1, 2}));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Descriptive.correlation(new double[] {1}, new double[] {1}));
    assertThatIllegalArgumentException().isThrownBy(() -> Descriptive.mean(new double[0]));
  }
}
