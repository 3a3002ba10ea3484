package io.quizworks.bank;

import java.math.BigDecimal;
import java.util.List;

/**
 * A question as a teacher wrote it: what a student sees (prompt, choices) and what only the server may
 * know (key, feedback). {@code id} is the author's stable id, unique within its bank.
 */
public record Question(
    String id,
    QuestionType type,
    String prompt,
    BigDecimal points,
    String topic,
    Difficulty difficulty,
    List<Choice> choices,
    AnswerKey key,
    String feedback,
    String source) {

  public Question {
    choices = List.copyOf(choices);
  }
}
