package io.quizworks.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.quizworks.system.Config;
import io.quizworks.system.DatabaseClients;
import io.quizworks.system.HttpVerticle;
import io.quizworks.system.Quizworks;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind of error the server gives — 400, 403, 404, 405-like wrong methods, 413 and 500, as pages and as
 * JSON — is scanned, body and headers, for what would tell an attacker about the inside: a stack trace, an
 * exception or class name, a source file, SQL, or a path on the server.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Error pages and JSON errors show no stack trace, class name, SQL or file path")
class ErrorDisclosureTest {
  /** Texts that only internals contain. Case matters: "Select" in prose is fine, SQL keywords in capitals are not. */
  private static final List<String> LEAKS = List.of("Exception", "at io.", "at java.", "\tat ", ".java", "SELECT",
      "INSERT", "UPDATE ", "/work/", "/tmp/", "/home/", "/root/", "io.vertx", "io.netty", "io.quizworks", "java.lang",
      "java.util", "org.postgresql", "freemarker", "SQLSTATE", "Caused by", "Pool closed", "relation \"",
      "duplicate key", "violates", "syntax error", "quizworks-uploads", "file-uploads", "template");
  /** SQL in lower case: "select " that is not an HTML select element. */
  private static final Pattern LOWER_SQL = Pattern.compile("(?<![<\\w])(select|insert into|delete from) ");

  private static SecuritySchool school;
  private static TestClient teacher;
  private static TestClient student;
  private static long classId;
  private static long attemptId;
  /** One position of each question type the attempt drew. */
  private static List<Integer> positions;

  @BeforeAll
  static void start(Vertx vertx) {
    school = SecuritySchool.start(vertx);
    teacher = school.teacher("Error Teacher", "errors@security.test");
    classId = school.classOf(school.teacherId("errors@security.test"), "Error class");
    school.student(classId, "Erin Student");
    long bank = school.bankId("manufacturing-roles");
    long quiz = school.quiz(teacher, classId, bank, Map.of("title", "Every type"));
    student = school.signInStudent(classId, "Erin Student");
    attemptId = SecuritySchool.start(student, quiz);
    positions = school.texts("select min(aq.position) from attempt_question aq join question q on q.id = aq.question_id "
        + "where aq.attempt_id = " + attemptId + " group by q.type order by 1").stream().map(Integer::valueOf).toList();
  }

  @AfterAll
  static void stop() {
    school.close();
  }

  private static void assertNoLeak(String what, HttpResponse<Buffer> response) {
    String body = response.body() == null ? "" : response.bodyAsString();
    String everything = response.headers().toString() + "\n" + body;
    assertThat(everything).as(what + " (" + response.statusCode() + ")").doesNotContain(LEAKS);
    assertThat(LOWER_SQL.matcher(everything).find()).as(what + ": SQL in " + body).isFalse();
  }

  /** An error answered as a page: status, an HTML page in plain words, nothing internal. */
  private static void assertErrorPage(String what, HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(what + ": " + response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).as(what).isEqualTo("text/html; charset=utf-8");
    assertThat(response.bodyAsString()).as(what).contains("<h1>");
    assertNoLeak(what, response);
  }

  /** An error answered as JSON: status, an object with a message, nothing internal. */
  private static void assertJsonError(String what, HttpResponse<Buffer> response, int status) {
    assertThat(response.statusCode()).as(what + ": " + response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).as(what).startsWith("application/json");
    assertThat(response.bodyAsJsonObject().getString("message")).as(what).isNotBlank();
    assertNoLeak(what, response);
  }

  @Test
  @DisplayName("400: a refused export option as a page; malformed, mistyped and oversized-number saves as JSON")
  void badRequests() {
    assertErrorPage("unknown format", teacher.get("/classes/" + classId + "/gradebook.csv?format=xlsx"), 400);
    String save = "/api/attempts/" + attemptId + "/answers/1";
    for (String body : List.of("{not json", "[]", "\"text\"", "null", "{\"seq\":", "{\"seq\": \"six\"}",
        "{\"seq\": 1, \"flagged\": \"yes\"}", "{\"seq\": -5}", "\u0000", "{\"seq\": {\"$gt\": 0}}")) {
      HttpResponse<Buffer> response = student.request(HttpMethod.PUT, save).putHeader("X-CSRF-Token", student.csrf())
          .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)).await();
      assertJsonError("save body " + body, response, 400);
    }
  }

  @Test
  @DisplayName("400: every answer shape that does not fit a question, at every position, is refused in words")
  void answerShapes() {
    List<Object> values = new ArrayList<>(Arrays.asList(null, true, 5, -1.5, 1e308, "A", "", "Z", "x".repeat(5000),
        "\u0000", new JsonArray(), new JsonArray().add("A"), new JsonArray().add(1).add(2),
        new JsonArray().add(new JsonArray()), new JsonArray().add(new JsonObject()), new JsonObject(),
        new JsonObject().put("A", "x"), new JsonObject().put("A", new JsonArray()), "99999999999999999999999999.5"));
    List<String> fields = List.of("choice", "choices", "value", "text", "number", "order", "pairs", "__proto__");
    long seq = 1;
    int refused = 0;
    assertThat(positions).hasSizeGreaterThanOrEqualTo(5);
    for (int position : positions) {
      for (String field : fields) {
        for (Object value : values) {
          JsonObject answer = new JsonObject().put(field, value);
          HttpResponse<Buffer> response = SecuritySchool.save(student, attemptId, position, seq++, answer);
          assertThat(response.statusCode()).as(answer.encode()).isIn(200, 400);
          if (response.statusCode() == 400) {
            refused++;
            assertJsonError("answer " + field + " = " + value + " at " + position, response, 400);
          }
        }
      }
    }
    assertThat(refused).isGreaterThan(positions.size() * 100);
  }

  @Test
  @DisplayName("403: a form without its token is a page, a save without its token or from another origin is JSON")
  void forbidden() {
    assertErrorPage("form without token", teacher.postRawForm("/classes", Map.of("name", "No token")), 403);
    HttpResponse<Buffer> noToken = student.request(HttpMethod.PUT, "/api/attempts/" + attemptId + "/answers/1")
        .sendJsonObject(new JsonObject().put("seq", 1).put("answer", new JsonObject())).await();
    assertJsonError("save without token", noToken, 403);
    HttpResponse<Buffer> otherOrigin = student.request(HttpMethod.POST, "/api/attempts/" + attemptId + "/submit")
        .putHeader("X-CSRF-Token", student.csrf()).putHeader("Origin", "https://evil.example").send().await();
    assertJsonError("submit from another origin", otherOrigin, 403);
  }

  @Test
  @DisplayName("404: an unknown page, an unknown API address, and paths that climb out of the static folder")
  void notFound() {
    assertErrorPage("unknown page", teacher.get("/no/such/page"), 404);
    assertErrorPage("unknown bank", teacher.get("/banks/no-such-bank"), 404);
    assertJsonError("unknown API address", student.json(HttpMethod.GET, "/api/nothing/here", null), 404);
    assertJsonError("unknown attempt", student.json(HttpMethod.GET, "/api/attempts/999999/time", null), 404);
    for (String path : List.of("/static/../pom.xml", "/static/..%2f..%2fpom.xml", "/static/%2e%2e/%2e%2e/pom.xml",
        "/static/..%5c..%5cpom.xml", "/static/....//....//pom.xml", "/static/%252e%252e/pom.xml",
        "/static/../src/main/resources/logback.xml", "/static/%2e%2e/%2e%2e/etc/passwd", "/static//etc/passwd")) {
      HttpResponse<Buffer> response = school.browser().get(path);
      assertThat(response.statusCode()).as(path).isIn(400, 404);
      assertThat(response.bodyAsString()).as(path).doesNotContain("<artifactId>", "<configuration>", "root:x:0");
      assertNoLeak(path, response);
    }
  }

  @Test
  @DisplayName("wrong methods on real routes and malformed addresses are refused without internals")
  void wrongMethodsAndAddresses() {
    for (HttpMethod method : List.of(HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.PUT, HttpMethod.TRACE,
        HttpMethod.OPTIONS)) {
      for (String path : List.of("/banks", "/classes/" + classId, "/api/attempts/" + attemptId + "/time")) {
        HttpResponse<Buffer> response = teacher.request(method, path).putHeader("X-CSRF-Token", teacher.csrf()).send()
            .await();
        assertThat(response.statusCode()).as(method + " " + path).isIn(403, 404, 405);
        assertNoLeak(method + " " + path, response);
      }
    }
    for (String path : List.of("/%", "/banks/%zz", "/quizzes/%c0%af", "/classes/1%00", "/banks/%00",
        "/attempts/%ff%fe", "/quizzes/" + "9".repeat(400), "/banks/" + "a".repeat(4000))) {
      HttpResponse<Buffer> response = teacher.get(path);
      assertThat(response.statusCode()).as(path + ": " + response.bodyAsString()).isIn(400, 404, 414);
      assertNoLeak(path, response);
    }
  }

  @Test
  @DisplayName("a NUL character, which PostgreSQL cannot store, in a form, an answer or an address is a 400 in "
      + "words, never a 500 the quiz page would retry for ever")
  void nulCharacters() {
    teacher.get("/teacher");
    Map<String, String> before = school.fingerprint();
    assertErrorPage("class name with NUL", teacher.postForm("/classes", Map.of("name", "Period\u00001")), 400);
    TestClient visitor = school.browser();
    visitor.get("/signin");
    assertErrorPage("sign-in with NUL", visitor.postForm("/signin", Map.of("email", "a\u0000@b.test", "password",
        "x")), 400);
    TestClient joiner = school.browser();
    joiner.get("/join");
    assertErrorPage("join with NUL", joiner.postForm("/join", Map.of("code", school.joinCode(classId), "name",
        "Nul\u0000Name", "password", SecuritySchool.STUDENT_PASSWORD)), 400);
    assertErrorPage("bank address with NUL", teacher.get("/banks/%00"), 400);
    int shortAnswer = (int) school.positionOf(attemptId, "short_answer");
    HttpResponse<Buffer> answer = SecuritySchool.save(student, attemptId, shortAnswer, 1_000_000,
        new JsonObject().put("text", "a\u0000b"));
    assertJsonError("answer with NUL", answer, 400);
    assertThat(answer.bodyAsJsonObject().getString("message")).contains("NUL");
    assertThat(school.fingerprint()).isEqualTo(before);
  }

  @Test
  @DisplayName("413: an oversized upload is a page and an oversized save is JSON; an oversized plain form is a 400")
  void tooLarge() {
    byte[] big = new byte[5 * 1024 * 1024];
    Arrays.fill(big, (byte) 'x');
    teacher.get("/classes/" + classId);
    assertErrorPage("oversized upload", teacher.postMultipart("/classes/" + classId + "/roster",
        MultipartForm.create().binaryFileUpload("roster", "roster.csv", Buffer.buffer(big),
            "text/csv")), 413);
    String huge = "x".repeat(5 * 1024 * 1024);
    HttpResponse<Buffer> save = SecuritySchool.save(student, attemptId, 1, 1, new JsonObject().put("text", huge));
    assertJsonError("oversized save", save, 413);
    // The HTTP server's own limits on a urlencoded form (field size, field count) answer before the body limit.
    assertErrorPage("oversized form field", teacher.postForm("/classes", Map.of("name", huge)), 400);
  }

  @Test
  @DisplayName("500: with the database gone, a page is a plain apology and a save is a JSON error, with no internals")
  void serverErrors(Vertx vertx) {
    Pool pool = Quizworks.pool(vertx, school.database.options());
    Config config = Config.of(0, school.database.options(), Path.of("questions"));
    HttpServer broken = vertx.createHttpServer()
        .requestHandler(HttpVerticle.router(vertx, DatabaseClients.sharing(pool), config))
        .listen(0).await();
    pool.close().await();
    try {
      TestClient brokenTeacher = new TestClient(vertx, broken.actualPort());
      brokenTeacher.cookies().putAll(teacher.cookies());
      TestClient brokenStudent = new TestClient(vertx, broken.actualPort());
      brokenStudent.cookies().putAll(student.cookies());

      assertErrorPage("teacher page", brokenTeacher.get("/teacher"), 500);
      assertErrorPage("class page", brokenTeacher.get("/classes/" + classId), 500);
      HttpResponse<Buffer> form = brokenTeacher.request(HttpMethod.POST, "/classes")
          .sendForm(MultiMap.caseInsensitiveMultiMap().add("name", "x").add("_csrf", teacher.csrf()))
          .await();
      assertErrorPage("class form", form, 500);
      HttpResponse<Buffer> save = brokenStudent.request(HttpMethod.PUT, "/api/attempts/" + attemptId + "/answers/1")
          .putHeader("X-CSRF-Token", student.csrf()).putHeader("Accept", "application/json")
          .sendJsonObject(new JsonObject().put("seq", 1).put("answer", new JsonObject().put("value", true))).await();
      assertJsonError("save", save, 500);
      assertThat(save.bodyAsJsonObject().containsKey("saved")).as("never a success for an answer not stored").isFalse();
      HttpResponse<Buffer> attempt = brokenStudent.get("/attempts/" + attemptId);
      assertErrorPage("attempt page", attempt, 500);

      TestClient signedOut = new TestClient(vertx, broken.actualPort());
      HttpResponse<Buffer> signIn = signedOut.request(HttpMethod.POST, "/signin")
          .putHeader("Cookie", "__Host-qw-csrf=abc")
          .sendForm(MultiMap.caseInsensitiveMultiMap().add("email", "a@b.test").add("password", "x")
              .add("_csrf", "abc")).await();
      assertThat(signIn.statusCode()).isEqualTo(500);
      assertNoLeak("sign-in", signIn);
      HttpResponse<Buffer> health = signedOut.get("/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertNoLeak("health", health);
      brokenTeacher.close();
      brokenStudent.close();
      signedOut.close();
    } finally {
      broken.close().await();
    }
  }
}
