package io.quizworks.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.quizworks.bank.RowError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Applying a roster to a class")
class RosterPlanTest {
  private static RosterEntry row(int row, String number, String name, String email) {
    return new RosterEntry(row, number, name, Optional.ofNullable(email));
  }

  @Test
  @DisplayName("adds every student to an empty class")
  void emptyClass() {
    RosterPlan plan = RosterPlan.of(List.of(row(2, "S1", "Ana", null), row(3, "S2", "Ben", "ben@school.org")), List.of());
    assertThat(plan.isValid()).isTrue();
    assertThat(plan.additions()).extracting(RosterEntry::name).containsExactly("Ana", "Ben");
    assertThat(plan.updates()).isEmpty();
  }

  @Test
  @DisplayName("updates a student with the same student id when the name or email changed, and counts the rest unchanged")
  void updatesByStudentId() {
    List<RosterPlan.Existing> students = List.of(
        new RosterPlan.Existing(10, "S1", "Ana Lopez", "ana@school.org"),
        new RosterPlan.Existing(11, "S2", "Ben", null),
        new RosterPlan.Existing(12, "S3", "Chloé", null));
    RosterPlan plan = RosterPlan.of(List.of(
        row(2, "S1", "Ana López", "ana@school.org"),
        row(3, "S2", "Ben", "ben@school.org"),
        row(4, "S3", "Chloé", null),
        row(5, "S4", "Dev", null)), students);
    assertThat(plan.isValid()).isTrue();
    assertThat(plan.updates()).extracting(RosterPlan.Update::studentId, u -> u.entry().name())
        .containsExactly(tuple(10L, "Ana López"), tuple(11L, "Ben"));
    assertThat(plan.unchanged()).isEqualTo(1);
    assertThat(plan.additions()).extracting(RosterEntry::name).containsExactly("Dev");
  }

  @Test
  @DisplayName("lets a student's own name change letter case")
  void ownNameInOtherCase() {
    RosterPlan plan = RosterPlan.of(List.of(row(2, "S1", "Ana Lopez", null)),
        List.of(new RosterPlan.Existing(10, "S1", "ana lopez", null)));
    assertThat(plan.isValid()).isTrue();
    assertThat(plan.updates()).hasSize(1);
  }

  @Test
  @DisplayName("refuses a row that takes the name of another student of the class, in any case, and then writes nothing")
  void nameClash() {
    List<RosterPlan.Existing> students = List.of(
        new RosterPlan.Existing(10, "S1", "Ana Lopez", null),
        new RosterPlan.Existing(11, null, "Ben Okafor", null));
    RosterPlan plan = RosterPlan.of(List.of(
        row(2, "S9", "ana lopez", null),
        row(3, "S1", "Ana Lopez", "ana@school.org"),
        row(4, "S8", "BEN OKAFOR", null),
        row(5, "S7", "Chloé", null)), students);
    assertThat(plan.isValid()).isFalse();
    assertThat(plan.additions()).isEmpty();
    assertThat(plan.updates()).isEmpty();
    assertThat(plan.errors()).extracting(RowError::row, RowError::column).containsExactly(tuple(2, "name"), tuple(4, "name"));
    assertThat(plan.errors().get(0).found()).contains("(student id S1)");
    assertThat(plan.errors().get(1).found()).doesNotContain("student id");
    assertThat(plan.errors().get(0).expected()).contains("add an initial or a surname");
  }

  @Test
  @DisplayName("refuses a swap of two students' names, which no order of single updates could write")
  void swap() {
    RosterPlan plan = RosterPlan.of(List.of(row(2, "S1", "Ben", null), row(3, "S2", "Ana", null)),
        List.of(new RosterPlan.Existing(10, "S1", "Ana", null), new RosterPlan.Existing(11, "S2", "Ben", null)));
    assertThat(plan.errors()).extracting(RowError::row).containsExactly(2, 3);
  }
}
