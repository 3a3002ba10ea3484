package io.quizworks.bank;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A question laid out for the teacher's preview: each choice marked, and the key in words. */
public record QuestionView(
    String id, String type, String prompt, String points, String topic, String difficulty,
    List<ChoiceView> choices, String key, String feedback, String source) {

  /** One choice; {@code correct} marks a right pick, {@code match} is the right-hand item of a matching pair. */
  public record ChoiceView(String label, String text, boolean correct, String match, String feedback) {}

  public static QuestionView of(Question question) {
    return new QuestionView(
        question.id(), question.type().displayName(), question.prompt(), number(question.points()),
        question.topic(), question.difficulty().code(), choices(question), describeKey(question),
        question.feedback(), question.source());
  }

  private static List<ChoiceView> choices(Question question) {
    List<ChoiceView> views = new ArrayList<>();
    AnswerKey key = question.key();
    for (Choice choice : question.choices()) {
      boolean correct = key instanceof AnswerKey.SingleChoice k && k.correct().equals(choice.label())
          || key instanceof AnswerKey.MultipleResponse m && m.correct().contains(choice.label());
      String match = key instanceof AnswerKey.Matching m ? m.pairs().get(choice.label()) : "";
      views.add(new ChoiceView(choice.label(), choice.text(), correct, match, choice.feedback()));
    }
    return views;
  }

  static String describeKey(Question question) {
    AnswerKey key = question.key();
    Map<String, String> texts = question.choices().stream().collect(Collectors.toMap(Choice::label, Choice::text));
    if (key instanceof AnswerKey.SingleChoice k) {
      return k.correct() + ": " + texts.get(k.correct());
    } else if (key instanceof AnswerKey.MultipleResponse k) {
      return k.correct().stream().map(label -> label + ": " + texts.get(label)).collect(Collectors.joining("; "));
    } else if (key instanceof AnswerKey.TrueFalse k) {
      return k.value() ? "True" : "False";
    } else if (key instanceof AnswerKey.ShortAnswer k) {
      return "Accepted: " + String.join(" | ", k.accepted());
    } else if (key instanceof AnswerKey.Numeric k) {
      return number(k.value()) + (k.tolerance().signum() == 0 ? " (exactly)" : " ± " + number(k.tolerance()));
    } else if (key instanceof AnswerKey.Ordering k) {
      return k.order().stream().map(texts::get).collect(Collectors.joining(" → "));
    } else if (key instanceof AnswerKey.Matching k) {
      return k.pairs().entrySet().stream().map(e -> texts.get(e.getKey()) + " ↔ " + e.getValue())
          .collect(Collectors.joining("; "));
    }
    throw new IllegalArgumentException("Unknown key " + key);
  }

  private static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
