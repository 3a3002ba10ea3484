package io.quizworks.system;

import io.quizworks.bank.BankDirectory;
import io.quizworks.bank.BankImporter;
import io.quizworks.quiz.Attempts;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up in order: prepare the database (create, migrate), load the banks in {@code questions/}, then
 * serve. Returns the running application so a caller (main or a test) can find its port and stop it.
 */
public final class Quizworks {
  private static final Logger LOG = LoggerFactory.getLogger(Quizworks.class);
  private static final int POOL_SIZE = 16;
  /**
   * Connections of the pipelined client, each carrying up to {@link #PIPELINED_PER_CONNECTION} statements at
   * once. A few busy PostgreSQL backends spend about half the CPU per statement that sixteen do (measured in a
   * 10,000-student exam: docs/benchmarks.md, tenth round).
   */
  private static final int PIPELINED_CONNECTIONS = 4;
  private static final int PIPELINED_PER_CONNECTION = 8;
  /**
   * Connections of the same kind for autosaves alone. Sharing the four above, a save due while an exam's starts
   * arrived waited behind starts and pages in the backend that took it; on two of their own, saves that pile up
   * gather into larger batches, one commit each (docs/benchmarks.md, fourteenth round).
   */
  private static final int SAVING_CONNECTIONS = 2;
  /** How often each node finalises attempts whose page is gone; any node may, and doing it twice is harmless. */
  private static final long SWEEP_EVERY_MS = 30_000;

  private final DatabaseClients clients;
  private final HttpVerticle http;
  private final String deploymentId;
  private final long sweepTimer;

  private Quizworks(DatabaseClients clients, HttpVerticle http, String deploymentId, long sweepTimer) {
    this.clients = clients;
    this.http = http;
    this.deploymentId = deploymentId;
    this.sweepTimer = sweepTimer;
  }

  public static Future<Quizworks> start(Vertx vertx, Config config) {
    return vertx.executeBlocking(() -> {
          new DatabaseBootstrap(config.database()).prepare();
          return null;
        })
        .compose(ready -> {
          Pool pool = pool(vertx, config.database());
          DatabaseClients clients = new DatabaseClients(pool, pipelinedClient(vertx, config.database(),
              PIPELINED_CONNECTIONS), pipelinedClient(vertx, config.database(), SAVING_CONNECTIONS));
          List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
          Supplier<HttpVerticle> server = () -> {
            HttpVerticle http = new HttpVerticle(config, clients);
            servers.add(http);
            return http;
          };
          // One event loop per core shares the port, so page rendering and JSON use both cores of a small machine.
          DeploymentOptions everyCore = new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors());
          return new BankDirectory(vertx, new BankImporter(vertx, pool))
              .loadAll(config.questionsDir())
              .compose(loaded -> config.demo() ? DemoData.ensure(vertx, pool) : Future.succeededFuture())
              .compose(demo -> vertx.deployVerticle(server, everyCore))
              .map(id -> new Quizworks(clients, servers.get(0), id, sweepPeriodically(vertx, pool, config)))
              .onFailure(failure -> clients.close());
        });
  }

  private static long sweepPeriodically(Vertx vertx, Pool pool, Config config) {
    Attempts attempts = new Attempts(pool, config.saveGrace());
    return vertx.setPeriodic(SWEEP_EVERY_MS, timer -> attempts.sweep()
        .onFailure(failure -> LOG.warn("Sweeping expired attempts failed: {}", failure.getMessage())));
  }

  public static Pool pool(Vertx vertx, PgConnectOptions options) {
    return PgBuilder.pool().with(new PoolOptions().setMaxSize(POOL_SIZE)).connectingTo(cached(options, 256))
        .using(vertx).build();
  }

  /**
   * A client for statements that stand alone, not in a transaction: it sends each on whichever of its few
   * connections has room, behind the statements already out on it, so each backend reads several at a wake-up.
   */
  private static SqlClient pipelinedClient(Vertx vertx, PgConnectOptions options, int connections) {
    return PgBuilder.client().with(new PoolOptions().setMaxSize(connections))
        .connectingTo(cached(options, PIPELINED_PER_CONNECTION)).using(vertx).build();
  }

  private static PgConnectOptions cached(PgConnectOptions options, int pipeliningLimit) {
    // Statements longer than the client's default limit (2,048 characters) would be parsed and planned by
    // PostgreSQL again on every call: the save and start statements are longer than that.
    return new PgConnectOptions(options)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheSqlLimit(16_384)
        .setPipeliningLimit(pipeliningLimit);
  }

  public int port() {
    return http.actualPort();
  }

  public Pool pool() {
    return clients.pool();
  }

  public DatabaseClients clients() {
    return clients;
  }

  public Future<Void> stop(Vertx vertx) {
    vertx.cancelTimer(sweepTimer);
    return vertx.undeploy(deploymentId).compose(v -> clients.close());
  }
}
