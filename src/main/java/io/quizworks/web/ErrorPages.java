package io.quizworks.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns failures into a page (or JSON for API clients) that says what happened in plain words and never
 * shows a stack trace, SQL or a file path; the detail goes to the log.
 */
public final class ErrorPages {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

  private final Templates templates;
  private final long maxBodyBytes;

  public ErrorPages(Templates templates, long maxBodyBytes) {
    this.templates = templates;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void notFound(RoutingContext ctx) {
    respond(ctx, 404, "Page not found", "There is nothing at this address. Check the link, or start again from the list of banks.");
  }

  public void failure(RoutingContext ctx) {
    int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
    if (status >= 500) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
      respond(ctx, status, "Something went wrong", "The server could not complete this request. Try again in a moment.");
    } else if (status == 404) {
      notFound(ctx);
    } else if (status == 413) {
      // In practice only a file upload is this large: say what to do about the file.
      respond(ctx, status, "File too large", "The server accepts files of up to " + maxBodyBytes / (1024 * 1024)
          + " MiB, and a question bank CSV is far smaller. Check that you chose the bank's CSV file, not a "
          + "workbook with pictures, or split the bank into several files.");
    } else {
      respond(ctx, status, "Request refused", "The server could not accept this request.");
    }
  }

  private void respond(RoutingContext ctx, int status, String title, String message) {
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
    templates.respond(ctx, status, "error", Map.of("title", title, "message", message, "status", status));
  }
}
