package io.quizworks.bank;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a question bank CSV as spreadsheets save it (see {@code questions/README.md}) and validates the
 * whole file. Pure: no I/O beyond the bytes it is given, so uploads and start-up share it.
 */
public final class QuestionCsvReader {
  /** Far more than the format's columns; guards against a file built to exhaust the parser. */
  static final int MAX_COLUMNS = 200;

  static final int MAX_CELL_LENGTH = 10_000;

  private static final Pattern LINE_IN_PARSER_MESSAGE = Pattern.compile("line:? (\\d+)");

  /** Reads and validates a whole file; the result holds either every question or every problem found. */
  public ParsedBank read(byte[] bytes) {
    CsvText.Result decoded = CsvText.decode(bytes);
    if (decoded.error().isPresent()) {
      return ParsedBank.failed(List.of(decoded.error().get()));
    }
    String text = decoded.text().orElseThrow();
    try {
      return read(text, CsvText.delimiterOf(text));
    } catch (IOException | UncheckedIOException e) {
      // commons-csv stops at a quote that is never closed or is followed by more text in the same cell.
      Matcher line = LINE_IN_PARSER_MESSAGE.matcher(String.valueOf(e.getMessage()));
      String where = line.find() ? " near line " + line.group(1) : "";
      return ParsedBank.failed(
          List.of(
              new RowError(0, "", "a badly quoted cell" + where,
                  "a quoted cell to end with a quote right before the separator or the line end, "
                      + "and a quote inside it to be written twice (\"\")")));
    }
  }

  private ParsedBank read(String text, char delimiter) throws IOException {
    CSVFormat format =
        CSVFormat.RFC4180.builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(false)
            .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        return ParsedBank.failed(List.of(new RowError(0, "", "an empty file", "a header row naming the columns")));
      }
      List<RowError> errors = new ArrayList<>();
      Header header = Header.read(records.next(), errors);
      if (!errors.isEmpty()) {
        return ParsedBank.failed(errors);
      }
      List<Question> questions = new ArrayList<>();
      Map<String, Long> rowOfId = new HashMap<>();
      while (records.hasNext()) {
        CSVRecord record = records.next();
        int row = (int) record.getRecordNumber();
        if (isBlank(record)) {
          continue;
        }
        if (record.size() > MAX_COLUMNS) {
          errors.add(new RowError(row, "", record.size() + " cells", "at most " + MAX_COLUMNS));
          if (errors.size() >= RowError.MOST_LISTED) {
            return ParsedBank.failed(RowError.stoppedAt(errors, row));
          }
          continue;
        }
        List<RowError> rowErrors = new ArrayList<>();
        Map<String, String> cells = header.cells(record, rowErrors);
        Optional<Question> question = new QuestionRow(row, cells, delimiter == ';', rowErrors).read();
        question.ifPresent(
            q -> {
              Long first = rowOfId.putIfAbsent(q.id(), (long) row);
              if (first != null) {
                rowErrors.add(
                    new RowError(row, CsvColumns.ID, "`" + q.id() + "`", "an id not used before (row " + first + " has it)"));
              }
            });
        errors.addAll(rowErrors);
        if (errors.size() >= RowError.MOST_LISTED) {
          return ParsedBank.failed(RowError.stoppedAt(errors, row));
        }
        if (rowErrors.isEmpty()) {
          question.ifPresent(questions::add);
        }
      }
      if (errors.isEmpty() && questions.isEmpty()) {
        errors.add(new RowError(0, "", "a header and no questions", "at least one question row"));
      }
      return errors.isEmpty() ? new ParsedBank(questions, List.of()) : ParsedBank.failed(errors);
    }
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Column positions by lower-case name; unnamed trailing columns are allowed while they stay empty. */
  private record Header(Map<String, Integer> positions) {
    static Header read(CSVRecord record, List<RowError> errors) {
      if (record.size() > MAX_COLUMNS) {
        errors.add(new RowError(1, "", record.size() + " columns", "at most " + MAX_COLUMNS));
        return new Header(Map.of());
      }
      Set<String> known = CsvColumns.all();
      Map<String, Integer> positions = new LinkedHashMap<>();
      for (int i = 0; i < record.size(); i++) {
        String name = record.get(i).strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
          continue;
        }
        if (!known.contains(name)) {
          errors.add(
              new RowError(1, columnLetter(i), "`" + record.get(i).strip() + "`",
                  "a column of the format (id, type, prompt, points, topic, difficulty, choice_a…choice_h, "
                      + "match_a…match_h, answer, tolerance, feedback, feedback_a…feedback_h, source, notes)"));
        } else if (positions.putIfAbsent(name, i) != null) {
          errors.add(new RowError(1, columnLetter(i), "`" + name + "` a second time", "each column once"));
        }
      }
      for (String required : CsvColumns.REQUIRED) {
        if (!positions.containsKey(required)) {
          errors.add(new RowError(1, required, "no such column", "a column named `" + required + "`"));
        }
      }
      return new Header(positions);
    }

    /** The row's non-empty cells by column name; a value under no name or an oversized cell is an error. */
    Map<String, String> cells(CSVRecord record, List<RowError> errors) {
      int row = (int) record.getRecordNumber();
      Map<String, String> cells = new HashMap<>();
      positions.forEach(
          (name, index) -> {
            if (index < record.size()) {
              cells.put(name, value(record, index));
            }
          });
      for (int i = 0; i < record.size(); i++) {
        String value = value(record, i);
        if (value.length() > MAX_CELL_LENGTH) {
          errors.add(new RowError(row, columnLetter(i), value.length() + " characters", "at most " + MAX_CELL_LENGTH));
        } else if (!value.isBlank() && !positions.containsValue(i)) {
          errors.add(
              new RowError(row, columnLetter(i), "`" + QuestionRow.abbreviate(value) + "` under no column name",
                  "an empty cell, or a name for this column in row 1"));
        }
      }
      return cells;
    }

    /**
     * The exported file puts a quote before a text that a spreadsheet would run as a formula (see
     * {@link QuestionCsvWriter#text}); only a quote in that place is taken off, so other texts that start
     * with a quote keep it. The length limit applies to what is kept, so an exported cell of the longest
     * length reads back.
     */
    private static String value(CSVRecord record, int index) {
      String value = record.get(index).strip();
      boolean escaped = value.length() > 1 && value.charAt(0) == '\''
          && QuestionCsvWriter.FORMULA_TRIGGERS.indexOf(value.charAt(1)) >= 0;
      return escaped ? value.substring(1) : value;
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
