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
      refuse(ctx, "origin " + ctx.request().getHeader("Origin"));
      return;
    }
    String expected = ctx.get(TOKEN_KEY);
    if (expected == null) {
      Cookie cookie = Cookies.get(ctx, Cookies.ANONYMOUS_CSRF);
      expected = cookie == null ? null : cookie.getValue();
    }
    String given = ctx.request().getHeader(HEADER);
    if (given == null) {
      given = ctx.request().getFormAttribute(FORM_FIELD);
    }
    if (expected == null || expected.isEmpty() || given == null || !constantTimeEquals(expected, given)) {
      refuse(ctx, "missing or wrong token");
      return;
    }
    ctx.next();
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

  public static void refuse(RoutingContext ctx, String why) {
    LOG.warn("CSRF check refused {} {} from {}: {}", ctx.request().method(), ctx.request().path(),
        ctx.request().remoteAddress(), why);
    ctx.fail(403);
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
