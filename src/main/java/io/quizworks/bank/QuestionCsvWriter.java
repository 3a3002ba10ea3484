package io.quizworks.bank;

import static io.quizworks.bank.CsvColumns.ANSWER;
import static io.quizworks.bank.CsvColumns.DIFFICULTY;
import static io.quizworks.bank.CsvColumns.FEEDBACK;
import static io.quizworks.bank.CsvColumns.ID;
import static io.quizworks.bank.CsvColumns.POINTS;
import static io.quizworks.bank.CsvColumns.PROMPT;
import static io.quizworks.bank.CsvColumns.SOURCE;
import static io.quizworks.bank.CsvColumns.TOLERANCE;
import static io.quizworks.bank.CsvColumns.TOPIC;
import static io.quizworks.bank.CsvColumns.TYPE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes questions as a bank CSV (see {@code questions/README.md}) that {@link QuestionCsvReader} reads back
 * as the same questions. Pure: it only formats what it is given, so a download and a test share it.
 */
public final class QuestionCsvWriter {
  /** Excel takes a file without it for Windows-1252 and mangles every accent. */
  private static final char BOM = '\uFEFF';

  /** A text cell starting with one of these would run as a formula in a spreadsheet (OWASP "CSV injection"). */
  static final String FORMULA_TRIGGERS = "=+-@\t\r";

  /** RFC 4180 quoting and CRLF line ends, as Excel writes and expects them. */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  /** The whole file as UTF-8 bytes, byte-order mark first. */
  public byte[] write(List<Question> questions) {
    StringBuilder text = new StringBuilder();
    try {
      write(questions, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Appends the file to {@code out}, starting with the byte-order mark as U+FEFF (which a UTF-8 writer
   * turns into its three bytes). {@code out} is flushed, not closed.
   */
  public void write(List<Question> questions, Appendable out) throws IOException {
    List<Map<String, String>> rows = questions.stream().map(QuestionCsvWriter::row).toList();
    List<String> columns = columnsUsed(rows);
    out.append(BOM);
    CSVPrinter printer = new CSVPrinter(out, FORMAT);
    printer.printRecord(columns);
    for (Map<String, String> row : rows) {
      printer.printRecord(columns.stream().map(column -> row.getOrDefault(column, "")));
    }
    printer.flush();
  }

  /** A teacher who downloads a bank should not have to scroll past columns no question fills. */
  private static List<String> columnsUsed(List<Map<String, String>> rows) {
    List<String> columns = new ArrayList<>();
    for (String column : CsvColumns.all()) {
      boolean used = CsvColumns.REQUIRED.contains(column)
          || rows.stream().anyMatch(row -> !row.getOrDefault(column, "").isEmpty());
      if (used && !column.equals(CsvColumns.NOTES)) {
        columns.add(column);
      }
    }
    return columns;
  }

  private static Map<String, String> row(Question question) {
    return cells(question, QuestionCsvWriter::text);
  }

  /** A question as the cells of its CSV row, each text cell passed through {@code text}. */
  static Map<String, String> cells(Question question, UnaryOperator<String> text) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put(ID, text(question.id()));
    row.put(TYPE, question.type().code());
    row.put(TOPIC, text(question.topic()));
    row.put(DIFFICULTY, question.difficulty().code());
    row.put(POINTS, number(question.points()));
    row.put(PROMPT, text(question.prompt()));
    for (Choice choice : question.choices()) {
      row.put(CsvColumns.choice(choice.label()), text(choice.text()));
      row.put(CsvColumns.choiceFeedback(choice.label()), text(choice.feedback()));
    }
    AnswerKey key = question.key();
    if (key instanceof AnswerKey.SingleChoice k) {
      row.put(ANSWER, k.correct());
    } else if (key instanceof AnswerKey.MultipleResponse k) {
      row.put(ANSWER, String.join(";", k.correct()));
    } else if (key instanceof AnswerKey.TrueFalse k) {
      row.put(ANSWER, String.valueOf(k.value()));
    } else if (key instanceof AnswerKey.ShortAnswer k) {
      row.put(ANSWER, text(String.join("|", k.accepted())));
    } else if (key instanceof AnswerKey.Numeric k) {
      row.put(ANSWER, number(k.value()));
      row.put(TOLERANCE, number(k.tolerance()));
    } else if (key instanceof AnswerKey.Ordering k) {
      row.put(ANSWER, String.join(";", k.order()));
    } else if (key instanceof AnswerKey.Matching k) {
      k.pairs().forEach((label, match) -> row.put(CsvColumns.match(label), text(match)));
    }
    row.put(FEEDBACK, text(question.feedback()));
    row.put(SOURCE, text(question.source()));
    return row;
  }

  /**
   * The leading quote keeps a formula-looking text as text in a spreadsheet; the reader removes it again.
   * Numbers go through {@link #number} instead, so a negative answer stays a number.
   */
  static String text(String value) {
    return !value.isEmpty() && FORMULA_TRIGGERS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  /** As a teacher types a number: never {@code 1E+2}, and no trailing zeros. */
  private static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
