package io.quizworks.classes;

import io.quizworks.bank.CsvText;
import io.quizworks.bank.RowError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a class roster CSV ({@code student_id}, {@code name}, optional {@code email}) as a spreadsheet or
 * a school's information system saves it, and validates the whole file. Pure: no I/O beyond the bytes.
 */
public final class RosterCsvReader {
  static final int MAX_STUDENTS = 1000;
  static final int MAX_STUDENT_ID = 64;
  static final int MAX_NAME = 100;
  static final int MAX_EMAIL = 254;
  static final int MAX_COLUMNS = 50;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");

  /** The roster's columns under the names the format documents. */
  enum Column {
    STUDENT_ID("student_id"),
    NAME("name"),
    EMAIL("email");

    final String label;

    Column(String label) {
      this.label = label;
    }
  }

  /**
   * Header names as school systems spell them, compared without case, spaces or punctuation: "Student ID",
   * "student_id" and "E-Mail" all match.
   */
  private static final Map<String, Column> HEADER_NAMES = Map.of(
      "studentid", Column.STUDENT_ID,
      "studentnumber", Column.STUDENT_ID,
      "id", Column.STUDENT_ID,
      "name", Column.NAME,
      "displayname", Column.NAME,
      "studentname", Column.NAME,
      "email", Column.EMAIL,
      "emailaddress", Column.EMAIL);

  public ParsedRoster read(byte[] bytes) {
    CsvText.Result decoded = CsvText.decode(bytes);
    if (decoded.error().isPresent()) {
      return ParsedRoster.failed(List.of(decoded.error().get()));
    }
    String text = decoded.text().orElseThrow();
    try {
      return read(text, CsvText.delimiterOf(text));
    } catch (IOException | UncheckedIOException e) {
      return ParsedRoster.failed(List.of(new RowError(0, "", "a badly quoted cell",
          "a quoted cell to end with a quote right before the separator or the line end, "
              + "and a quote inside it to be written twice (\"\")")));
    }
  }

  private ParsedRoster read(String text, char delimiter) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        return ParsedRoster.failed(List.of(new RowError(0, "", "an empty file", "a header row: student_id, name, email")));
      }
      List<RowError> errors = new ArrayList<>();
      Header header = Header.read(records.next(), errors);
      if (!errors.isEmpty()) {
        return ParsedRoster.failed(errors);
      }
      List<RosterEntry> entries = new ArrayList<>();
      Map<String, Integer> rowOfNumber = new HashMap<>();
      Map<String, Integer> rowOfName = new HashMap<>();
      int students = 0;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        if (isBlank(record)) {
          continue;
        }
        if (++students > MAX_STUDENTS) {
          return ParsedRoster.failed(List.of(new RowError(0, "", "more than " + MAX_STUDENTS + " students",
              "at most " + MAX_STUDENTS + " in one file")));
        }
        int row = (int) record.getRecordNumber();
        List<RowError> rowErrors = new ArrayList<>();
        if (record.size() > MAX_COLUMNS) {
          errors.add(new RowError(row, "", record.size() + " cells", "at most " + MAX_COLUMNS));
          if (errors.size() >= RowError.MOST_LISTED) {
            return ParsedRoster.failed(RowError.stoppedAt(errors, row));
          }
          continue;
        }
        Map<Column, String> cells = header.cells(record, rowErrors);
        String number = required(row, Column.STUDENT_ID, cells, MAX_STUDENT_ID, rowErrors);
        String name = required(row, Column.NAME, cells, MAX_NAME, rowErrors);
        Optional<String> email = email(row, cells, rowErrors);
        if (!number.isEmpty()) {
          Integer first = rowOfNumber.putIfAbsent(number, row);
          if (first != null) {
            rowErrors.add(new RowError(row, Column.STUDENT_ID.label, "`" + number + "`",
                "a student id not used before (row " + first + " has it)"));
          }
        }
        if (!name.isEmpty()) {
          Integer first = rowOfName.putIfAbsent(name.toLowerCase(Locale.ROOT), row);
          if (first != null) {
            rowErrors.add(new RowError(row, Column.NAME.label, "`" + name + "`",
                "a name not used before in the file (row " + first + " has it): add an initial or a surname"));
          }
        }
        if (rowErrors.isEmpty()) {
          entries.add(new RosterEntry(row, number, name, email));
        }
        errors.addAll(rowErrors);
        if (errors.size() >= RowError.MOST_LISTED) {
          return ParsedRoster.failed(RowError.stoppedAt(errors, row));
        }
      }
      if (errors.isEmpty() && entries.isEmpty()) {
        errors.add(new RowError(0, "", "a header and no students", "at least one student row"));
      }
      return errors.isEmpty() ? new ParsedRoster(entries, List.of()) : ParsedRoster.failed(errors);
    }
  }

  private static String required(int row, Column column, Map<Column, String> cells, int max, List<RowError> errors) {
    String value = cells.getOrDefault(column, "");
    if (value.isEmpty()) {
      errors.add(new RowError(row, column.label, "an empty cell", expectation(column, max)));
      return "";
    }
    if (value.length() > max) {
      errors.add(new RowError(row, column.label, value.length() + " characters", expectation(column, max)));
      return "";
    }
    return value;
  }

  private static String expectation(Column column, int max) {
    return (column == Column.STUDENT_ID ? "the school's student id" : "the student's name") + ", 1 to " + max
        + " characters";
  }

  private static Optional<String> email(int row, Map<Column, String> cells, List<RowError> errors) {
    String value = cells.getOrDefault(Column.EMAIL, "");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > MAX_EMAIL || !EMAIL.matcher(value).matches()) {
      errors.add(new RowError(row, Column.EMAIL.label, "`" + abbreviate(value) + "`",
          "an email address like name@school.org, or an empty cell"));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "…";
  }

  /** Which position holds which column; unnamed columns are allowed while their cells stay empty. */
  private record Header(Map<Column, Integer> positions) {
    static Header read(CSVRecord record, List<RowError> errors) {
      if (record.size() > MAX_COLUMNS) {
        errors.add(new RowError(1, "", record.size() + " columns", "at most " + MAX_COLUMNS));
        return new Header(Map.of());
      }
      Map<Column, Integer> positions = new EnumMap<>(Column.class);
      for (int i = 0; i < record.size(); i++) {
        String written = record.get(i).strip();
        if (written.isEmpty()) {
          continue;
        }
        Column column = HEADER_NAMES.get(NOT_LETTER_OR_DIGIT.matcher(written.toLowerCase(Locale.ROOT)).replaceAll(""));
        if (column == null) {
          errors.add(new RowError(1, columnLetter(i), "`" + abbreviate(written) + "`",
              "a roster column: student_id, name or email"));
        } else if (positions.putIfAbsent(column, i) != null) {
          errors.add(new RowError(1, columnLetter(i), "`" + abbreviate(written) + "`, a second " + column.label
              + " column", "each column once"));
        }
      }
      for (Column column : List.of(Column.STUDENT_ID, Column.NAME)) {
        if (!positions.containsKey(column)) {
          errors.add(new RowError(1, column.label, "no such column", "a column named `" + column.label + "`"));
        }
      }
      return new Header(positions);
    }

    Map<Column, String> cells(CSVRecord record, List<RowError> errors) {
      int row = (int) record.getRecordNumber();
      Map<Column, String> cells = new EnumMap<>(Column.class);
      positions.forEach((column, index) -> {
        if (index < record.size()) {
          cells.put(column, record.get(index).strip());
        }
      });
      for (int i = 0; i < record.size(); i++) {
        if (!record.get(i).isBlank() && !positions.containsValue(i)) {
          errors.add(new RowError(row, columnLetter(i), "`" + abbreviate(record.get(i).strip()) + "` under no column name",
              "an empty cell, or a name for this column in row 1"));
        }
      }
      return cells;
    }

    /** Spreadsheet column letters (A, B, …, AA) for columns that have no name to report. */
    private static String columnLetter(int index) {
      StringBuilder letters = new StringBuilder();
      for (int i = index + 1; i > 0; i = (i - 1) / 26) {
        letters.insert(0, (char) ('A' + (i - 1) % 26));
      }
      return letters.toString();
    }
  }
}
