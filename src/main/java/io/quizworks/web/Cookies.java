package io.quizworks.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Cookie names and attributes in one place. Over TLS (or on localhost, which browsers treat as secure)
 * cookies get the {@code __Host-} prefix and {@code Secure}; over plain HTTP elsewhere a browser would
 * drop such a cookie, so the unprefixed name is used instead.
 */
public final class Cookies {
  public static final String SESSION = "qw-session";
  public static final String ANONYMOUS_CSRF = "qw-csrf";
  private static final String SECURE_PREFIX = "__Host-";

  private Cookies() {}

  public static Cookie get(RoutingContext ctx, String name) {
    Cookie secure = ctx.request().getCookie(SECURE_PREFIX + name);
    return secure != null ? secure : ctx.request().getCookie(name);
  }

  /** Sets a cookie for the whole site; {@code maxAgeSeconds} < 0 makes it last until the browser closes. */
  public static void set(RoutingContext ctx, String name, String value, CookieSameSite sameSite, long maxAgeSeconds) {
    boolean secure = isSecure(ctx);
    Cookie cookie = Cookie.cookie(secure ? SECURE_PREFIX + name : name, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSameSite(sameSite)
        .setSecure(secure);
    if (maxAgeSeconds >= 0) {
      cookie.setMaxAge(maxAgeSeconds);
    }
    ctx.response().addCookie(cookie);
  }

  public static void clear(RoutingContext ctx, String name) {
    set(ctx, name, "", CookieSameSite.LAX, 0);
  }

  public static boolean isSecure(RoutingContext ctx) {
    if (ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"))) {
      return true;
    }
    String host = String.valueOf(ctx.request().authority() == null ? "" : ctx.request().authority().host());
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]");
  }
}
