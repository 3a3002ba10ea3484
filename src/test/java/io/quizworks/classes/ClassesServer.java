package io.quizworks.classes;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server on a fresh database for one test class, with the steps the classes tests share: teachers
 * who sign up, classes, students who join. Each test makes its own teacher and class, so tests do not
 * depend on each other's data.
 */
final class ClassesServer {
  static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger PEOPLE = new AtomicInteger();

  private final Vertx vertx;
  private final TestDatabase database;
  private final Quizworks app;
  private final List<TestClient> clients = new ArrayList<>();

  private ClassesServer(Vertx vertx, TestDatabase database, Quizworks app) {
    this.vertx = vertx;
    this.database = database;
    this.app = app;
  }

  static ClassesServer start(Vertx vertx) {
    TestDatabase database = TestDatabase.adopt(TestDatabase.freshName());
    Quizworks app = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions"))).await();
    return new ClassesServer(vertx, database, app);
  }

  void stop() {
    clients.forEach(TestClient::close);
    app.stop(vertx).await();
    database.close();
  }

  TestDatabase database() {
    return database;
  }

  Quizworks app() {
    return app;
  }

  /** A browser with no one signed in. */
  TestClient browser() {
    TestClient client = new TestClient(vertx, app.port());
    clients.add(client);
    return client;
  }

  TestClient teacher() {
    TestClient client = browser();
    int n = PEOPLE.incrementAndGet();
    client.signUpTeacher("Teacher " + n, "teacher" + n + "@school.test", PASSWORD);
    return client;
  }

  /** Creates a class through its form and returns its id. */
  long createClass(TestClient teacher, String name) {
    teacher.get("/teacher");
    HttpResponse<Buffer> response = teacher.postForm("/classes", Map.of("name", name));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(303);
    String location = response.getHeader("Location");
    assertThat(location).matches("/classes/[0-9]+");
    return Long.parseLong(location.substring("/classes/".length()));
  }

  String joinCode(long classId) {
    return text("select join_code from class where id = " + classId);
  }

  /** A browser in which a student joined the class (and so is signed in); fails the test if refused. */
  TestClient joinedStudent(long classId, String name) {
    TestClient student = browser();
    student.get("/join");
    HttpResponse<Buffer> response = student.postForm("/join",
        Map.of("code", joinCode(classId), "name", name, "password", PASSWORD));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(303);
    return student;
  }

  long studentId(long classId, String name) {
    return database.queryLong("select id from student where class_id = " + classId + " and display_name = '"
        + name.replace("'", "''") + "'");
  }

  long count(String sql) {
    return database.queryLong(sql);
  }

  /** The single text a query returns (null for SQL null), read over JDBC, not through the code under test. */
  String text(String sql) {
    PgConnectOptions options = database.options();
    try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase(),
            options.getUser(), options.getPassword());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      assertThat(result.next()).as("a row from " + sql).isTrue();
      return result.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
