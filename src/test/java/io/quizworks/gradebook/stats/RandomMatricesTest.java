package io.quizworks.gradebook.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seeded random matrices, small and often degenerate (no students, one item, empty columns, random subsets,
 * constant columns), checked against ranges that always hold and against a plain reference computation
 * written differently from the module (raw totals, one-pass sums, sample variances).
 */
@DisplayName("Random matrices")
class RandomMatricesTest {
  private static final double[] MAXES = {1, 1, 1, 2, 0.5, 3};

  private static ItemMatrix randomMatrix(Random random, boolean complete, boolean dichotomous) {
    int k = random.nextInt(complete ? 5 : 7) + (complete ? 2 : 0);
    int n = random.nextInt(complete ? 10 : 13) + (complete ? 3 : 0);
    double absent = complete ? 0 : random.nextDouble() * 0.6;
    ItemMatrix.Builder builder = ItemMatrix.builder();
    List<Item> items = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      double max = dichotomous ? 1 : MAXES[random.nextInt(MAXES.length)];
      Item item = random.nextBoolean()
          ? Item.choice("Q" + j, max, List.of("A", "B", "C", "D"), List.of("A"))
          : Item.scored("Q" + j, max);
      items.add(item);
      builder.item(item);
    }
    for (int s = 0; s < n; s++) {
      Response[] cells = new Response[k];
      for (int j = 0; j < k; j++) {
        if (random.nextDouble() < absent) {
          continue;
        }
        Item item = items.get(j);
        double points = dichotomous ? random.nextInt(2)
            : random.nextBoolean() ? random.nextInt(5) * item.maxPoints() / 4 : random.nextDouble() * item.maxPoints();
        if (item.isChoice()) {
          List<String> picks = new ArrayList<>(List.of("A", "B", "C", "D"));
          Collections.shuffle(picks, random);
          cells[j] = new Response(points, picks.subList(0, random.nextInt(3)));
        } else {
          cells[j] = Response.scored(points);
        }
      }
      builder.student("S" + s, cells);
    }
    return builder.build();
  }

  private static Stream<Statistic> allStatistics(ItemAnalysis analysis) {
    QuizStatistics q = analysis.quiz();
    Stream<Statistic> quiz = Stream.of(q.mean(), q.median(), q.standardDeviation(), q.sumOfItemVariances(),
        q.totalVariance(), q.cronbachAlpha(), q.kr20(), q.standardErrorOfMeasurement(),
        q.standardErrorOfMeasurementInPoints());
    Stream<Statistic> items = analysis.items().stream().flatMap(i -> Stream.concat(
        Stream.of(i.meanScore(), i.facility(), i.standardDeviation(), i.discrimination()),
        i.choices().stream().map(ChoiceStatistics::share)));
    return Stream.concat(quiz, items);
  }

  @Test
  @DisplayName("every figure is finite and in range, and every empty one has a reason")
  void rangesHold() {
    Random random = new Random(20240604);
    for (int round = 0; round < 2000; round++) {
      ItemMatrix matrix = randomMatrix(random, false, round % 3 == 0);
      ItemAnalysis analysis = ItemAnalysis.of(matrix);
      assertThat(allStatistics(analysis)).allSatisfy(s -> {
        if (s.isPresent()) {
          assertThat(Double.isFinite(s.getAsDouble())).isTrue();
        } else {
          assertThat(s.reason()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
        }
      });
      for (ItemStatistics item : analysis.items()) {
        assertThat(item.facility().orElse(0)).isBetween(0.0, 1.0);
        assertThat(item.meanScore().orElse(0)).isBetween(0.0, item.maxPoints());
        assertThat(item.standardDeviation().orElse(0)).isGreaterThanOrEqualTo(0);
        assertThat(item.discrimination().orElse(0)).isBetween(-1.0, 1.0);
        assertThat(item.discriminationN()).isBetween(0, item.n());
        assertThat(2 * item.groupSize()).isLessThanOrEqualTo(item.discriminationN());
        for (ChoiceStatistics choice : item.choices()) {
          assertThat(choice.share().orElse(0)).isBetween(0.0, 1.0);
          assertThat(choice.topGroupCount()).isBetween(0, item.groupSize());
          assertThat(choice.bottomGroupCount()).isBetween(0, item.groupSize());
        }
        assertThat(item.flags()).allSatisfy(flag -> assertThat(flag.reason()).isNotBlank());
      }
      QuizStatistics quiz = analysis.quiz();
      assertThat(quiz.mean().orElse(0)).isBetween(0.0, 1.0);
      assertThat(quiz.median().orElse(0)).isBetween(0.0, 1.0);
      assertThat(quiz.cronbachAlpha().orElse(0)).isLessThanOrEqualTo(1.0);
      assertThat(quiz.standardErrorOfMeasurement().orElse(0)).isGreaterThanOrEqualTo(0);
      assertThat(quiz.kr20().isPresent()).isEqualTo(quiz.dichotomous() && quiz.cronbachAlpha().isPresent());
      assertThat(quiz.standardErrorOfMeasurement().isPresent()).isEqualTo(quiz.cronbachAlpha().isPresent());
    }
  }

  @Test
  @DisplayName("for right-or-wrong questions KR-20 always equals Cronbach's alpha")
  void kr20EqualsAlpha() {
    Random random = new Random(7);
    int compared = 0;
    for (int round = 0; round < 500; round++) {
      QuizStatistics quiz = ItemAnalysis.of(randomMatrix(random, true, true)).quiz();
      assertThat(quiz.dichotomous()).isTrue();
      if (quiz.cronbachAlpha().isPresent()) {
        assertThat(quiz.kr20().getAsDouble()).isCloseTo(quiz.cronbachAlpha().getAsDouble(), within(1e-12));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(400);
  }

  @Test
  @DisplayName("on complete matrices, alpha and discrimination match a reference computed another way")
  void matchesReference() {
    Random random = new Random(11);
    for (int round = 0; round < 500; round++) {
      ItemMatrix matrix = randomMatrix(random, true, false);
      ItemAnalysis analysis = ItemAnalysis.of(matrix);
      int n = matrix.studentCount();
      int k = matrix.itemCount();
      double[][] x = new double[n][k];
      double[] total = new double[n];
      for (int s = 0; s < n; s++) {
        for (int j = 0; j < k; j++) {
          x[s][j] = matrix.response(s, j).orElseThrow().points();
          total[s] += x[s][j];
        }
      }
      // Alpha with sample variances (divisor n − 1): the ratio, hence alpha, is the same.
      double sumItem = 0;
      for (int j = 0; j < k; j++) {
        double[] column = new double[n];
        for (int s = 0; s < n; s++) {
          column[s] = x[s][j];
        }
        sumItem += sampleVariance(column);
      }
      double totalVariance = sampleVariance(total);
      Statistic alpha = analysis.quiz().cronbachAlpha();
      if (totalVariance > 1e-9) {
        double expected = (double) k / (k - 1) * (1 - sumItem / totalVariance);
        assertThat(alpha.getAsDouble()).isCloseTo(Math.min(1, expected), within(1e-9));
      }
      // Discrimination from one-pass sums on the raw rest total.
      for (int j = 0; j < k; j++) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int s = 0; s < n; s++) {
          double a = x[s][j];
          double b = total[s] - a;
          sx += a;
          sy += b;
          sxx += a * a;
          syy += b * b;
          sxy += a * b;
        }
        double cxx = sxx - sx * sx / n;
        double cyy = syy - sy * sy / n;
        Statistic r = analysis.items().get(j).discrimination();
        if (cxx > 1e-6 && cyy > 1e-6) {
          assertThat(r.getAsDouble()).isCloseTo((sxy - sx * sy / n) / Math.sqrt(cxx * cyy), within(1e-9));
        }
      }
    }
  }

  @Test
  @DisplayName("shuffling the students changes no figure but the ordering of ties within the thirds")
  void studentOrder() {
    Random random = new Random(3);
    for (int round = 0; round < 300; round++) {
      ItemMatrix matrix = randomMatrix(random, false, false);
      List<StudentRow> rows = new ArrayList<>(matrix.students());
      Collections.shuffle(rows, random);
      ItemAnalysis a = ItemAnalysis.of(matrix);
      ItemAnalysis b = ItemAnalysis.of(new ItemMatrix(matrix.items(), rows));
      assertClose(a.quiz().cronbachAlpha(), b.quiz().cronbachAlpha());
      assertClose(a.quiz().mean(), b.quiz().mean());
      assertClose(a.quiz().median(), b.quiz().median());
      assertClose(a.quiz().standardDeviation(), b.quiz().standardDeviation());
      for (int j = 0; j < a.items().size(); j++) {
        assertClose(a.items().get(j).facility(), b.items().get(j).facility());
        assertClose(a.items().get(j).discrimination(), b.items().get(j).discrimination());
        assertThat(a.items().get(j).choices()).extracting(ChoiceStatistics::count)
            .isEqualTo(b.items().get(j).choices().stream().map(ChoiceStatistics::count).toList());
      }
    }
  }

  private static void assertClose(Statistic a, Statistic b) {
    assertThat(a.isPresent()).as("%s vs %s", a, b).isEqualTo(b.isPresent());
    if (a.isPresent()) {
      assertThat(a.getAsDouble()).isCloseTo(b.getAsDouble(), within(1e-9));
    }
  }

  private static double sampleVariance(double[] values) {
    double mean = 0;
    for (double v : values) {
      mean += v / values.length;
    }
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return sum / (values.length - 1);
  }
}
