package io.quizworks.web;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CSRF protection that survives autosave retries and two open tabs: one token per session (vertx-web's
 * CSRFHandler rotates its token on every POST, so a retried save or a second tab would be refused and an
 * answer lost). Signed-in requests carry the session's token; anonymous forms (sign-in, join) use a
 * double-submit cookie. Every unsafe request must also come from this origin when the browser says where
 * it comes from.
 */
public final class Csrf implements Handler<RoutingContext> {
  public static final String FORM_FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";
  private static final Logger LOG = LoggerFactory.getLogger(Csrf.class);
  private static final String TOKEN_KEY = "quizworks.csrf";
  private static final String SESSION_ENDED_KEY = "quizworks.session-ended";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The token this request's pages must embed (set by the session handler, or an anonymous one). */
  public static String token(RoutingContext ctx) {
    String token = ctx.get(TOKEN_KEY);
    if (token == null) {
      Cookie cookie = Cookies.get(ctx, Cookies.ANONYMOUS_CSRF);
      token = cookie != null && !cookie.getValue().isEmpty() ? cookie.getValue() : newToken();
      if (cookie == null) {
        Cookies.set(ctx, Cookies.ANONYMOUS_CSRF, token, CookieSameSite.STRICT, -1);
      }
      ctx.put(TOKEN_KEY, token);
    }
    return token;
  }

  public static void useSessionToken(RoutingContext ctx, String token) {
    ctx.put(TOKEN_KEY, token);
  }

  /**
   * Notes that the request came with the cookie of a session that has ended (timed out, or signed out in
   * another tab), so that a form it sends is answered "sign in again" rather than a bare refusal.
   */
  public static void sessionEnded(RoutingContext ctx) {
    ctx.put(SESSION_ENDED_KEY, Boolean.TRUE);
  }

  /** Why a form was refused, for the error page to say what the visitor can do about it. */
  public enum Reason {
    /** Sent from another site: nothing to tell the visitor. */
    FOREIGN_ORIGIN,
    /** The browser's session ended before the form was sent: sign in again. */
    SIGNED_OUT,
    /** The page holding the form is older than the session or its cookie: reload it. */
    STALE_FORM
  }

  /** The failure a refused form is answered with: a 403 whose page says why. */
  public static final class Refused extends RuntimeException {
    private final Reason reason;

    Refused(Reason reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  public static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (SAFE.contains(ctx.request().method())) {
      ctx.next();
      return;
    }
    if (!sameOrigin(ctx)) {
      refuse(ctx, "origin " + ctx.request().getHeader("Origin"), Reason.FOREIGN_ORIGIN);
      return;
    }
    String expected = ctx.get(TOKEN_KEY);
    boolean signedIn = expected != null;
    if (expected == null) {
      Cookie cookie = Cookies.get(ctx, Cookies.ANONYMOUS_CSRF);
      expected = cookie == null ? null : cookie.getValue();
    }
    String given = ctx.request().getHeader(HEADER);
    if (given == null) {
      given = ctx.request().getFormAttribute(FORM_FIELD);
    }
    if (expected == null || expected.isEmpty() || given == null || !constantTimeEquals(expected, given)) {
      if (!signedIn && (Boolean.TRUE.equals(ctx.get(SESSION_ENDED_KEY)) || Guards.isApi(ctx))) {
        refuseSignedOut(ctx);
      } else {
        refuse(ctx, "missing or wrong token", Reason.STALE_FORM);
      }
      return;
    }
    ctx.next();
  }

  /**
   * Refuses a request sent without a session (one that has ended, or, to a JSON endpoint, none at all) as the
   * route's guard would have: a JSON endpoint answers 401, a form gets a page that says to sign in again.
   * Nothing was changed, whoever sent it; every unsafe JSON endpoint is for signed-in students only.
   */
  private static void refuseSignedOut(RoutingContext ctx) {
    LOG.info("Refused {} {} from {}: the session it was sent from has ended", ctx.request().method(),
        ctx.request().path(), ctx.request().remoteAddress());
    if (Guards.isApi(ctx)) {
      Guards.signedOut(ctx);
      return;
    }
    ctx.fail(403, new Refused(Reason.SIGNED_OUT));
  }

  /** Whether an unsafe request comes from this site, when the browser says where it comes from. */
  public static boolean sameOrigin(RoutingContext ctx) {
    String origin = ctx.request().getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String host = ctx.request().getHeader("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }

  public static void refuse(RoutingContext ctx, String why, Reason reason) {
    LOG.warn("CSRF check refused {} {} from {}: {}", ctx.request().method(), ctx.request().path(),
        ctx.request().remoteAddress(), why);
    ctx.fail(403, new Refused(reason));
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
