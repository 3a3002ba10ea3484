package io.quizworks.gradebook.stats;

import java.util.List;
import java.util.Objects;

/**
 * The statistics of a whole quiz; see the package documentation for every definition.
 *
 * <p>{@code mean}, {@code median}, {@code standardDeviation} and {@code standardErrorOfMeasurement} are
 * proportions of the available points (0 to 1; multiply by 100 for a percentage). Standard deviations are
 * population ones (divisor n) throughout, see {@link ItemAnalysis#STANDARD_DEVIATION_KIND}.
 *
 * @param students rows in the matrix
 * @param scoredStudents students presented at least one item; the score distribution is over them
 * @param mean mean of the students' scores, each score the proportion of the points of the items that
 *     student was presented
 * @param median median of those scores (the mean of the two middle ones for an even count)
 * @param standardDeviation population standard deviation of those scores
 * @param reliabilityItemIds the items reliability is computed on: every item presented to at least one
 *     student, in matrix order
 * @param completeCases students presented every one of those items; reliability is computed on them alone
 * @param reliabilityMaxPoints the sum of the max points of {@code reliabilityItemIds}
 * @param dichotomous whether every reliability item has max 1 and every recorded score on it is 0 or 1
 * @param sumOfItemVariances sum over the reliability items of the population variance of the item's
 *     points, over the complete cases (points squared)
 * @param totalVariance population variance of the complete cases' total points (points squared)
 * @param cronbachAlpha {@code k/(k−1) · (1 − sumOfItemVariances / totalVariance)}
 * @param kr20 {@code k/(k−1) · (1 − Σ p·q / totalVariance)}, only when {@code dichotomous}; equals alpha then
 * @param standardErrorOfMeasurement {@code SD · sqrt(1 − alpha)}, SD being the complete cases' standard
 *     deviation as a proportion ({@code sqrt(totalVariance) / reliabilityMaxPoints}); equal to
 *     {@code standardDeviation} when every student was presented every item
 */
public record QuizStatistics(
    int students,
    int scoredStudents,
    Statistic mean,
    Statistic median,
    Statistic standardDeviation,
    List<String> reliabilityItemIds,
    int completeCases,
    double reliabilityMaxPoints,
    boolean dichotomous,
    Statistic sumOfItemVariances,
    Statistic totalVariance,
    Statistic cronbachAlpha,
    Statistic kr20,
    Statistic standardErrorOfMeasurement) {

  public QuizStatistics {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(median, "median");
    Objects.requireNonNull(standardDeviation, "standardDeviation");
    reliabilityItemIds = List.copyOf(reliabilityItemIds);
    Objects.requireNonNull(sumOfItemVariances, "sumOfItemVariances");
    Objects.requireNonNull(totalVariance, "totalVariance");
    Objects.requireNonNull(cronbachAlpha, "cronbachAlpha");
    Objects.requireNonNull(kr20, "kr20");
    Objects.requireNonNull(standardErrorOfMeasurement, "standardErrorOfMeasurement");
  }

  /** The standard error of measurement in points of the reliability items' total. */
  public Statistic standardErrorOfMeasurementInPoints() {
    return standardErrorOfMeasurement.map(sem -> sem * reliabilityMaxPoints);
  }
}
