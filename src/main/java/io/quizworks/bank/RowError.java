package io.quizworks.bank;

import java.util.ArrayList;
import java.util.List;

/**
 * One problem in an uploaded file, located the way a teacher finds it in a spreadsheet: {@code row} is the
 * spreadsheet row (the header is row 1; 0 means the file as a whole) and {@code column} the column name
 * (empty when the problem is not in one cell).
 */
public record RowError(int row, String column, String found, String expected) {
  /**
   * Problems a reader lists before it stops: enough to fix a file by, and a bound on what a file built to fail
   * on every row can cost (4 MiB of one-cell rows would otherwise give millions of errors and a page listing
   * them all).
   */
  public static final int MOST_LISTED = 200;

  /** The first {@link #MOST_LISTED} problems and a last line saying where the reader stopped, at {@code row}. */
  public static List<RowError> stoppedAt(List<RowError> errors, int row) {
    List<RowError> listed = new ArrayList<>(errors.subList(0, MOST_LISTED));
    listed.add(new RowError(0, "", "more than " + MOST_LISTED + " problems; the file was checked up to row " + row,
        "the problems above fixed first: upload the file again to check the rest"));
    return listed;
  }

  public String message() {
    StringBuilder text = new StringBuilder();
    text.append(row == 0 ? "File" : "Row " + row);
    if (!column.isEmpty()) {
      text.append(", column ").append(column);
    }
    text.append(": found ").append(found).append(", expected ").append(expected).append('.');
    return text.toString();
  }
}
