package io.quizworks.system;

import io.quizworks.bank.BankDirectory;
import io.quizworks.bank.BankImporter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * Start-up in order: prepare the database (create, migrate), load the banks in {@code questions/}, then
 * serve. Returns the running application so a caller (main or a test) can find its port and stop it.
 */
public final class Quizworks {
  private static final int POOL_SIZE = 16;

  private final Pool pool;
  private final HttpVerticle http;
  private final String deploymentId;

  private Quizworks(Pool pool, HttpVerticle http, String deploymentId) {
    this.pool = pool;
    this.http = http;
    this.deploymentId = deploymentId;
  }

  public static Future<Quizworks> start(Vertx vertx, Config config) {
    return vertx.executeBlocking(() -> {
          new DatabaseBootstrap(config.database()).prepare();
          return null;
        })
        .compose(ready -> {
          Pool pool = pool(vertx, config.database());
          HttpVerticle http = new HttpVerticle(config, pool);
          return new BankDirectory(vertx, new BankImporter(pool))
              .loadAll(config.questionsDir())
              .compose(loaded -> vertx.deployVerticle(http))
              .map(id -> new Quizworks(pool, http, id))
              .onFailure(failure -> pool.close());
        });
  }

  public static Pool pool(Vertx vertx, PgConnectOptions options) {
    PgConnectOptions connect = new PgConnectOptions(options)
        .setCachePreparedStatements(true)
        .setPipeliningLimit(256);
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(POOL_SIZE)).connectingTo(connect).using(vertx).build();
  }

  public int port() {
    return http.actualPort();
  }

  public Pool pool() {
    return pool;
  }

  public Future<Void> stop(Vertx vertx) {
    return vertx.undeploy(deploymentId).compose(v -> pool.close());
  }
}
