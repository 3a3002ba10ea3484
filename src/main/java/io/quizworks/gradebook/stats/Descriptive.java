package io.quizworks.gradebook.stats;

import java.util.Arrays;

/** The arithmetic of the analysis, on plain arrays; every function here expects at least one value. */
final class Descriptive {
  /**
   * Values whose range is at most this fraction of their scale (an item's max points, 1 for proportions)
   * count as all equal: they differ by rounding only, e.g. {@code 0.1 + 0.2} against {@code 0.3}.
   */
  static final double EQUAL_WITHIN = 1e-9;

  private Descriptive() {}

  static double mean(double[] values) {
    requireValues(values);
    if (allEqual(values, 0)) {
      return values[0];
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Population variance (divisor n), two-pass; exactly 0 when the values are equal within rounding. */
  static double populationVariance(double[] values, double scale) {
    if (allEqual(values, scale)) {
      return 0;
    }
    double mean = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return sum / values.length;
  }

  static double median(double[] values) {
    requireValues(values);
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** Pearson correlation, clamped to [−1, 1]; the caller makes sure neither series is constant. */
  static double correlation(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("a correlation needs two series of the same length, at least 2");
    }
    double mx = mean(x);
    double my = mean(y);
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    if (sxx == 0 || syy == 0) {
      throw new IllegalArgumentException("a correlation with a constant series is undefined");
    }
    return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
  }

  /** Whether max − min ≤ {@link #EQUAL_WITHIN} × scale (scale 0: exactly equal). */
  static boolean allEqual(double[] values, double scale) {
    requireValues(values);
    double min = values[0];
    double max = values[0];
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max - min <= EQUAL_WITHIN * scale;
  }

  private static void requireValues(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
  }
}
