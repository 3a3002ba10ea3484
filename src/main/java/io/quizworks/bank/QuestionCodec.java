package io.quizworks.bank;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Stores a question as two JSON documents: {@code content}, which a student may see during an attempt,
 * and {@code answer_key}, which holds everything that would give the answer away (the key and the
 * per-choice feedback). Keeping them apart makes "no key before submission" a matter of which column a
 * query reads.
 */
final class QuestionCodec {
  private QuestionCodec() {}

  static JsonObject content(Question question) {
    JsonObject content = new JsonObject();
    if (question.type().hasChoices()) {
      JsonArray choices = new JsonArray();
      question.choices().forEach(c -> choices.add(new JsonObject().put("label", c.label()).put("text", c.text())));
      content.put("choices", choices);
    }
    if (question.key() instanceof AnswerKey.Matching matching) {
      content.put("matches", new JsonArray(List.copyOf(matching.pairs().values())));
    }
    return content;
  }

  static JsonObject answerKey(Question question) {
    JsonObject key = keyJson(question.key());
    JsonObject choiceFeedback = new JsonObject();
    question.choices().stream()
        .filter(c -> !c.feedback().isEmpty())
        .forEach(c -> choiceFeedback.put(c.label(), c.feedback()));
    if (!choiceFeedback.isEmpty()) {
      key.put("choiceFeedback", choiceFeedback);
    }
    return key;
  }

  // Java 17 has no pattern matching for switch; the sealed interface keeps this chain complete.
  private static JsonObject keyJson(AnswerKey answerKey) {
    if (answerKey instanceof AnswerKey.SingleChoice k) {
      return new JsonObject().put("correct", k.correct());
    } else if (answerKey instanceof AnswerKey.MultipleResponse k) {
      return new JsonObject().put("correct", new JsonArray(List.copyOf(k.correct())));
    } else if (answerKey instanceof AnswerKey.TrueFalse k) {
      return new JsonObject().put("value", k.value());
    } else if (answerKey instanceof AnswerKey.ShortAnswer k) {
      return new JsonObject().put("accepted", new JsonArray(k.accepted()));
    } else if (answerKey instanceof AnswerKey.Numeric k) {
      return new JsonObject().put("value", k.value().toPlainString()).put("tolerance", k.tolerance().toPlainString());
    } else if (answerKey instanceof AnswerKey.Ordering k) {
      return new JsonObject().put("order", new JsonArray(k.order()));
    } else if (answerKey instanceof AnswerKey.Matching k) {
      return new JsonObject().put("pairs", new JsonObject(new LinkedHashMap<>(k.pairs())));
    }
    throw new IllegalArgumentException("Unknown key " + answerKey);
  }

  /** Rebuilds the question exactly as it was imported, from the columns of one {@code question} row. */
  static Question question(StoredQuestion stored) {
    QuestionType type = QuestionType.fromCode(stored.type()).orElseThrow();
    JsonObject key = stored.answerKey();
    JsonObject feedback = key.getJsonObject("choiceFeedback", new JsonObject());
    List<Choice> choices = new ArrayList<>();
    for (Object item : stored.content().getJsonArray("choices", new JsonArray())) {
      JsonObject choice = (JsonObject) item;
      String label = choice.getString("label");
      choices.add(new Choice(label, choice.getString("text"), feedback.getString(label, "")));
    }
    return new Question(
        stored.ref(), type, stored.prompt(), stored.points(), stored.topic(),
        Difficulty.fromCode(stored.difficulty()).orElseThrow(), choices, key(type, key),
        stored.feedback(), stored.source());
  }

  private static AnswerKey key(QuestionType type, JsonObject key) {
    return switch (type) {
      case SINGLE_CHOICE -> new AnswerKey.SingleChoice(key.getString("correct"));
      case MULTIPLE_RESPONSE -> new AnswerKey.MultipleResponse(new LinkedHashSet<>(strings(key.getJsonArray("correct"))));
      case TRUE_FALSE -> new AnswerKey.TrueFalse(key.getBoolean("value"));
      case SHORT_ANSWER -> new AnswerKey.ShortAnswer(strings(key.getJsonArray("accepted")));
      case NUMERIC -> new AnswerKey.Numeric(new BigDecimal(key.getString("value")), new BigDecimal(key.getString("tolerance")));
      case ORDERING -> new AnswerKey.Ordering(strings(key.getJsonArray("order")));
      case MATCHING -> {
        Map<String, String> pairs = new LinkedHashMap<>();
        key.getJsonObject("pairs").forEach(e -> pairs.put(e.getKey(), (String) e.getValue()));
        yield new AnswerKey.Matching(pairs);
      }
    };
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add((String) v));
    return values;
  }

  /** The columns of a {@code question} row that make up a question. */
  record StoredQuestion(
      String ref, String type, String prompt, BigDecimal points, String topic, String difficulty,
      JsonObject content, JsonObject answerKey, String feedback, String source) {}
}
