package io.quizworks.support;

import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A database of a test's own on the machine's PostgreSQL (127.0.0.1:5432 unless PGHOST/PGPORT say
 * otherwise), dropped when the test closes it, so the suite can run twice in a row and in any order.
 */
public final class TestDatabase implements AutoCloseable {
  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  /** A name for a database that does not exist yet. */
  public static String freshName() {
    return "quizworks_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
  }

  public static TestDatabase create() {
    TestDatabase database = new TestDatabase(freshName());
    database.admin("CREATE DATABASE " + database.name);
    return database;
  }

  /** Wraps a database someone else created (the server under test, say) so the test drops it afterwards. */
  public static TestDatabase adopt(String name) {
    return new TestDatabase(name);
  }

  public static PgConnectOptions server() {
    return new PgConnectOptions()
        .setHost(System.getenv().getOrDefault("PGHOST", "127.0.0.1"))
        .setPort(Integer.parseInt(System.getenv().getOrDefault("PGPORT", "5432")))
        .setUser(System.getenv().getOrDefault("PGUSER", System.getProperty("user.name")))
        .setPassword(System.getenv().getOrDefault("PGPASSWORD", ""));
  }

  public String name() {
    return name;
  }

  public PgConnectOptions options() {
    return new PgConnectOptions(server()).setDatabase(name);
  }

  public boolean exists() {
    return queryLong("postgres", "select count(*) from pg_database where datname = '" + name + "'") == 1;
  }

  /** The single number a query returns, read over JDBC so assertions do not depend on the code under test. */
  public long queryLong(String sql) {
    return queryLong(name, sql);
  }

  /** The text of the single value a query returns (null for SQL null), read over JDBC. */
  public String queryText(String sql) {
    return single(name, sql, result -> result.getString(1));
  }

  /** The JDBC address of this database, for tools that connect by themselves (Flyway, say). */
  public String jdbcUrl() {
    return jdbcUrl(name);
  }

  public void execute(String sql) {
    try (Connection connection = connect(name);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  public static void admin(String sql) {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static long queryLong(String database, String sql) {
    return single(database, sql, result -> result.getLong(1));
  }

  private interface Column<T> {
    T read(ResultSet result) throws SQLException;
  }

  private static <T> T single(String database, String sql, Column<T> column) {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return column.read(result);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static String jdbcUrl(String database) {
    PgConnectOptions server = server();
    return "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + database;
  }

  private static Connection connect(String database) throws SQLException {
    PgConnectOptions server = server();
    return DriverManager.getConnection(jdbcUrl(database), server.getUser(), server.getPassword());
  }
}
