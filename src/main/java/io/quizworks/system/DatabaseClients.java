package io.quizworks.system;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;

/**
 * The node's ways to PostgreSQL: {@code pool} for transactions and everything else; {@code pipelined}, a few
 * connections that each carry several statements at once, for the start and the attempt page; and {@code
 * saving}, connections of the same kind that carry autosaves alone, so that a save never waits in a backend
 * behind the starts and pages of an exam's first minute.
 */
public record DatabaseClients(Pool pool, SqlClient pipelined, SqlClient saving) {
  /** Everything through one pool: for tests that build the routes on a pool of their own. */
  public static DatabaseClients sharing(Pool pool) {
    return new DatabaseClients(pool, pool, pool);
  }

  Future<Void> close() {
    return Future.join(pool.close(), pipelined.close(), saving.close()).mapEmpty();
  }
}
