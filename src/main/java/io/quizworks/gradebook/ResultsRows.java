package io.quizworks.gradebook;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The results export of one quiz: one row per attempt, with when it started and was submitted (ISO 8601 in
 * the school's time zone), how long it took in whole seconds, its score, the most it could score and the
 * percentage. Pure.
 */
public final class ResultsRows {
  private ResultsRows() {}

  /** One attempt as the export shows it; times, duration and scores are null while it is in progress. */
  public record Attempt(String student, String studentNumber, int number, String status, OffsetDateTime startedAt,
      OffsetDateTime submittedAt, Long durationSeconds, BigDecimal score, BigDecimal maxScore) {}

  public static String header(SpreadsheetFormat format) {
    return new Cells(format).text("Student").text("Student ID").text("Attempt").text("Status").text("Started")
        .text("Submitted").text("Duration (seconds)").text("Score").text("Max").text("Percent").line();
  }

  public static String row(Attempt attempt, SpreadsheetFormat format, ZoneId zone) {
    return new Cells(format).text(attempt.student()).text(attempt.studentNumber()).whole((long) attempt.number())
        .text(status(attempt.status())).time(attempt.startedAt(), zone).time(attempt.submittedAt(), zone)
        .whole(attempt.durationSeconds()).number(attempt.score()).number(attempt.maxScore())
        .number(Cells.percent(attempt.score(), attempt.maxScore())).line();
  }

  /** The status in the words the quiz page uses. */
  static String status(String stored) {
    return switch (stored) {
      case "in_progress" -> "In progress";
      case "auto_submitted" -> "Submitted at the deadline";
      case "submitted" -> "Submitted";
      default -> stored;
    };
  }
}
