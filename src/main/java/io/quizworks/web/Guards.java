package io.quizworks.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Route guards: a page for teachers sends anyone else to the teacher sign-in, a student page to the
 * student sign-in, and a JSON endpoint answers 401. A refused request is logged with who asked for what.
 */
public final class Guards {
  private static final Logger LOG = LoggerFactory.getLogger(Guards.class);

  private Guards() {}

  public static Handler<RoutingContext> teacher() {
    return ctx -> require(ctx, Principal.Role.TEACHER, "/signin");
  }

  public static Handler<RoutingContext> student() {
    return ctx -> require(ctx, Principal.Role.STUDENT, "/student/signin");
  }

  private static void require(RoutingContext ctx, Principal.Role role, String signIn) {
    var principal = Principal.of(ctx);
    if (principal.isPresent() && principal.get().role() == role) {
      ctx.next();
      return;
    }
    if (principal.isPresent()) {
      denied(ctx, "needs " + role.name().toLowerCase());
      return;
    }
    if (isApi(ctx)) {
      signedOut(ctx);
      return;
    }
    String next = URLEncoder.encode(ctx.request().uri(), StandardCharsets.UTF_8);
    ctx.redirect(signIn + "?next=" + next);
  }

  /** Answers a JSON request that has no session: 401 with {@link #signedOutBody()}. */
  public static void signedOut(RoutingContext ctx) {
    ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json").end(signedOutBody().encode());
  }

  /** What a JSON endpoint answers a signed-out page: its answers stay saved. */
  public static JsonObject signedOutBody() {
    return new JsonObject().put("error", "signed-out")
        .put("message", "Your session has ended. Sign in again; your saved answers are kept.");
  }

  /**
   * Refuses a signed-in user something that is not theirs. Answers 404 rather than 403, so ids cannot be
   * probed to learn which exist.
   */
  public static void denied(RoutingContext ctx, String what) {
    Principal who = Principal.of(ctx).orElse(null);
    LOG.warn("Refused {} {} to {}: {}", ctx.request().method(), ctx.request().path(),
        who == null ? "anonymous" : who.role().name().toLowerCase() + " " + who.id(), what);
    ctx.fail(404);
  }

  public static boolean isApi(RoutingContext ctx) {
    return ctx.request().path().startsWith("/api/");
  }
}
