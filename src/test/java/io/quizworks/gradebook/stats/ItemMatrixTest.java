package io.quizworks.gradebook.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The item matrix")
class ItemMatrixTest {
  private static final Item CHOICE = Item.choice("C", 1, List.of("A", "B", "C"), List.of("B"));
  private static final Item SCORED = Item.scored("S", 2);

  @Nested
  @DisplayName("Items")
  class Items {

    @Test
    @DisplayName("a choice item knows its distractors and lists its correct choices in display order")
    void distractors() {
      Item item = Item.choice("M", 2, List.of("A", "B", "C", "D"), List.of("D", "A"));
      assertThat(item.isChoice()).isTrue();
      assertThat(item.correctLabels()).containsExactly("A", "D");
      assertThat(item.distractors()).containsExactly("B", "C");
      assertThat(SCORED.isChoice()).isFalse();
      assertThat(SCORED.distractors()).isEmpty();
    }

    @ParameterizedTest(name = "max points {0}")
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    @DisplayName("max points must be a positive number")
    void maxPoints(double max) {
      assertThatIllegalArgumentException().isThrownBy(() -> Item.scored("Q", max)).withMessageContaining("max points");
    }

    @Test
    @DisplayName("an item needs an id")
    void blankId() {
      assertThatIllegalArgumentException().isThrownBy(() -> Item.scored(" ", 1));
    }

    @Test
    @DisplayName("choice labels are unique, correct ones are among them, and at least one is correct")
    void choices() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Item.choice("Q", 1, List.of("A", "A"), List.of("A"))).withMessageContaining("repeat");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Item.choice("Q", 1, List.of("A", "B"), List.of("C"))).withMessageContaining("not all");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Item.choice("Q", 1, List.of("A", "B"), List.of())).withMessageContaining("correct");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Item("Q", 1, List.of(), Set.of("A")));
    }
  }

  @Nested
  @DisplayName("Responses")
  class Responses {

    @ParameterizedTest(name = "{0} points")
    @ValueSource(doubles = {-0.5, Double.NaN, Double.NEGATIVE_INFINITY})
    @DisplayName("points must be a number of at least 0")
    void points(double points) {
      assertThatIllegalArgumentException().isThrownBy(() -> Response.scored(points));
    }

    @Test
    @DisplayName("a choice is picked at most once")
    void repeatedPick() {
      assertThatIllegalArgumentException().isThrownBy(() -> Response.choice(0, "A", "A"));
    }

    @Test
    @DisplayName("points above the item's max are refused")
    void aboveMax() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ItemMatrix.builder().items(SCORED).scores("S1", 2.5).build())
          .withMessage("student S1, item S: 2.5 points is more than the item's max of 2.0");
    }

    @Test
    @DisplayName("picks are refused for an item without choices")
    void picksOnScoredItem() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ItemMatrix.builder().items(SCORED).student("S1", Response.choice(1, "A")).build())
          .withMessageContaining("picks given for an item without choices");
    }

    @Test
    @DisplayName("a pick must name one of the item's choices")
    void unknownLabel() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ItemMatrix.builder().items(CHOICE).student("S1", Response.choice(0, "Z")).build())
          .withMessageContaining("picked Z, which is not one of [A, B, C]");
    }

    @Test
    @DisplayName("a response must be to a known item")
    void unknownItem() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new ItemMatrix(List.of(SCORED),
              List.of(new StudentRow("S1", Map.of("NOPE", Response.scored(0))))))
          .withMessageContaining("unknown item NOPE");
    }
  }

  @Test
  @DisplayName("item ids and student ids are unique")
  void uniqueIds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ItemMatrix.builder().items(SCORED, Item.scored("S", 1)).build())
        .withMessageContaining("item id S appears twice");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ItemMatrix.builder().items(SCORED).scores("S1", 1.0).scores("S1", 0.0).build())
        .withMessageContaining("student id S1 appears twice");
  }

  @Test
  @DisplayName("the builder reads null or a missing trailing cell as not presented, and refuses extra cells")
  void builderCells() {
    ItemMatrix matrix = ItemMatrix.builder().items(SCORED, CHOICE)
        .student("S1", null, Response.choice(1, "B"))
        .scores("S2", 1.0)
        .build();
    assertThat(matrix.studentCount()).isEqualTo(2);
    assertThat(matrix.itemCount()).isEqualTo(2);
    assertThat(matrix.response(0, 0)).isEmpty();
    assertThat(matrix.response(0, 1)).contains(Response.choice(1, "B"));
    assertThat(matrix.response(1, 0)).contains(Response.scored(1));
    assertThat(matrix.response(1, 1)).isEmpty();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ItemMatrix.builder().items(SCORED).scores("S1", 1.0, 1.0));
  }

  @Test
  @DisplayName("restricting to some items keeps their order and drops the other cells")
  void restrictedTo() {
    ItemMatrix matrix = ItemMatrix.builder().items(SCORED, CHOICE, Item.scored("T", 1))
        .student("S1", Response.scored(1), Response.choice(0, "A"), Response.scored(1))
        .build();
    ItemMatrix restricted = matrix.restrictedTo(List.of("T", "S"));
    assertThat(restricted.items()).extracting(Item::id).containsExactly("S", "T");
    assertThat(restricted.students().get(0).responses()).containsOnlyKeys("S", "T");
    assertThatIllegalArgumentException().isThrownBy(() -> matrix.restrictedTo(List.of("S", "NOPE")));
  }

  @Test
  @DisplayName("the matrix is an immutable copy of what it was given")
  void immutable() {
    List<Item> items = new java.util.ArrayList<>(List.of(SCORED));
    ItemMatrix matrix = new ItemMatrix(items, List.of());
    items.add(CHOICE);
    assertThat(matrix.items()).containsExactly(SCORED);
    assertThat(matrix.items()).isUnmodifiable();
  }
}
