package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.gradebook.GradebookLayout.QuizColumn;
import io.quizworks.gradebook.GradebookLayout.StudentScores;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Gradebook layouts: exact header and rows")
class GradebookLayoutTest {
  private static final List<QuizColumn> QUIZZES = List.of(
      new QuizColumn(1, "Roles check", new BigDecimal("10")),
      new QuizColumn(2, "=cmd|' /C calc'!A0", new BigDecimal("7.5")),
      new QuizColumn(3, "Empty", null));
  private static final StudentScores ANA = new StudentScores(7, "Ortiz, Ana", "1001", "ana@school.test",
      Arrays.asList(new BigDecimal("9.50"), null, null));
  private static final StudentScores NOBODY = new StudentScores(8, "-Robert", null, null, List.of());

  @Test
  @DisplayName("Canvas: five student columns, quiz titles, then Points Possible; ID blank, SIS ids from the roster")
  void canvas() {
    GradebookLayout canvas = GradebookLayout.CANVAS;
    assertThat(canvas.header("Period 3", QUIZZES, SpreadsheetFormat.PLAIN)).isEqualTo(
        "Student,ID,SIS User ID,SIS Login ID,Section,Roles check,'=cmd|' /C calc'!A0,Empty\n"
            + "Points Possible,,,,,10,7.5,\n");
    assertThat(canvas.row("Period 3", QUIZZES, ANA, SpreadsheetFormat.PLAIN))
        .isEqualTo("\"Ortiz, Ana\",,1001,ana@school.test,Period 3,9.5,,\n");
    assertThat(canvas.row("Period 3", QUIZZES, NOBODY, SpreadsheetFormat.EXCEL_EUROPE))
        .isEqualTo("'-Robert;;;;Period 3;;;\r\n");
  }

  @Test
  @DisplayName("Moodle: name, ID number, email, quiz titles; no Points Possible row")
  void moodle() {
    GradebookLayout moodle = GradebookLayout.MOODLE;
    assertThat(moodle.header("Period 3", QUIZZES, SpreadsheetFormat.EXCEL_EUROPE))
        .isEqualTo("Full name;ID number;Email address;Roles check;'=cmd|' /C calc'!A0;Empty\r\n");
    assertThat(moodle.row("Period 3", QUIZZES, ANA, SpreadsheetFormat.EXCEL_EUROPE))
        .isEqualTo("Ortiz, Ana;1001;ana@school.test;9,5;;\r\n");
  }

  @Test
  @DisplayName("Generic: student details, then score and percent per quiz, with a Points Possible row")
  void generic() {
    GradebookLayout generic = GradebookLayout.GENERIC;
    assertThat(generic.header("P3", QUIZZES.subList(0, 2), SpreadsheetFormat.EXCEL)).isEqualTo(
        "Student ID,Name,Email,Section,Roles check: score,Roles check: percent,'=cmd|' /C calc'!A0: score,"
            + "'=cmd|' /C calc'!A0: percent\r\n\"\",Points Possible,,,10,100,7.5,100\r\n");
    assertThat(generic.row("P3", QUIZZES, ANA, SpreadsheetFormat.EXCEL)).isEqualTo(
        "1001,\"Ortiz, Ana\",ana@school.test,P3,9.5,95,,,,\r\n");
  }

  @Test
  @DisplayName("layouts are named by their query parameter; nothing means generic")
  void names() {
    assertThat(GradebookLayout.named("canvas")).contains(GradebookLayout.CANVAS);
    assertThat(GradebookLayout.named("MOODLE")).contains(GradebookLayout.MOODLE);
    assertThat(GradebookLayout.named(null)).contains(GradebookLayout.GENERIC);
    assertThat(GradebookLayout.named("blackboard")).isEmpty();
  }
}
