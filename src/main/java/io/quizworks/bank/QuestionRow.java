package io.quizworks.bank;

import static io.quizworks.bank.CsvColumns.ANSWER;
import static io.quizworks.bank.CsvColumns.DIFFICULTY;
import static io.quizworks.bank.CsvColumns.FEEDBACK;
import static io.quizworks.bank.CsvColumns.ID;
import static io.quizworks.bank.CsvColumns.LABELS;
import static io.quizworks.bank.CsvColumns.POINTS;
import static io.quizworks.bank.CsvColumns.PROMPT;
import static io.quizworks.bank.CsvColumns.SOURCE;
import static io.quizworks.bank.CsvColumns.TOLERANCE;
import static io.quizworks.bank.CsvColumns.TOPIC;
import static io.quizworks.bank.CsvColumns.TYPE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Validates one spreadsheet row and builds its question; every problem found is added to {@code errors}. */
final class QuestionRow {
  private static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern THOUSANDS_GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+");
  private static final Pattern LETTER_SEPARATORS = Pattern.compile("[;,\\s]+");
  private static final BigDecimal MAX_POINTS = new BigDecimal("1000");
  private static final int MAX_FOUND_LENGTH = 60;

  private final int row;
  private final Map<String, String> cells;
  private final boolean decimalCommaAllowed;
  private final List<RowError> errors;
  private final int errorsBefore;

  QuestionRow(int row, Map<String, String> cells, boolean decimalCommaAllowed, List<RowError> errors) {
    this.row = row;
    this.cells = cells;
    this.decimalCommaAllowed = decimalCommaAllowed;
    this.errors = errors;
    this.errorsBefore = errors.size();
  }

  Optional<Question> read() {
    String id = id();
    Optional<QuestionType> type = type();
    String prompt = required(PROMPT, "the question text");
    BigDecimal points = points();
    String topic = required(TOPIC, "a topic name");
    Optional<Difficulty> difficulty = difficulty();
    if (type.isEmpty()) {
      return Optional.empty();
    }
    List<Choice> choices = choices(type.get());
    Optional<AnswerKey> key = key(type.get(), choices);
    if (errors.size() > errorsBefore || key.isEmpty() || difficulty.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Question(id, type.get(), prompt, points, topic, difficulty.get(), choices, key.get(),
            cell(FEEDBACK), cell(SOURCE)));
  }

  private String id() {
    String id = cell(ID);
    if (!ID_PATTERN.matcher(id).matches()) {
      error(ID, id, "1 to 64 letters, digits, '-', '_' or '.'");
    }
    return id;
  }

  private Optional<QuestionType> type() {
    Optional<QuestionType> type = QuestionType.fromCode(cell(TYPE));
    if (type.isEmpty()) {
      error(TYPE, cell(TYPE), "one of " + Arrays.stream(QuestionType.values()).map(QuestionType::code)
          .collect(Collectors.joining(", ")));
    }
    return type;
  }

  private Optional<Difficulty> difficulty() {
    Optional<Difficulty> difficulty = Difficulty.fromCode(cell(DIFFICULTY));
    if (difficulty.isEmpty()) {
      error(DIFFICULTY, cell(DIFFICULTY), "easy, medium or hard");
    }
    return difficulty;
  }

  private BigDecimal points() {
    Optional<BigDecimal> points = number(cell(POINTS));
    String expected = "a number greater than 0 and at most 1000, with at most 2 decimals";
    if (points.isEmpty()
        || points.get().signum() <= 0
        || points.get().compareTo(MAX_POINTS) > 0
        || points.get().stripTrailingZeros().scale() > 2) {
      error(POINTS, cell(POINTS), expected);
      return BigDecimal.ONE;
    }
    return points.get().stripTrailingZeros();
  }

  private String required(String column, String what) {
    String value = cell(column);
    if (value.isEmpty()) {
      error(column, value, what);
    }
    return value;
  }

  /** Choices filled from A without gaps; cells a type does not use must stay empty. */
  private List<Choice> choices(QuestionType type) {
    List<Choice> choices = new ArrayList<>();
    String firstGap = null;
    Map<String, String> labelOfText = new HashMap<>();
    for (String label : LABELS) {
      String column = CsvColumns.choice(label);
      String text = cell(column);
      String feedback = cell(CsvColumns.choiceFeedback(label));
      if (text.isEmpty()) {
        firstGap = firstGap == null ? column : firstGap;
        if (!feedback.isEmpty()) {
          error(CsvColumns.choiceFeedback(label), feedback, "an empty cell, since " + column + " is empty");
        }
        continue;
      }
      if (!type.hasChoices()) {
        error(column, text, "an empty cell: a " + type.code() + " question has no choices");
        continue;
      }
      if (firstGap != null) {
        error(column, text, "choices filled from choice_a on without gaps (" + firstGap + " is empty)");
      }
      String previous = labelOfText.putIfAbsent(text.toLowerCase(Locale.ROOT), label);
      if (previous != null) {
        error(column, text, "a text different from every other choice (choice_" + previous.toLowerCase(Locale.ROOT)
            + " has it)");
      }
      if (!feedback.isEmpty() && !type.hasChoiceFeedback()) {
        error(CsvColumns.choiceFeedback(label), feedback, "an empty cell: per-choice feedback is for single_choice "
            + "and multiple_response questions");
      }
      choices.add(new Choice(label, text, feedback));
    }
    if (type.hasChoices() && choices.size() < 2) {
      error(CsvColumns.choice(LABELS.get(choices.size())), "", "at least 2 choices for a " + type.code()
          + " question");
    }
    return choices;
  }

  private Optional<AnswerKey> key(QuestionType type, List<Choice> choices) {
    if (type != QuestionType.NUMERIC && !cell(TOLERANCE).isEmpty()) {
      error(TOLERANCE, cell(TOLERANCE), "an empty cell: tolerance is for numeric questions");
    }
    if (type != QuestionType.MATCHING) {
      for (String label : LABELS) {
        String match = cell(CsvColumns.match(label));
        if (!match.isEmpty()) {
          error(CsvColumns.match(label), match, "an empty cell: match_ columns are for matching questions");
        }
      }
    }
    String answer = cell(ANSWER);
    return switch (type) {
      case SINGLE_CHOICE -> singleChoice(answer, choices);
      case MULTIPLE_RESPONSE -> letters(answer, choices, "one or more different letters naming filled choices")
          .map(AnswerKey.MultipleResponse::new);
      case TRUE_FALSE -> trueFalse(answer);
      case SHORT_ANSWER -> shortAnswer(answer);
      case NUMERIC -> numeric(answer);
      case ORDERING -> ordering(answer, choices);
      case MATCHING -> matching(answer, choices);
    };
  }

  private Optional<AnswerKey> singleChoice(String answer, List<Choice> choices) {
    String label = answer.toUpperCase(Locale.ROOT);
    if (!labelsOf(choices).contains(label)) {
      error(ANSWER, answer, "one letter naming a filled choice (" + range(choices) + ")");
      return Optional.empty();
    }
    return Optional.of(new AnswerKey.SingleChoice(label));
  }

  private Optional<Set<String>> letters(String answer, List<Choice> choices, String expected) {
    Set<String> filled = labelsOf(choices);
    List<String> given = answer.isEmpty() ? List.of()
        : Arrays.stream(LETTER_SEPARATORS.split(answer)).filter(s -> !s.isEmpty())
            .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    Set<String> distinct = new LinkedHashSet<>(given);
    if (given.isEmpty() || distinct.size() != given.size() || !filled.containsAll(distinct)) {
      error(ANSWER, answer, expected + " (" + range(choices) + "), separated by ';'");
      return Optional.empty();
    }
    return Optional.of(distinct);
  }

  private Optional<AnswerKey> trueFalse(String answer) {
    String value = answer.toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      error(ANSWER, answer, "true or false");
      return Optional.empty();
    }
    return Optional.of(new AnswerKey.TrueFalse(value.equals("true")));
  }

  private Optional<AnswerKey> shortAnswer(String answer) {
    List<String> accepted = Arrays.stream(answer.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (accepted.isEmpty()) {
      error(ANSWER, answer, "one or more accepted answers separated by '|'");
      return Optional.empty();
    }
    return Optional.of(new AnswerKey.ShortAnswer(accepted));
  }

  private Optional<AnswerKey> numeric(String answer) {
    Optional<BigDecimal> value = number(answer);
    if (value.isEmpty()) {
      error(ANSWER, answer, "a number such as 42 or 2.5" + (decimalCommaAllowed ? " (or 2,5), without a thousands separator" : ""));
    }
    String toleranceCell = cell(TOLERANCE);
    Optional<BigDecimal> tolerance = toleranceCell.isEmpty() ? Optional.of(BigDecimal.ZERO) : number(toleranceCell);
    if (tolerance.isEmpty() || tolerance.get().signum() < 0) {
      error(TOLERANCE, toleranceCell, "an empty cell or a number of 0 or more");
      return Optional.empty();
    }
    return value.map(v -> new AnswerKey.Numeric(v.stripTrailingZeros(), tolerance.get().stripTrailingZeros()));
  }

  private Optional<AnswerKey> ordering(String answer, List<Choice> choices) {
    Optional<Set<String>> order = letters(answer, choices, "every item letter exactly once, in the correct order");
    if (order.isPresent() && order.get().size() != choices.size()) {
      error(ANSWER, answer, "every item letter exactly once, in the correct order (" + range(choices) + ")");
      return Optional.empty();
    }
    return order.map(labels -> new AnswerKey.Ordering(List.copyOf(labels)));
  }

  private Optional<AnswerKey> matching(String answer, List<Choice> choices) {
    if (!answer.isEmpty()) {
      error(ANSWER, answer, "an empty cell: a matching question's key is its match_ columns");
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    Map<String, String> labelOfMatch = new HashMap<>();
    for (String label : LABELS) {
      String column = CsvColumns.match(label);
      String match = cell(column);
      boolean hasChoice = labelsOf(choices).contains(label);
      if (hasChoice && match.isEmpty()) {
        error(column, match, "the item that matches " + CsvColumns.choice(label));
      } else if (!hasChoice && !match.isEmpty()) {
        error(column, match, "an empty cell, since " + CsvColumns.choice(label) + " is empty");
      } else if (hasChoice) {
        String previous = labelOfMatch.putIfAbsent(match.toLowerCase(Locale.ROOT), label);
        if (previous != null) {
          error(column, match, "a text different from every other match (" + CsvColumns.match(previous) + " has it)");
        }
        pairs.put(label, match);
      }
    }
    return pairs.size() == choices.size() ? Optional.of(new AnswerKey.Matching(pairs)) : Optional.empty();
  }

  /**
   * A point is the decimal separator; a semicolon file may use a comma, as European Excel writes it. In
   * such a file {@code 1.500} is how a thousands-grouped 1500 is saved, so a point followed by groups of
   * three digits is refused there rather than read as 1.5.
   */
  private Optional<BigDecimal> number(String value) {
    if (decimalCommaAllowed && THOUSANDS_GROUPED.matcher(value).matches()) {
      return Optional.empty();
    }
    String normalised = decimalCommaAllowed && value.indexOf('.') < 0 ? value.replace(',', '.') : value;
    return NUMBER.matcher(normalised).matches() ? Optional.of(new BigDecimal(normalised)) : Optional.empty();
  }

  private static Set<String> labelsOf(List<Choice> choices) {
    return choices.stream().map(Choice::label).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String range(List<Choice> choices) {
    return choices.isEmpty() ? "no choices are filled" : "A–" + choices.get(choices.size() - 1).label();
  }

  private String cell(String column) {
    return cells.getOrDefault(column, "");
  }

  private void error(String column, String found, String expected) {
    errors.add(new RowError(row, column, found.isEmpty() ? "an empty cell" : "`" + abbreviate(found) + "`", expected));
  }

  static String abbreviate(String value) {
    String oneLine = value.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_FOUND_LENGTH ? oneLine : oneLine.substring(0, MAX_FOUND_LENGTH - 1) + "…";
  }
}
