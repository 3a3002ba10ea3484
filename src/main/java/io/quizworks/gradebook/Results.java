package io.quizworks.gradebook;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a quiz's results for its teacher, and records a teacher's change to a question's points. */
public final class Results {
  private final Pool pool;

  public Results(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Row>> quiz(long teacherId, long quizId) {
    return rows(pool, ResultsSql.QUIZ, Map.of("teacherId", teacherId, "quizId", quizId))
        .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
  }

  public Future<List<Row>> students(long quizId) {
    return rows(pool, ResultsSql.STUDENT_RESULTS, Map.of("quizId", quizId));
  }

  public Future<List<Row>> facility(long quizId) {
    return rows(pool, ResultsSql.QUESTION_FACILITY, Map.of("quizId", quizId));
  }

  public Future<List<Row>> analysisRows(long quizId) {
    return rows(pool, ResultsSql.ANALYSIS_ROWS, Map.of("quizId", quizId));
  }

  public Future<Optional<Row>> attempt(long quizId, long attemptId) {
    return rows(pool, ResultsSql.ATTEMPT, Map.of("quizId", quizId, "attemptId", attemptId))
        .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
  }

  public Future<List<Row>> history(long attemptId) {
    return rows(pool, ResultsSql.HISTORY, Map.of("attemptId", attemptId));
  }

  /** The outcome of an override: done, or why not. */
  public enum Override {
    DONE,
    NOT_FOUND,
    OUT_OF_RANGE
  }

  /**
   * Sets a question's points in a submitted attempt, keeps the old and new points with the reason, and
   * re-totals the attempt, all in one transaction.
   */
  public Future<Override> override(long teacherId, long quizId, long attemptId, long questionId, BigDecimal points,
      String reason) {
    Map<String, Object> target = Map.of("teacherId", teacherId, "quizId", quizId, "attemptId", attemptId,
        "questionId", questionId);
    return pool.withTransaction(connection -> rows(connection, ResultsSql.OVERRIDE_TARGET, target).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Override.NOT_FOUND);
      }
      Row row = found.get(0);
      if (points.signum() < 0 || points.compareTo(row.getBigDecimal("max_points")) > 0) {
        return Future.succeededFuture(Override.OUT_OF_RANGE);
      }
      Map<String, Object> change = new HashMap<>();
      change.put("attemptId", attemptId);
      change.put("questionId", questionId);
      change.put("oldPoints", row.getBigDecimal("old_points"));
      change.put("newPoints", points);
      change.put("kind", "override");
      change.put("reason", reason);
      change.put("teacherId", teacherId);
      change.put("points", points);
      return SqlTemplate.forUpdate(connection, ResultsSql.OVERRIDE_POINTS).execute(change)
          .compose(v -> SqlTemplate.forUpdate(connection, ResultsSql.RECORD_CHANGE).execute(change))
          .compose(v -> SqlTemplate.forUpdate(connection, ResultsSql.RETOTAL).execute(Map.of("attemptId", attemptId)))
          .map(Override.DONE);
    }));
  }

  static Future<List<Row>> rows(SqlClient client, String sql, Map<String, Object> parameters) {
    return SqlTemplate.forQuery(client, sql).execute(parameters).map(set -> {
      List<Row> list = new ArrayList<>();
      set.forEach(list::add);
      return list;
    });
  }
}
