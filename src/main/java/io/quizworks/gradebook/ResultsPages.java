package io.quizworks.gradebook;

import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionRows;
import io.quizworks.bank.QuestionView;
import io.quizworks.quiz.Attempts;
import io.quizworks.quiz.Reviews;
import io.quizworks.web.Forms;
import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.quizworks.web.Views;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A teacher's view of how a quiz went: every student's status and kept score (sortable), a score
 * distribution and per-question difficulty drawn as SVG with table alternatives, and each attempt in
 * detail with a form to override a question's points.
 */
public final class ResultsPages {
  private static final Map<String, Comparator<Map<String, Object>>> SORTS = Map.of(
      "name", Comparator.comparing(r -> String.valueOf(r.get("display_name")).toLowerCase(Locale.ROOT)),
      "status", Comparator.comparing(r -> String.valueOf(r.get("statusLabel"))),
      "score", Comparator.comparing(r -> (Double) r.getOrDefault("percentValue", -1.0)),
      "time", Comparator.comparing(r -> ((Number) r.getOrDefault("seconds_taken", Long.MAX_VALUE)).longValue()),
      "submitted", Comparator.comparing(r -> String.valueOf(r.getOrDefault("submitted_at", ""))));

  private final Results results;
  private final Attempts attempts;
  private final Templates templates;
  private final Views views;

  public ResultsPages(Results results, Attempts attempts, Templates templates, Views views) {
    this.results = results;
    this.attempts = attempts;
    this.templates = templates;
    this.views = views;
  }

  public void mount(Router router) {
    router.get("/quizzes/:quizId/results").handler(Guards.teacher()).handler(this::results);
    router.get("/quizzes/:quizId/attempts/:attemptId").handler(Guards.teacher()).handler(this::attempt);
    router.post("/quizzes/:quizId/attempts/:attemptId/questions/:questionId/override").handler(Guards.teacher())
        .handler(this::override);
  }

  private void results(RoutingContext ctx) {
    long quizId = Forms.pathId(ctx, "quizId");
    results.quiz(Principal.required(ctx).id(), quizId).onSuccess(quiz -> {
      if (quiz.isEmpty()) {
        Guards.denied(ctx, "results of quiz " + quizId);
        return;
      }
      Future.all(results.students(quizId), results.facility(quizId)).onSuccess(both -> {
        List<Map<String, Object>> students = new ArrayList<>();
        List<Double> percents = new ArrayList<>();
        for (Row row : both.<List<Row>>resultAt(0)) {
          Map<String, Object> student = student(row);
          students.add(student);
          if (student.containsKey("percentValue")) {
            percents.add((Double) student.get("percentValue"));
          }
        }
        String asked = ctx.request().getParam("sort", "name");
        String sort = SORTS.containsKey(asked) ? asked : "name";
        boolean descending = "desc".equals(ctx.request().getParam("dir"));
        Comparator<Map<String, Object>> order = SORTS.get(sort);
        students.sort(descending ? order.reversed() : order);
        List<Row> questions = both.resultAt(1);
        Chart difficulty = Chart.of(
            questions.stream().map(q -> q.getString("ref")).toList(),
            questions.stream().map(q -> q.getBigDecimal("facility").doubleValue() * 100).toList(),
            questions.stream().map(q -> percent(q.getBigDecimal("facility").doubleValue() * 100)).toList(), 100);
        Map<String, Object> data = new HashMap<>();
        data.put("quiz", views.row(quiz.get()));
        data.put("students", students);
        data.put("sort", sort);
        data.put("dir", descending ? "desc" : "asc");
        data.put("distribution", Chart.distribution(percents));
        data.put("submittedCount", percents.size());
        data.put("difficulty", difficulty);
        data.put("questions", questions.stream().map(views::row).toList());
        data.put("rescored", ctx.request().getParam("rescored", ""));
        templates.respond(ctx, "results", data);
      }).onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  private Map<String, Object> student(Row row) {
    Map<String, Object> view = views.row(row);
    String status = row.getString("status");
    view.put("statusLabel", status == null ? "Not started" : switch (status) {
      case "in_progress" -> "In progress";
      case "auto_submitted" -> "Submitted at the deadline";
      default -> "Submitted";
    });
    BigDecimal score = row.getBigDecimal("kept_score");
    BigDecimal max = row.getBigDecimal("max_score");
    if (score != null && max != null && max.signum() > 0) {
      double percent = score.doubleValue() * 100 / max.doubleValue();
      view.put("percentValue", percent);
      view.put("percent", percent(percent));
    }
    Long seconds = row.getLong("seconds_taken");
    if (seconds != null) {
      view.put("timeTaken", seconds / 60 + " min " + seconds % 60 + " s");
    }
    return view;
  }

  private void attempt(RoutingContext ctx) {
    long teacherId = Principal.required(ctx).id();
    long quizId = Forms.pathId(ctx, "quizId");
    long attemptId = Forms.pathId(ctx, "attemptId");
    results.quiz(teacherId, quizId).compose(quiz -> {
      if (quiz.isEmpty()) {
        Guards.denied(ctx, "quiz " + quizId);
        return Future.succeededFuture();
      }
      return results.attempt(quizId, attemptId).compose(attempt -> {
        if (attempt.isEmpty()) {
          Guards.denied(ctx, "attempt " + attemptId + " of quiz " + quizId);
          return Future.succeededFuture();
        }
        return Future.all(attempts.questionsWithKeys(attemptId), results.history(attemptId)).onSuccess(both -> {
          List<Map<String, Object>> questions = both.<List<Row>>resultAt(0).stream().map(ResultsPages::question)
              .toList();
          templates.respond(ctx, "attempt-detail", Map.of("quiz", views.row(quiz.get()),
              "attempt", views.row(attempt.get()), "questions", questions,
              "history", both.<List<Row>>resultAt(1).stream().map(views::row).toList(),
              "notice", ctx.request().getParam("notice", "")));
        });
      });
    }).onFailure(ctx::fail);
  }

  private static Map<String, Object> question(Row row) {
    Question question = QuestionRows.question(row);
    Map<String, Object> view = new HashMap<>();
    view.put("position", row.getInteger("position"));
    view.put("questionId", String.valueOf(row.getLong("question_id")));
    view.put("ref", question.id());
    view.put("prompt", question.prompt());
    view.put("points", question.points().toPlainString());
    view.put("earned", row.getBigDecimal("earned") == null ? "0" : row.getBigDecimal("earned").stripTrailingZeros()
        .toPlainString());
    view.put("response", Reviews.describe(question, Attempts.stored(question, row.getJsonObject("answer"))));
    view.put("key", QuestionView.of(question).key());
    view.put("feedback", question.feedback());
    view.put("overridden", Boolean.TRUE.equals(row.getBoolean("overridden")));
    return view;
  }

  private void override(RoutingContext ctx) {
    long teacherId = Principal.required(ctx).id();
    long quizId = Forms.pathId(ctx, "quizId");
    long attemptId = Forms.pathId(ctx, "attemptId");
    long questionId = Forms.pathId(ctx, "questionId");
    String back = "/quizzes/" + quizId + "/attempts/" + attemptId;
    String reason = Forms.field(ctx, "reason");
    BigDecimal points;
    try {
      points = new BigDecimal(Forms.field(ctx, "points").replace(',', '.'));
    } catch (NumberFormatException e) {
      Forms.seeOther(ctx, back + "?notice=points");
      return;
    }
    if (reason.isEmpty() || reason.length() > 500) {
      Forms.seeOther(ctx, back + "?notice=reason");
      return;
    }
    results.override(teacherId, quizId, attemptId, questionId, points, reason).onSuccess(outcome -> {
      switch (outcome) {
        case NOT_FOUND -> Guards.denied(ctx, "override on attempt " + attemptId);
        case OUT_OF_RANGE -> Forms.seeOther(ctx, back + "?notice=points");
        default -> Forms.seeOther(ctx, back + "?notice=overridden");
      }
    }).onFailure(ctx::fail);
  }

  private static String percent(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }


}
