package io.quizworks.gradebook.stats;

import java.util.Objects;

/**
 * How often one choice of a choice item was picked. {@code share} is {@code count} divided by the students
 * who were presented the item (so for multiple response the shares of an item may add up to more than 1,
 * and students who picked nothing count in the denominator). {@code topGroupCount} and
 * {@code bottomGroupCount} count the pickers in the item's top and bottom thirds by rest score (see
 * {@link ItemStatistics#groupSize()}).
 */
public record ChoiceStatistics(
    String label, boolean correct, int count, Statistic share, int topGroupCount, int bottomGroupCount) {

  public ChoiceStatistics {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(share, "share");
  }

  public boolean isDistractor() {
    return !correct;
  }
}
