package io.quizworks.gradebook.stats;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A figure that is either a finite number or undefined with a reason a teacher can read ("nobody was
 * presented this question"). It behaves like an {@link OptionalDouble} ({@link #isPresent()},
 * {@link #isEmpty()}, {@link #getAsDouble()}, {@link #orElse(double)}) and never holds NaN or an infinity:
 * the constructor refuses them, so a division by zero in the module fails loudly instead of reaching a page.
 */
public record Statistic(OptionalDouble value, Optional<String> reason) {

  public Statistic {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
    if (value.isPresent() == reason.isPresent()) {
      throw new IllegalArgumentException("a statistic has either a value or a reason why it is undefined");
    }
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new IllegalArgumentException("a statistic must be finite, was " + value.getAsDouble());
    }
    if (reason.isPresent() && reason.get().isBlank()) {
      throw new IllegalArgumentException("an undefined statistic needs a reason");
    }
  }

  public static Statistic of(double value) {
    return new Statistic(OptionalDouble.of(value), Optional.empty());
  }

  public static Statistic undefined(String reason) {
    return new Statistic(OptionalDouble.empty(), Optional.of(reason));
  }

  public boolean isPresent() {
    return value.isPresent();
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** The value; throws {@link NoSuchElementException} with the reason when undefined. */
  public double getAsDouble() {
    if (value.isEmpty()) {
      throw new NoSuchElementException("undefined: " + reason.orElseThrow());
    }
    return value.getAsDouble();
  }

  public double orElse(double other) {
    return value.orElse(other);
  }

  /** This statistic's value passed through {@code f}, or the same reason when undefined. */
  Statistic map(java.util.function.DoubleUnaryOperator f) {
    return value.isPresent() ? of(f.applyAsDouble(value.getAsDouble())) : this;
  }

  @Override
  public String toString() {
    return value.isPresent() ? Double.toString(value.getAsDouble()) : "undefined (" + reason.orElseThrow() + ")";
  }
}
