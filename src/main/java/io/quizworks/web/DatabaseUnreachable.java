package io.quizworks.web;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tells a failure caused by PostgreSQL being out of reach (down, restarting, the network between) from one a
 * request caused: the first is worth a retry and says nothing about the request, so it is answered 503 and
 * logged apart.
 */
final class DatabaseUnreachable {
  /** Shut down by an administrator or a crash (57P01, 57P02) or not yet accepting connections (57P03). */
  private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

  private DatabaseUnreachable() {
  }

  /** The cause in the failure's chain that shows the database out of reach, if one does. */
  static Optional<Throwable> causeOf(Throwable failure) {
    return inChain(failure, cause -> cause instanceof SocketException || cause instanceof ClosedConnectionException
        || cause instanceof DatabaseException database && outOfReach(database.getSqlState()));
  }

  /** The first of the failure and its causes, outermost first, that {@code test} accepts. */
  static Optional<Throwable> inChain(Throwable failure, Predicate<Throwable> test) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (test.test(cause)) {
        return Optional.of(cause);
      }
    }
    return Optional.empty();
  }

  private static boolean outOfReach(String sqlState) {
    // Class 08 is "connection exception": the connection failed or was refused by the server.
    return sqlState != null && (sqlState.startsWith("08") || SHUTTING_DOWN.contains(sqlState));
  }
}
