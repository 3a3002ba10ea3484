package io.quizworks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Configuration from the environment")
class ConfigTest {

  @Test
  @DisplayName("defaults to port 8080 and the quizworks database on localhost:5432 as the OS user")
  void defaults() {
    Config config = Config.fromEnvironment(Map.of());
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.database().getHost()).isEqualTo("localhost");
    assertThat(config.database().getPort()).isEqualTo(5432);
    assertThat(config.database().getDatabase()).isEqualTo("quizworks");
    assertThat(config.database().getUser()).isEqualTo(System.getProperty("user.name"));
    assertThat(config.questionsDir()).isEqualTo(Path.of("questions"));
  }

  @Test
  @DisplayName("reads PORT and the libpq variables")
  void libpq() {
    Config config = Config.fromEnvironment(Map.of("PORT", "9090", "PGHOST", "db.school.internal", "PGPORT", "6432",
        "PGDATABASE", "exams", "PGUSER", "quiz", "PGPASSWORD", "s3cret"));
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.database().getHost()).isEqualTo("db.school.internal");
    assertThat(config.database().getPort()).isEqualTo(6432);
    assertThat(config.database().getDatabase()).isEqualTo("exams");
    assertThat(config.database().getUser()).isEqualTo("quiz");
    assertThat(config.database().getPassword()).isEqualTo("s3cret");
  }

  @Test
  @DisplayName("prefers one DATABASE_URL, filling in the database when the URL names none")
  void databaseUrl() {
    Config config = Config.fromEnvironment(Map.of("PGHOST", "ignored",
        "DATABASE_URL", "postgresql://quiz:pw@db:5433/exams"));
    assertThat(config.database().getHost()).isEqualTo("db");
    assertThat(config.database().getPort()).isEqualTo(5433);
    assertThat(config.database().getDatabase()).isEqualTo("exams");
    assertThat(config.database().getUser()).isEqualTo("quiz");
    assertThat(config.database().getPassword()).isEqualTo("pw");
    assertThat(Config.fromEnvironment(Map.of("DATABASE_URL", "postgres://quiz@db")).database().getDatabase())
        .isEqualTo("quizworks");
  }

  @Test
  @DisplayName("refuses a PORT that is not a number, saying which variable is wrong")
  void badPort() {
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("PORT", "eighty")))
        .isInstanceOf(StartupException.class)
        .hasMessage("PORT must be a whole number, found 'eighty'");
  }

  @Test
  @DisplayName("PostgreSQL cancels a statement after 30 s unless QUIZWORKS_STATEMENT_TIMEOUT_SECONDS says otherwise")
  void statementTimeout() {
    assertThat(Config.fromEnvironment(Map.of()).database().getProperties()).containsEntry("statement_timeout", "30000");
    assertThat(Config.fromEnvironment(Map.of("QUIZWORKS_STATEMENT_TIMEOUT_SECONDS", "90")).database().getProperties())
        .containsEntry("statement_timeout", "90000");
    assertThat(Config.fromEnvironment(Map.of("QUIZWORKS_STATEMENT_TIMEOUT_SECONDS", "0")).database().getProperties())
        .as("0: no limit, as PostgreSQL reads it").containsEntry("statement_timeout", "0");
    assertThat(Config.fromEnvironment(Map.of("DATABASE_URL", "postgresql://quiz@db/exams")).database().getProperties())
        .containsEntry("statement_timeout", "30000");
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of("QUIZWORKS_STATEMENT_TIMEOUT_SECONDS", "-5")))
        .hasMessageContaining("QUIZWORKS_STATEMENT_TIMEOUT_SECONDS must be 0 (no limit) or more, found -5");

    PgConnectOptions given = new PgConnectOptions().setDatabase("exams");
    Config config = Config.of(0, given, Path.of("questions")).withStatementTimeout(Duration.ofSeconds(2));
    assertThat(config.database().getProperties()).containsEntry("statement_timeout", "2000");
    assertThat(given.getProperties()).as("the options given are left as they were").doesNotContainKey("statement_timeout");
  }
}
