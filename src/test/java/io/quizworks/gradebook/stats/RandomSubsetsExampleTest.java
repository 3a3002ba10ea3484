package io.quizworks.gradebook.stats;

import static io.quizworks.gradebook.stats.Figures.assertFigure;
import static io.quizworks.gradebook.stats.Figures.assertUndefined;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Worked example 3: questions drawn at random, so students were presented different questions ("—" = not
 * presented). A and B are worth 1 point, C worth 2. Computed by hand as exact fractions and checked with an
 * independent throwaway Python script ({@code fractions.Fraction}, not committed), which agreed.
 *
 * <pre>
 *   student |  A   B   C  | earned / available = score
 *   --------+-------------+---------------------------
 *   S1      |  1   1   2  | 4/4 = 1
 *   S2      |  1   0   —  | 1/2
 *   S3      |  0   —   1  | 1/3
 *   S4      |  0   1   0  | 1/4
 *   S5      |  —   1   2  | 3/3 = 1
 *
 * Scores: mean (1 + 1/2 + 1/3 + 1/4 + 1)/5 = (37/12)/5 = 37/60 = 0.616666667;
 *   sorted 1/4 1/3 1/2 1 1, median 1/2;
 *   Σx² = 1 + 1/4 + 1/9 + 1/16 + 1 = 349/144, σ² = 349/720 − (37/60)² = 1745/3600 − 1369/3600 = 47/450,
 *   SD = √(47/450) = 0.323178657.
 *
 * Rest score of a student for an item = their proportion of the points on the OTHER items they saw:
 *   A (n = 4: S1..S4)  x = 1 1 0 0
 *       y: S1 (1+2)/(1+2) = 1; S2 B only: 0/1 = 0; S3 C only: 1/2; S4 (1+0)/3 = 1/3
 *       Σx = 2 Σx² = 2 Sxx = 2 − 4/4 = 1
 *       Σy = 11/6 Σy² = 1 + 0 + 1/4 + 1/9 = 49/36  Syy = 49/36 − (121/36)/4 = 75/144
 *       Σxy = 1 + 0 + 0 + 0 = 1   Sxy = 1 − 2·(11/6)/4 = 1/12
 *       r = (1/12) / √(75/144) = 1/√75 = 0.115470054
 *       facility 2/4 = 0.5, SD 0.5
 *   B (n = 4: S1 S2 S4 S5)  x = 1 0 1 1
 *       y: S1 (1+2)/3 = 1; S2 A only: 1/1 = 1; S4 (0+0)/3 = 0; S5 C only: 2/2 = 1
 *       Σx = 3 Σx² = 3 Sxx = 3 − 9/4 = 3/4;  Σy = 3 Σy² = 3 Syy = 3/4
 *       Σxy = 1 + 0 + 0 + 1 = 2   Sxy = 2 − 9/4 = −1/4
 *       r = (−1/4) / (3/4) = −1/3: negative, flagged with "check the key"
 *       facility 3/4, SD √(3/4 − 9/16) = √3/4 = 0.433012702
 *   C (n = 4: S1 S3 S4 S5)  x = 2 1 0 2
 *       y: S1 (1+1)/2 = 1; S3 A only: 0; S4 (0+1)/2 = 1/2; S5 B only: 1
 *       Σx = 5 Σx² = 9 Sxx = 9 − 25/4 = 11/4
 *       Σy = 5/2 Σy² = 9/4 Syy = 9/4 − (25/4)/4 = 11/16
 *       Σxy = 2 + 0 + 0 + 2 = 4   Sxy = 4 − 5·(5/2)/4 = 7/8
 *       r = (7/8) / √(121/64) = 7/11 = 0.636363636
 *       mean 5/4, facility 5/8, SD √(9/4 − 25/16) = √11/4 = 0.829156198
 *
 * Reliability on the complete cases only, S1 and S4 (totals 4 and 1):
 *   σx² = ((4 − 2.5)² + (1 − 2.5)²)/2 = 9/4
 *   item variances A: (1, 0) → 1/4; B: (1, 1) → 0; C: (2, 0) → 1;  Σ = 5/4
 *   alpha = 3/2 · (1 − (5/4)/(9/4)) = 3/2 · 4/9 = 2/3; KR-20 undefined (C is worth 2)
 *   SEM = (√(9/4)/4) · √(1/3) = 0.375/√3 = 0.216506351; in points 1.5/√3 = √3/2 = 0.866025404
 * </pre>
 */
@DisplayName("Worked example 3: students presented different random subsets of the questions")
class RandomSubsetsExampleTest {

  static ItemMatrix matrix() {
    return ItemMatrix.builder()
        .items(Item.scored("A", 1), Item.scored("B", 1), Item.scored("C", 2))
        .scores("S1", 1.0, 1.0, 2.0)
        .scores("S2", 1.0, 0.0, null)
        .scores("S3", 0.0, null, 1.0)
        .scores("S4", 0.0, 1.0, 0.0)
        .scores("S5", null, 1.0, 2.0)
        .build();
  }

  private final ItemAnalysis analysis = ItemAnalysis.of(matrix());

  private ItemStatistics item(String id) {
    return analysis.item(id).orElseThrow();
  }

  @Test
  @DisplayName("each student's score is the proportion of the points of the questions they were presented")
  void scores() {
    QuizStatistics quiz = analysis.quiz();
    assertThat(quiz.scoredStudents()).isEqualTo(5);
    assertFigure(quiz.mean(), 37.0 / 60);
    assertFigure(quiz.median(), 0.5);
    assertFigure(quiz.standardDeviation(), Math.sqrt(47.0 / 450));
  }

  @Test
  @DisplayName("each question is counted over the four students who were presented it")
  void perItem() {
    assertThat(analysis.items()).extracting(ItemStatistics::n).containsExactly(4, 4, 4);
    assertThat(analysis.items()).extracting(ItemStatistics::discriminationN).containsExactly(4, 4, 4);
    assertFigure(item("A").facility(), 0.5);
    assertFigure(item("A").standardDeviation(), 0.5);
    assertFigure(item("B").facility(), 0.75);
    assertFigure(item("B").standardDeviation(), Math.sqrt(3) / 4);
    assertFigure(item("C").meanScore(), 1.25);
    assertFigure(item("C").facility(), 5.0 / 8);
    assertFigure(item("C").standardDeviation(), Math.sqrt(11) / 4);
  }

  @Test
  @DisplayName("discrimination correlates with each student's proportion on the other questions they saw")
  void discrimination() {
    assertFigure(item("A").discrimination(), 1 / Math.sqrt(75));
    assertFigure(item("B").discrimination(), -1.0 / 3);
    assertFigure(item("C").discrimination(), 7.0 / 11);
  }

  @Test
  @DisplayName("a negative discrimination is flagged with advice to check the key")
  void negativeDiscrimination() {
    assertThat(item("B").flags()).singleElement().satisfies(flag -> {
      assertThat(flag.kind()).isEqualTo(Flag.Kind.LOW_DISCRIMINATION);
      assertThat(flag.reason()).contains("-0.33 (below 0.20)").contains("check the key");
    });
    assertThat(item("A").flags()).extracting(Flag::kind).containsExactly(Flag.Kind.LOW_DISCRIMINATION);
    assertThat(item("A").flags().get(0).reason()).doesNotContain("check the key");
    assertThat(item("C").flags()).isEmpty();
  }

  @Test
  @DisplayName("alpha uses only the two students who were presented every question: 2/3")
  void alphaOnCompleteCases() {
    QuizStatistics quiz = analysis.quiz();
    assertThat(quiz.reliabilityItemIds()).containsExactly("A", "B", "C");
    assertThat(quiz.completeCases()).isEqualTo(2);
    assertFigure(quiz.totalVariance(), 9.0 / 4);
    assertFigure(quiz.sumOfItemVariances(), 5.0 / 4);
    assertFigure(quiz.cronbachAlpha(), 2.0 / 3);
    assertUndefined(quiz.kr20(), "KR-20 needs every question scored 0 or 1");
    assertFigure(quiz.standardErrorOfMeasurement(), 0.375 / Math.sqrt(3));
    assertFigure(quiz.standardErrorOfMeasurementInPoints(), Math.sqrt(3) / 2);
  }

  @Test
  @DisplayName("with only one student presented every question, alpha and the SEM are empty with a reason")
  void oneCompleteCase() {
    ItemMatrix withoutS4 = new ItemMatrix(matrix().items(),
        matrix().students().stream().filter(row -> !row.studentId().equals("S4")).toList());
    QuizStatistics quiz = ItemAnalysis.of(withoutS4).quiz();
    assertThat(quiz.completeCases()).isEqualTo(1);
    assertUndefined(quiz.cronbachAlpha(), "needs at least two students who were presented every question (there is 1)");
    assertUndefined(quiz.kr20(), "KR-20 needs every question scored 0 or 1");
    assertUndefined(quiz.standardErrorOfMeasurement(), "(there is 1)");
    assertUndefined(quiz.standardErrorOfMeasurementInPoints(), "(there is 1)");
    assertUndefined(quiz.totalVariance(), "(there is 1)");
    assertThat(quiz.mean().isPresent()).isTrue();
  }

  @Test
  @DisplayName("restricting the matrix to the questions every student saw makes alpha computable again")
  void restrictToCommonItems() {
    ItemMatrix matrix = ItemMatrix.builder()
        .items(Item.scored("A", 1), Item.scored("B", 1), Item.scored("C", 1))
        .scores("S1", 1.0, 1.0, 1.0)
        .scores("S2", 1.0, 0.0, null)
        .scores("S3", 0.0, 0.0, null)
        .build();
    assertUndefined(ItemAnalysis.of(matrix).quiz().cronbachAlpha(), "(there is 1)");
    QuizStatistics common = ItemAnalysis.of(matrix.restrictedTo(List.of("A", "B"))).quiz();
    assertThat(common.completeCases()).isEqualTo(3);
    // Totals 2, 1, 0: σx² = 2/3; A (1,1,0) 2/9, B (1,0,0) 2/9; alpha = 2·(1 − (4/9)/(2/3)) = 2/3.
    assertFigure(common.cronbachAlpha(), 2.0 / 3);
    assertFigure(common.kr20(), 2.0 / 3);
  }
}
