package io.quizworks.system;

import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the configured database ready before anything serves: creates it when it is missing and the role
 * may, then applies the Flyway migrations, and warns when PostgreSQL will not keep its statistics current.
 * Blocking (JDBC), so it runs once at start-up, off the event loop.
 */
public final class DatabaseBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
  private static final String INVALID_CATALOG_NAME = "3D000";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private final PgConnectOptions options;

  public DatabaseBootstrap(PgConnectOptions options) {
    this.options = options;
  }

  public void prepare() {
    ensureDatabaseExists();
    migrate();
    warnIfAutovacuumIsOff();
  }

  /**
   * Without autovacuum nothing analyses the tables, and the planner guesses at how many rows an attempt has:
   * with a never-analysed database it read each attempt page through a parallel worker, 300 times slower
   * (docs/benchmarks.md, fifth round). Quizworks cannot switch it on (a server-wide setting), so it says so.
   */
  private void warnIfAutovacuumIsOff() {
    try (Connection connection = connect(options.getDatabase());
        var statement = connection.createStatement();
        var result = statement.executeQuery("show autovacuum")) {
      if (result.next() && result.getString(1).equals("off")) {
        LOG.warn("PostgreSQL at {} runs with autovacuum off: table statistics go stale as attempts are saved and "
            + "pages slow down. Set autovacuum = on in postgresql.conf, or run VACUUM ANALYZE on database {} "
            + "before each exam", where(), options.getDatabase());
      }
    } catch (SQLException e) {
      throw explain(e);
    }
  }

  private void ensureDatabaseExists() {
    try (Connection ignored = connect(options.getDatabase())) {
      return;
    } catch (SQLException e) {
      if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
        throw explain(e);
      }
    }
    String name = options.getDatabase();
    try (Connection maintenance = connect("postgres");
        var statement = maintenance.createStatement()) {
      statement.execute("CREATE DATABASE " + quoteIdentifier(name));
      LOG.info("Created database {} on {}:{}", name, options.getHost(), options.getPort());
    } catch (SQLException e) {
      if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
        throw new StartupException(
            "Database '" + name + "' does not exist on " + where() + " and role '" + options.getUser()
                + "' may not create it: ask an administrator to run CREATE DATABASE " + quoteIdentifier(name)
                + " OWNER " + quoteIdentifier(options.getUser()) + "; or set PGDATABASE to an existing database");
      }
      throw explain(e);
    }
  }

  private void migrate() {
    try {
      Flyway.configure()
          .dataSource(jdbcUrl(options.getDatabase()), options.getUser(), options.getPassword())
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StartupException("Database migration failed on " + where() + ": " + e.getMessage(), e);
    }
  }

  private Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", options.getUser());
    properties.setProperty("password", options.getPassword() == null ? "" : options.getPassword());
    properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  private String jdbcUrl(String database) {
    SslMode sslMode = options.getSslMode() == null ? SslMode.DISABLE : options.getSslMode();
    return "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + database
        + "?sslmode=" + sslMode.name().toLowerCase(Locale.ROOT).replace('_', '-') + "&connectTimeout=" + CONNECT_TIMEOUT_SECONDS;
  }

  /** Turns the driver's exception into the one line an IT person needs: where, and what to check. */
  private StartupException explain(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08")) {
      return new StartupException(
          "Cannot reach PostgreSQL at " + where() + ": check that it is running and that PGHOST/PGPORT "
              + "(or DATABASE_URL) point at it", e);
    }
    if (state.startsWith("28")) {
      return new StartupException(
          "PostgreSQL at " + where() + " refused role '" + options.getUser()
              + "': check PGUSER and PGPASSWORD (or DATABASE_URL) and the server's pg_hba.conf", e);
    }
    return new StartupException("PostgreSQL at " + where() + " failed: " + e.getMessage(), e);
  }

  private String where() {
    return options.getHost() + ":" + options.getPort();
  }

  private static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
