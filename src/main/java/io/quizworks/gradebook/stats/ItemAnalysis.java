package io.quizworks.gradebook.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The item analysis of a quiz: {@link #of(ItemMatrix)} computes per-item and per-quiz statistics and flags.
 * Pure and deterministic; the definitions are in the package documentation.
 */
public record ItemAnalysis(QuizStatistics quiz, List<ItemStatistics> items) {

  /** Facility strictly below this flags an item {@link Flag.Kind#VERY_HARD}. */
  public static final double VERY_HARD_BELOW = 0.20;
  /** Facility strictly above this flags an item {@link Flag.Kind#VERY_EASY}. */
  public static final double VERY_EASY_ABOVE = 0.95;
  /** A defined discrimination strictly below this flags an item {@link Flag.Kind#LOW_DISCRIMINATION}. */
  public static final double LOW_DISCRIMINATION_BELOW = 0.20;
  /** Every standard deviation and variance in this module divides by n, not n − 1. */
  public static final String STANDARD_DEVIATION_KIND = "population (divisor n)";

  private static final String NOBODY_SAW = "nobody was presented this question";

  public ItemAnalysis {
    Objects.requireNonNull(quiz, "quiz");
    items = List.copyOf(items);
  }

  public Optional<ItemStatistics> item(String itemId) {
    return items.stream().filter(item -> item.itemId().equals(itemId)).findFirst();
  }

  public static ItemAnalysis of(ItemMatrix matrix) {
    Objects.requireNonNull(matrix, "matrix");
    Cells cells = new Cells(matrix);
    List<ItemStatistics> items = new ArrayList<>();
    for (int j = 0; j < cells.k; j++) {
      items.add(item(cells, j));
    }
    return new ItemAnalysis(quiz(cells, items), items);
  }

  /** The matrix as arrays: who saw what, and the points. */
  private static final class Cells {
    final ItemMatrix matrix;
    final int n;
    final int k;
    final boolean[][] seen;
    final double[][] points;
    final double[] max;

    Cells(ItemMatrix matrix) {
      this.matrix = matrix;
      n = matrix.studentCount();
      k = matrix.itemCount();
      seen = new boolean[n][k];
      points = new double[n][k];
      max = new double[k];
      for (int j = 0; j < k; j++) {
        max[j] = matrix.items().get(j).maxPoints();
      }
      for (int s = 0; s < n; s++) {
        for (int j = 0; j < k; j++) {
          Optional<Response> response = matrix.response(s, j);
          seen[s][j] = response.isPresent();
          points[s][j] = response.map(Response::points).orElse(0.0);
        }
      }
    }

    /** The student's points on the items they saw other than {@code except}, as a proportion; empty if none. */
    Optional<Double> proportion(int s, int except) {
      double earned = 0;
      double available = 0;
      for (int j = 0; j < k; j++) {
        if (j != except && seen[s][j]) {
          earned += points[s][j];
          available += max[j];
        }
      }
      return available > 0 ? Optional.of(earned / available) : Optional.empty();
    }
  }

  // ---------------------------------------------------------------------------------------------- items

  private static ItemStatistics item(Cells cells, int j) {
    Item item = cells.matrix.items().get(j);
    int[] presented = IntStream.range(0, cells.n).filter(s -> cells.seen[s][j]).toArray();
    int n = presented.length;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = cells.points[presented[i]][j];
    }

    Statistic mean;
    Statistic facility;
    Statistic sd;
    if (n == 0) {
      mean = facility = sd = Statistic.undefined(NOBODY_SAW);
    } else {
      double m = Math.min(item.maxPoints(), Descriptive.mean(x));
      mean = Statistic.of(m);
      facility = Statistic.of(Math.max(0, Math.min(1, m / item.maxPoints())));
      sd = Statistic.of(Math.sqrt(Descriptive.populationVariance(x, item.maxPoints())));
    }

    // Students presented this item and at least one other, with their rest score.
    List<Integer> ranked = new ArrayList<>();
    List<Double> rest = new ArrayList<>();
    for (int s : presented) {
      Optional<Double> r = cells.proportion(s, j);
      if (r.isPresent()) {
        ranked.add(s);
        rest.add(r.get());
      }
    }
    int m = ranked.size();
    double[] xs = new double[m];
    double[] ys = new double[m];
    for (int i = 0; i < m; i++) {
      xs[i] = cells.points[ranked.get(i)][j];
      ys[i] = rest.get(i);
    }
    Statistic discrimination = discrimination(item, n, xs, ys);

    // Top and bottom groups: stable sort by rest score, highest first, so ties keep matrix order.
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> ys[i]).reversed());
    int groupSize = m < 2 ? 0 : Math.min((m + 2) / 3, m / 2);
    List<Integer> top = new ArrayList<>();
    List<Integer> bottom = new ArrayList<>();
    for (int i = 0; i < groupSize; i++) {
      top.add(ranked.get(order[i]));
      bottom.add(ranked.get(order[m - 1 - i]));
    }

    List<ChoiceStatistics> choices = new ArrayList<>();
    int pickedNone = 0;
    if (item.isChoice()) {
      for (int s : presented) {
        if (picks(cells, s, j).isEmpty()) {
          pickedNone++;
        }
      }
      for (String label : item.choiceLabels()) {
        int count = 0;
        for (int s : presented) {
          count += picks(cells, s, j).contains(label) ? 1 : 0;
        }
        int topCount = (int) top.stream().filter(s -> picks(cells, s, j).contains(label)).count();
        int bottomCount = (int) bottom.stream().filter(s -> picks(cells, s, j).contains(label)).count();
        Statistic share = n == 0 ? Statistic.undefined(NOBODY_SAW) : Statistic.of((double) count / n);
        choices.add(new ChoiceStatistics(label, item.correctLabels().contains(label), count, share, topCount,
            bottomCount));
      }
    }

    List<Flag> flags = flags(n, facility, discrimination, choices, groupSize);
    return new ItemStatistics(item.id(), item.maxPoints(), n, mean, facility, sd, discrimination, m, choices,
        pickedNone, groupSize, flags);
  }

  private static List<String> picks(Cells cells, int s, int j) {
    return cells.matrix.response(s, j).map(Response::picked).orElse(List.of());
  }

  private static Statistic discrimination(Item item, int n, double[] x, double[] rest) {
    if (n == 0) {
      return Statistic.undefined(NOBODY_SAW);
    }
    if (x.length < 2) {
      return Statistic.undefined(String.format(Locale.ROOT,
          "needs at least two students who were presented this question and another one (there %s %d)",
          x.length == 1 ? "is" : "are", x.length));
    }
    if (Descriptive.allEqual(x, item.maxPoints())) {
      return Statistic.undefined(String.format(Locale.ROOT,
          "every student scored the same on it (%s of %s points), so it cannot tell strong from weak students",
          number(x[0]), number(item.maxPoints())));
    }
    if (Descriptive.allEqual(rest, 1)) {
      return Statistic.undefined(
          "every student who was presented it scored the same on the rest of the quiz, so there is nothing"
              + " to compare it with");
    }
    return Statistic.of(Descriptive.correlation(x, rest));
  }

  private static List<Flag> flags(int n, Statistic facility, Statistic discrimination,
      List<ChoiceStatistics> choices, int groupSize) {
    List<Flag> flags = new ArrayList<>();
    if (facility.isPresent()) {
      double f = facility.getAsDouble();
      if (f < VERY_HARD_BELOW) {
        flags.add(new Flag(Flag.Kind.VERY_HARD, Optional.empty(), String.format(Locale.ROOT,
            "Very hard: students earned %s of its points on average (facility %.2f, below %.2f). Check the key,"
                + " the wording, and whether it was taught.", percent(f), f, VERY_HARD_BELOW)));
      }
      if (f > VERY_EASY_ABOVE) {
        flags.add(new Flag(Flag.Kind.VERY_EASY, Optional.empty(), String.format(Locale.ROOT,
            "Very easy: students earned %s of its points on average (facility %.2f, above %.2f), so it tells"
                + " you little about who has learnt what.", percent(f), f, VERY_EASY_ABOVE)));
      }
    }
    if (discrimination.isPresent() && discrimination.getAsDouble() < LOW_DISCRIMINATION_BELOW) {
      double r = discrimination.getAsDouble();
      String reason = String.format(Locale.ROOT,
          "Does not separate strong from weak students: its correlation with the rest of the quiz is %.2f"
              + " (below %.2f).", r, LOW_DISCRIMINATION_BELOW);
      if (r < 0) {
        reason += " Students who did worse on the rest of the quiz did better on this question: check the key.";
      }
      flags.add(new Flag(Flag.Kind.LOW_DISCRIMINATION, Optional.empty(), reason));
    }
    for (ChoiceStatistics choice : choices) {
      if (choice.isDistractor() && n > 0 && choice.count() == 0) {
        flags.add(new Flag(Flag.Kind.UNPICKED_DISTRACTOR, Optional.of(choice.label()), String.format(Locale.ROOT,
            "Distractor %s was picked by none of the %d %s who %s presented this question, so it distracts"
                + " nobody: make it more plausible or replace it.",
            choice.label(), n, n == 1 ? "student" : "students", n == 1 ? "was" : "were")));
      }
    }
    for (ChoiceStatistics choice : choices) {
      if (choice.isDistractor() && groupSize > 0 && choice.topGroupCount() > choice.bottomGroupCount()) {
        flags.add(new Flag(Flag.Kind.DISTRACTOR_FAVOURS_TOP_GROUP, Optional.of(choice.label()),
            String.format(Locale.ROOT,
                "Distractor %s was picked by %d of the %d strongest students (top third by score on the rest of"
                    + " the quiz) but by %d of the %d weakest: check that it is really wrong and that the"
                    + " question is not ambiguous.",
                choice.label(), choice.topGroupCount(), groupSize, choice.bottomGroupCount(), groupSize)));
      }
    }
    return flags;
  }

  // ----------------------------------------------------------------------------------------------- quiz

  private static QuizStatistics quiz(Cells cells, List<ItemStatistics> items) {
    List<Double> scores = new ArrayList<>();
    for (int s = 0; s < cells.n; s++) {
      cells.proportion(s, -1).ifPresent(scores::add);
    }
    double[] score = scores.stream().mapToDouble(Double::doubleValue).toArray();
    Statistic mean;
    Statistic median;
    Statistic sd;
    if (score.length == 0) {
      mean = median = sd = Statistic.undefined(
          cells.n == 0 ? "there are no students" : "no student was presented any question");
    } else {
      mean = Statistic.of(Descriptive.mean(score));
      median = Statistic.of(Descriptive.median(score));
      sd = Statistic.of(Math.sqrt(Descriptive.populationVariance(score, 1)));
    }

    // Reliability: the items somebody saw, on the students who saw all of them.
    int[] analysed = IntStream.range(0, cells.k).filter(j -> items.get(j).n() > 0).toArray();
    List<String> analysedIds = IntStream.of(analysed).mapToObj(j -> items.get(j).itemId()).toList();
    int[] complete = IntStream.range(0, cells.n)
        .filter(s -> IntStream.of(analysed).allMatch(j -> cells.seen[s][j])).toArray();
    int k = analysed.length;
    int cc = k == 0 ? 0 : complete.length;
    double maxTotal = IntStream.of(analysed).mapToDouble(j -> cells.max[j]).sum();
    boolean dichotomous = k > 0 && IntStream.of(analysed).allMatch(j -> cells.max[j] == 1
        && IntStream.range(0, cells.n).allMatch(s -> !cells.seen[s][j] || cells.points[s][j] == 0
            || cells.points[s][j] == 1));

    Statistic sumOfItemVariances;
    Statistic totalVariance;
    Statistic alpha;
    Statistic kr20;
    Statistic sem;
    String why = null;
    if (k < 2) {
      why = String.format(Locale.ROOT,
          "needs at least two questions that students were presented (there %s %d)", k == 1 ? "is" : "are", k);
    }
    if (cc < 2) {
      String countWhy = String.format(Locale.ROOT,
          "needs at least two students who were presented every question (there %s %d)",
          cc == 1 ? "is" : "are", cc);
      why = why == null ? countWhy : why;
    }
    if (k == 0 || cc < 2) {
      sumOfItemVariances = totalVariance = Statistic.undefined(
          k == 0 ? "no question was presented to anyone" : why);
      alpha = sem = Statistic.undefined(why);
      kr20 = Statistic.undefined(dichotomous || k == 0 ? why : notDichotomous());
    } else {
      double[] totals = new double[cc];
      double itemVariances = 0;
      double pq = 0;
      for (int j : analysed) {
        double[] column = new double[cc];
        for (int i = 0; i < cc; i++) {
          column[i] = cells.points[complete[i]][j];
          totals[i] += column[i];
        }
        itemVariances += Descriptive.populationVariance(column, cells.max[j]);
        double p = Descriptive.mean(column);
        pq += p * (1 - p);
      }
      double variance = Descriptive.populationVariance(totals, maxTotal);
      sumOfItemVariances = Statistic.of(itemVariances);
      totalVariance = Statistic.of(variance);
      if (k < 2) {
        alpha = sem = Statistic.undefined(why);
        kr20 = Statistic.undefined(dichotomous ? why : notDichotomous());
      } else if (variance == 0) {
        String same = "every student who was presented every question has the same total, so reliability is"
            + " undefined";
        alpha = sem = Statistic.undefined(same);
        kr20 = Statistic.undefined(dichotomous ? same : notDichotomous());
      } else {
        double factor = (double) k / (k - 1);
        double a = Math.min(1, factor * (1 - itemVariances / variance));
        alpha = Statistic.of(a);
        kr20 = dichotomous ? Statistic.of(Math.min(1, factor * (1 - pq / variance)))
            : Statistic.undefined(notDichotomous());
        double completeSd = Math.sqrt(variance) / maxTotal;
        sem = Statistic.of(completeSd * Math.sqrt(Math.max(0, 1 - a)));
      }
    }
    return new QuizStatistics(cells.n, score.length, mean, median, sd, analysedIds, cc, maxTotal, dichotomous,
        sumOfItemVariances, totalVariance, alpha, kr20, sem);
  }

  private static String notDichotomous() {
    return "KR-20 needs every question scored 0 or 1 out of 1; with partial credit or other points use"
        + " Cronbach's alpha";
  }

  private static String percent(double proportion) {
    return String.format(Locale.ROOT, "%.0f%%", proportion * 100);
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%s", value);
  }
}
