package io.quizworks.bank;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
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

  /**
   * Whether a key of this type is typed as one cell; a matching question's key is its match columns, chosen
   * pair by pair ({@link #withMatches}).
   */
  public static boolean typedAsOneCell(QuestionType type) {
    return type != QuestionType.MATCHING;
  }

  /** A matching question's pairs, right-hand item by left-hand label; none for other types. */
  public static Map<String, String> pairs(Question question) {
    return question.key() instanceof AnswerKey.Matching key ? key.pairs() : Map.of();
  }

  /** A matching question's right-hand items, in the order of its left-hand items as the key pairs them. */
  public static List<String> rightHandItems(Question question) {
    return List.copyOf(pairs(question).values());
  }

  /** The key as the teacher types it: the question's current {@code answer} cell. */
  public static String answerCell(Question question) {
    return QuestionCsvWriter.cells(question, UnaryOperator.identity()).getOrDefault(CsvColumns.ANSWER, "");
  }

  public static String toleranceCell(Question question) {
    return QuestionCsvWriter.cells(question, UnaryOperator.identity()).getOrDefault(CsvColumns.TOLERANCE, "");
  }

  public static Result withAnswer(Question question, String answer, String tolerance) {
    if (!typedAsOneCell(question.type())) {
      return new Result(Optional.empty(), List.of("A matching question's key is its pairs: choose a match for "
          + "each item."));
    }
    Map<String, String> cells = QuestionCsvWriter.cells(question, UnaryOperator.identity());
    cells.put(CsvColumns.ANSWER, answer.strip());
    if (question.type() == QuestionType.NUMERIC) {
      cells.put(CsvColumns.TOLERANCE, tolerance.strip());
    }
    return read(cells);
  }

  /**
   * A matching question paired afresh: {@code chosen} gives, by left-hand label, the right-hand item that belongs
   * with it. The items stay the question's own, each used once, so a stored response (which names the items by
   * their text) is scored against the new pairs as it stands.
   */
  public static Result withMatches(Question question, Map<String, String> chosen) {
    List<String> items = rightHandItems(question);
    if (items.isEmpty()) {
      return new Result(Optional.empty(), List.of("Only a matching question's key is chosen pair by pair."));
    }
    List<String> errors = new ArrayList<>();
    Map<String, String> labelOfItem = new HashMap<>();
    Map<String, String> cells = QuestionCsvWriter.cells(question, UnaryOperator.identity());
    for (Choice left : question.choices()) {
      String item = chosen.getOrDefault(left.label(), "").strip();
      String which = left.label() + " (" + left.text() + ")";
      if (!items.contains(item)) {
        errors.add("The match for " + which + ": found `" + item + "`, expected one of the question's right-hand "
            + "items.");
        continue;
      }
      String other = labelOfItem.putIfAbsent(item, left.label());
      if (other != null) {
        errors.add("The match for " + which + ": `" + item + "` is already the match for " + other
            + "; each right-hand item goes with one item only.");
      }
      cells.put(CsvColumns.match(left.label()), item);
    }
    return errors.isEmpty() ? read(cells) : new Result(Optional.empty(), errors);
  }

  private static Result read(Map<String, String> cells) {
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
