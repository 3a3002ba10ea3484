package io.quizworks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.quizworks.support.CapturedLog;
import io.quizworks.support.TestDatabase;
import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Preparing the database at start-up")
class DatabaseBootstrapTest {

  @Test
  @DisplayName("creates a missing database and migrates it; a second start changes nothing")
  void createsAndMigrates() throws IOException {
    try (TestDatabase database = TestDatabase.adopt(TestDatabase.freshName())) {
      assertThat(database.exists()).isFalse();
      new DatabaseBootstrap(database.options()).prepare();
      assertThat(database.exists()).isTrue();
      long migrations;
      try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
        migrations = files.filter(file -> file.getFileName().toString().endsWith(".sql")).count();
      }
      assertThat(database.queryLong("select count(*) from flyway_schema_history where success"))
          .isEqualTo(migrations).isPositive();
      new DatabaseBootstrap(database.options()).prepare();
      assertThat(database.queryLong("select count(*) from flyway_schema_history")).isEqualTo(migrations);
      assertThat(database.queryLong("select count(*) from information_schema.tables where table_name in "
          + "('bank', 'question')")).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("warns, naming the server and what to do, exactly when PostgreSQL runs without autovacuum")
  void warnsWhenAutovacuumIsOff() {
    try (CapturedLog log = CapturedLog.of(DatabaseBootstrap.class);
        TestDatabase database = TestDatabase.create()) {
      new DatabaseBootstrap(database.options()).prepare();
      boolean autovacuumOff = database.queryLong("select (current_setting('autovacuum') = 'off')::int") == 1;
      List<String> warnings = log.messages(Level.WARN);
      if (autovacuumOff) {
        assertThat(warnings).singleElement().asString()
            .startsWith("PostgreSQL at " + database.options().getHost() + ":" + database.options().getPort()
                + " runs with autovacuum off")
            .contains("Set autovacuum = on", "VACUUM ANALYZE on database " + database.options().getDatabase());
      } else {
        assertThat(warnings).isEmpty();
      }
    }
  }

  @Test
  @DisplayName("says where it looked and what to check when PostgreSQL cannot be reached")
  void unreachable() {
    PgConnectOptions nowhere = new PgConnectOptions(TestDatabase.server()).setHost("127.0.0.1").setPort(1)
        .setDatabase("quizworks");
    assertThatThrownBy(() -> new DatabaseBootstrap(nowhere).prepare())
        .isInstanceOf(StartupException.class)
        .hasMessage("Cannot reach PostgreSQL at 127.0.0.1:1: check that it is running and that PGHOST/PGPORT "
            + "(or DATABASE_URL) point at it");
  }

  @Test
  @DisplayName("says what to do when the database is missing and the role may not create it")
  void mayNotCreate() {
    String role = "quizworks_test_nocreate";
    TestDatabase.admin("DROP ROLE IF EXISTS " + role);
    TestDatabase.admin("CREATE ROLE " + role + " LOGIN NOCREATEDB");
    try {
      String missing = TestDatabase.freshName();
      PgConnectOptions options = new PgConnectOptions(TestDatabase.server()).setUser(role).setPassword("")
          .setDatabase(missing);
      assertThatThrownBy(() -> new DatabaseBootstrap(options).prepare())
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("Database '" + missing + "' does not exist")
          .hasMessageContaining("role '" + role + "' may not create it")
          .hasMessageContaining("CREATE DATABASE \"" + missing + "\" OWNER \"" + role + "\"");
      assertThat(TestDatabase.adopt(missing).exists()).isFalse();
    } finally {
      TestDatabase.admin("DROP ROLE IF EXISTS " + role);
    }
  }
}
