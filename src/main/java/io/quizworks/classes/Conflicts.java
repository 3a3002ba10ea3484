package io.quizworks.classes;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import java.util.function.Supplier;

/**
 * Random codes are drawn without asking the database first; the unique index is the check. A write that
 * collides is tried again with a fresh code (each attempt draws its own), which two nodes can do safely.
 */
final class Conflicts {
  static final int ATTEMPTS = 5;
  private static final String UNIQUE_VIOLATION = "23505";

  private Conflicts() {}

  static <T> Future<T> retrying(String constraint, Supplier<Future<T>> attempt) {
    return retrying(constraint, ATTEMPTS, attempt);
  }

  private static <T> Future<T> retrying(String constraint, int attempts, Supplier<Future<T>> attempt) {
    return attempt.get().recover(failure -> attempts > 1 && isUniqueViolation(failure, constraint)
        ? retrying(constraint, attempts - 1, attempt)
        : Future.failedFuture(failure));
  }

  static boolean isUniqueViolation(Throwable failure, String constraint) {
    return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
        && constraint.equals(pg.getConstraint());
  }
}
