package io.quizworks.gradebook.stats;

import static io.quizworks.gradebook.stats.Figures.assertFigure;
import static io.quizworks.gradebook.stats.Figures.assertUndefined;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Degenerate matrices give empty statistics with reasons, never NaN")
class DegenerateCasesTest {

  @Nested
  @DisplayName("An empty matrix")
  class Empty {
    private final ItemAnalysis analysis = ItemAnalysis.of(new ItemMatrix(List.of(), List.of()));

    @Test
    @DisplayName("has no item statistics")
    void noItems() {
      assertThat(analysis.items()).isEmpty();
      assertThat(analysis.item("Q1")).isEmpty();
    }

    @Test
    @DisplayName("has no score distribution, because there are no students")
    void noDistribution() {
      QuizStatistics quiz = analysis.quiz();
      assertThat(quiz.students()).isZero();
      assertThat(quiz.scoredStudents()).isZero();
      assertUndefined(quiz.mean(), "there are no students");
      assertUndefined(quiz.median(), "there are no students");
      assertUndefined(quiz.standardDeviation(), "there are no students");
    }

    @Test
    @DisplayName("has no reliability, because there are no questions")
    void noReliability() {
      QuizStatistics quiz = analysis.quiz();
      assertThat(quiz.reliabilityItemIds()).isEmpty();
      assertThat(quiz.completeCases()).isZero();
      assertThat(quiz.reliabilityMaxPoints()).isZero();
      assertThat(quiz.dichotomous()).isFalse();
      assertUndefined(quiz.cronbachAlpha(), "needs at least two questions that students were presented (there are 0)");
      assertUndefined(quiz.kr20(), "(there are 0)");
      assertUndefined(quiz.standardErrorOfMeasurement(), "(there are 0)");
      assertUndefined(quiz.standardErrorOfMeasurementInPoints(), "(there are 0)");
      assertUndefined(quiz.totalVariance(), "no question was presented to anyone");
      assertUndefined(quiz.sumOfItemVariances(), "no question was presented to anyone");
    }
  }

  @Test
  @DisplayName("questions without students: every question's figures say nobody was presented it")
  void itemsWithoutStudents() {
    ItemAnalysis analysis = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.scored("Q1", 1), Item.choice("Q2", 1, List.of("A", "B"), List.of("A")))
        .build());
    assertThat(analysis.items()).allSatisfy(item -> {
      assertThat(item.n()).isZero();
      assertUndefined(item.meanScore(), "nobody was presented this question");
      assertUndefined(item.facility(), "nobody was presented this question");
      assertUndefined(item.standardDeviation(), "nobody was presented this question");
      assertUndefined(item.discrimination(), "nobody was presented this question");
      assertThat(item.flags()).isEmpty();
      assertThat(item.groupSize()).isZero();
    });
    ChoiceStatistics b = analysis.item("Q2").orElseThrow().choice("B").orElseThrow();
    assertThat(b.count()).isZero();
    assertUndefined(b.share(), "nobody was presented this question");
    assertUndefined(analysis.quiz().mean(), "there are no students");
    assertUndefined(analysis.quiz().cronbachAlpha(), "(there are 0)");
  }

  @Test
  @DisplayName("students without questions: nobody has a score")
  void studentsWithoutItems() {
    QuizStatistics quiz = ItemAnalysis.of(ItemMatrix.builder().scores("S1").scores("S2").build()).quiz();
    assertThat(quiz.students()).isEqualTo(2);
    assertThat(quiz.scoredStudents()).isZero();
    assertUndefined(quiz.mean(), "no student was presented any question");
    assertUndefined(quiz.median(), "no student was presented any question");
    assertUndefined(quiz.cronbachAlpha(), "(there are 0)");
  }

  @Nested
  @DisplayName("A single student")
  class SingleStudent {
    private final ItemAnalysis analysis = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.scored("Q1", 1), Item.scored("Q2", 2))
        .scores("S1", 1.0, 0.5)
        .build());

    @Test
    @DisplayName("has facilities and a standard deviation of 0, but no discrimination")
    void item() {
      ItemStatistics q2 = analysis.item("Q2").orElseThrow();
      assertFigure(q2.facility(), 0.25);
      assertFigure(q2.standardDeviation(), 0);
      assertUndefined(q2.discrimination(), "needs at least two students who were presented this question and"
          + " another one (there is 1)");
      assertThat(q2.groupSize()).isZero();
    }

    @Test
    @DisplayName("is the mean and the median, with a standard deviation of 0 and no alpha")
    void quiz() {
      QuizStatistics quiz = analysis.quiz();
      assertFigure(quiz.mean(), 0.5);
      assertFigure(quiz.median(), 0.5);
      assertFigure(quiz.standardDeviation(), 0);
      assertThat(quiz.completeCases()).isEqualTo(1);
      assertUndefined(quiz.cronbachAlpha(), "needs at least two students who were presented every question"
          + " (there is 1)");
      assertUndefined(quiz.standardErrorOfMeasurement(), "(there is 1)");
    }
  }

  @Test
  @DisplayName("a question nobody was presented is left out of reliability, which the others still give")
  void itemNobodySaw() {
    ItemAnalysis analysis = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.scored("Q1", 1), Item.scored("UNSEEN", 1), Item.scored("Q3", 1))
        .scores("S1", 1.0, null, 1.0)
        .scores("S2", 1.0, null, 0.0)
        .scores("S3", 0.0, null, 0.0)
        .build());
    ItemStatistics unseen = analysis.item("UNSEEN").orElseThrow();
    assertThat(unseen.n()).isZero();
    assertUndefined(unseen.facility(), "nobody was presented this question");
    assertThat(unseen.flags()).isEmpty();
    QuizStatistics quiz = analysis.quiz();
    assertThat(quiz.reliabilityItemIds()).containsExactly("Q1", "Q3");
    assertThat(quiz.completeCases()).isEqualTo(3);
    assertThat(quiz.reliabilityMaxPoints()).isEqualTo(2.0);
    // Same as the restricted example: totals 2, 1, 0 → alpha 2/3.
    assertFigure(quiz.cronbachAlpha(), 2.0 / 3);
    assertFigure(quiz.kr20(), 2.0 / 3);
    assertFigure(quiz.mean(), 0.5);
  }

  @Test
  @DisplayName("a question everybody got right has no discrimination, and says why")
  void zeroVarianceItem() {
    ItemStatistics q = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.scored("EASY", 2), Item.scored("Q2", 1))
        .scores("S1", 2.0, 1.0)
        .scores("S2", 2.0, 0.0)
        .scores("S3", 2.0, 1.0)
        .build()).item("EASY").orElseThrow();
    assertFigure(q.standardDeviation(), 0);
    assertUndefined(q.discrimination(), "every student scored the same on it (2 of 2 points), so it cannot tell"
        + " strong from weak students");
    assertThat(q.flags()).extracting(Flag::kind).containsExactly(Flag.Kind.VERY_EASY);
  }

  @Test
  @DisplayName("a question whose students all did the same on the rest of the quiz has no discrimination")
  void zeroVarianceRest() {
    ItemStatistics q = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.scored("Q1", 1), Item.scored("SAME", 1))
        .scores("S1", 1.0, 1.0)
        .scores("S2", 0.0, 1.0)
        .build()).item("Q1").orElseThrow();
    assertUndefined(q.discrimination(), "scored the same on the rest of the quiz");
    assertThat(q.hasFlag(Flag.Kind.LOW_DISCRIMINATION)).isFalse();
  }

  @Test
  @DisplayName("a quiz of one question has no alpha, but its totals are still described")
  void oneItem() {
    QuizStatistics quiz = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.scored("Q1", 1))
        .scores("S1", 1.0)
        .scores("S2", 0.0)
        .build()).quiz();
    assertUndefined(quiz.cronbachAlpha(), "needs at least two questions that students were presented (there is 1)");
    assertUndefined(quiz.kr20(), "(there is 1)");
    assertUndefined(quiz.standardErrorOfMeasurement(), "(there is 1)");
    assertFigure(quiz.totalVariance(), 0.25);
    assertFigure(quiz.sumOfItemVariances(), 0.25);
    assertFigure(quiz.standardDeviation(), 0.5);
  }

  @Test
  @DisplayName("when every complete case has the same total, alpha is empty rather than a division by zero")
  void sameTotals() {
    QuizStatistics quiz = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.scored("Q1", 1), Item.scored("Q2", 1))
        .scores("S1", 1.0, 0.0)
        .scores("S2", 0.0, 1.0)
        .build()).quiz();
    assertFigure(quiz.totalVariance(), 0);
    assertFigure(quiz.sumOfItemVariances(), 0.5);
    assertUndefined(quiz.cronbachAlpha(), "has the same total");
    assertUndefined(quiz.kr20(), "has the same total");
    assertUndefined(quiz.standardErrorOfMeasurement(), "has the same total");
  }

  @Test
  @DisplayName("totals equal but for rounding (0.1 + 0.2 + 0.3 in different orders) count as equal")
  void roundingNoise() {
    ItemMatrix matrix = ItemMatrix.builder()
        .items(Item.scored("Q1", 1), Item.scored("Q2", 1), Item.scored("Q3", 1))
        .scores("S1", 0.1, 0.2, 0.3)
        .scores("S2", 0.3, 0.2, 0.1)
        .scores("S3", 0.2, 0.3, 0.1)
        .build();
    assertThat(0.1 + 0.2 + 0.3).isNotEqualTo(0.3 + 0.2 + 0.1);
    QuizStatistics quiz = ItemAnalysis.of(matrix).quiz();
    assertFigure(quiz.totalVariance(), 0);
    assertFigure(quiz.standardDeviation(), 0);
    assertUndefined(quiz.cronbachAlpha(), "has the same total");
  }

  @Test
  @DisplayName("a student presented no question counts among the students but has no score")
  void studentWithoutItems() {
    QuizStatistics quiz = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.scored("Q1", 1), Item.scored("Q2", 1))
        .scores("S1", 1.0, 1.0)
        .scores("S2", 0.0, 1.0)
        .scores("ABSENT")
        .build()).quiz();
    assertThat(quiz.students()).isEqualTo(3);
    assertThat(quiz.scoredStudents()).isEqualTo(2);
    assertThat(quiz.completeCases()).isEqualTo(2);
    assertFigure(quiz.mean(), 0.75);
    assertFigure(quiz.median(), 0.75);
  }

  @Test
  @DisplayName("an alpha far below zero still gives a finite standard error of measurement")
  void negativeAlpha() {
    // Q1 and Q2 pull in opposite directions: totals 1, 1, 1, 2 → σx² = 3/16; item variances 1/4 + 3/16.
    QuizStatistics quiz = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.scored("Q1", 1), Item.scored("Q2", 1))
        .scores("S1", 1.0, 0.0)
        .scores("S2", 0.0, 1.0)
        .scores("S3", 1.0, 0.0)
        .scores("S4", 1.0, 1.0)
        .build()).quiz();
    // alpha = 2·(1 − (7/16)/(3/16)) = 2·(1 − 7/3) = −8/3
    assertFigure(quiz.cronbachAlpha(), -8.0 / 3);
    assertFigure(quiz.kr20(), -8.0 / 3);
    // SEM = (√(3/16)/2)·√(1 + 8/3) = (√3/8)·√(11/3) = √11/8
    assertFigure(quiz.standardErrorOfMeasurement(), Math.sqrt(11) / 8);
  }
}
