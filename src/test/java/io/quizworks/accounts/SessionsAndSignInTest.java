package io.quizworks.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Sign-in, sessions and CSRF")
class SessionsAndSignInTest {
  private static TestDatabase database;
  private static Quizworks app;
  private static Vertx vertx;

  @BeforeAll
  static void start(Vertx v) {
    vertx = v;
    database = TestDatabase.adopt(TestDatabase.freshName());
    app = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions"))).await();
  }

  @AfterAll
  static void stop() {
    app.stop(vertx).await();
    database.close();
  }

  private static TestClient client() {
    return new TestClient(vertx, app.port());
  }

  private static String setCookie(HttpResponse<Buffer> response, String name) {
    return response.cookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse("");
  }

  /**
   * A class of the teacher's with join code {@code joinCode}, one student who signs in with the teacher's
   * password, and a 3-question quiz from every bank ({@code timeLimitMinutes} as SQL: a number or null).
   */
  private static long quizWithStudent(String teacherEmail, String joinCode, String studentName,
      String timeLimitMinutes) {
    long teacherId = database.queryLong("select id from teacher where email = '" + teacherEmail + "'");
    long classId = database.queryLong("insert into class (teacher_id, name, join_code) values (" + teacherId
        + ", 'Class " + joinCode + "', '" + joinCode + "') returning id");
    long quizId = database.queryLong("insert into quiz (class_id, title, question_count, time_limit_minutes) values ("
        + classId + ", 'Quiz " + joinCode + "', 3, " + timeLimitMinutes + ") returning id");
    database.execute("insert into quiz_bank (quiz_id, bank_id) select " + quizId + ", id from bank");
    database.execute("insert into student (class_id, display_name, password_hash) select " + classId + ", '"
        + studentName + "', password_hash from teacher where id = " + teacherId);
    return quizId;
  }

  @Test
  @DisplayName("signing up stores an Argon2id hash, never the password, and signs the teacher in")
  void signUpHashes() {
    TestClient teacher = client();
    teacher.signUpTeacher("Hana Hash", "hana@school.test", "a secret of mine");
    assertThat(teacher.get("/banks").statusCode()).isEqualTo(200);
    assertThat(database.queryLong("select count(*) from teacher where email = 'hana@school.test' "
        + "and password_hash like '$argon2id$%' and password_hash not like '%a secret of mine%'")).isEqualTo(1);
  }

  @Test
  @DisplayName("the session cookie is __Host-, HttpOnly, SameSite=Lax and Secure on localhost, with a new id each sign-in")
  void cookieAttributes() {
    TestClient teacher = client();
    teacher.signUpTeacher("Cora Cookie", "cora@school.test", "cookie password");
    String before = teacher.cookies().get("__Host-qw-session");
    assertThat(before).isNotBlank();
    teacher.get("/signin");
    HttpResponse<Buffer> signIn = teacher.postForm("/signin", Map.of("email", "cora@school.test",
        "password", "cookie password"));
    String cookie = setCookie(signIn, "__Host-qw-session");
    assertThat(cookie.toLowerCase(Locale.ROOT)).contains("path=/", "httponly", "samesite=lax", "secure");
    assertThat(teacher.cookies().get("__Host-qw-session")).isNotEqualTo(before);
    assertThat(database.queryLong("select count(*) from session s join teacher t on t.id = s.user_id "
        + "where s.role = 'teacher' and t.email = 'cora@school.test'")).as("the old session ended").isEqualTo(1);
  }

  @Test
  @DisplayName("signing out ends the session on the server: the old cookie opens nothing afterwards")
  void signOutRevokes() {
    TestClient teacher = client();
    teacher.signUpTeacher("Sol Signout", "sol@school.test", "signout password");
    String cookie = teacher.cookies().get("__Host-qw-session");
    teacher.postForm("/signout", Map.of());
    TestClient thief = client();
    thief.cookies().put("__Host-qw-session", cookie);
    assertThat(thief.get("/banks").statusCode()).isEqualTo(302);
  }

  @Test
  @DisplayName("an idle teacher is signed out, but never a student in the middle of a quiz")
  void idleTimeout() {
    TestClient teacher = client();
    teacher.signUpTeacher("Ida Idle", "ida@school.test", "idle password");
    database.execute("update session set last_seen_at = now() - interval '2 hours' where role = 'teacher' and user_id = "
        + "(select id from teacher where email = 'ida@school.test')");
    assertThat(teacher.get("/banks").statusCode()).isEqualTo(302);

    long quizId = quizWithStudent("ida@school.test", "IDLE22", "Stu Dent", "300");
    TestClient student = client();
    assertThat(student.signInStudent("IDLE22", "Stu Dent", "idle password").statusCode()).isEqualTo(303);
    HttpResponse<Buffer> started = student.json(HttpMethod.POST, "/api/quizzes/" + quizId + "/start",
        new JsonObject());
    assertThat(started.statusCode()).isEqualTo(200);
    database.execute("update session set last_seen_at = now() - interval '2 hours' where role = 'student'");
    assertThat(student.get("/student").statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("sign-in is paused for an account after five failures, even with the right password")
  void throttled() {
    TestClient teacher = client();
    teacher.signUpTeacher("Theo Throttle", "theo@school.test", "right password");
    TestClient attacker = client();
    attacker.get("/signin");
    for (int i = 0; i < 5; i++) {
      HttpResponse<Buffer> wrong = attacker.postForm("/signin", Map.of("email", "theo@school.test", "password", "x" + i));
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.bodyAsString()).contains("did not match an account");
    }
    HttpResponse<Buffer> paused = attacker.postForm("/signin", Map.of("email", "theo@school.test",
        "password", "right password"));
    assertThat(paused.statusCode()).isEqualTo(401);
    assertThat(paused.bodyAsString()).contains("Too many failed sign-ins for this account");
  }

  @Test
  @DisplayName("a form without the CSRF token, or from another origin, is refused and changes nothing")
  void csrf() {
    TestClient teacher = client();
    teacher.get("/signup");
    HttpResponse<Buffer> noToken = teacher.postRawForm("/signup", Map.of("name", "Eve", "email", "eve@school.test",
        "password", "csrf password"));
    assertThat(noToken.statusCode()).isEqualTo(403);
    HttpResponse<Buffer> wrongToken = teacher.postRawForm("/signup", Map.of("_csrf", "forged", "name", "Eve",
        "email", "eve@school.test", "password", "csrf password"));
    assertThat(wrongToken.statusCode()).isEqualTo(403);
    HttpResponse<Buffer> otherOrigin = teacher.request(HttpMethod.POST, "/signup")
        .putHeader("Origin", "https://evil.example")
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("_csrf", teacher.csrf()).add("name", "Eve")
            .add("email", "eve@school.test").add("password", "csrf password")).await();
    assertThat(otherOrigin.statusCode()).isEqualTo(403);
    assertThat(database.queryLong("select count(*) from teacher where email = 'eve@school.test'")).isZero();
  }

  @Test
  @DisplayName("a teacher whose session ended while filling in a form is told to sign in again, and nothing is made")
  void formAfterSessionEnded() {
    TestClient teacher = client();
    teacher.signUpTeacher("Fern Form", "fern@school.test", "form password");
    teacher.get("/classes");
    database.execute("update session set last_seen_at = now() - interval '2 hours' where role = 'teacher' and user_id = "
        + "(select id from teacher where email = 'fern@school.test')");

    HttpResponse<Buffer> sent = teacher.postForm("/classes", Map.of("name", "Made after sign-out"));

    assertThat(sent.statusCode()).isEqualTo(403);
    assertThat(sent.bodyAsString()).contains("Signed out", "Sign in again, then send the form again",
        "href=\"/signin\"", "href=\"/student/signin\"");
    assertThat(database.queryLong("select count(*) from class where name = 'Made after sign-out'")).isZero();
  }

  @Test
  @DisplayName("a student whose session ended before pressing Start is told to sign in again, and no attempt begins")
  void startAfterSessionEnded() {
    TestClient teacher = client();
    teacher.signUpTeacher("Sam Start", "sam@school.test", "start password");
    long quizId = quizWithStudent("sam@school.test", "STRT22", "Late Starter", "null");
    TestClient student = client();
    assertThat(student.signInStudent("STRT22", "Late Starter", "start password").statusCode()).isEqualTo(303);
    student.get("/student");
    database.execute("delete from session where role = 'student' and user_id = "
        + "(select id from student where display_name = 'Late Starter')");

    HttpResponse<Buffer> form = student.postForm("/quizzes/" + quizId + "/start", Map.of());
    HttpResponse<Buffer> api = student.request(HttpMethod.POST, "/api/attempts/1/submit")
        .putHeader("X-CSRF-Token", "a token of the ended session").send().await();

    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(form.bodyAsString()).contains("Signed out", "nothing was changed", "href=\"/student/signin\"");
    assertThat(api.statusCode()).as("a page's script is told the session ended, as the guard tells it").isEqualTo(401);
    assertThat(api.bodyAsJsonObject().getString("error")).isEqualTo("signed-out");
    assertThat(database.queryLong("select count(*) from attempt where quiz_id = " + quizId)).isZero();
  }

  @Test
  @DisplayName("a form from a page opened before the last sign-in is refused as out of date, and nothing is made")
  void staleForm() {
    TestClient teacher = client();
    teacher.signUpTeacher("Olga Old", "olga@school.test", "stale password");
    String oldToken = teacher.csrf();
    teacher.postForm("/signout", Map.of());
    teacher.get("/signin");
    teacher.postForm("/signin", Map.of("email", "olga@school.test", "password", "stale password"));

    HttpResponse<Buffer> sent = teacher.postRawForm("/classes", Map.of("_csrf", oldToken, "name", "From an old page"));

    assertThat(sent.statusCode()).isEqualTo(403);
    assertThat(sent.bodyAsString()).contains("Form out of date", "Reload the page, then send the form again")
        .doesNotContain("href=\"/signin\"");
    assertThat(database.queryLong("select count(*) from class where name = 'From an old page'")).isZero();
  }

  @Test
  @DisplayName("a page carries the security headers, with no inline script allowed")
  void headers() {
    HttpResponse<Buffer> page = client().get("/");
    assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
  }
}
