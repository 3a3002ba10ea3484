package io.quizworks.gradebook.stats;

import static io.quizworks.gradebook.stats.Figures.assertFigure;
import static io.quizworks.gradebook.stats.Figures.assertUndefined;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Choice counts and flags")
class ChoicesAndFlagsTest {

  private static final List<String> ABCD = List.of("A", "B", "C", "D");

  /**
   * A single-choice question Q (key A) and two 1-point questions X and Y that rank the students.
   *
   * <pre>
   *   student | X Y | rest for Q = (X+Y)/2 | picked | Q points
   *   S1      | 1 1 | 1.0                  | C      | 0
   *   S2      | 1 1 | 1.0                  | A      | 1
   *   S3      | 1 0 | 0.5                  | A      | 1
   *   S4      | 0 1 | 0.5                  | B      | 0
   *   S5      | 0 0 | 0.0                  | A      | 1
   *   S6      | 0 0 | 0.0                  | (none) | 0
   *
   *   6 students with a rest score: groups of min(ceil(6/3), floor(6/2)) = 2.
   *   Top (highest rest first, ties in row order): S1, S2.  Bottom: S5, S6.
   *   A: 3 picks (share 1/2), top 1 (S2), bottom 1 (S5)
   *   B: 1 pick  (1/6),       top 0,      bottom 0
   *   C: 1 pick  (1/6),       top 1 (S1), bottom 0   → picked more by the top third
   *   D: 0 picks (0)                                   → nobody picked it
   *   picked nothing: 1 (S6)
   *   Facility 3/6 = 0.5. Discrimination: x = 0 1 1 0 1 0, y = 1 1 .5 .5 0 0:
   *   Σx = 3, Σy = 3, Σxy = 1 + .5 = 1.5, Sxy = 1.5 − 9/6 = 0 → r = 0, flagged.
   * </pre>
   */
  static ItemMatrix singleChoice() {
    return ItemMatrix.builder()
        .items(Item.choice("Q", 1, ABCD, List.of("A")), Item.scored("X", 1), Item.scored("Y", 1))
        .student("S1", Response.choice(0, "C"), Response.scored(1), Response.scored(1))
        .student("S2", Response.choice(1, "A"), Response.scored(1), Response.scored(1))
        .student("S3", Response.choice(1, "A"), Response.scored(1), Response.scored(0))
        .student("S4", Response.choice(0, "B"), Response.scored(0), Response.scored(1))
        .student("S5", Response.choice(1, "A"), Response.scored(0), Response.scored(0))
        .student("S6", Response.choice(0), Response.scored(0), Response.scored(0))
        .build();
  }

  @Nested
  @DisplayName("A single-choice question")
  class SingleChoice {
    private final ItemStatistics q = ItemAnalysis.of(singleChoice()).item("Q").orElseThrow();

    @Test
    @DisplayName("counts each choice, its share of the six students and who picked nothing")
    void counts() {
      assertThat(q.choices())
          .extracting(ChoiceStatistics::label, ChoiceStatistics::correct, ChoiceStatistics::count)
          .containsExactly(tuple("A", true, 3), tuple("B", false, 1), tuple("C", false, 1), tuple("D", false, 0));
      assertFigure(q.choice("A").orElseThrow().share(), 0.5);
      assertFigure(q.choice("B").orElseThrow().share(), 1.0 / 6);
      assertFigure(q.choice("C").orElseThrow().share(), 1.0 / 6);
      assertFigure(q.choice("D").orElseThrow().share(), 0);
      assertThat(q.pickedNone()).isEqualTo(1);
      assertThat(q.choice("E")).isEmpty();
      assertThat(q.choice("A").orElseThrow().isDistractor()).isFalse();
      assertThat(q.choice("B").orElseThrow().isDistractor()).isTrue();
    }

    @Test
    @DisplayName("splits the students into a top and a bottom third of two by their rest score")
    void thirds() {
      assertThat(q.groupSize()).isEqualTo(2);
      assertThat(q.choices())
          .extracting(ChoiceStatistics::label, ChoiceStatistics::topGroupCount, ChoiceStatistics::bottomGroupCount)
          .containsExactly(tuple("A", 1, 1), tuple("B", 0, 0), tuple("C", 1, 0), tuple("D", 0, 0));
    }

    @Test
    @DisplayName("has facility 0.5 and a discrimination of 0")
    void figures() {
      assertThat(q.n()).isEqualTo(6);
      assertFigure(q.facility(), 0.5);
      assertFigure(q.discrimination(), 0);
    }

    @Test
    @DisplayName("raises a low-discrimination flag, then one for the unpicked D, then one for C")
    void flags() {
      assertThat(q.flags())
          .extracting(Flag::kind, Flag::choice)
          .containsExactly(
              tuple(Flag.Kind.LOW_DISCRIMINATION, Optional.empty()),
              tuple(Flag.Kind.UNPICKED_DISTRACTOR, Optional.of("D")),
              tuple(Flag.Kind.DISTRACTOR_FAVOURS_TOP_GROUP, Optional.of("C")));
      assertThat(q.flags(Flag.Kind.UNPICKED_DISTRACTOR).get(0).reason()).isEqualTo(
          "Distractor D was picked by none of the 6 students who were presented this question, so it distracts"
              + " nobody: make it more plausible or replace it.");
      assertThat(q.flags(Flag.Kind.DISTRACTOR_FAVOURS_TOP_GROUP).get(0).reason()).isEqualTo(
          "Distractor C was picked by 1 of the 2 strongest students (top third by score on the rest of the quiz)"
              + " but by 0 of the 2 weakest: check that it is really wrong and that the question is not"
              + " ambiguous.");
      assertThat(q.hasFlag(Flag.Kind.VERY_EASY)).isFalse();
    }

    @Test
    @DisplayName("a correct choice picked more by the top third is not flagged, only distractors are")
    void correctChoiceNotFlagged() {
      ItemMatrix matrix = ItemMatrix.builder()
          .items(Item.choice("Q", 1, List.of("A", "B"), List.of("A")), Item.scored("X", 1))
          .student("S1", Response.choice(1, "A"), Response.scored(1))
          .student("S2", Response.choice(1, "A"), Response.scored(1))
          .student("S3", Response.choice(0, "B"), Response.scored(0))
          .student("S4", Response.choice(0, "B"), Response.scored(0))
          .build();
      ItemStatistics q = ItemAnalysis.of(matrix).item("Q").orElseThrow();
      assertThat(q.choice("A").orElseThrow().topGroupCount()).isEqualTo(2);
      assertThat(q.hasFlag(Flag.Kind.DISTRACTOR_FAVOURS_TOP_GROUP)).isFalse();
      assertThat(q.hasFlag(Flag.Kind.UNPICKED_DISTRACTOR)).isFalse();
      assertFigure(q.discrimination(), 1);
    }

    @Test
    @DisplayName("a distractor picked equally often by both thirds is not flagged")
    void equalPicksNotFlagged() {
      ItemMatrix matrix = ItemMatrix.builder()
          .items(Item.choice("Q", 1, List.of("A", "B"), List.of("A")), Item.scored("X", 1))
          .student("S1", Response.choice(0, "B"), Response.scored(1))
          .student("S2", Response.choice(1, "A"), Response.scored(1))
          .student("S3", Response.choice(0, "B"), Response.scored(0))
          .student("S4", Response.choice(1, "A"), Response.scored(0))
          .build();
      ItemStatistics q = ItemAnalysis.of(matrix).item("Q").orElseThrow();
      assertThat(q.choice("B").orElseThrow()).extracting(ChoiceStatistics::topGroupCount,
          ChoiceStatistics::bottomGroupCount).containsExactly(1, 1);
      assertThat(q.hasFlag(Flag.Kind.DISTRACTOR_FAVOURS_TOP_GROUP)).isFalse();
    }
  }

  @Nested
  @DisplayName("A multiple-response question")
  class MultipleResponse {
    // Key A and C, worth 2. S1 picks A C (2), S2 A (1), S3 A B C (1), S4 nothing (0).
    private final ItemStatistics q = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.choice("M", 2, ABCD, List.of("C", "A")))
        .student("S1", Response.choice(2, "A", "C"))
        .student("S2", Response.choice(1, "A"))
        .student("S3", Response.choice(1, "A", "B", "C"))
        .student("S4", Response.choice(0))
        .build()).item("M").orElseThrow();

    @Test
    @DisplayName("counts every picked choice, so the shares add up to more than 1")
    void counts() {
      assertThat(q.choices()).extracting(ChoiceStatistics::label, ChoiceStatistics::correct,
          ChoiceStatistics::count).containsExactly(tuple("A", true, 3), tuple("B", false, 1), tuple("C", true, 2),
          tuple("D", false, 0));
      assertThat(q.choices().stream().mapToDouble(c -> c.share().getAsDouble()).sum()).isEqualTo(1.5);
      assertFigure(q.choice("A").orElseThrow().share(), 0.75);
      assertThat(q.pickedNone()).isEqualTo(1);
      assertFigure(q.facility(), 0.5);
    }

    @Test
    @DisplayName("flags D as a distractor nobody picked, even without other questions to rank students")
    void unpicked() {
      assertThat(q.groupSize()).isZero();
      assertThat(q.flags()).extracting(Flag::kind, Flag::choice)
          .containsExactly(tuple(Flag.Kind.UNPICKED_DISTRACTOR, Optional.of("D")));
      assertUndefined(q.discrimination(), "another one (there are 0)");
    }
  }

  @Test
  @DisplayName("a true/false question counts True and False like two choices")
  void trueFalse() {
    ItemStatistics tf = ItemAnalysis.of(ItemMatrix.builder()
        .items(Item.choice("TF", 1, List.of("True", "False"), List.of("True")))
        .student("S1", Response.choice(1, "True"))
        .student("S2", Response.choice(0, "False"))
        .student("S3", Response.choice(1, "True"))
        .build()).item("TF").orElseThrow();
    assertThat(tf.choices()).extracting(ChoiceStatistics::label, ChoiceStatistics::count)
        .containsExactly(tuple("True", 2), tuple("False", 1));
    assertThat(tf.flags()).isEmpty();
  }

  @Test
  @DisplayName("a question without choices has no choice counts")
  void scoredItemHasNoChoices() {
    ItemStatistics x = ItemAnalysis.of(singleChoice()).item("X").orElseThrow();
    assertThat(x.choices()).isEmpty();
    assertThat(x.pickedNone()).isZero();
  }

  @Nested
  @DisplayName("Facility flags")
  class FacilityFlags {

    /** Q and a second question X that the same students get right, so Q's discrimination is 1 when defined. */
    private ItemStatistics itemWith(int right, int wrong) {
      ItemMatrix.Builder builder = ItemMatrix.builder().items(Item.scored("Q", 1), Item.scored("X", 1));
      for (int i = 0; i < right + wrong; i++) {
        double points = i < right ? 1.0 : 0.0;
        builder.scores("S" + i, points, points);
      }
      return ItemAnalysis.of(builder.build()).item("Q").orElseThrow();
    }

    @Test
    @DisplayName("1 right out of 6 (facility 0.17) is very hard")
    void veryHard() {
      ItemStatistics q = itemWith(1, 5);
      assertThat(q.flags()).extracting(Flag::kind).containsExactly(Flag.Kind.VERY_HARD);
      assertThat(q.flags().get(0).reason()).isEqualTo("Very hard: students earned 17% of its points on average"
          + " (facility 0.17, below 0.20). Check the key, the wording, and whether it was taught.");
    }

    @Test
    @DisplayName("nobody right is very hard, and its undefined discrimination raises no flag of its own")
    void nobodyRight() {
      ItemStatistics q = itemWith(0, 4);
      assertThat(q.flags()).extracting(Flag::kind).containsExactly(Flag.Kind.VERY_HARD);
      assertUndefined(q.discrimination(), "every student scored the same on it (0 of 1 points)");
    }

    @Test
    @DisplayName("1 right out of 5 (facility exactly 0.20) is not flagged: the comparison is strict")
    void hardBoundary() {
      ItemStatistics q = itemWith(1, 4);
      assertFigure(q.facility(), 0.2);
      assertThat(q.hasFlag(Flag.Kind.VERY_HARD)).isFalse();
    }

    @Test
    @DisplayName("20 right out of 20 is very easy")
    void veryEasy() {
      ItemStatistics q = itemWith(20, 0);
      assertThat(q.flags()).extracting(Flag::kind).containsExactly(Flag.Kind.VERY_EASY);
      assertThat(q.flags().get(0).reason()).isEqualTo("Very easy: students earned 100% of its points on average"
          + " (facility 1.00, above 0.95), so it tells you little about who has learnt what.");
    }

    @Test
    @DisplayName("19 right out of 20 (facility exactly 0.95) is not flagged: the comparison is strict")
    void easyBoundary() {
      ItemStatistics q = itemWith(19, 1);
      assertFigure(q.facility(), 0.95);
      assertThat(q.hasFlag(Flag.Kind.VERY_EASY)).isFalse();
    }

    @Test
    @DisplayName("the thresholds are the ones the issue names")
    void thresholds() {
      assertThat(ItemAnalysis.VERY_HARD_BELOW).isEqualTo(0.2);
      assertThat(ItemAnalysis.VERY_EASY_ABOVE).isEqualTo(0.95);
      assertThat(ItemAnalysis.LOW_DISCRIMINATION_BELOW).isEqualTo(0.2);
      assertThat(Flag.Kind.LOW_DISCRIMINATION.title()).isEqualTo("Does not separate strong from weak students");
    }
  }

  @Nested
  @DisplayName("Top and bottom thirds")
  class Thirds {

    /** m students; Q has distractor B, picked only by the student with the highest rest score (the last row). */
    private ItemStatistics withStudents(int m) {
      ItemMatrix.Builder builder = ItemMatrix.builder()
          .items(Item.choice("Q", 1, List.of("A", "B"), List.of("A")), Item.scored("X", m));
      for (int i = 0; i < m; i++) {
        boolean strongest = i == m - 1;
        builder.student("S" + i, strongest ? Response.choice(0, "B") : Response.choice(1, "A"),
            Response.scored(i + 1));
      }
      return ItemAnalysis.of(builder.build()).item("Q").orElseThrow();
    }

    @ParameterizedTest(name = "{0} students give groups of {1}")
    @CsvSource({"1, 0", "2, 1", "3, 1", "4, 2", "5, 2", "6, 2", "7, 3", "8, 3", "9, 3", "10, 4", "30, 10"})
    @DisplayName("groups have min(ceil(m/3), floor(m/2)) students and never overlap")
    void groupSize(int students, int groupSize) {
      ItemStatistics q = withStudents(students);
      assertThat(q.groupSize()).isEqualTo(groupSize);
      ChoiceStatistics b = q.choice("B").orElseThrow();
      assertThat(b.topGroupCount()).isEqualTo(groupSize > 0 ? 1 : 0);
      assertThat(b.bottomGroupCount()).isZero();
      assertThat(q.hasFlag(Flag.Kind.DISTRACTOR_FAVOURS_TOP_GROUP)).isEqualTo(groupSize > 0);
      ChoiceStatistics a = q.choice("A").orElseThrow();
      assertThat(a.topGroupCount() + b.topGroupCount()).isEqualTo(groupSize);
      assertThat(a.bottomGroupCount() + b.bottomGroupCount()).isEqualTo(groupSize);
    }

    @Test
    @DisplayName("students tied on rest score keep the matrix order: the earlier row goes into the top group")
    void tiesKeepRowOrder() {
      // Rest scores 1, 1, 0 (m = 3, groups of 1): S1 and S2 tie; S1 comes first, so S1 is the top group.
      ItemMatrix matrix = ItemMatrix.builder()
          .items(Item.choice("Q", 1, List.of("A", "B", "C"), List.of("A")), Item.scored("X", 1))
          .student("S1", Response.choice(0, "B"), Response.scored(1))
          .student("S2", Response.choice(0, "C"), Response.scored(1))
          .student("S3", Response.choice(1, "A"), Response.scored(0))
          .build();
      ItemStatistics q = ItemAnalysis.of(matrix).item("Q").orElseThrow();
      assertThat(q.choices()).extracting(ChoiceStatistics::label, ChoiceStatistics::topGroupCount,
          ChoiceStatistics::bottomGroupCount).containsExactly(tuple("A", 0, 1), tuple("B", 1, 0), tuple("C", 0, 0));
      assertThat(q.flags(Flag.Kind.DISTRACTOR_FAVOURS_TOP_GROUP)).extracting(Flag::choice)
          .containsExactly(Optional.of("B"));
    }

    @Test
    @DisplayName("students who saw the question but no other one count in the choice shares, not in the groups")
    void studentsWithoutRestScore() {
      ItemMatrix matrix = ItemMatrix.builder()
          .items(Item.choice("Q", 1, List.of("A", "B"), List.of("A")), Item.scored("X", 1))
          .student("S1", Response.choice(0, "B"), Response.scored(1))
          .student("S2", Response.choice(1, "A"), Response.scored(0))
          .student("S3", Response.choice(0, "B"))
          .build();
      ItemStatistics q = ItemAnalysis.of(matrix).item("Q").orElseThrow();
      assertThat(q.n()).isEqualTo(3);
      assertThat(q.discriminationN()).isEqualTo(2);
      assertThat(q.groupSize()).isEqualTo(1);
      assertThat(q.choice("B").orElseThrow()).extracting(ChoiceStatistics::count, ChoiceStatistics::topGroupCount,
          ChoiceStatistics::bottomGroupCount).containsExactly(2, 1, 0);
      assertFigure(q.choice("B").orElseThrow().share(), 2.0 / 3);
    }
  }
}
