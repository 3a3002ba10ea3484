package io.quizworks.classes;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A student's time allowance as a teacher types it: a factor from 1 to 5 with at most two decimals, like
 * 1.5. A decimal comma is accepted too, as teachers in many countries write one.
 */
public final class TimeAllowance {
  static final BigDecimal MIN = BigDecimal.ONE;
  static final BigDecimal MAX = BigDecimal.valueOf(5);
  static final String RULE = "Enter a time allowance from 1 to 5 with at most two decimals, like 1.5.";

  private static final Pattern SHAPE = Pattern.compile("\\d{1,3}([.,]\\d{1,2})?");

  private TimeAllowance() {}

  /** The factor, or empty when the text is not a number from 1 to 5 with at most two decimals. */
  public static Optional<BigDecimal> parse(String text) {
    String value = text == null ? "" : text.strip();
    if (!SHAPE.matcher(value).matches()) {
      return Optional.empty();
    }
    BigDecimal factor = new BigDecimal(value.replace(',', '.'));
    if (factor.compareTo(MIN) < 0 || factor.compareTo(MAX) > 0) {
      return Optional.empty();
    }
    return Optional.of(factor);
  }

  /** {@code 1.5}, {@code 2}, {@code 1.25}: the factor as a person writes it. */
  public static String display(BigDecimal factor) {
    return factor.stripTrailingZeros().toPlainString();
  }
}
