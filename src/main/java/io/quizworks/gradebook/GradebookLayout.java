package io.quizworks.gradebook;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * How a class gradebook is laid out for the system that imports it. Every layout has one row per student
 * and one column per quiz (two in the generic layout) holding the score the quiz's grading method keeps,
 * blank when the student has no submitted attempt. Pure: the rows are formatted from what they are given.
 */
public enum GradebookLayout implements ExportOption {
  /**
   * Canvas's gradebook import: {@code Student, ID, SIS User ID, SIS Login ID, Section}, a column per quiz
   * titled with the quiz title, and a second row {@code Points Possible}. {@code ID} is Canvas's own user id,
   * which Quizworks does not know, so it is left blank: Canvas then matches students by SIS User ID (the
   * roster's student number), SIS Login ID (email) and then name, instead of by a Quizworks id that could
   * be another Canvas user's.
   */
  CANVAS("canvas", "Canvas", "Student, ID, SIS User ID, SIS Login ID, Section, then one column per quiz, with a "
      + "Points Possible row. Canvas matches students by SIS User ID (student number) or SIS Login ID (email).") {
    @Override
    public String header(String section, List<QuizColumn> quizzes, SpreadsheetFormat format) {
      Cells names = new Cells(format).text("Student").text("ID").text("SIS User ID").text("SIS Login ID").text("Section");
      Cells points = new Cells(format).text("Points Possible").blanks(4);
      for (QuizColumn quiz : quizzes) {
        names.text(quiz.title());
        points.number(quiz.pointsPossible());
      }
      return names.line() + points.line();
    }

    @Override
    public String row(String section, List<QuizColumn> quizzes, StudentScores student, SpreadsheetFormat format) {
      Cells cells = new Cells(format).text(student.name()).blank().text(student.studentNumber()).text(student.email())
          .text(section);
      for (int i = 0; i < quizzes.size(); i++) {
        cells.number(student.score(i));
      }
      return cells.line();
    }
  },

  /**
   * Moodle's "Import grades from CSV", which maps users by one column the teacher picks (email address or
   * ID number here) and each other column to a grade item. Moodle has no points-possible row: grade items
   * keep their own maximum.
   */
  MOODLE("moodle", "Moodle", "Full name, ID number, Email address, then one column per quiz; no Points Possible "
      + "row. In Moodle's \"Import grades from CSV\", map users from Email address or ID number.") {
    @Override
    public String header(String section, List<QuizColumn> quizzes, SpreadsheetFormat format) {
      Cells names = new Cells(format).text("Full name").text("ID number").text("Email address");
      quizzes.forEach(quiz -> names.text(quiz.title()));
      return names.line();
    }

    @Override
    public String row(String section, List<QuizColumn> quizzes, StudentScores student, SpreadsheetFormat format) {
      Cells cells = new Cells(format).text(student.name()).text(student.studentNumber()).text(student.email());
      for (int i = 0; i < quizzes.size(); i++) {
        cells.number(student.score(i));
      }
      return cells.line();
    }
  },

  /** Any spreadsheet: student details, then per quiz its score and the score as a percentage of points possible. */
  GENERIC("generic", "Generic", "Student ID, Name, Email, Section, then a score and a percent column per quiz, with "
      + "a Points Possible row.") {
    @Override
    public String header(String section, List<QuizColumn> quizzes, SpreadsheetFormat format) {
      Cells names = new Cells(format).text("Student ID").text("Name").text("Email").text("Section");
      Cells points = new Cells(format).blank().text("Points Possible").blanks(2);
      for (QuizColumn quiz : quizzes) {
        names.text(quiz.title() + ": score").text(quiz.title() + ": percent");
        points.number(quiz.pointsPossible()).number(quiz.pointsPossible() == null ? null : BigDecimal.valueOf(100));
      }
      return names.line() + points.line();
    }

    @Override
    public String row(String section, List<QuizColumn> quizzes, StudentScores student, SpreadsheetFormat format) {
      Cells cells = new Cells(format).text(student.studentNumber()).text(student.name()).text(student.email())
          .text(section);
      for (int i = 0; i < quizzes.size(); i++) {
        BigDecimal score = student.score(i);
        cells.number(score).number(Cells.percent(score, quizzes.get(i).pointsPossible()));
      }
      return cells.line();
    }
  };

  private final String parameter;
  private final String label;
  private final String hint;

  GradebookLayout(String parameter, String label, String hint) {
    this.parameter = parameter;
    this.label = label;
    this.hint = hint;
  }

  /** The layout a {@code layout} query parameter names; a missing parameter means {@link #GENERIC}. */
  public static Optional<GradebookLayout> named(String parameter) {
    return ExportOption.named(values(), parameter, GENERIC);
  }

  @Override
  public String parameter() {
    return parameter;
  }

  public String label() {
    return label;
  }

  public String hint() {
    return hint;
  }

  /** The lines before the students: the column names, and the Points Possible row where the layout has one. */
  public abstract String header(String section, List<QuizColumn> quizzes, SpreadsheetFormat format);

  /** One student's line; {@code student.scores()} holds one kept score (or null) per quiz, in column order. */
  public abstract String row(String section, List<QuizColumn> quizzes, StudentScores student, SpreadsheetFormat format);

  /** A quiz as a gradebook column: its title and the points its scores are out of (null when unknown). */
  public record QuizColumn(long id, String title, BigDecimal pointsPossible) {}

  /** A student with the score each quiz keeps for them, in column order; null where they have none. */
  public record StudentScores(long id, String name, String studentNumber, String email, List<BigDecimal> scores) {
    /** The kept score for the quiz in column {@code index}, or null. */
    public BigDecimal score(int index) {
      return index < scores.size() ? scores.get(index) : null;
    }
  }
}
