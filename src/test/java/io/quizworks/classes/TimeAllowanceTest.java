package io.quizworks.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A time allowance as a teacher types it")
class TimeAllowanceTest {

  @Test
  @DisplayName("is a factor from 1 to 5 with at most two decimals, written with a point or a comma")
  void accepted() {
    assertThat(TimeAllowance.parse("1.5")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1.5"));
    assertThat(TimeAllowance.parse("1,5")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1.5"));
    assertThat(TimeAllowance.parse(" 2 ")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("2"));
    assertThat(TimeAllowance.parse("1")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1"));
    assertThat(TimeAllowance.parse("5.00")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("5"));
    assertThat(TimeAllowance.parse("1.25")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1.25"));
  }

  @Test
  @DisplayName("refuses less than 1, more than 5, more than two decimals, and anything that is not a plain number")
  void refused() {
    for (String typed : new String[] {"0.5", "0.99", "9", "5.01", "1.555", "abc", "", "-1", "1e0", "1.", ".5", "1.5x",
        "1 .5", null}) {
      assertThat(TimeAllowance.parse(typed)).as(String.valueOf(typed)).isEmpty();
    }
  }

  @Test
  @DisplayName("is shown without trailing zeros: 1.50 as 1.5, 2.00 as 2")
  void display() {
    assertThat(TimeAllowance.display(new BigDecimal("1.50"))).isEqualTo("1.5");
    assertThat(TimeAllowance.display(new BigDecimal("2.00"))).isEqualTo("2");
    assertThat(TimeAllowance.display(new BigDecimal("1.25"))).isEqualTo("1.25");
  }
}
