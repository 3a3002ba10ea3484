package io.quizworks.gradebook.stats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The statistics of one item; see the package documentation for every definition.
 *
 * @param itemId the item's id
 * @param maxPoints the item's max points
 * @param n students who were presented the item
 * @param meanScore mean points earned, over the {@code n} students
 * @param facility {@code meanScore / maxPoints}, 0 to 1
 * @param standardDeviation population standard deviation (divisor {@code n}) of the points earned
 * @param discrimination corrected item–total correlation: Pearson correlation of the item's points with the
 *     rest score, over the {@code discriminationN} students who were presented the item and at least one
 *     other item
 * @param discriminationN the number of students the correlation is computed on
 * @param choices for a choice item, one entry per choice in display order; empty otherwise
 * @param pickedNone for a choice item, students presented it who picked no choice; 0 otherwise
 * @param groupSize the size of the top and of the bottom group by rest score (0 when fewer than two
 *     students have a rest score)
 * @param flags reasons to look at the question again, in {@link Flag.Kind} order, distractors in choice order
 */
public record ItemStatistics(
    String itemId,
    double maxPoints,
    int n,
    Statistic meanScore,
    Statistic facility,
    Statistic standardDeviation,
    Statistic discrimination,
    int discriminationN,
    List<ChoiceStatistics> choices,
    int pickedNone,
    int groupSize,
    List<Flag> flags) {

  public ItemStatistics {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(meanScore, "meanScore");
    Objects.requireNonNull(facility, "facility");
    Objects.requireNonNull(standardDeviation, "standardDeviation");
    Objects.requireNonNull(discrimination, "discrimination");
    choices = List.copyOf(choices);
    flags = List.copyOf(flags);
  }

  public Optional<ChoiceStatistics> choice(String label) {
    return choices.stream().filter(c -> c.label().equals(label)).findFirst();
  }

  public boolean hasFlag(Flag.Kind kind) {
    return flags.stream().anyMatch(flag -> flag.kind() == kind);
  }

  public List<Flag> flags(Flag.Kind kind) {
    return flags.stream().filter(flag -> flag.kind() == kind).toList();
  }
}
