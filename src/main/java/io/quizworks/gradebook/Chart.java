package io.quizworks.gradebook;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out for an SVG template: the geometry is computed here (pure, testable) and the
 * template draws it, so every label goes through HTML escaping like any other text.
 */
public record Chart(int width, int height, List<Bar> bars, int maxValue) {
  static final int WIDTH = 640;
  static final int HEIGHT = 240;
  static final int MARGIN_BOTTOM = 40;
  static final int MARGIN_TOP = 16;

  /** One bar: its label, its value as shown in the table alternative, and where to draw it. */
  public record Bar(String label, String value, double x, double y, double width, double height) {}

  /** Bars of the given values scaled so the tallest fills the plot; {@code scale} is the top of the axis. */
  static Chart of(List<String> labels, List<Double> values, List<String> shown, double scale) {
    int plotHeight = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP;
    double slot = (double) WIDTH / Math.max(1, labels.size());
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      double h = scale <= 0 ? 0 : plotHeight * Math.min(1, values.get(i) / scale);
      bars.add(new Bar(labels.get(i), shown.get(i), round(i * slot + slot * 0.15), round(MARGIN_TOP + plotHeight - h),
          round(slot * 0.7), round(h)));
    }
    return new Chart(WIDTH, HEIGHT, bars, (int) Math.ceil(scale));
  }

  /** How many scores fall in each tenth of the percent range; 100% counts in the top bin. */
  static Chart distribution(List<Double> percents) {
    int[] bins = new int[10];
    percents.forEach(p -> bins[Math.min(9, Math.max(0, (int) Math.floor(p / 10)))]++);
    List<String> labels = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    int max = 1;
    for (int i = 0; i < 10; i++) {
      labels.add(i * 10 + "–" + (i == 9 ? 100 : i * 10 + 9) + "%");
      values.add((double) bins[i]);
      shown.add(String.valueOf(bins[i]));
      max = Math.max(max, bins[i]);
    }
    return of(labels, values, shown, max);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
