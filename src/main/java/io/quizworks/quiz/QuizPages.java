package io.quizworks.quiz;

import io.quizworks.web.Forms;
import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.quizworks.web.Views;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Teachers' quiz pages: create a quiz for a class, watch its attempts, give a student more time. */
public final class QuizPages {
  private static final List<String> FIELDS = List.of("title", "questionCount", "perTopicCount", "timeLimit", "opensAt",
      "closesAt", "attemptsAllowed", "gradingMethod", "reviewPolicy", "reviewWhen", "shuffleQuestions",
      "shuffleChoices");

  private final Quizzes quizzes;
  private final Templates templates;
  private final Views views;

  public QuizPages(Quizzes quizzes, Templates templates, Views views) {
    this.quizzes = quizzes;
    this.templates = templates;
    this.views = views;
  }

  public void mount(Router router) {
    router.get("/classes/:classId/quizzes/new").handler(Guards.teacher()).handler(this::newQuiz);
    router.post("/classes/:classId/quizzes").handler(Guards.teacher()).handler(this::create);
    router.get("/quizzes/:quizId").handler(Guards.teacher()).handler(this::show);
    router.post("/quizzes/:quizId/attempts/:attemptId/minutes").handler(Guards.teacher()).handler(this::addMinutes);
  }

  private void newQuiz(RoutingContext ctx) {
    Map<String, Object> values = new HashMap<>(Map.of("questionCount", "10", "timeLimit", "10", "attemptsAllowed", "1",
        "gradingMethod", "highest", "reviewPolicy", "score", "reviewWhen", "immediately", "shuffleQuestions", "on",
        "shuffleChoices", "on"));
    form(ctx, 200, values, List.of(), List.of(), Map.of());
  }

  private void form(RoutingContext ctx, int status, Map<String, Object> values, List<String> banks, List<String> topics,
      Map<String, String> errors) {
    long teacherId = Principal.required(ctx).id();
    long classId = Forms.pathId(ctx, "classId");
    quizzes.ownedClass(teacherId, classId).onSuccess(owned -> {
      if (owned.isEmpty()) {
        Guards.denied(ctx, "class " + classId);
        return;
      }
      quizzes.bankTopics(teacherId).onSuccess(rows -> templates.respond(ctx, status, "quiz-new", Map.of(
          "classId", classId, "className", owned.get().getString("name"), "banks", banksWithTopics(rows),
          "values", values, "selectedBanks", banks, "selectedTopics", topics, "errors", errors,
          "zone", views.zone().getId()))).onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  private static List<Map<String, Object>> banksWithTopics(List<Row> rows) {
    Map<Long, Map<String, Object>> banks = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<String, Object> bank = banks.computeIfAbsent(row.getLong("bank_id"), id -> {
        Map<String, Object> created = new HashMap<>();
        created.put("id", String.valueOf(id));
        created.put("title", row.getString("title"));
        created.put("topics", new ArrayList<Map<String, Object>>());
        return created;
      });
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> topics = (List<Map<String, Object>>) bank.get("topics");
      topics.add(Map.of("name", row.getString("topic"), "count", row.getLong("questions")));
    }
    return new ArrayList<>(banks.values());
  }

  private void create(RoutingContext ctx) {
    long teacherId = Principal.required(ctx).id();
    long classId = Forms.pathId(ctx, "classId");
    quizzes.ownedClass(teacherId, classId).compose(owned -> {
      if (owned.isEmpty()) {
        Guards.denied(ctx, "class " + classId);
        return Future.succeededFuture();
      }
      return quizzes.bankTopics(teacherId).compose(rows -> {
        QuizForm.Result result = QuizForm.read(name -> ctx.request().getFormAttribute(name),
            name -> ctx.request().formAttributes().getAll(name), Quizzes.topics(rows), views.zone());
        if (!result.isValid()) {
          Map<String, Object> values = new HashMap<>();
          FIELDS.forEach(field -> values.put(field, Forms.field(ctx, field)));
          form(ctx, 400, values, ctx.request().formAttributes().getAll("bank"),
              ctx.request().formAttributes().getAll("topic"), result.errors());
          return Future.succeededFuture();
        }
        return quizzes.create(teacherId, classId, result.settings())
            .onSuccess(quizId -> Forms.seeOther(ctx, "/quizzes/" + quizId));
      });
    }).onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    long teacherId = Principal.required(ctx).id();
    long quizId = Forms.pathId(ctx, "quizId");
    quizzes.forTeacher(teacherId, quizId).onSuccess(quiz -> {
      if (quiz.isEmpty()) {
        Guards.denied(ctx, "quiz " + quizId);
        return;
      }
      quizzes.attempts(quizId).onSuccess(rows -> {
        List<Map<String, Object>> attempts = rows.stream().map(views::row).toList();
        templates.respond(ctx, "quiz", Map.of("quiz", views.row(quiz.get()), "attempts", attempts,
            "notice", String.valueOf(ctx.request().getParam("notice", ""))));
      }).onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  private void addMinutes(RoutingContext ctx) {
    long teacherId = Principal.required(ctx).id();
    long quizId = Forms.pathId(ctx, "quizId");
    long attemptId = Forms.pathId(ctx, "attemptId");
    int minutes;
    try {
      minutes = Integer.parseInt(Forms.field(ctx, "minutes"));
    } catch (NumberFormatException e) {
      minutes = 0;
    }
    if (minutes < 1 || minutes > 240) {
      Forms.seeOther(ctx, "/quizzes/" + quizId + "?notice=minutes");
      return;
    }
    quizzes.addMinutes(teacherId, quizId, attemptId, minutes).onSuccess(added -> {
      if (!added) {
        Guards.denied(ctx, "attempt " + attemptId + " of quiz " + quizId);
        return;
      }
      Forms.seeOther(ctx, "/quizzes/" + quizId + "?notice=added");
    }).onFailure(ctx::fail);
  }
}
