package io.quizworks.bank;

/**
 * One problem in an uploaded file, located the way a teacher finds it in a spreadsheet: {@code row} is the
 * spreadsheet row (the header is row 1; 0 means the file as a whole) and {@code column} the column name
 * (empty when the problem is not in one cell).
 */
public record RowError(int row, String column, String found, String expected) {

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
