package io.quizworks.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * A teacher with a class, students and quizzes, made the quickest way: the teacher through the sign-up
 * page, the class and students straight into the database (the class pages have tests of their own).
 */
final class QuizFixture {
  static final String PASSWORD = "student password";
  private static final String HASH = Password.hash(PASSWORD).addRandomSalt(16)
      .with(Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID)).getResult();

  final TestDatabase database;
  final Vertx vertx;
  final int port;
  final TestClient teacher;
  final long classId;
  final String classCode;

  QuizFixture(TestDatabase database, Vertx vertx, int port, String teacherEmail, String classCode) {
    this.database = database;
    this.vertx = vertx;
    this.port = port;
    this.classCode = classCode;
    teacher = new TestClient(vertx, port);
    teacher.signUpTeacher("Teacher " + classCode, teacherEmail, "teacher password");
    long teacherId = database.queryLong("select id from teacher where email = '" + teacherEmail + "'");
    classId = database.queryLong("insert into class (teacher_id, name, join_code) values (" + teacherId
        + ", 'Period " + classCode + "', '" + classCode + "') returning id");
  }

  long student(String name, String allowance) {
    return database.queryLong("insert into student (class_id, display_name, password_hash, time_allowance) values ("
        + classId + ", '" + name + "', '" + HASH + "', " + allowance + ") returning id");
  }

  TestClient signIn(String name) {
    TestClient client = new TestClient(vertx, port);
    HttpResponse<Buffer> response = client.signInStudent(classCode, name, PASSWORD);
    if (response.statusCode() != 303) {
      throw new AssertionError("student sign-in refused: " + response.statusCode());
    }
    return client;
  }

  /** Asks to start (or resume) the student's attempt at a quiz, as the attempt page's script does. */
  static HttpResponse<Buffer> askToStart(TestClient student, long quizId) {
    return student.json(HttpMethod.POST, "/api/quizzes/" + quizId + "/start", new JsonObject());
  }

  /** Starts (or resumes) the student's attempt and returns its id; a refusal fails the test. */
  static long startAttempt(TestClient student, long quizId) {
    HttpResponse<Buffer> response = askToStart(student, quizId);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getLong("attemptId");
  }

  /** One autosave, as the attempt page sends it. */
  static HttpResponse<Buffer> save(TestClient student, long attemptId, int position, long seq, JsonObject answer) {
    return student.json(HttpMethod.PUT, "/api/attempts/" + attemptId + "/answers/" + position,
        new JsonObject().put("seq", seq).put("answer", answer).put("flagged", false));
  }

  /** Creates a quiz from the Manufacturing Roles bank through the teacher's form; returns its id. */
  long quiz(Map<String, String> overrides) {
    long bankId = database.queryLong("select id from bank where slug = 'manufacturing-roles'");
    Map<String, String> form = new HashMap<>(Map.of("title", "Roles check", "bank", String.valueOf(bankId),
        "questionCount", "5", "timeLimit", "10", "attemptsAllowed", "1", "gradingMethod", "highest",
        "reviewPolicy", "score", "reviewWhen", "immediately", "shuffleChoices", "on", "shuffleQuestions", "on"));
    form.putAll(overrides);
    return teacher.createQuiz(classId, form);
  }
}
