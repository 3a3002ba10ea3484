package io.quizworks.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one response earned. {@code points} has two decimals, as shown to students and summed into quiz
 * totals; {@code max} is the question's points as the author wrote them. {@code feedback} is the question's
 * general feedback and {@code choiceFeedback} the author's notes on the choices the student picked, in
 * choice order, so a result page needs nothing but the score to explain itself.
 */
public record Score(BigDecimal points, BigDecimal max, Outcome outcome, String feedback, List<String> choiceFeedback) {

  /** Follows the rounded points, so the label a student sees never contradicts the number beside it. */
  public enum Outcome {
    CORRECT,
    PARTIAL,
    INCORRECT,
    UNANSWERED;

    /** The outcome as a response row stores it. */
    public String stored() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Score {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(feedback, "feedback");
    choiceFeedback = List.copyOf(choiceFeedback);
  }
}
