package io.quizworks.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.DatabaseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into a page (or JSON for API clients) that says what happened in plain words and never
 * shows a stack trace, SQL or a file path; the detail goes to the log.
 */
public final class ErrorPages {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

  private static final Duration OUTAGE_LOG_INTERVAL = Duration.ofSeconds(10);

  private final Templates templates;
  private final long maxBodyBytes;
  private final OutageLog outages;

  public ErrorPages(Vertx vertx, Templates templates, long maxBodyBytes) {
    this.templates = templates;
    this.maxBodyBytes = maxBodyBytes;
    this.outages = new OutageLog(vertx, OUTAGE_LOG_INTERVAL);
  }

  public void notFound(RoutingContext ctx) {
    respond(ctx, 404, "Page not found", "There is nothing at this address. Check the link, or start again from the list of banks.");
  }

  public void failure(RoutingContext ctx) {
    int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
    Optional<Throwable> unreachable = status == 500 ? DatabaseUnreachable.causeOf(ctx.failure()) : Optional.empty();
    if (unreachable.isPresent()) {
      outages.failed(ctx.request().method() + " " + ctx.request().path(), unreachable.get());
      respond(ctx, 503, "Database unavailable", "The server cannot reach its database just now. Try again in a "
          + "moment.");
    } else if (status == 500 && hasSqlState(ctx.failure(), "57014")) {
      // Cancelled by the statement timeout (a lock held too long, or a runaway query): its transaction is rolled
      // back, and the same request may well succeed in a moment.
      LOG.warn("{} {} gave up: a statement ran past the statement timeout", ctx.request().method(),
          ctx.request().path());
      respond(ctx, 503, "Database busy", "The database took too long to answer, so the request was stopped. Try "
          + "again in a moment.");
    } else if (status == 500 && unstorable(ctx.failure())) {
      // A NUL character typed into a form, an answer or an address: the request's fault, and retrying it
      // (as the quiz page does after a 500) could never succeed.
      LOG.warn("{} {} refused: it holds a character PostgreSQL cannot store", ctx.request().method(),
          ctx.request().path());
      respond(ctx, 400, "Request refused", "The request held a character that cannot be stored (a NUL character, "
          + "U+0000). Remove it and try again.");
    } else if (status >= 500) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      respond(ctx, status, "Something went wrong", "The server could not complete this request. Try again in a moment.");
    } else if (status == 404) {
      notFound(ctx);
    } else if (ctx.failure() instanceof Csrf.Refused refused) {
      formRefused(ctx, refused.reason());
    } else if (status == 413) {
      // In practice only a file upload is this large (a bank or a roster): say what to do about the file.
      respond(ctx, status, "File too large", "The server accepts files of up to " + maxBodyBytes / (1024 * 1024)
          + " MiB, and a CSV file of questions or of students is far smaller. Check that you chose the CSV file, "
          + "not a workbook with pictures, or split it into several files.");
    } else {
      refused(ctx, status);
    }
  }

  private void refused(RoutingContext ctx, int status) {
    respond(ctx, status, "Request refused", "The server could not accept this request.");
  }

  private void formRefused(RoutingContext ctx, Csrf.Reason reason) {
    switch (reason) {
      case SIGNED_OUT -> respond(ctx, 403, "Signed out", "Your session ended before this form was sent (after a "
          + "time without activity, or because you signed out in another tab), so nothing was changed. Sign in "
          + "again, then send the form again.", true);
      case STALE_FORM -> respond(ctx, 403, "Form out of date", "This page was opened before your last sign-in, or "
          + "its security cookie has gone, so the form was not sent and nothing was changed. Reload the page, "
          + "then send the form again.", false);
      case FOREIGN_ORIGIN -> refused(ctx, 403);
    }
  }

  /**
   * PostgreSQL refuses text holding U+0000: in a text column as "invalid byte sequence" (22021), in jsonb as
   * "unsupported Unicode escape sequence" (22P05).
   */
  private static boolean unstorable(Throwable failure) {
    return hasSqlState(failure, "22021") || hasSqlState(failure, "22P05");
  }

  private static boolean hasSqlState(Throwable failure, String sqlState) {
    return DatabaseUnreachable.inChain(failure,
        cause -> cause instanceof DatabaseException database && sqlState.equals(database.getSqlState())).isPresent();
  }

  private void respond(RoutingContext ctx, int status, String title, String message) {
    respond(ctx, status, title, message, false);
  }

  private void respond(RoutingContext ctx, int status, String title, String message, boolean offerSignIn) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    String accept = String.valueOf(ctx.request().getHeader("Accept"));
    if (Guards.isApi(ctx) || accept.contains("application/json") && !accept.contains("text/html")) {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", title).put("message", message).encode());
      return;
    }
    templates.respond(ctx, status, "error",
        Map.of("title", title, "message", message, "status", status, "offerSignIn", offerSignIn));
  }
}
