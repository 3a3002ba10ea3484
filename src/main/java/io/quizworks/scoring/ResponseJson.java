package io.quizworks.scoring;

import io.quizworks.bank.AnswerKey;
import io.quizworks.bank.Choice;
import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON the quiz page sends when it saves one answer, and the same JSON as it is stored. Parsing is
 * strict about shape, since anything else is a broken or forged request, and answers in the student's own
 * words, since its message may end up on the student's screen. It does not judge the answer: "abc" for a
 * numeric question is a valid response that earns nothing.
 *
 * <p>Shapes, by question type: {@code {"choice":"B"}}, {@code {"choices":["A","C"]}}, {@code {"value":true}},
 * {@code {"text":"..."}}, {@code {"number":"2.5"}}, {@code {"order":["C","A","B"]}},
 * {@code {"pairs":{"A":"right-hand text"}}}. {@code null}, {@code {}}, a {@code null} value, an empty list or
 * object and empty or blank text all mean the student cleared the answer.
 */
public final class ResponseJson {
  /** Typed answers are short; the limit keeps a pasted essay out of every stored attempt. */
  public static final int MAX_TEXT_LENGTH = 2_000;

  static final String CHOICE = "choice";
  static final String CHOICES = "choices";
  static final String VALUE = "value";
  static final String TEXT = "text";
  static final String NUMBER = "number";
  static final String ORDER = "order";
  static final String PAIRS = "pairs";

  private ResponseJson() {}

  public static Response parse(Question question, JsonObject json) {
    Objects.requireNonNull(question, "question");
    if (json == null || json.isEmpty()) {
      return Response.NONE;
    }
    String field = fieldFor(question.type());
    // An unknown field is refused rather than ignored: {"text": …} sent for a choice question would
    // otherwise read as "no answer" and silently clear what the student had saved.
    for (String name : json.fieldNames()) {
      if (!name.equals(field)) {
        String type = question.type().displayName().toLowerCase(Locale.ROOT);
        throw new InvalidResponseException("unexpected field " + Texts.quote(name) + ": the answer to "
            + withArticle(type) + " question has only '" + field + "'");
      }
    }
    Object value = wrap(json.getValue(field));
    if (value == null) {
      return Response.NONE;
    }
    return switch (question.type()) {
      case SINGLE_CHOICE -> singleChoice(question, value);
      case MULTIPLE_RESPONSE -> multipleResponse(question, value);
      case TRUE_FALSE -> trueFalse(value);
      case SHORT_ANSWER -> shortAnswer(value);
      case NUMERIC -> numeric(value);
      case ORDERING -> ordering(question, value);
      case MATCHING -> matching(question, value);
    };
  }

  // Java 17 has no pattern matching for switch; the sealed interface keeps this chain complete.
  public static JsonObject toJson(Response response) {
    Objects.requireNonNull(response, "response");
    if (response instanceof Response.None) {
      return new JsonObject();
    } else if (response instanceof Response.SingleChoice r) {
      return new JsonObject().put(CHOICE, r.label());
    } else if (response instanceof Response.MultipleResponse r) {
      return new JsonObject().put(CHOICES, new JsonArray(new ArrayList<>(r.labels())));
    } else if (response instanceof Response.TrueFalse r) {
      return new JsonObject().put(VALUE, r.value());
    } else if (response instanceof Response.ShortAnswer r) {
      return new JsonObject().put(TEXT, r.text());
    } else if (response instanceof Response.Numeric r) {
      return new JsonObject().put(NUMBER, r.text());
    } else if (response instanceof Response.Ordering r) {
      return new JsonObject().put(ORDER, new JsonArray(new ArrayList<>(r.labels())));
    } else if (response instanceof Response.Matching r) {
      return new JsonObject().put(PAIRS, new JsonObject(new LinkedHashMap<>(r.pairs())));
    }
    throw new IllegalArgumentException("Unknown response " + response);
  }

  private static String fieldFor(QuestionType type) {
    return switch (type) {
      case SINGLE_CHOICE -> CHOICE;
      case MULTIPLE_RESPONSE -> CHOICES;
      case TRUE_FALSE -> VALUE;
      case SHORT_ANSWER -> TEXT;
      case NUMERIC -> NUMBER;
      case ORDERING -> ORDER;
      case MATCHING -> PAIRS;
    };
  }

  private static Response singleChoice(Question question, Object value) {
    String label = string(value, "'choice' must be a choice letter such as \"A\"");
    if (label.isEmpty()) {
      return Response.NONE;
    }
    return new Response.SingleChoice(knownLabel(question, label, "choice"));
  }

  private static Response multipleResponse(Question question, Object value) {
    List<String> labels = labels(question, value, CHOICES, "choice", "choices were picked");
    return labels.isEmpty() ? Response.NONE : new Response.MultipleResponse(labels);
  }

  private static Response trueFalse(Object value) {
    if (!(value instanceof Boolean b)) {
      throw new InvalidResponseException("'value' must be true or false, but it is " + describe(value));
    }
    return new Response.TrueFalse(b);
  }

  private static Response shortAnswer(Object value) {
    String text = typed(value, "'text' must be the answer as text");
    return text == null ? Response.NONE : new Response.ShortAnswer(text);
  }

  private static Response numeric(Object value) {
    String text = typed(value, "'number' must be the number as typed, in quotes (\"2.5\")");
    return text == null ? Response.NONE : new Response.Numeric(text);
  }

  private static Response ordering(Question question, Object value) {
    List<String> labels = labels(question, value, ORDER, "item", "items were sent");
    return labels.isEmpty() ? Response.NONE : new Response.Ordering(labels);
  }

  private static Response matching(Question question, Object value) {
    if (!(value instanceof JsonObject object)) {
      throw new InvalidResponseException("'pairs' must pair item letters with texts, such as {\"A\": \"…\"}, but it is "
          + describe(value));
    }
    Map<String, Object> pairs = object.getMap();
    checkCount(question, pairs.size(), "items were paired");
    Set<String> rightHand = rightHandTexts(question);
    Map<String, String> chosen = new LinkedHashMap<>();
    for (Map.Entry<String, Object> pair : pairs.entrySet()) {
      String label = knownLabel(question, pair.getKey(), "item");
      Object text = wrap(pair.getValue());
      // A drop-down left on its empty option sends "" or null: that item is unpaired, not an error.
      if (text == null || "".equals(text)) {
        continue;
      }
      String match = string(text, "the match for item " + label + " must be one of the texts to match with");
      if (!rightHand.contains(match)) {
        throw new InvalidResponseException(Texts.quote(match) + " (for item " + label
            + ") is not one of the texts to match with");
      }
      chosen.put(label, match);
    }
    return chosen.isEmpty() ? Response.NONE : new Response.Matching(chosen);
  }

  private static Set<String> rightHandTexts(Question question) {
    if (!(question.key() instanceof AnswerKey.Matching key)) {
      throw new IllegalArgumentException("Question " + question.id() + " is a matching question without pairs");
    }
    return new LinkedHashSet<>(key.pairs().values());
  }

  /** A list of labels, each naming a choice; duplicates pass, since the scorer has a rule for them. */
  private static List<String> labels(Question question, Object value, String field, String noun, String counted) {
    if (!(value instanceof JsonArray array)) {
      throw new InvalidResponseException("'" + field + "' must be a list of " + noun
          + " letters, such as [\"A\", \"C\"], but it is " + describe(value));
    }
    checkCount(question, array.size(), counted);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String label = string(wrap(array.getValue(i)),
          "entry " + (i + 1) + " of '" + field + "' must be " + withArticle(noun) + " letter");
      labels.add(knownLabel(question, label, noun));
    }
    return labels;
  }

  private static void checkCount(Question question, int count, String counted) {
    int choices = question.choices().size();
    if (count > choices) {
      throw new InvalidResponseException(count + " " + counted + ", but the question has only " + choices
          + " (" + range(question) + ")");
    }
  }

  private static String knownLabel(Question question, String label, String noun) {
    for (Choice choice : question.choices()) {
      if (choice.label().equals(label)) {
        return label;
      }
    }
    if (question.choices().isEmpty()) {
      throw new InvalidResponseException(noun + " " + Texts.quote(label) + " is not part of this question");
    }
    throw new InvalidResponseException(noun + " " + Texts.quote(label) + " is not one of " + range(question));
  }

  /** Typed text, or {@code null} when there is nothing but spaces: that is a cleared answer. */
  private static String typed(Object value, String expected) {
    String text = string(value, expected);
    int length = Texts.length(text);
    if (length > MAX_TEXT_LENGTH) {
      throw new InvalidResponseException(String.format(Locale.ROOT,
          "the answer is %,d characters long; at most %,d are kept", length, MAX_TEXT_LENGTH));
    }
    return Texts.isBlank(text) ? null : text;
  }

  private static String string(Object value, String expected) {
    if (!(value instanceof String text)) {
      throw new InvalidResponseException(expected + ", but it is " + describe(value));
    }
    return text;
  }

  private static String range(Question question) {
    List<Choice> choices = question.choices();
    if (choices.isEmpty()) {
      return "none";
    } else if (choices.size() == 1) {
      return choices.get(0).label();
    }
    return choices.get(0).label() + "–" + choices.get(choices.size() - 1).label();
  }

  // A JsonObject built in code may hold plain maps and lists; read them as the JSON they stand for.
  @SuppressWarnings("unchecked")
  private static Object wrap(Object value) {
    if (value instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    } else if (value instanceof List<?> list) {
      return new JsonArray(list);
    } else if (value instanceof CharSequence text && !(value instanceof String)) {
      return text.toString();
    }
    return value;
  }

  private static String withArticle(String noun) {
    return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "empty (null)";
    } else if (value instanceof String) {
      return "text";
    } else if (value instanceof Boolean) {
      return "true/false";
    } else if (value instanceof Number) {
      return "a number";
    } else if (value instanceof JsonArray) {
      return "a list";
    } else if (value instanceof JsonObject) {
      return "an object";
    }
    return "of another kind";
  }
}
