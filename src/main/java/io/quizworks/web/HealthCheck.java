package io.quizworks.web;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /health}: 200 when PostgreSQL answers a query within two seconds, 503 otherwise, so a load
 * balancer takes a node out of service when it cannot reach the database.
 */
public final class HealthCheck implements Handler<RoutingContext> {
  private static final long TIMEOUT_SECONDS = 2;

  private final Pool pool;

  public HealthCheck(Pool pool) {
    this.pool = pool;
  }

  @Override
  public void handle(RoutingContext ctx) {
    pool.query("select 1")
        .execute()
        .timeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .onComplete(result -> {
          boolean up = result.succeeded();
          ctx.response()
              .setStatusCode(up ? 200 : 503)
              .putHeader("Content-Type", "application/json")
              .putHeader("Cache-Control", "no-store")
              .end(new JsonObject().put("status", up ? "up" : "down").put("database", up ? "up" : "down").encode());
        });
  }
}
