package io.quizworks.web;

import io.vertx.ext.web.RoutingContext;

/** Small helpers for reading HTML form posts. */
public final class Forms {
  private Forms() {}

  /** The trimmed value of a form field, or "" when it is missing. */
  public static String field(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value.strip();
  }

  /** A local path to go to after a form, never another site: {@code next} values come from the URL. */
  public static String localTarget(String next, String fallback) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
      return fallback;
    }
    return next;
  }

  /** Answers a successful form post by sending the browser on (POST/redirect/GET). */
  public static void seeOther(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  /** A numeric path parameter; anything else names nothing and reads as -1, which no row has. */
  public static long pathId(RoutingContext ctx, String name) {
    try {
      return Long.parseLong(ctx.pathParam(name));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
