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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Students' pages: their quizzes, the attempt page, and the result the quiz's review policy allows. */
public final class StudentPages {
  private final Quizzes quizzes;
  private final Attempts attempts;
  private final Reviews reviews;
  private final Templates templates;
  private final Views views;

  public StudentPages(Quizzes quizzes, Attempts attempts, Reviews reviews, Templates templates, Views views) {
    this.quizzes = quizzes;
    this.attempts = attempts;
    this.reviews = reviews;
    this.templates = templates;
    this.views = views;
  }

  public void mount(Router router) {
    router.get("/student").handler(Guards.student()).handler(ctx -> home(ctx, ""));
    router.post("/quizzes/:quizId/start").handler(Guards.student()).handler(this::start);
    router.route("/attempts/*").handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.next();
    });
    router.get("/attempts/:attemptId").handler(Guards.student()).handler(this::attempt);
    router.post("/attempts/:attemptId/submit").handler(Guards.student()).handler(this::submit);
    router.get("/attempts/:attemptId/result").handler(Guards.student()).handler(this::result);
  }

  private void home(RoutingContext ctx, String message) {
    long studentId = Principal.required(ctx).id();
    Future.all(quizzes.studentClass(studentId), quizzes.forStudent(studentId)).onSuccess(both -> {
      String className = both.<Optional<Row>>resultAt(0).map(r -> r.getString("name")).orElse("");
      List<Map<String, Object>> list = both.<List<Row>>resultAt(1).stream().map(views::row).toList();
      templates.respond(ctx, message.isEmpty() ? 200 : 409, "student-home",
          Map.of("className", className, "quizzes", list, "message", message));
    }).onFailure(ctx::fail);
  }

  private void start(RoutingContext ctx) {
    long studentId = Principal.required(ctx).id();
    attempts.start(studentId, Forms.pathId(ctx, "quizId")).onSuccess(started -> {
      if (started.attemptId().isPresent()) {
        Forms.seeOther(ctx, "/attempts/" + started.attemptId().get());
      } else {
        home(ctx, started.refusal());
      }
    }).onFailure(failure -> notFoundOr(ctx, failure, "quiz " + ctx.pathParam("quizId")));
  }

  private void attempt(RoutingContext ctx) {
    long studentId = Principal.required(ctx).id();
    long attemptId = Forms.pathId(ctx, "attemptId");
    attempts.current(studentId, attemptId).compose(row -> {
      if (!"in_progress".equals(row.getString("status"))) {
        Forms.seeOther(ctx, "/attempts/" + attemptId + "/result");
        return Future.succeededFuture();
      }
      return attempts.questions(attemptId).onSuccess(rows -> {
        Map<String, Object> data = new HashMap<>(views.row(row));
        data.put("questions", rows.stream().map(AttemptView::question).toList());
        data.put("maxSeq", rows.stream().mapToLong(r -> r.getLong("seq") == null ? 0 : r.getLong("seq")).max().orElse(0));
        data.put("remainingMs", row.getLong("remaining_ms") == null ? "" : String.valueOf(row.getLong("remaining_ms")));
        templates.respond(ctx, "attempt", data);
      });
    }).onFailure(failure -> notFoundOr(ctx, failure, "attempt " + attemptId));
  }

  private void submit(RoutingContext ctx) {
    long studentId = Principal.required(ctx).id();
    long attemptId = Forms.pathId(ctx, "attemptId");
    attempts.submit(studentId, attemptId)
        .onSuccess(row -> Forms.seeOther(ctx, "/attempts/" + attemptId + "/result"))
        .onFailure(failure -> notFoundOr(ctx, failure, "attempt " + attemptId));
  }

  private void result(RoutingContext ctx) {
    long studentId = Principal.required(ctx).id();
    long attemptId = Forms.pathId(ctx, "attemptId");
    attempts.current(studentId, attemptId).compose(row -> {
      if ("in_progress".equals(row.getString("status"))) {
        Forms.seeOther(ctx, "/attempts/" + attemptId);
        return Future.succeededFuture();
      }
      return reviews.review(row, attemptId).onSuccess(review -> templates.respond(ctx, "result", review));
    }).onFailure(failure -> notFoundOr(ctx, failure, "attempt " + attemptId));
  }

  static void notFoundOr(RoutingContext ctx, Throwable failure, String what) {
    if (failure instanceof Attempts.NotFound) {
      Guards.denied(ctx, what);
    } else {
      ctx.fail(failure);
    }
  }
}
