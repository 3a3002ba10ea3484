package io.quizworks.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Headers every response carries, as DESIGN.md lists them; HSTS only where the request came over TLS. */
public final class SecurityHeaders implements Handler<RoutingContext> {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
          + "frame-ancestors 'none'";

  @Override
  public void handle(RoutingContext ctx) {
    var headers = ctx.response().headers();
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "same-origin");
    if (ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"))) {
      headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!ctx.request().path().startsWith("/static/")) {
      headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
    ctx.next();
  }
}
