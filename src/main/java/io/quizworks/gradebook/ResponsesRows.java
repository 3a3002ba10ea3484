package io.quizworks.gradebook;

import io.quizworks.bank.Question;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;

/**
 * The responses export of one quiz: one row per student (the attempt the grading method keeps; for an
 * average, the latest submitted), then two columns per question — the response in words and the points it
 * earned. A question the student's attempt did not draw is left blank; one it drew but the student did
 * not answer reads "No answer" with 0 points. Pure.
 */
public final class ResponsesRows {
  /** How much of a prompt a column name keeps. */
  static final int PROMPT_CHARS = 40;

  private ResponsesRows() {}

  /** A question column: its id in Quizworks, the name shown (the author's id) and the question with its key. */
  public record QuestionColumn(long questionId, String name, Question question) {}

  /**
   * A student and their kept attempt; {@code attempt} is null when they have none submitted.
   * {@code responses} maps a question id (as text) to {@code {"answer": …, "points": …}} for every question
   * the attempt drew, with a null answer where the student gave none.
   */
  public record Student(String name, String studentNumber, Integer attempt, BigDecimal score, BigDecimal maxScore,
      JsonObject responses) {}

  public static String header(List<QuestionColumn> questions, SpreadsheetFormat format) {
    Cells cells = new Cells(format).text("Student").text("Student ID").text("Attempt").text("Score").text("Max");
    for (QuestionColumn question : questions) {
      cells.text(question.name() + ": " + shortPrompt(question.question().prompt())).text(question.name() + " points");
    }
    return cells.line();
  }

  public static String row(List<QuestionColumn> questions, Student student, SpreadsheetFormat format) {
    Cells cells = new Cells(format).text(student.name()).text(student.studentNumber())
        .whole(student.attempt() == null ? null : (long) student.attempt()).number(student.score())
        .number(student.maxScore());
    JsonObject responses = student.responses() == null ? new JsonObject() : student.responses();
    for (QuestionColumn question : questions) {
      JsonObject drawn = responses.getJsonObject(Long.toString(question.questionId()));
      if (drawn == null) {
        cells.blanks(2);
        continue;
      }
      Object answer = drawn.getValue("answer");
      Object points = drawn.getValue("points");
      cells.text(ResponseText.describe(question.question(), answer instanceof JsonObject json ? json : null))
          .number(points == null ? BigDecimal.ZERO : new BigDecimal(points.toString()));
    }
    return cells.line();
  }

  /** A prompt on one line, cut to about {@value #PROMPT_CHARS} characters at a word where it can be. */
  static String shortPrompt(String prompt) {
    String line = prompt.strip().replaceAll("\\s+", " ");
    if (line.codePointCount(0, line.length()) <= PROMPT_CHARS) {
      return line;
    }
    String cut = line.substring(0, line.offsetByCodePoints(0, PROMPT_CHARS));
    int space = cut.lastIndexOf(' ');
    if (space >= PROMPT_CHARS / 2) {
      cut = cut.substring(0, space);
    }
    return cut.replaceAll("[\\s,;:.]+$", "") + "…";
  }
}
