package io.quizworks.scoring;

import io.quizworks.bank.AnswerKey;
import io.quizworks.bank.Choice;
import io.quizworks.bank.Question;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores one response against its question's key. The rules are the ones documented for teachers in
 * {@code questions/README.md} ("Scoring"); a change here is a change to students' marks, so change both.
 *
 * <p>Never throws for what a student sent: a response that names unknown choices, or is of the wrong kind
 * for the question (a stale answer after a bank edit changed a question's type), simply earns nothing.
 */
public final class Scorer {
  private static final int SCALE = 2;

  private Scorer() {}

  public static Score score(Question question, Response response) {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(response, "response");
    BigDecimal max = question.points();
    if (response instanceof Response.None) {
      return new Score(BigDecimal.ZERO.setScale(SCALE), max, Score.Outcome.UNANSWERED, question.feedback(), List.of());
    }
    BigDecimal points = pointsFor(share(question, response), max);
    return new Score(points, max, outcome(points, max), question.feedback(), choiceFeedback(question, response));
  }

  // Java 17 has no pattern matching for switch; the sealed interfaces keep this chain complete, and a
  // response of another kind than the key falls through to "nothing earned".
  private static Share share(Question question, Response response) {
    AnswerKey key = question.key();
    if (key instanceof AnswerKey.SingleChoice k && response instanceof Response.SingleChoice r) {
      return Share.allOrNothing(k.correct().equals(r.label()));
    } else if (key instanceof AnswerKey.MultipleResponse k && response instanceof Response.MultipleResponse r) {
      return multipleResponse(k, r, question.choices());
    } else if (key instanceof AnswerKey.TrueFalse k && response instanceof Response.TrueFalse r) {
      return Share.allOrNothing(k.value() == r.value());
    } else if (key instanceof AnswerKey.ShortAnswer k && response instanceof Response.ShortAnswer r) {
      String typed = Texts.normaliseAnswer(r.text());
      return Share.allOrNothing(k.accepted().stream().map(Texts::normaliseAnswer).anyMatch(typed::equals));
    } else if (key instanceof AnswerKey.Numeric k && response instanceof Response.Numeric r) {
      Optional<BigDecimal> typed = Texts.parseNumber(r.text());
      return Share.allOrNothing(
          typed.isPresent() && typed.get().subtract(k.value()).abs().compareTo(k.tolerance()) <= 0);
    } else if (key instanceof AnswerKey.Ordering k && response instanceof Response.Ordering r) {
      return ordering(k.order(), r.labels());
    } else if (key instanceof AnswerKey.Matching k && response instanceof Response.Matching r) {
      return matching(k.pairs(), r.pairs());
    }
    return Share.NOTHING;
  }

  /**
   * Each wrong pick cancels a right one, so ticking every box earns full marks only when every choice is
   * right; the floor at 0 keeps a wrong guess from costing points earned on other questions. A label that
   * names no choice is not a pick the student could have made on the page, so it neither earns nor costs.
   */
  private static Share multipleResponse(
      AnswerKey.MultipleResponse key, Response.MultipleResponse response, List<Choice> choices) {
    Set<String> labels = choices.stream().map(Choice::label).collect(Collectors.toSet());
    int right = 0;
    int wrong = 0;
    for (String label : new HashSet<>(response.labels())) {
      if (key.correct().contains(label)) {
        right++;
      } else if (labels.contains(label)) {
        wrong++;
      }
    }
    return new Share(Math.max(0, right - wrong), key.correct().size());
  }

  /** Position by position: an item left out or given twice just fails to match where it stands. */
  private static Share ordering(List<String> key, List<String> response) {
    int inPlace = 0;
    for (int i = 0; i < key.size() && i < response.size(); i++) {
      if (key.get(i).equals(response.get(i))) {
        inPlace++;
      }
    }
    return new Share(inPlace, key.size());
  }

  private static Share matching(Map<String, String> key, Map<String, String> response) {
    int paired = 0;
    for (Map.Entry<String, String> pair : key.entrySet()) {
      if (pair.getValue().equals(response.get(pair.getKey()))) {
        paired++;
      }
    }
    return new Share(paired, key.size());
  }

  // Multiply before dividing, so 2 points × 1/3 rounds the exact 0.666… to 0.67, not a pre-rounded share.
  private static BigDecimal pointsFor(Share share, BigDecimal max) {
    return max.multiply(BigDecimal.valueOf(share.earned()))
        .divide(BigDecimal.valueOf(share.of()), SCALE, RoundingMode.HALF_UP);
  }

  private static Score.Outcome outcome(BigDecimal points, BigDecimal max) {
    if (points.signum() == 0) {
      return Score.Outcome.INCORRECT;
    }
    return points.compareTo(max) >= 0 ? Score.Outcome.CORRECT : Score.Outcome.PARTIAL;
  }

  /** Feedback belongs to the choices a student saw and picked; unknown labels have none to give. */
  private static List<String> choiceFeedback(Question question, Response response) {
    Set<String> picked;
    if (response instanceof Response.SingleChoice r && question.key() instanceof AnswerKey.SingleChoice) {
      picked = Set.of(r.label());
    } else if (response instanceof Response.MultipleResponse r
        && question.key() instanceof AnswerKey.MultipleResponse) {
      picked = new HashSet<>(r.labels());
    } else {
      return List.of();
    }
    List<String> feedback = new ArrayList<>();
    for (Choice choice : question.choices()) {
      if (picked.contains(choice.label()) && !choice.feedback().isEmpty()) {
        feedback.add(choice.feedback());
      }
    }
    return feedback;
  }

  /** Earned out of {@code of} equal parts; an empty key (never produced by the bank reader) earns nothing. */
  private record Share(int earned, int of) {
    static final Share NOTHING = new Share(0, 1);

    Share {
      if (of <= 0) {
        earned = 0;
        of = 1;
      }
    }

    static Share allOrNothing(boolean right) {
      return new Share(right ? 1 : 0, 1);
    }
  }
}
