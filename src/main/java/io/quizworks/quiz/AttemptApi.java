package io.quizworks.quiz;

import io.quizworks.accounts.Sessions;
import io.quizworks.web.Cookies;
import io.quizworks.web.Csrf;
import io.quizworks.web.Forms;
import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The JSON the attempt page talks to. Every answer is one {@code PUT}; every reply carries the time left by
 * the database clock, so the page's countdown resynchronises on each save.
 *
 * <ul>
 *   <li>{@code POST /api/quizzes/{quizId}/start} → {@code {"attemptId": 7, "url": "/attempts/7"}} or 409
 *   <li>{@code PUT /api/attempts/{id}/answers/{position}} with {@code {"seq": 12, "answer": {...},
 *       "flagged": false}} → {@code {"saved": true, "seq": 12, "remainingMs": 512345, "status": "in_progress"}},
 *       409 after the deadline and grace, 400 for an answer that does not fit the question
 *   <li>{@code GET /api/attempts/{id}/time} → {@code {"remainingMs": 512345, "status": "in_progress"}}
 *   <li>{@code POST /api/attempts/{id}/submit} → {@code {"status": "submitted", "url": "/attempts/7/result"}}
 * </ul>
 */
public final class AttemptApi {
  private final Attempts attempts;
  private final Sessions sessions;

  public AttemptApi(Attempts attempts, Sessions sessions) {
    this.attempts = attempts;
    this.sessions = sessions;
  }

  public void mount(Router router) {
    router.post("/api/quizzes/:quizId/start").handler(Guards.student()).handler(this::start);
    router.get("/api/attempts/:attemptId/time").handler(Guards.student()).handler(this::time);
    router.post("/api/attempts/:attemptId/submit").handler(Guards.student()).handler(this::submit);
  }

  /**
   * What goes ahead of the session handler: no JSON reply is cached; the autosave endpoint, whose statement
   * checks the session, its CSRF token and the attempt's owner itself, so a save costs one round trip; and a
   * start that does the same for the common case, leaving the rest to the route of {@link #mount}.
   */
  public void mountAheadOfSessions(Router router) {
    router.route("/api/*").handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.next();
    });
    router.put("/api/attempts/:attemptId/answers/:position").handler(this::save);
    router.post("/api/quizzes/:quizId/start").handler(ctx -> startQuickly(ctx, attempts, sessions,
        attemptId -> json(ctx, 200, new JsonObject().put("attemptId", attemptId).put("url", "/attempts/" + attemptId))));
  }

  /**
   * Starts a quiz, or finds the attempt in progress, in one statement that checks the session and its CSRF
   * token itself, and hands the attempt to {@code started}. Whatever that statement does not settle (no
   * session, a wrong token or origin, a refusal, a race) goes on to the ordinary route, which checks and answers
   * it as it always has.
   */
  static void startQuickly(RoutingContext ctx, Attempts attempts, Sessions sessions, Consumer<Long> started) {
    String token = ctx.request().getHeader(Csrf.HEADER);
    if (token == null) {
      token = ctx.request().getFormAttribute(Csrf.FORM_FIELD);
    }
    Optional<Sessions.Proof> proof = Csrf.sameOrigin(ctx) && token != null ? proof(ctx, sessions, token)
        : Optional.empty();
    if (proof.isEmpty()) {
      ctx.next();
      return;
    }
    attempts.start(proof.get(), Forms.pathId(ctx, "quizId"))
        .onSuccess(attemptId -> attemptId.ifPresentOrElse(started, ctx::next))
        .onFailure(ctx::fail);
  }

  /** What a statement needs to check the request's session itself, if the request carries one. */
  static Optional<Sessions.Proof> proof(RoutingContext ctx, Sessions sessions, String csrfToken) {
    Cookie session = Cookies.get(ctx, Cookies.SESSION);
    return session == null || session.getValue().isEmpty() ? Optional.empty()
        : Optional.of(sessions.proof(session.getValue(), csrfToken));
  }

  private void start(RoutingContext ctx) {
    attempts.start(Principal.required(ctx).id(), Forms.pathId(ctx, "quizId")).onSuccess(started -> {
      if (started.attemptId().isPresent()) {
        long attemptId = started.attemptId().get();
        json(ctx, 200, new JsonObject().put("attemptId", attemptId).put("url", "/attempts/" + attemptId));
      } else {
        json(ctx, 409, new JsonObject().put("error", "cannot-start").put("message", started.refusal()));
      }
    }).onFailure(failure -> StudentPages.notFoundOr(ctx, failure, "quiz " + ctx.pathParam("quizId")));
  }

  private void save(RoutingContext ctx) {
    if (!Csrf.sameOrigin(ctx)) {
      Csrf.refuse(ctx, "origin " + ctx.request().getHeader("Origin"), Csrf.Reason.FOREIGN_ORIGIN);
      return;
    }
    String token = ctx.request().getHeader(Csrf.HEADER);
    Optional<Sessions.Proof> proof = proof(ctx, sessions, token == null ? "" : token);
    if (proof.isEmpty()) {
      json(ctx, 401, Guards.signedOutBody());
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null) {
      json(ctx, 400, new JsonObject().put("error", "bad-request").put("message", "Send the answer as a JSON object."));
      return;
    }
    long attemptId = Forms.pathId(ctx, "attemptId");
    long asked = Forms.pathId(ctx, "position");
    // Outside int a cast would wrap round (4294967297 and -4294967295 are 1): such a position names no question.
    int position = asked < 1 || asked > Integer.MAX_VALUE ? -1 : (int) asked;
    attempts.save(proof.get(), attemptId, position, body)
        .onSuccess(saved -> {
          saved.asker().ifPresent(asker -> asker.attachTo(ctx));
          switch (saved.status()) {
            case 403 -> Csrf.refuse(ctx, "missing or wrong token", Csrf.Reason.STALE_FORM);
            case 404 -> Guards.denied(ctx, "attempt " + attemptId + " answer " + position);
            default -> json(ctx, saved.status(), saved.body());
          }
        })
        .onFailure(ctx::fail);
  }

  private void time(RoutingContext ctx) {
    long attemptId = Forms.pathId(ctx, "attemptId");
    attempts.time(Principal.required(ctx).id(), attemptId)
        .onSuccess(time -> json(ctx, 200, time))
        .onFailure(failure -> StudentPages.notFoundOr(ctx, failure, "attempt " + attemptId));
  }

  private void submit(RoutingContext ctx) {
    long attemptId = Forms.pathId(ctx, "attemptId");
    attempts.submit(Principal.required(ctx).id(), attemptId)
        .onSuccess(status -> json(ctx, 200, new JsonObject().put("status", status)
            .put("url", "/attempts/" + attemptId + "/result")))
        .onFailure(failure -> StudentPages.notFoundOr(ctx, failure, "attempt " + attemptId));
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
