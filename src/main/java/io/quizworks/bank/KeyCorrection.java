package io.quizworks.bank;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A question with a corrected key, checked by the very rules an imported row must follow: the teacher
 * types the {@code answer} (and {@code tolerance}) cells as the CSV format writes them, so a correction can
 * never hold a key the importer would refuse.
 */
public final class KeyCorrection {
  private KeyCorrection() {}

  /** The corrected question, or what is wrong with the typed key. */
  public record Result(Optional<Question> question, List<String> errors) {}

  /** Whether a key of this type can be typed as one cell (matching keys live in the match columns). */
  public static boolean supports(QuestionType type) {
    return type != QuestionType.MATCHING;
  }

  /** The key as the teacher types it: the question's current {@code answer} cell. */
  public static String answerCell(Question question) {
    return QuestionCsvWriter.cells(question, UnaryOperator.identity()).getOrDefault(CsvColumns.ANSWER, "");
  }

  public static String toleranceCell(Question question) {
    return QuestionCsvWriter.cells(question, UnaryOperator.identity()).getOrDefault(CsvColumns.TOLERANCE, "");
  }

  public static Result withAnswer(Question question, String answer, String tolerance) {
    if (!supports(question.type())) {
      return new Result(Optional.empty(), List.of("A matching question's key is its pairs: correct it in the bank file."));
    }
    Map<String, String> cells = QuestionCsvWriter.cells(question, UnaryOperator.identity());
    cells.put(CsvColumns.ANSWER, answer.strip());
    if (question.type() == QuestionType.NUMERIC) {
      cells.put(CsvColumns.TOLERANCE, tolerance.strip());
    }
    List<RowError> errors = new ArrayList<>();
    Optional<Question> corrected = new QuestionRow(0, cells, false, errors).read();
    return new Result(errors.isEmpty() ? corrected : Optional.empty(),
        errors.stream().map(e -> "The " + e.column() + " you typed: found " + e.found() + ", expected " + e.expected()
            + ".").toList());
  }

  /** The key as stored in the {@code answer_key} column, per-choice feedback included. */
  public static JsonObject storedKey(Question question) {
    return QuestionCodec.answerKey(question);
  }
}
