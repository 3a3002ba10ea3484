package io.quizworks.system;

import io.vertx.pgclient.PgConnectOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything the server reads from its environment. PostgreSQL settings follow libpq: {@code PGHOST},
 * {@code PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}, or one {@code DATABASE_URL}.
 */
public record Config(
    int port,
    PgConnectOptions database,
    Path questionsDir,
    boolean signupOpen,
    boolean demo,
    Duration sessionIdle,
    Duration sessionAbsolute,
    Duration saveGrace,
    ZoneId zone) {
  public static final String DEFAULT_DATABASE = "quizworks";
  private static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  public static Config fromEnvironment(Map<String, String> env) {
    return new Config(
        intValue(env, "PORT", 8080),
        withStatementTimeout(database(env), statementTimeout(env)),
        Path.of(env.getOrDefault("QUIZWORKS_QUESTIONS_DIR", "questions")),
        !"off".equalsIgnoreCase(env.getOrDefault("QUIZWORKS_SIGNUP", "on").strip()),
        "on".equalsIgnoreCase(env.getOrDefault("QUIZWORKS_DEMO", "off").strip()),
        Duration.ofMinutes(intValue(env, "QUIZWORKS_SESSION_IDLE_MINUTES", 30)),
        Duration.ofHours(intValue(env, "QUIZWORKS_SESSION_MAX_HOURS", 12)),
        Duration.ofSeconds(intValue(env, "QUIZWORKS_SAVE_GRACE_SECONDS", 30)),
        zone(env.getOrDefault("QUIZWORKS_TIME_ZONE", "UTC")));
  }

  /** The defaults with a given port, database and banks folder: what tests start. */
  public static Config of(int port, PgConnectOptions database, Path questionsDir) {
    return new Config(port, withStatementTimeout(database, DEFAULT_STATEMENT_TIMEOUT), questionsDir, true, false,
        Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofSeconds(30), ZoneId.of("UTC"));
  }

  /** The same, with PostgreSQL cancelling any one statement of the server's after {@code timeout}. */
  public Config withStatementTimeout(Duration timeout) {
    return new Config(port, withStatementTimeout(database, timeout), questionsDir, signupOpen, demo, sessionIdle,
        sessionAbsolute, saveGrace, zone);
  }

  public Config withDemo(boolean on) {
    return new Config(port, database, questionsDir, signupOpen, on, sessionIdle, sessionAbsolute, saveGrace, zone);
  }

  public Config withSignupOpen(boolean open) {
    return new Config(port, database, questionsDir, open, demo, sessionIdle, sessionAbsolute, saveGrace, zone);
  }

  public Config withSaveGrace(Duration grace) {
    return new Config(port, database, questionsDir, signupOpen, demo, sessionIdle, sessionAbsolute, grace, zone);
  }

  public Config withSessionIdle(Duration idle) {
    return new Config(port, database, questionsDir, signupOpen, demo, idle, sessionAbsolute, saveGrace, zone);
  }

  private static PgConnectOptions database(Map<String, String> env) {
    String url = env.get("DATABASE_URL");
    if (url != null && !url.isBlank()) {
      try {
        URI uri = URI.create(url.strip());
        PgConnectOptions options = PgConnectOptions.fromUri(url.strip());
        // The client fills in placeholder defaults; libpq's are the OS user and no password.
        if (uri.getPath() == null || uri.getPath().length() <= 1) {
          options.setDatabase(DEFAULT_DATABASE);
        }
        if (uri.getUserInfo() == null) {
          options.setUser(System.getProperty("user.name")).setPassword("");
        } else if (!uri.getUserInfo().contains(":")) {
          options.setPassword("");
        }
        return options;
      } catch (RuntimeException e) {
        throw new StartupException(
            "DATABASE_URL is not a PostgreSQL URL; expected postgresql://user:password@host:5432/database");
      }
    }
    return new PgConnectOptions()
        .setHost(env.getOrDefault("PGHOST", "localhost"))
        .setPort(intValue(env, "PGPORT", 5432))
        .setDatabase(env.getOrDefault("PGDATABASE", DEFAULT_DATABASE))
        .setUser(env.getOrDefault("PGUSER", System.getProperty("user.name")))
        .setPassword(env.getOrDefault("PGPASSWORD", ""));
  }

  /**
   * A statement that waits on a lock, or runs away, would otherwise hold its request, and a connection, for
   * ever; PostgreSQL cancels it (SQLSTATE 57014) and the request is answered with a 503 the page retries. The
   * longest statements a teacher starts (a gradebook export's query, a bank import's inserts, a key fix's
   * re-score) take seconds at the sizes in docs/benchmarks.md.
   */
  private static Duration statementTimeout(Map<String, String> env) {
    int seconds = intValue(env, "QUIZWORKS_STATEMENT_TIMEOUT_SECONDS", (int) DEFAULT_STATEMENT_TIMEOUT.toSeconds());
    if (seconds < 0) {
      throw new StartupException("QUIZWORKS_STATEMENT_TIMEOUT_SECONDS must be 0 (no limit) or more, found " + seconds);
    }
    return Duration.ofSeconds(seconds);
  }

  private static PgConnectOptions withStatementTimeout(PgConnectOptions options, Duration timeout) {
    return new PgConnectOptions(options).addProperty("statement_timeout", String.valueOf(timeout.toMillis()));
  }

  private static ZoneId zone(String name) {
    try {
      return ZoneId.of(name.strip());
    } catch (RuntimeException e) {
      throw new StartupException("QUIZWORKS_TIME_ZONE must be a time zone such as Europe/Berlin or America/Chicago, "
          + "found '" + name + "'");
    }
  }

  private static int intValue(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new StartupException(name + " must be a whole number, found '" + value + "'");
    }
  }
}
