package io.quizworks.quiz;

import io.quizworks.accounts.Sessions;
import io.quizworks.web.Csrf;
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
  private final Sessions sessions;
  private final Reviews reviews;
  private final Templates templates;
  private final Views views;

  public StudentPages(Quizzes quizzes, Attempts attempts, Sessions sessions, Reviews reviews, Templates templates,
      Views views) {
    this.quizzes = quizzes;
    this.attempts = attempts;
    this.sessions = sessions;
    this.reviews = reviews;
    this.templates = templates;
    this.views = views;
  }

  /**
   * What goes ahead of the session handler: starting a quiz and the attempt page, each in one statement that
   * checks the session itself, for the common case of an exam's first minute. Whatever that statement does not
   * settle goes on to the routes of {@link #mount}, which answer it as they always have.
   */
  public void mountAheadOfSessions(Router router) {
    router.route("/attempts/*").handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.next();
    });
    router.post("/quizzes/:quizId/start").handler(ctx -> AttemptApi.startQuickly(ctx, attempts, sessions,
        attemptId -> Forms.seeOther(ctx, "/attempts/" + attemptId)));
    router.get("/attempts/:attemptId").handler(this::attemptQuickly);
  }

  public void mount(Router router) {
    router.get("/student").handler(Guards.student()).handler(ctx -> home(ctx, ""));
    router.post("/quizzes/:quizId/start").handler(Guards.student()).handler(this::start);
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

  /** The attempt page of a student whose attempt is in progress; anything else goes on to {@link #attempt}. */
  private void attemptQuickly(RoutingContext ctx) {
    Optional<Sessions.Proof> proof = AttemptApi.proof(ctx, sessions, "");
    if (proof.isEmpty()) {
      ctx.next();
      return;
    }
    attempts.page(proof.get(), Forms.pathId(ctx, "attemptId")).onSuccess(page -> {
      if (showable(page)) {
        show(ctx, page);
      } else {
        ctx.next();
      }
    }).onFailure(ctx::fail);
  }

  /** The ordinary route: an attempt whose time has run out is closed first, a closed one shows its result. */
  private void attempt(RoutingContext ctx) {
    long studentId = Principal.required(ctx).id();
    long attemptId = Forms.pathId(ctx, "attemptId");
    String toResult = "/attempts/" + attemptId + "/result";
    attempts.current(studentId, attemptId).compose(row -> {
      Optional<Sessions.Proof> proof = AttemptApi.proof(ctx, sessions, "");
      if (!"in_progress".equals(row.getString("status")) || proof.isEmpty()) {
        Forms.seeOther(ctx, toResult);
        return Future.succeededFuture();
      }
      return attempts.page(proof.get(), attemptId).onSuccess(page -> {
        if (showable(page)) {
          show(ctx, page);
        } else {
          Forms.seeOther(ctx, toResult);
        }
      });
    }).onFailure(failure -> notFoundOr(ctx, failure, "attempt " + attemptId));
  }

  /** Whether the page is a student's own attempt in progress, with time (and grace) left. */
  private static boolean showable(Attempts.Page page) {
    Row asker = page.asker();
    return asker.getLong("user_id") != null && asker.getLong("id") != null
        && "in_progress".equals(asker.getString("status")) && !asker.getBoolean("expired");
  }

  private void show(RoutingContext ctx, Attempts.Page page) {
    Row asker = page.asker();
    new Principal(Principal.Role.STUDENT, asker.getLong("user_id"), asker.getString("name")).attachTo(ctx);
    Csrf.useSessionToken(ctx, asker.getString("csrf_token"));
    Long remaining = asker.getLong("remaining_ms");
    Map<String, Object> data = new HashMap<>();
    data.put("id", asker.getLong("id"));
    data.put("title", asker.getString("title"));
    try {
      data.put("questions", page.items().stream()
          .map(item -> AttemptView.question(item.question(), item.row(), templates)).toList());
    } catch (IllegalStateException unrendered) {
      ctx.fail(unrendered);
      return;
    }
    data.put("maxSeq", page.items().stream().map(Attempts.Page.Item::row)
        .mapToLong(row -> row.getLong("seq") == null ? 0 : row.getLong("seq")).max().orElse(0));
    data.put("remainingMs", remaining == null ? "" : String.valueOf(remaining));
    templates.respond(ctx, "attempt", data);
  }

  private void submit(RoutingContext ctx) {
    long studentId = Principal.required(ctx).id();
    long attemptId = Forms.pathId(ctx, "attemptId");
    attempts.submit(studentId, attemptId)
        .onSuccess(status -> Forms.seeOther(ctx, "/attempts/" + attemptId + "/result"))
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
