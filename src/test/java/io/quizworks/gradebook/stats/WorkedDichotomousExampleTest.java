package io.quizworks.gradebook.stats;

import static io.quizworks.gradebook.stats.Figures.assertFigure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Worked example 1: six students, four right-or-wrong questions worth 1 point each; every student was
 * presented every question. Every figure below was computed by hand as an exact fraction, then checked
 * with an independent throwaway Python script using {@code fractions.Fraction} (not committed), which
 * agreed on every one.
 *
 * <pre>
 *   student | Q1  Q2  Q3  Q4 | total | score = total / 4
 *   --------+----------------+-------+------------------
 *   S1      |  1   1   1   1 |   4   | 1.00
 *   S2      |  1   1   1   0 |   3   | 0.75
 *   S3      |  1   1   0   1 |   3   | 0.75
 *   S4      |  1   0   1   0 |   2   | 0.50
 *   S5      |  0   1   0   0 |   1   | 0.25
 *   S6      |  1   0   0   0 |   1   | 0.25
 *   --------+----------------+-------+
 *   Σ       |  5   4   3   2 |  14   |
 *   p       | 5/6 4/6 3/6 2/6            (facility = mean / max, max = 1)
 *   q = 1−p | 1/6 2/6 3/6 4/6
 *   p·q     | 5/36 8/36 9/36 8/36        Σ p·q = 30/36 = 5/6
 *   item SD | √5/6 √2/3 1/2 √2/3         (= √(p·q), population SD)
 *           | =0.372677996 0.471404521 0.5 0.471404521
 *
 * Totals: Σx = 14, mean 14/6 = 7/3; Σx² = 16+9+9+4+1+1 = 40;
 *   population variance σx² = 40/6 − (7/3)² = 60/9 − 49/9 = 11/9.
 * Scores (proportions): mean 7/12 = 0.583333333;
 *   sorted 0.25 0.25 0.50 0.75 0.75 1.00, median (0.50 + 0.75)/2 = 0.625;
 *   SD = √(11/9) / 4 = √11/12 = 0.276385399.
 *
 * KR-20 = k/(k−1) · (1 − Σpq/σx²) = 4/3 · (1 − (5/6)/(11/9)) = 4/3 · (1 − 45/66) = 4/3 · 21/66
 *       = 84/198 = 14/33 = 0.424242424.
 * Alpha: the population item variances are exactly p·q, so Σσi² = 5/6 and alpha = 14/33 as well.
 * SEM = SD · √(1 − 14/33) = √11/12 · √(19/33) = √(19/3)/12 = 0.209717623 (proportion);
 *       × 4 points = √(19/3)/3 = 0.838870493 points.
 *
 * Corrected item–total correlation: x = item score, y = rest = total − item in raw points. (The module
 * uses rest / 3, the proportion of the other three points; a rescaling leaves r unchanged.)
 * Sxx = Σx² − (Σx)²/6, Syy = Σy² − (Σy)²/6, Sxy = Σxy − Σx·Σy/6, r = Sxy / √(Sxx·Syy).
 *
 *   Q1  x = 1 1 1 1 0 1   y = 3 2 2 1 1 0
 *       Σx = 5  Σx² = 5   Sxx = 5 − 25/6 = 5/6
 *       Σy = 9  Σy² = 19  Syy = 19 − 81/6 = 11/2
 *       Σxy = 3+2+2+1+0+0 = 8   Sxy = 8 − 45/6 = 1/2
 *       r = (1/2) / √(55/12) = √(3/55) = 0.233549683
 *   Q2  x = 1 1 1 0 1 0   y = 3 2 2 2 0 1
 *       Σx = 4  Σx² = 4   Sxx = 4 − 16/6 = 4/3
 *       Σy = 10 Σy² = 22  Syy = 22 − 100/6 = 16/3
 *       Σxy = 3+2+2+0+0+0 = 7   Sxy = 7 − 40/6 = 1/3
 *       r = (1/3) / √(64/9) = 1/8 = 0.125
 *   Q3  x = 1 1 0 1 0 0   y = 3 2 3 1 1 1
 *       Σx = 3  Σx² = 3   Sxx = 3 − 9/6 = 3/2
 *       Σy = 11 Σy² = 25  Syy = 25 − 121/6 = 29/6
 *       Σxy = 3+2+0+1+0+0 = 6   Sxy = 6 − 33/6 = 1/2
 *       r = (1/2) / √(29/4) = 1/√29 = 0.185695338
 *   Q4  x = 1 0 1 0 0 0   y = 3 3 2 2 1 1
 *       Σx = 2  Σx² = 2   Sxx = 2 − 4/6 = 4/3
 *       Σy = 12 Σy² = 28  Syy = 28 − 144/6 = 4
 *       Σxy = 3+0+2+0+0+0 = 5   Sxy = 5 − 24/6 = 1
 *       r = 1 / √(16/3) = √3/4 = 0.433012702
 *
 * Flags: Q2 (0.125) and Q3 (0.186) are below 0.20, "does not separate strong from weak students";
 * no facility flag (every facility lies between 0.20 and 0.95); no choice items, so no distractor flags.
 * </pre>
 */
@DisplayName("Worked example 1: six students, four right-or-wrong questions")
class WorkedDichotomousExampleTest {

  static ItemMatrix matrix() {
    return ItemMatrix.builder()
        .items(Item.scored("Q1", 1), Item.scored("Q2", 1), Item.scored("Q3", 1), Item.scored("Q4", 1))
        .scores("S1", 1.0, 1.0, 1.0, 1.0)
        .scores("S2", 1.0, 1.0, 1.0, 0.0)
        .scores("S3", 1.0, 1.0, 0.0, 1.0)
        .scores("S4", 1.0, 0.0, 1.0, 0.0)
        .scores("S5", 0.0, 1.0, 0.0, 0.0)
        .scores("S6", 1.0, 0.0, 0.0, 0.0)
        .build();
  }

  private final ItemAnalysis analysis = ItemAnalysis.of(matrix());

  private ItemStatistics item(String id) {
    return analysis.item(id).orElseThrow();
  }

  @Nested
  @DisplayName("Per question")
  class PerQuestion {

    @Test
    @DisplayName("every question was presented to all six students, who all count in its correlation")
    void counts() {
      assertThat(analysis.items()).extracting(ItemStatistics::itemId).containsExactly("Q1", "Q2", "Q3", "Q4");
      assertThat(analysis.items()).allSatisfy(item -> {
        assertThat(item.n()).isEqualTo(6);
        assertThat(item.discriminationN()).isEqualTo(6);
        assertThat(item.maxPoints()).isEqualTo(1.0);
        assertThat(item.choices()).isEmpty();
      });
    }

    @Test
    @DisplayName("facility is the proportion who got it right: 5/6, 4/6, 3/6, 2/6")
    void facility() {
      assertFigure(item("Q1").facility(), 5.0 / 6);
      assertFigure(item("Q2").facility(), 4.0 / 6);
      assertFigure(item("Q3").facility(), 3.0 / 6);
      assertFigure(item("Q4").facility(), 2.0 / 6);
      assertFigure(item("Q1").meanScore(), 5.0 / 6);
      assertFigure(item("Q4").meanScore(), 2.0 / 6);
    }

    @Test
    @DisplayName("the standard deviation of a 0/1 item is √(p·q): √5/6, √2/3, 1/2, √2/3")
    void standardDeviation() {
      assertFigure(item("Q1").standardDeviation(), Math.sqrt(5) / 6);
      assertFigure(item("Q2").standardDeviation(), Math.sqrt(2) / 3);
      assertFigure(item("Q3").standardDeviation(), 0.5);
      assertFigure(item("Q4").standardDeviation(), Math.sqrt(2) / 3);
    }

    @Test
    @DisplayName("discrimination is the corrected item–total correlation: √(3/55), 1/8, 1/√29, √3/4")
    void discrimination() {
      assertFigure(item("Q1").discrimination(), Math.sqrt(3.0 / 55));
      assertFigure(item("Q2").discrimination(), 0.125);
      assertFigure(item("Q3").discrimination(), 1 / Math.sqrt(29));
      assertFigure(item("Q4").discrimination(), Math.sqrt(3) / 4);
      assertFigure(item("Q1").discrimination(), 0.233549683);
      assertFigure(item("Q3").discrimination(), 0.185695338);
    }

    @Test
    @DisplayName("Q2 and Q3 are flagged as not separating strong from weak students, and nothing else is flagged")
    void flags() {
      assertThat(item("Q1").flags()).isEmpty();
      assertThat(item("Q4").flags()).isEmpty();
      assertThat(item("Q2").flags()).singleElement().satisfies(flag -> {
        assertThat(flag.kind()).isEqualTo(Flag.Kind.LOW_DISCRIMINATION);
        assertThat(flag.choice()).isEmpty();
        assertThat(flag.reason()).isEqualTo("Does not separate strong from weak students: its correlation with"
            + " the rest of the quiz is 0.13 (below 0.20).");
      });
      assertThat(item("Q3").flags()).extracting(Flag::kind).containsExactly(Flag.Kind.LOW_DISCRIMINATION);
      assertThat(item("Q3").flags().get(0).reason()).contains("0.19 (below 0.20)");
    }
  }

  @Nested
  @DisplayName("Per quiz")
  class PerQuiz {

    @Test
    @DisplayName("mean 7/12, median 0.625 and population SD √11/12 of the students' scores")
    void distribution() {
      QuizStatistics quiz = analysis.quiz();
      assertThat(quiz.students()).isEqualTo(6);
      assertThat(quiz.scoredStudents()).isEqualTo(6);
      assertFigure(quiz.mean(), 7.0 / 12);
      assertFigure(quiz.median(), 0.625);
      assertFigure(quiz.standardDeviation(), Math.sqrt(11) / 12);
      assertFigure(quiz.standardDeviation(), 0.276385399);
    }

    @Test
    @DisplayName("reliability uses all four questions and all six students, whose totals vary by 11/9")
    void reliabilityInputs() {
      QuizStatistics quiz = analysis.quiz();
      assertThat(quiz.reliabilityItemIds()).containsExactly("Q1", "Q2", "Q3", "Q4");
      assertThat(quiz.completeCases()).isEqualTo(6);
      assertThat(quiz.reliabilityMaxPoints()).isEqualTo(4.0);
      assertThat(quiz.dichotomous()).isTrue();
      assertFigure(quiz.sumOfItemVariances(), 5.0 / 6);
      assertFigure(quiz.totalVariance(), 11.0 / 9);
    }

    @Test
    @DisplayName("KR-20 is 14/33, and Cronbach's alpha equals it for right-or-wrong questions")
    void kr20AndAlpha() {
      QuizStatistics quiz = analysis.quiz();
      assertFigure(quiz.kr20(), 14.0 / 33);
      assertFigure(quiz.cronbachAlpha(), 14.0 / 33);
      assertFigure(quiz.cronbachAlpha(), 0.424242424);
    }

    @Test
    @DisplayName("the standard error of measurement is √(19/3)/12 of the points, √(19/3)/3 points")
    void standardErrorOfMeasurement() {
      QuizStatistics quiz = analysis.quiz();
      assertFigure(quiz.standardErrorOfMeasurement(), Math.sqrt(19.0 / 3) / 12);
      assertFigure(quiz.standardErrorOfMeasurement(), 0.209717623);
      assertFigure(quiz.standardErrorOfMeasurementInPoints(), Math.sqrt(19.0 / 3) / 3);
      assertFigure(quiz.standardErrorOfMeasurement(),
          quiz.standardDeviation().getAsDouble() * Math.sqrt(1 - quiz.cronbachAlpha().getAsDouble()));
    }
  }

  @Test
  @DisplayName("the same students and questions in another order give the same figures")
  void orderDoesNotMatter() {
    ItemMatrix shuffled = ItemMatrix.builder()
        .items(Item.scored("Q4", 1), Item.scored("Q2", 1), Item.scored("Q3", 1), Item.scored("Q1", 1))
        .scores("S6", 0.0, 0.0, 0.0, 1.0)
        .scores("S3", 1.0, 1.0, 0.0, 1.0)
        .scores("S5", 0.0, 1.0, 0.0, 0.0)
        .scores("S1", 1.0, 1.0, 1.0, 1.0)
        .scores("S4", 0.0, 0.0, 1.0, 1.0)
        .scores("S2", 0.0, 1.0, 1.0, 1.0)
        .build();
    ItemAnalysis other = ItemAnalysis.of(shuffled);
    assertFigure(other.quiz().cronbachAlpha(), 14.0 / 33);
    assertFigure(other.quiz().median(), 0.625);
    for (ItemStatistics item : analysis.items()) {
      ItemStatistics same = other.item(item.itemId()).orElseThrow();
      assertFigure(same.facility(), item.facility().getAsDouble());
      assertFigure(same.discrimination(), item.discrimination().getAsDouble());
      assertThat(same.flags()).isEqualTo(item.flags());
    }
  }
}
