package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Results rows: one attempt per line")
class ResultsRowsTest {
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @Test
  @DisplayName("header names every column; duration is in whole seconds")
  void header() {
    assertThat(ResultsRows.header(SpreadsheetFormat.PLAIN)).isEqualTo(
        "Student,Student ID,Attempt,Status,Started,Submitted,Duration (seconds),Score,Max,Percent\n");
  }

  @Test
  @DisplayName("a submitted attempt: times in the school's zone, decimal comma in the European format")
  void submitted() {
    ResultsRows.Attempt attempt = new ResultsRows.Attempt("Chloé", "1002", 2, "auto_submitted",
        OffsetDateTime.parse("2026-11-25T15:01:00.25Z"), OffsetDateTime.parse("2026-11-25T15:11:00.75Z"), 600L,
        new BigDecimal("5.67"), new BigDecimal("8.00"));
    assertThat(ResultsRows.row(attempt, SpreadsheetFormat.EXCEL_EUROPE, CHICAGO)).isEqualTo(
        "Chloé;1002;2;Submitted at the deadline;2026-11-25T09:01:00-06:00;2026-11-25T09:11:00-06:00;600;5,67;8;70,9\r\n");
  }

  @Test
  @DisplayName("an attempt in progress has no submission time, duration or score")
  void inProgress() {
    ResultsRows.Attempt attempt = new ResultsRows.Attempt("=HYPERLINK(\"x\")", null, 1, "in_progress",
        OffsetDateTime.parse("2026-11-25T15:05:00Z"), null, null, null, null);
    assertThat(ResultsRows.row(attempt, SpreadsheetFormat.PLAIN, CHICAGO))
        .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",,1,In progress,2026-11-25T09:05:00-06:00,,,,,\n");
  }
}
