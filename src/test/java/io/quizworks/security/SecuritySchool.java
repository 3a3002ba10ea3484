package io.quizworks.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server on a database of its own for one security test class, with the quickest ways to make the
 * people and things an attack needs: teachers through the sign-up page, classes and students straight into
 * the database, quizzes through the teacher's form, banks through the upload pages. Reads the database over
 * JDBC so assertions never depend on the code under test.
 */
final class SecuritySchool implements AutoCloseable {
  static final String STUDENT_PASSWORD = "student password";
  static final String TEACHER_PASSWORD = "teacher password";
  private static final AtomicInteger CODES = new AtomicInteger();
  private static final int CODE_BASE = new SecureRandom().nextInt(1_000_000);
  private static String hash;

  /**
   * What a refused request must leave as it was: every table a page or endpoint writes, except the
   * session and throttle bookkeeping that every request touches.
   */
  static final List<String> CONTENT_TABLES = List.of("teacher", "bank", "question", "bank_upload", "class", "student",
      "quiz", "quiz_bank", "attempt", "response", "score_change", "quiz_key");

  final Vertx vertx;
  final TestDatabase database;
  final Quizworks app;
  private final List<TestClient> clients = new ArrayList<>();

  private SecuritySchool(Vertx vertx, TestDatabase database, Quizworks app) {
    this.vertx = vertx;
    this.database = database;
    this.app = app;
  }

  static SecuritySchool start(Vertx vertx) {
    return start(vertx, Path.of("questions"));
  }

  static SecuritySchool start(Vertx vertx, Path questions) {
    TestDatabase database = TestDatabase.adopt(TestDatabase.freshName());
    Quizworks app = Quizworks.start(vertx, Config.of(0, database.options(), questions)).await();
    return new SecuritySchool(vertx, database, app);
  }

  int port() {
    return app.port();
  }

  /** A browser with nobody signed in. */
  TestClient browser() {
    TestClient client = new TestClient(vertx, app.port());
    clients.add(client);
    return client;
  }

  TestClient teacher(String name, String email) {
    TestClient client = browser();
    client.signUpTeacher(name, email, TEACHER_PASSWORD);
    return client;
  }

  long teacherId(String email) {
    return number("select id from teacher where email = " + literal(email.toLowerCase(Locale.ROOT)));
  }

  /** A class with a join code of its own, straight into the database; returns its id. */
  long classOf(long teacherId, String name) {
    return number("insert into class (teacher_id, name, join_code) values (" + teacherId + ", " + literal(name) + ", "
        + literal(joinCode()) + ") returning id");
  }

  String joinCode(long classId) {
    return text("select join_code from class where id = " + classId);
  }

  /** Six characters of the join-code alphabet, different for every class of the run (a counter in base 31). */
  private static String joinCode() {
    String alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    long n = CODE_BASE + CODES.incrementAndGet();
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      code.append(alphabet.charAt((int) (n % alphabet.length())));
      n /= alphabet.length();
    }
    return code.toString();
  }

  /** A student who can sign in with {@link #STUDENT_PASSWORD}; returns their id. */
  long student(long classId, String name) {
    return number("insert into student (class_id, display_name, password_hash) values (" + classId + ", "
        + literal(name) + ", " + literal(studentHash()) + ") returning id");
  }

  TestClient signInStudent(long classId, String name) {
    TestClient client = browser();
    HttpResponse<Buffer> response = client.signInStudent(joinCode(classId), name, STUDENT_PASSWORD);
    if (response.statusCode() != 303) {
      throw new AssertionError("student sign-in refused: " + response.statusCode() + " " + response.bodyAsString());
    }
    return client;
  }

  private static synchronized String studentHash() {
    if (hash == null) {
      hash = Password.hash(STUDENT_PASSWORD).addRandomSalt(16)
          .with(Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID)).getResult();
    }
    return hash;
  }

  /** Uploads a bank and confirms it as the teacher's own; returns its address (slug). */
  String ownBank(TestClient teacher, String title, String csv) {
    String preview = pendingBank(teacher, title, csv);
    teacher.get(preview);
    HttpResponse<Buffer> confirmed = teacher.postForm(preview + "/confirm", Map.of());
    if (confirmed.statusCode() != 303) {
      throw new AssertionError("confirmation refused: " + confirmed.statusCode() + " " + confirmed.bodyAsString());
    }
    String location = confirmed.getHeader("Location");
    return location.substring("/banks/".length(), location.indexOf('?'));
  }

  /** Uploads a bank and leaves it waiting for confirmation; returns the preview's address. */
  String pendingBank(TestClient teacher, String title, String csv) {
    teacher.get("/banks/upload");
    HttpResponse<Buffer> response = teacher.postMultipart("/banks/upload", MultipartForm.create()
        .attribute("title", title).attribute("bank", "")
        .binaryFileUpload("file", "bank.csv", Buffer.buffer(csv), "text/csv"));
    if (response.statusCode() != 303) {
      throw new AssertionError("upload refused: " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.getHeader("Location");
  }

  long bankId(String slug) {
    return number("select id from bank where slug = " + literal(slug));
  }

  /** Creates a quiz through the teacher's form: every live question of the bank, the given settings on top. */
  long quiz(TestClient teacher, long classId, long bankId, Map<String, String> overrides) {
    long questions = number("select count(*) from question where retired_at is null and bank_id = " + bankId);
    Map<String, String> form = new HashMap<>(Map.of("title", "Quiz " + System.nanoTime(), "bank",
        String.valueOf(bankId), "questionCount", String.valueOf(questions), "timeLimit", "30", "attemptsAllowed", "3",
        "gradingMethod", "highest", "reviewPolicy", "full", "reviewWhen", "immediately"));
    form.putAll(overrides);
    form.values().removeIf(String::isEmpty);
    teacher.get("/classes/" + classId + "/quizzes/new");
    HttpResponse<Buffer> response = teacher.postForm("/classes/" + classId + "/quizzes", form);
    if (response.statusCode() != 303) {
      throw new AssertionError("quiz refused: " + response.statusCode() + " " + response.bodyAsString());
    }
    return Long.parseLong(response.getHeader("Location").substring("/quizzes/".length()));
  }

  /** Starts an attempt through the JSON endpoint, as the quiz page does; returns its id. */
  static long start(TestClient student, long quizId) {
    HttpResponse<Buffer> response = student.json(HttpMethod.POST, "/api/quizzes/" + quizId + "/start", new JsonObject());
    if (response.statusCode() != 200) {
      throw new AssertionError("start refused: " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getLong("attemptId");
  }

  static HttpResponse<Buffer> save(TestClient student, long attemptId, int position, long seq, JsonObject answer) {
    return student.json(HttpMethod.PUT, "/api/attempts/" + attemptId + "/answers/" + position,
        new JsonObject().put("seq", seq).put("answer", answer).put("flagged", false));
  }

  static HttpResponse<Buffer> submit(TestClient student, long attemptId) {
    return student.json(HttpMethod.POST, "/api/attempts/" + attemptId + "/submit", new JsonObject());
  }

  /** The position of the attempt's first question of a type, or 0 when it has none. */
  long positionOf(long attemptId, String type) {
    return number("select coalesce(min(aq.position), 0) from attempt_question aq join question q on q.id = "
        + "aq.question_id where q.type = " + literal(type) + " and aq.attempt_id = " + attemptId);
  }

  /** A digest of every row of the given tables, to prove that a refused request changed nothing. */
  Map<String, String> fingerprint(List<String> tables) {
    Map<String, String> digests = new LinkedHashMap<>();
    for (String table : tables) {
      digests.put(table, text("select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) "
          + "from " + table + " t"));
    }
    return digests;
  }

  Map<String, String> fingerprint() {
    return fingerprint(CONTENT_TABLES);
  }

  long number(String sql) {
    return Long.parseLong(text(sql));
  }

  void execute(String sql) {
    database.execute(sql);
  }

  /** The first column of the first row as text, or null. */
  String text(String sql) {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Every value of the first column. */
  List<String> texts(String sql) {
    List<String> values = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
    return values;
  }

  private Connection connect() throws SQLException {
    PgConnectOptions server = TestDatabase.server();
    return DriverManager.getConnection("jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/"
        + database.name(), server.getUser(), server.getPassword());
  }

  /** A SQL string literal (standard_conforming_strings is on: only quotes need doubling), or null. */
  static String literal(String value) {
    return value == null ? "null" : "'" + value.replace("'", "''") + "'";
  }

  @Override
  public void close() {
    clients.forEach(TestClient::close);
    app.stop(vertx).await();
    database.close();
  }
}
