package io.quizworks.gradebook.stats;

import static io.quizworks.gradebook.stats.Figures.assertFigure;
import static io.quizworks.gradebook.stats.Figures.assertUndefined;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Worked example 2: five students, three questions with partial credit: P1 worth 2 points, P2 worth 1
 * (S2 earned half of it), P3 worth 3. Every student was presented every question. Computed by hand as exact
 * fractions and checked with an independent throwaway Python script ({@code fractions.Fraction}, not
 * committed), which agreed on every figure.
 *
 * <pre>
 *   student | P1  P2   P3 | total | score = total / 6
 *   (max)   | 2   1    3  |   6   |
 *   --------+-------------+-------+------------------
 *   S1      | 2   1    3  |  6    | 1
 *   S2      | 1   0.5  2  |  3.5  | 7/12 = 0.583333333
 *   S3      | 2   0    1  |  3    | 1/2
 *   S4      | 0   1    1  |  2    | 1/3
 *   S5      | 1   0    0  |  1    | 1/6
 *   --------+-------------+-------+
 *   Σ       | 6   2.5  7  | 15.5  |
 *   mean    | 1.2 0.5  1.4|  3.1  |
 *   facility| 0.6 0.5  7/15 = 0.466666667
 *   Σx²     | 10  2.25 15 | 62.25 |
 *   σ² = Σx²/5 − mean²
 *           | 2 − 1.44 = 0.56 | 0.45 − 0.25 = 0.20 | 3 − 1.96 = 1.04 | 12.45 − 9.61 = 2.84
 *   SD      | √0.56 = 0.748331477 | √0.2 = 0.447213595 | √1.04 = 1.019803903
 *
 * Σσi² = 0.56 + 0.20 + 1.04 = 1.80; σx² = 2.84 = 71/25.
 * Cronbach's alpha = 3/2 · (1 − 1.80/2.84) = 3/2 · 1.04/2.84 = 1.56/2.84 = 39/71 = 0.549295775.
 * KR-20 is undefined: no question is 0-or-1 out of 1 (P1 and P3 are worth more; P2 has a 0.5).
 * Scores: mean 15.5/30 = 31/60 = 0.516666667; sorted 1/6 1/3 1/2 7/12 1, median 1/2;
 *   SD = √2.84 / 6 = √71/30 = 0.280871659.
 * SEM = √71/30 · √(1 − 39/71) = √71/30 · √(32/71) = √32/30 = 2√2/15 = 0.188561808;
 *   × 6 points = 4√2/5 = 1.131370850 points.
 *
 * Corrected item–total correlation, x = item points, y = rest = total − item in raw points
 * (the module divides y by the rest's max points, 4, 5 and 3: a rescaling that leaves r unchanged).
 *   P1  x = 2 1 2 0 1        y = 4 2.5 1 2 0
 *       Σx = 6  Σx² = 10     Sxx = 10 − 36/5 = 2.8
 *       Σy = 9.5 Σy² = 27.25 Syy = 27.25 − 90.25/5 = 9.2
 *       Σxy = 8+2.5+2+0+0 = 12.5  Sxy = 12.5 − 57/5 = 1.1
 *       r = 1.1 / √(2.8·9.2) = 1.1 / √25.76 = 0.216730362
 *   P2  x = 1 0.5 0 1 0      y = 5 3 3 1 1
 *       Σx = 2.5 Σx² = 2.25  Sxx = 2.25 − 6.25/5 = 1
 *       Σy = 13 Σy² = 45     Syy = 45 − 169/5 = 11.2
 *       Σxy = 5+1.5+0+1+0 = 7.5   Sxy = 7.5 − 32.5/5 = 1
 *       r = 1 / √11.2 = 0.298807152
 *   P3  x = 3 2 1 1 0        y = 3 1.5 2 1 1
 *       Σx = 7  Σx² = 15     Sxx = 15 − 49/5 = 5.2
 *       Σy = 8.5 Σy² = 17.25 Syy = 17.25 − 72.25/5 = 2.8
 *       Σxy = 9+3+2+1+0 = 15 Sxy = 15 − 59.5/5 = 3.1
 *       r = 3.1 / √(5.2·2.8) = 3.1 / √14.56 = 0.812420748
 *
 * Flags: none (facilities 0.6, 0.5, 0.47; every correlation at least 0.20).
 * </pre>
 */
@DisplayName("Worked example 2: five students, three partial-credit questions")
class WorkedPartialCreditExampleTest {

  static ItemMatrix matrix() {
    return ItemMatrix.builder()
        .items(Item.scored("P1", 2), Item.scored("P2", 1), Item.scored("P3", 3))
        .scores("S1", 2.0, 1.0, 3.0)
        .scores("S2", 1.0, 0.5, 2.0)
        .scores("S3", 2.0, 0.0, 1.0)
        .scores("S4", 0.0, 1.0, 1.0)
        .scores("S5", 1.0, 0.0, 0.0)
        .build();
  }

  private final ItemAnalysis analysis = ItemAnalysis.of(matrix());

  private ItemStatistics item(String id) {
    return analysis.item(id).orElseThrow();
  }

  @Test
  @DisplayName("facility divides the mean points by the question's max: 1.2/2, 0.5/1, 1.4/3")
  void facility() {
    assertFigure(item("P1").meanScore(), 1.2);
    assertFigure(item("P2").meanScore(), 0.5);
    assertFigure(item("P3").meanScore(), 1.4);
    assertFigure(item("P1").facility(), 0.6);
    assertFigure(item("P2").facility(), 0.5);
    assertFigure(item("P3").facility(), 7.0 / 15);
  }

  @Test
  @DisplayName("the standard deviations of the points are √0.56, √0.2 and √1.04")
  void standardDeviation() {
    assertFigure(item("P1").standardDeviation(), Math.sqrt(0.56));
    assertFigure(item("P2").standardDeviation(), Math.sqrt(0.2));
    assertFigure(item("P3").standardDeviation(), Math.sqrt(1.04));
  }

  @Test
  @DisplayName("discrimination is 1.1/√25.76, 1/√11.2 and 3.1/√14.56")
  void discrimination() {
    assertFigure(item("P1").discrimination(), 1.1 / Math.sqrt(25.76));
    assertFigure(item("P2").discrimination(), 1 / Math.sqrt(11.2));
    assertFigure(item("P3").discrimination(), 3.1 / Math.sqrt(14.56));
    assertFigure(item("P1").discrimination(), 0.216730362);
    assertFigure(item("P2").discrimination(), 0.298807152);
    assertFigure(item("P3").discrimination(), 0.812420748);
  }

  @Test
  @DisplayName("no question is flagged")
  void noFlags() {
    assertThat(analysis.items()).allSatisfy(item -> assertThat(item.flags()).isEmpty());
  }

  @Test
  @DisplayName("the scores have mean 31/60, median 1/2 and population SD √71/30")
  void distribution() {
    QuizStatistics quiz = analysis.quiz();
    assertThat(quiz.students()).isEqualTo(5);
    assertFigure(quiz.mean(), 31.0 / 60);
    assertFigure(quiz.median(), 0.5);
    assertFigure(quiz.standardDeviation(), Math.sqrt(71) / 30);
  }

  @Test
  @DisplayName("Cronbach's alpha is 39/71 from item variances summing to 1.8 and a total variance of 2.84")
  void alpha() {
    QuizStatistics quiz = analysis.quiz();
    assertThat(quiz.completeCases()).isEqualTo(5);
    assertThat(quiz.reliabilityMaxPoints()).isEqualTo(6.0);
    assertFigure(quiz.sumOfItemVariances(), 1.8);
    assertFigure(quiz.totalVariance(), 2.84);
    assertFigure(quiz.cronbachAlpha(), 39.0 / 71);
    assertFigure(quiz.cronbachAlpha(), 0.549295775);
  }

  @Test
  @DisplayName("KR-20 is empty, with a reason, because the questions are not all 0-or-1 out of 1")
  void kr20Empty() {
    QuizStatistics quiz = analysis.quiz();
    assertThat(quiz.dichotomous()).isFalse();
    assertThat(quiz.kr20().isEmpty()).isTrue();
    assertUndefined(quiz.kr20(), "KR-20 needs every question scored 0 or 1 out of 1");
  }

  @Test
  @DisplayName("the standard error of measurement is 2√2/15 of the points, 4√2/5 points")
  void standardErrorOfMeasurement() {
    QuizStatistics quiz = analysis.quiz();
    assertFigure(quiz.standardErrorOfMeasurement(), 2 * Math.sqrt(2) / 15);
    assertFigure(quiz.standardErrorOfMeasurementInPoints(), 4 * Math.sqrt(2) / 5);
  }

  @Test
  @DisplayName("questions worth 1 point with one half point among the scores are not right-or-wrong: no KR-20")
  void halfPointMakesItNonDichotomous() {
    ItemMatrix matrix = ItemMatrix.builder()
        .items(Item.scored("A", 1), Item.scored("B", 1))
        .scores("S1", 1.0, 1.0)
        .scores("S2", 0.5, 0.0)
        .scores("S3", 0.0, 0.0)
        .build();
    QuizStatistics quiz = ItemAnalysis.of(matrix).quiz();
    assertThat(quiz.dichotomous()).isFalse();
    assertThat(quiz.cronbachAlpha().isPresent()).isTrue();
    assertUndefined(quiz.kr20(), "KR-20 needs every question scored 0 or 1 out of 1");
  }

  @Test
  @DisplayName("a question scored 0 or 2 out of 2 is not right-or-wrong in the KR-20 sense either")
  void zeroOrTwoIsNotDichotomous() {
    ItemMatrix matrix = ItemMatrix.builder()
        .items(Item.scored("A", 2), Item.scored("B", 1))
        .scores("S1", 2.0, 1.0)
        .scores("S2", 0.0, 1.0)
        .scores("S3", 0.0, 0.0)
        .build();
    QuizStatistics quiz = ItemAnalysis.of(matrix).quiz();
    assertThat(quiz.dichotomous()).isFalse();
    assertThat(quiz.kr20().isEmpty()).isTrue();
  }
}
