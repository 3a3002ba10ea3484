package io.quizworks.scoring;

import io.quizworks.bank.AnswerKey;
import io.quizworks.bank.Choice;
import io.quizworks.bank.Difficulty;
import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Questions built as records, the way the bank reader hands them over, so the tests need no CSV. */
final class Questions {
  static final String FEEDBACK = "Manufacturing engineers bridge the gap between design and production.";
  static final List<String> MATCH_TEXTS = List.of(
      "Optimises production systems", "Operates machinery", "Plans production schedules", "Analyses data");

  private Questions() {}

  /** Key B; choice C has no feedback of its own. */
  static Question singleChoice() {
    return question(QuestionType.SINGLE_CHOICE, "1", List.of(
        new Choice("A", "Factory manager", "Managers run day-to-day operations."),
        new Choice("B", "Manufacturing engineer", "Right: engineers bridge design and production."),
        new Choice("C", "Production worker", ""),
        new Choice("D", "Data analyst", "Analysts study data.")),
        new AnswerKey.SingleChoice("B"));
  }

  /** Worth 2 points; A, B and C are correct, D is not; B has no feedback of its own. */
  static Question multipleResponse() {
    return multipleResponse("2");
  }

  static Question multipleResponse(String points) {
    return question(QuestionType.MULTIPLE_RESPONSE, points, List.of(
        new Choice("A", "Robotics", "Robotics is named in the text."),
        new Choice("B", "Artificial intelligence", ""),
        new Choice("C", "3D printing", "3D printing is named in the text."),
        new Choice("D", "Blockchain", "The text does not mention blockchain.")),
        new AnswerKey.MultipleResponse(new LinkedHashSet<>(List.of("A", "B", "C"))));
  }

  /** {@code correct} of the {@code labels} choices are correct, from A on. */
  static Question multipleResponse(String points, int choices, int correct) {
    List<Choice> list = new ArrayList<>();
    LinkedHashSet<String> key = new LinkedHashSet<>();
    for (int i = 0; i < choices; i++) {
      String label = String.valueOf((char) ('A' + i));
      list.add(new Choice(label, "Choice " + label, ""));
      if (i < correct) {
        key.add(label);
      }
    }
    return question(QuestionType.MULTIPLE_RESPONSE, points, list, new AnswerKey.MultipleResponse(key));
  }

  static Question trueFalse(boolean value) {
    return question(QuestionType.TRUE_FALSE, "1", List.of(), new AnswerKey.TrueFalse(value));
  }

  static Question shortAnswer(String... accepted) {
    return question(QuestionType.SHORT_ANSWER, "1", List.of(), new AnswerKey.ShortAnswer(List.of(accepted)));
  }

  static Question numeric(String value, String tolerance) {
    return question(QuestionType.NUMERIC, "1", List.of(),
        new AnswerKey.Numeric(new BigDecimal(value), new BigDecimal(tolerance)));
  }

  /** Items A… in label order, each item's text its label in words; {@code order} is the key. */
  static Question ordering(String points, String... order) {
    List<Choice> items = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      String label = String.valueOf((char) ('A' + i));
      items.add(new Choice(label, "Step " + label, ""));
    }
    return question(QuestionType.ORDERING, points, items, new AnswerKey.Ordering(List.of(order)));
  }

  /** The first {@code items} roles, each paired with the text of the same index in {@link #MATCH_TEXTS}. */
  static Question matching(String points, int items) {
    List<String> roles = List.of("Manufacturing engineer", "Production worker", "Factory manager", "Data analyst");
    List<Choice> choices = new ArrayList<>();
    Map<String, String> pairs = new LinkedHashMap<>();
    for (int i = 0; i < items; i++) {
      String label = String.valueOf((char) ('A' + i));
      choices.add(new Choice(label, roles.get(i), ""));
      pairs.put(label, MATCH_TEXTS.get(i));
    }
    return question(QuestionType.MATCHING, points, choices, new AnswerKey.Matching(pairs));
  }

  static Question question(QuestionType type, String points, List<Choice> choices, AnswerKey key) {
    return new Question("q-" + type.code(), type, "Prompt", new BigDecimal(points), "Roles", Difficulty.MEDIUM,
        choices, key, FEEDBACK, "Overview");
  }
}
