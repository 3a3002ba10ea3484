package io.quizworks.bank;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a correct response is, one shape per question type. Never sent to a browser before submission. */
public sealed interface AnswerKey {

  record SingleChoice(String correct) implements AnswerKey {}

  /** {@code correct} keeps the author's order, so an exported bank reads as it was written. */
  record MultipleResponse(Set<String> correct) implements AnswerKey {
    public MultipleResponse {
      correct = Collections.unmodifiableSet(new LinkedHashSet<>(correct));
    }
  }

  record TrueFalse(boolean value) implements AnswerKey {}

  record ShortAnswer(List<String> accepted) implements AnswerKey {
    public ShortAnswer {
      accepted = List.copyOf(accepted);
    }
  }

  /** A response counts when it lies within {@code tolerance} of {@code value}, both ends included. */
  record Numeric(BigDecimal value, BigDecimal tolerance) implements AnswerKey {}

  /** The choice labels in their correct order. */
  record Ordering(List<String> order) implements AnswerKey {
    public Ordering {
      order = List.copyOf(order);
    }
  }

  /** Left-hand choice label to the right-hand text that belongs with it, in choice order. */
  record Matching(Map<String, String> pairs) implements AnswerKey {
    public Matching {
      pairs = Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    }
  }
}
