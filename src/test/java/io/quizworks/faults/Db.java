package io.quizworks.faults;

import io.quizworks.support.TestDatabase;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the fault tests read and write in PostgreSQL, over JDBC (never through the code under test), on any
 * server: the machine's shared one or a cluster of the test's own.
 */
final class Db {
  private final PgConnectOptions options;

  Db(PgConnectOptions options) {
    this.options = options;
  }

  static Db of(TestDatabase database) {
    return new Db(database.options());
  }

  PgConnectOptions options() {
    return options;
  }

  long queryLong(String sql) {
    List<Map<String, Object>> rows = rows(sql);
    return ((Number) rows.get(0).values().iterator().next()).longValue();
  }

  void execute(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Every row as column name → value (jsonb and timestamps as the JDBC driver gives them: use ::text). */
  List<Map<String, Object>> rows(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (result.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** A stored answer, as the server wrote it. */
  record Stored(long seq, JsonObject answer) {}

  /** The stored answers of an attempt by position. */
  Map<Integer, Stored> responses(long attemptId) {
    Map<Integer, Stored> stored = new HashMap<>();
    for (Map<String, Object> row : rows("select aq.position, r.seq, r.answer::text as answer from response r "
        + "join attempt_question aq on aq.attempt_id = r.attempt_id and aq.question_id = r.question_id "
        + "where r.attempt_id = " + attemptId)) {
      stored.put(((Number) row.get("position")).intValue(),
          new Stored(((Number) row.get("seq")).longValue(), new JsonObject((String) row.get("answer"))));
    }
    return stored;
  }

  /** Every attempt's deadline, to the microsecond. */
  Map<Long, Long> deadlines() {
    Map<Long, Long> deadlines = new HashMap<>();
    for (Map<String, Object> row : rows("select id, (extract(epoch from deadline) * 1000000)::bigint as micros "
        + "from attempt")) {
      deadlines.put(((Number) row.get("id")).longValue(), ((Number) row.get("micros")).longValue());
    }
    return deadlines;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/"
        + options.getDatabase(), options.getUser(), options.getPassword() == null ? "" : options.getPassword());
  }
}
