package io.quizworks.accounts;

import io.quizworks.web.Cookies;
import io.quizworks.web.Csrf;
import io.quizworks.web.Principal;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/** Finds the session behind the request's cookie and puts its principal and CSRF token on the context. */
public final class SessionAuth implements Handler<RoutingContext> {
  private final Sessions sessions;

  public SessionAuth(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Cookie cookie = Cookies.get(ctx, Cookies.SESSION);
    if (cookie == null || cookie.getValue().isEmpty() || ctx.request().path().startsWith("/static/")) {
      ctx.next();
      return;
    }
    sessions.find(cookie.getValue())
        .onSuccess(found -> {
          if (found.isPresent()) {
            found.get().principal().attachTo(ctx);
            Csrf.useSessionToken(ctx, found.get().csrfToken());
          } else {
            Cookies.clear(ctx, Cookies.SESSION);
            Csrf.sessionEnded(ctx);
          }
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  /** Signs a user in with a fresh session id, ending the session the browser had before. */
  public static void startSession(RoutingContext ctx, Sessions sessions, Principal.Role role, long userId,
      Handler<RoutingContext> then) {
    Cookie old = Cookies.get(ctx, Cookies.SESSION);
    Future<Void> ended = old == null ? Future.succeededFuture() : sessions.delete(old.getValue());
    ended.compose(v -> sessions.create(role, userId))
        .onSuccess(token -> {
          Cookies.set(ctx, Cookies.SESSION, token, CookieSameSite.LAX, -1);
          then.handle(ctx);
        })
        .onFailure(ctx::fail);
  }
}
