package io.quizworks.gradebook;

import io.quizworks.bank.Question;
import io.quizworks.quiz.Attempts;
import io.quizworks.quiz.Reviews;
import io.vertx.core.json.JsonObject;

/**
 * A stored answer in words, with choices named by their text — the wording of the quiz's review
 * ({@link Reviews#describe}). An answer that no longer fits an edited question reads as no answer, as it is
 * scored ({@link Attempts#stored}). Pure.
 */
public final class ResponseText {
  private ResponseText() {}

  public static String describe(Question question, JsonObject answer) {
    return Reviews.describe(question, Attempts.stored(question, answer));
  }
}
