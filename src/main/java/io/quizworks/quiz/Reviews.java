package io.quizworks.quiz;

import io.quizworks.bank.AnswerKey;
import io.quizworks.bank.Choice;
import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionRows;
import io.quizworks.bank.QuestionView;
import io.quizworks.scoring.Response;
import io.quizworks.scoring.Scorer;
import io.quizworks.web.Views;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a student may see of a submitted attempt, as the quiz's review policy says: nothing, the score,
 * their responses, or responses with the correct answers and feedback — now, or once the quiz has closed.
 * Keys and feedback are read only when the policy allows them, so nothing else can leak them.
 */
public final class Reviews {
  private final Attempts attempts;
  private final Views views;

  public Reviews(Attempts attempts, Views views) {
    this.attempts = attempts;
    this.views = views;
  }

  public Future<Map<String, Object>> review(Row attempt, long attemptId) {
    String policy = attempt.getString("review_policy");
    boolean released = !attempt.getBoolean("review_after_close") || attempt.getBoolean("closed");
    boolean showScore = released && !"nothing".equals(policy);
    boolean showResponses = released && ("responses".equals(policy) || "full".equals(policy));
    boolean showKey = released && "full".equals(policy);
    Map<String, Object> data = new HashMap<>(views.row(attempt));
    data.put("released", released);
    data.put("showScore", showScore);
    data.put("showResponses", showResponses);
    data.put("showKey", showKey);
    data.put("afterClose", attempt.getBoolean("review_after_close") && !attempt.getBoolean("closed"));
    data.put("percent", percent(attempt.getBigDecimal("score"), attempt.getBigDecimal("max_score")));
    if (!showResponses) {
      data.put("questions", List.of());
      return Future.succeededFuture(data);
    }
    return attempts.questionsWithKeys(attemptId).map(rows -> {
      List<Map<String, Object>> questions = new ArrayList<>();
      for (Row row : rows) {
        questions.add(question(row, showKey));
      }
      data.put("questions", questions);
      return data;
    });
  }

  private static Map<String, Object> question(Row row, boolean showKey) {
    Question question = QuestionRows.question(row);
    Response response = Attempts.stored(question, row.getJsonObject("answer"));
    Map<String, Object> view = new HashMap<>();
    view.put("position", row.getInteger("position"));
    view.put("prompt", question.prompt());
    view.put("points", number(question.points()));
    view.put("earned", row.getBigDecimal("earned") == null ? "0" : number(row.getBigDecimal("earned")));
    view.put("outcome", row.getString("outcome") == null ? "unanswered" : row.getString("outcome"));
    view.put("response", describe(question, response));
    if (showKey) {
      view.put("key", QuestionView.of(question).key());
      view.put("feedback", question.feedback());
      view.put("choiceFeedback", Scorer.score(question, response).choiceFeedback());
    }
    return view;
  }

  /** A response in words, with choices named by their text. */
  public static String describe(Question question, Response response) {
    Map<String, String> texts = question.choices().stream().collect(Collectors.toMap(Choice::label, Choice::text));
    if (response instanceof Response.SingleChoice r) {
      return texts.getOrDefault(r.label(), r.label());
    } else if (response instanceof Response.MultipleResponse r) {
      return r.labels().stream().distinct().map(l -> texts.getOrDefault(l, l)).collect(Collectors.joining("; "));
    } else if (response instanceof Response.TrueFalse r) {
      return r.value() ? "True" : "False";
    } else if (response instanceof Response.ShortAnswer r) {
      return r.text();
    } else if (response instanceof Response.Numeric r) {
      return r.text();
    } else if (response instanceof Response.Ordering r) {
      return r.labels().stream().map(l -> texts.getOrDefault(l, l)).collect(Collectors.joining(" → "));
    } else if (response instanceof Response.Matching r && question.key() instanceof AnswerKey.Matching) {
      return r.pairs().entrySet().stream().map(e -> texts.getOrDefault(e.getKey(), e.getKey()) + " ↔ " + e.getValue())
          .collect(Collectors.joining("; "));
    }
    return "No answer";
  }

  private static String percent(BigDecimal score, BigDecimal max) {
    if (score == null || max == null || max.signum() == 0) {
      return "";
    }
    return number(score.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP));
  }

  private static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
