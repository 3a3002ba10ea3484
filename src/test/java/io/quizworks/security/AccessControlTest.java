package io.quizworks.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.CapturedLog;
import io.quizworks.support.TestClient;
import io.quizworks.system.Config;
import io.quizworks.system.HttpVerticle;
import io.quizworks.web.Guards;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may reach what, route by route. Two teachers, A and B, each with a class; A's class has a private bank
 * of A's, a quiz drawn from it and attempts by three students, one of whom (Mallory) attacks; B attacks A.
 * The route list is {@link #ROUTES}, checked against the application's router so a new route cannot be
 * left out of these tests.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Access control: enumerated ids, wrong roles and other teachers' things")
class AccessControlTest {
  /** Who a route is for. */
  enum Role { ANYONE, TEACHER, STUDENT }

  /** The form, file or JSON a route is sent, well formed so that only ownership can be the reason to refuse it. */
  private record Endpoint(HttpMethod method, String template, Role role, Supplier<Object> body) {
    String key() {
      return method.name() + " " + template;
    }

    /** Routes whose address names a class, quiz, attempt, question, bank or upload, which someone owns. */
    boolean scoped() {
      return template.contains(":");
    }
  }

  private static final String SECRET_FEEDBACK = "SECRET-FEEDBACK-7f3a";
  private static final String SECRET_ANSWER = "secret-answer-7f3a";
  private static final String SECRET_BANK = "Secret Bank Of Ada";
  private static final String SECRET_CLASS = "Ada's Period 7f3a";
  private static final String SECRET_QUIZ = "Ada's Quiz 7f3a";
  private static final String ALICE = "Alice Owner";
  private static final String BANK_CSV = "id,type,topic,difficulty,points,prompt,choice_a,choice_b,answer,feedback\n"
      + "s-tf,true_false,Secrets,easy,1,Ada's true or false question.,,,true," + SECRET_FEEDBACK + "-tf\n"
      + "s-sc,single_choice,Secrets,easy,1,Ada's single choice question.,Left,Right,B," + SECRET_FEEDBACK + "-sc\n"
      + "s-sa,short_answer,Secrets,easy,1,Ada's short answer question.,,," + SECRET_ANSWER + "," + SECRET_FEEDBACK
      + "-sa\n";

  private static SecuritySchool school;
  private static TestClient ada;
  private static TestClient ben;
  private static TestClient mallory;
  private static long adaId;
  private static long benId;
  private static long malloryId;
  private static long adaClass;
  private static long benClass;
  private static long alice;
  private static long sharedBank;
  private static String secretSlug;
  private static String pendingUpload;
  private static long adaQuiz;
  private static long benQuiz;
  private static long submittedAttempt;
  private static long openAttempt;
  private static long malloryAttempt;
  private static long questionId;

  /**
   * Every route the application serves, by method and address as its router names them, with who it is
   * for and a body that the route would accept from its owner.
   */
  private static final List<Endpoint> ROUTES = List.of(
      route(HttpMethod.GET, "/health", Role.ANYONE),
      route(HttpMethod.GET, "/", Role.ANYONE),
      route(HttpMethod.GET, "/signup", Role.ANYONE),
      route(HttpMethod.POST, "/signup", Role.ANYONE),
      route(HttpMethod.GET, "/signin", Role.ANYONE),
      route(HttpMethod.POST, "/signin", Role.ANYONE),
      route(HttpMethod.GET, "/student/signin", Role.ANYONE),
      route(HttpMethod.POST, "/student/signin", Role.ANYONE),
      route(HttpMethod.POST, "/signout", Role.ANYONE),
      route(HttpMethod.GET, "/join", Role.ANYONE),
      route(HttpMethod.POST, "/join", Role.ANYONE),
      route(HttpMethod.GET, "/student/setup", Role.ANYONE),
      route(HttpMethod.POST, "/student/setup", Role.ANYONE),

      route(HttpMethod.GET, "/banks", Role.TEACHER),
      route(HttpMethod.GET, "/banks/:slug", Role.TEACHER),
      route(HttpMethod.GET, "/banks/:slug/download", Role.TEACHER),
      route(HttpMethod.GET, "/banks/upload", Role.TEACHER),
      new Endpoint(HttpMethod.POST, "/banks/upload", Role.TEACHER, () -> MultipartForm.create()
          .attribute("title", "Hijacked bank").attribute("bank", secretSlug)
          .binaryFileUpload("file", "bank.csv", Buffer.buffer(BANK_CSV.replace("Ada's", "Hijacked")), "text/csv")),
      route(HttpMethod.GET, "/banks/upload/:id", Role.TEACHER),
      route(HttpMethod.POST, "/banks/upload/:id/confirm", Role.TEACHER),
      route(HttpMethod.GET, "/teacher", Role.TEACHER),
      form(HttpMethod.POST, "/classes", Role.TEACHER, () -> Map.of("name", "Hijacked class")),
      route(HttpMethod.GET, "/classes/:classId", Role.TEACHER),
      route(HttpMethod.POST, "/classes/:classId/join-code", Role.TEACHER),
      new Endpoint(HttpMethod.POST, "/classes/:classId/roster", Role.TEACHER, () -> MultipartForm.create()
          .binaryFileUpload("roster", "roster.csv", Buffer.buffer("student_id,name\nX-1,Eve Intruder\n"), "text/csv")),
      form(HttpMethod.POST, "/classes/:classId/students/:studentId/allowance", Role.TEACHER,
          () -> Map.of("allowance", "3")),
      route(HttpMethod.POST, "/classes/:classId/students/:studentId/setup-code", Role.TEACHER),
      route(HttpMethod.GET, "/classes/:classId/quizzes/new", Role.TEACHER),
      form(HttpMethod.POST, "/classes/:classId/quizzes", Role.TEACHER, () -> Map.of("title", "Hijacked quiz",
          "bank", String.valueOf(sharedBank), "questionCount", "1", "timeLimit", "10", "attemptsAllowed", "1",
          "gradingMethod", "highest", "reviewPolicy", "full", "reviewWhen", "immediately")),
      route(HttpMethod.GET, "/quizzes/:quizId", Role.TEACHER),
      form(HttpMethod.POST, "/quizzes/:quizId/attempts/:attemptId/minutes", Role.TEACHER,
          () -> Map.of("minutes", "30")),
      route(HttpMethod.GET, "/quizzes/:quizId/results", Role.TEACHER),
      route(HttpMethod.GET, "/quizzes/:quizId/attempts/:attemptId", Role.TEACHER),
      form(HttpMethod.POST, "/quizzes/:quizId/attempts/:attemptId/questions/:questionId/override", Role.TEACHER,
          () -> Map.of("points", "0", "reason", "hijacked")),
      route(HttpMethod.GET, "/quizzes/:quizId/questions/:questionId/key", Role.TEACHER),
      form(HttpMethod.POST, "/quizzes/:quizId/questions/:questionId/key/preview", Role.TEACHER,
          () -> Map.of("answer", "false", "reason", "hijacked")),
      form(HttpMethod.POST, "/quizzes/:quizId/questions/:questionId/key", Role.TEACHER,
          () -> Map.of("answer", "false", "reason", "hijacked")),
      route(HttpMethod.GET, "/quizzes/:quizId/analysis", Role.TEACHER),
      route(HttpMethod.GET, "/quizzes/:quizId/analysis.csv", Role.TEACHER),
      route(HttpMethod.GET, "/classes/:classId/exports", Role.TEACHER),
      route(HttpMethod.GET, "/classes/:classId/gradebook.csv", Role.TEACHER),
      route(HttpMethod.GET, "/quizzes/:quizId/results.csv", Role.TEACHER),
      route(HttpMethod.GET, "/quizzes/:quizId/responses.csv", Role.TEACHER),

      route(HttpMethod.GET, "/student", Role.STUDENT),
      route(HttpMethod.POST, "/quizzes/:quizId/start", Role.STUDENT),
      route(HttpMethod.GET, "/attempts/:attemptId", Role.STUDENT),
      route(HttpMethod.POST, "/attempts/:attemptId/submit", Role.STUDENT),
      route(HttpMethod.GET, "/attempts/:attemptId/result", Role.STUDENT),
      json(HttpMethod.POST, "/api/quizzes/:quizId/start", new JsonObject()),
      json(HttpMethod.PUT, "/api/attempts/:attemptId/answers/:position",
          new JsonObject().put("seq", 99).put("answer", new JsonObject().put("value", false)).put("flagged", true)),
      route(HttpMethod.GET, "/api/attempts/:attemptId/time", Role.STUDENT),
      json(HttpMethod.POST, "/api/attempts/:attemptId/submit", new JsonObject()));

  private static Endpoint route(HttpMethod method, String template, Role role) {
    return new Endpoint(method, template, role, () -> method == HttpMethod.GET ? null : Map.of());
  }

  private static Endpoint form(HttpMethod method, String template, Role role, Supplier<Map<String, String>> fields) {
    return new Endpoint(method, template, role, fields::get);
  }

  private static Endpoint json(HttpMethod method, String template, JsonObject body) {
    return new Endpoint(method, template, Role.STUDENT, () -> body);
  }

  @BeforeAll
  static void start(Vertx vertx) {
    school = SecuritySchool.start(vertx);
    ada = school.teacher("Ada Teacher", "ada@security.test");
    ben = school.teacher("Ben Teacher", "ben@security.test");
    adaId = school.teacherId("ada@security.test");
    benId = school.teacherId("ben@security.test");
    adaClass = school.classOf(adaId, SECRET_CLASS);
    benClass = school.classOf(benId, "Ben's class");
    alice = school.student(adaClass, ALICE);
    malloryId = school.student(adaClass, "Mallory Student");
    school.student(adaClass, "Carol Student");
    school.student(benClass, "Bob Student");
    sharedBank = school.bankId("manufacturing-roles");

    secretSlug = school.ownBank(ada, SECRET_BANK, BANK_CSV);
    pendingUpload = school.pendingBank(ada, "Ada's waiting upload", BANK_CSV.replace("Ada's", "Waiting"));
    adaQuiz = school.quiz(ada, adaClass, school.bankId(secretSlug), Map.of("title", SECRET_QUIZ,
        "shuffleQuestions", ""));
    benQuiz = school.quiz(ben, benClass, sharedBank, Map.of("title", "Ben's quiz", "questionCount", "3"));

    TestClient aliceClient = school.signInStudent(adaClass, ALICE);
    submittedAttempt = SecuritySchool.start(aliceClient, adaQuiz);
    SecuritySchool.save(aliceClient, submittedAttempt, (int) school.positionOf(submittedAttempt, "true_false"), 1,
        new JsonObject().put("value", true));
    SecuritySchool.submit(aliceClient, submittedAttempt);
    openAttempt = SecuritySchool.start(aliceClient, adaQuiz);
    SecuritySchool.save(aliceClient, openAttempt, (int) school.positionOf(openAttempt, "true_false"), 1,
        new JsonObject().put("value", true));
    SecuritySchool.start(school.signInStudent(adaClass, "Carol Student"), adaQuiz);
    SecuritySchool.start(school.signInStudent(benClass, "Bob Student"), benQuiz);
    mallory = school.signInStudent(adaClass, "Mallory Student");
    malloryAttempt = SecuritySchool.start(mallory, adaQuiz);
    questionId = school.number("select q.id from question q join bank b on b.id = q.bank_id where b.slug = '"
        + secretSlug + "' and q.ref = 's-tf'");
  }

  @AfterAll
  static void stop() {
    school.close();
  }

  /** The route's address with the ids of Ada's things (Alice's attempt, the question Ada's quiz drew). */
  private static String adasPath(Endpoint endpoint) {
    String attempt = endpoint.role() == Role.STUDENT ? String.valueOf(openAttempt) : String.valueOf(submittedAttempt);
    return endpoint.template()
        .replace(":classId", String.valueOf(adaClass))
        .replace(":studentId", String.valueOf(alice))
        .replace(":quizId", String.valueOf(adaQuiz))
        .replace(":attemptId", attempt)
        .replace(":questionId", String.valueOf(questionId))
        .replace(":position", "1")
        .replace(":slug", secretSlug)
        .replace(":id", pendingUpload.substring(pendingUpload.lastIndexOf('/') + 1));
  }

  private static HttpResponse<Buffer> send(TestClient client, HttpMethod method, String path, Object body) {
    if (path.startsWith("/api/")) {
      return client.json(method, path, body instanceof JsonObject json ? json : null);
    }
    if (method == HttpMethod.GET) {
      return client.get(path);
    }
    if (body instanceof MultipartForm multipart) {
      return client.postMultipart(path, multipart);
    }
    @SuppressWarnings("unchecked")
    Map<String, String> fields = (Map<String, String>) body;
    return client.postForm(path, fields);
  }

  private static HttpResponse<Buffer> send(TestClient client, Endpoint endpoint) {
    return send(client, endpoint.method(), adasPath(endpoint), endpoint.body().get());
  }

  /** What must never reach anyone but Ada (and, for her own attempt, Alice). */
  private static void assertNothingOfAdas(String what, HttpResponse<Buffer> response) {
    String everything = response.headers().toString() + (response.body() == null ? "" : response.bodyAsString());
    assertThat(everything).as(what).doesNotContain(SECRET_FEEDBACK, SECRET_ANSWER, SECRET_BANK, SECRET_CLASS,
        SECRET_QUIZ, ALICE, school.joinCode(adaClass));
  }

  @Test
  @DisplayName("the route list of these tests is the application's: every route the router serves is in it")
  void routeListIsComplete(Vertx vertx) {
    Config config = Config.of(0, school.database.options(), Path.of("questions"));
    Set<String> served = new TreeSet<>();
    for (Route route : HttpVerticle.router(vertx, school.app.clients(), config).getRoutes()) {
      if (route.methods() == null || route.methods().isEmpty() || !route.isExactPath()) {
        continue; // handlers on every request or a prefix: headers, body, session, CSRF, static files, not found
      }
      route.methods().forEach(method -> served.add(method.name() + " " + route.getName()));
    }
    Set<String> listed = ROUTES.stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
    assertThat(listed).as("routes in ROUTES; add a new route there with who it is for").isEqualTo(served);
  }

  @Test
  @DisplayName("a student guessing attempt ids and question positions reads, saves to, times and submits none "
      + "but their own, and nothing changes")
  void studentEnumeratesAttempts() {
    Map<String, String> before = school.fingerprint();
    long last = school.number("select max(id) from attempt");
    List<String> ids = new ArrayList<>();
    for (long id = 1; id <= last + 3; id++) {
      if (id != malloryAttempt) {
        ids.add(String.valueOf(id));
      }
    }
    ids.addAll(List.of("0", "-1", "abc", "99999999999999999999", submittedAttempt + ".0", "%20" + openAttempt));
    int requests = 0;
    for (String id : ids) {
      List<HttpResponse<Buffer>> responses = new ArrayList<>();
      responses.add(mallory.get("/attempts/" + id));
      responses.add(mallory.get("/attempts/" + id + "/result"));
      responses.add(mallory.postForm("/attempts/" + id + "/submit", Map.of()));
      responses.add(mallory.json(HttpMethod.GET, "/api/attempts/" + id + "/time", null));
      responses.add(mallory.json(HttpMethod.POST, "/api/attempts/" + id + "/submit", new JsonObject()));
      for (int position = 0; position <= 4; position++) {
        responses.add(mallory.json(HttpMethod.PUT, "/api/attempts/" + id + "/answers/" + position, new JsonObject()
            .put("seq", 50).put("answer", new JsonObject().put("value", false)).put("flagged", true)));
        responses.add(mallory.json(HttpMethod.PUT, "/api/attempts/" + id + "/answers/" + position, new JsonObject()
            .put("seq", 51).put("answer", new JsonObject().put("choice", "A"))));
      }
      for (HttpResponse<Buffer> response : responses) {
        requests++;
        assertThat(response.statusCode()).as("attempt " + id + ": " + response.bodyAsString()).isEqualTo(404);
        assertNothingOfAdas("attempt " + id, response);
      }
    }
    assertThat(requests).isGreaterThan(100);
    assertThat(school.fingerprint()).isEqualTo(before);
  }

  @Test
  @DisplayName("a student's own attempt refuses question positions it does not have, however they are written")
  void studentEnumeratesPositions() {
    long questions = school.number("select count(*) from attempt_question where attempt_id = " + malloryAttempt);
    Map<String, String> before = school.fingerprint();
    List<String> positions = new ArrayList<>(List.of("0", "-1", String.valueOf(questions + 1), "999", "2147483647",
        "2147483648", "4294967297", "-4294967295", "99999999999999999999", "1.0", "one", "+1e0"));
    for (String position : positions) {
      HttpResponse<Buffer> response = mallory.json(HttpMethod.PUT, "/api/attempts/" + malloryAttempt + "/answers/"
          + position, new JsonObject().put("seq", 7).put("answer", new JsonObject().put("value", true)));
      assertThat(response.statusCode()).as("position " + position + ": " + response.bodyAsString()).isEqualTo(404);
    }
    assertThat(school.fingerprint()).isEqualTo(before);
    HttpResponse<Buffer> own = SecuritySchool.save(mallory, malloryAttempt,
        (int) school.positionOf(malloryAttempt, "true_false"), 1, new JsonObject().put("value", true));
    assertThat(own.statusCode()).as("her own question saves").isEqualTo(200);
  }

  @Test
  @DisplayName("a student starts no quiz of another class, by page or JSON, and learns nothing about it")
  void studentEnumeratesQuizzes() {
    Map<String, String> before = school.fingerprint();
    long last = school.number("select max(id) from quiz");
    for (long id = 0; id <= last + 2; id++) {
      if (id == adaQuiz) {
        continue;
      }
      HttpResponse<Buffer> page = mallory.postForm("/quizzes/" + id + "/start", Map.of());
      HttpResponse<Buffer> api = mallory.json(HttpMethod.POST, "/api/quizzes/" + id + "/start", new JsonObject());
      assertThat(page.statusCode()).as("quiz " + id).isEqualTo(404);
      assertThat(api.statusCode()).as("quiz " + id).isEqualTo(404);
      assertThat(page.bodyAsString() + api.bodyAsString()).doesNotContain("Ben's quiz");
    }
    assertThat(school.fingerprint()).isEqualTo(before);
  }

  @Test
  @DisplayName("a student of the teacher's own class reaches no teacher route, GET or POST, with any id")
  void studentOnTeacherRoutes() {
    Map<String, String> before = school.fingerprint();
    int checked = 0;
    for (Endpoint endpoint : ROUTES) {
      if (endpoint.role() != Role.TEACHER) {
        continue;
      }
      HttpResponse<Buffer> response = send(mallory, endpoint);
      assertThat(response.statusCode()).as(endpoint.key() + ": " + response.bodyAsString()).isEqualTo(404);
      assertThat(response.getHeader("Content-Disposition")).as(endpoint.key()).isNull();
      assertNothingOfAdas(endpoint.key(), response);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(30);
    assertThat(school.fingerprint()).isEqualTo(before);
  }

  @Test
  @DisplayName("a teacher reaches no student route, not even for an attempt in their own quiz")
  void teacherOnStudentRoutes() {
    Map<String, String> before = school.fingerprint();
    for (Endpoint endpoint : ROUTES) {
      if (endpoint.role() != Role.STUDENT) {
        continue;
      }
      HttpResponse<Buffer> response = send(ada, endpoint);
      assertThat(response.statusCode()).as(endpoint.key() + ": " + response.bodyAsString()).isEqualTo(404);
    }
    assertThat(school.fingerprint()).isEqualTo(before);
  }

  @Test
  @DisplayName("another teacher gets 404 for every route of a teacher's class, quiz, attempt, question, bank and "
      + "upload, GET and POST, and no table changes")
  void otherTeacherOnEveryRoute() {
    Map<String, String> before = school.fingerprint();
    int checked = 0;
    for (Endpoint endpoint : ROUTES) {
      if (endpoint.role() != Role.TEACHER || !endpoint.scoped()) {
        continue;
      }
      HttpResponse<Buffer> response = send(ben, endpoint);
      assertThat(response.statusCode()).as(endpoint.key() + ": " + response.bodyAsString()).isEqualTo(404);
      assertThat(response.getHeader("Content-Disposition")).as(endpoint.key()).isNull();
      assertNothingOfAdas(endpoint.key(), response);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(25);
    // Ada's ids mixed with Ben's own: his quiz with her attempt or her question, his class with her student.
    String ownQuiz = "/quizzes/" + benQuiz;
    for (String path : List.of(ownQuiz + "/attempts/" + submittedAttempt, ownQuiz + "/questions/" + questionId + "/key")) {
      assertThat(ben.get(path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(ben.postForm(ownQuiz + "/attempts/" + openAttempt + "/minutes", Map.of("minutes", "30")).statusCode())
        .isEqualTo(404);
    assertThat(ben.postForm(ownQuiz + "/attempts/" + submittedAttempt + "/questions/" + questionId + "/override",
        Map.of("points", "0", "reason", "hijacked")).statusCode()).isEqualTo(404);
    assertThat(ben.postForm(ownQuiz + "/questions/" + questionId + "/key", Map.of("answer", "false", "reason",
        "hijacked")).statusCode()).isEqualTo(404);
    assertThat(ben.postForm("/classes/" + benClass + "/students/" + alice + "/allowance", Map.of("allowance", "4"))
        .statusCode()).isEqualTo(404);
    // A quiz of his own drawn from her private bank is refused as naming no bank he may use.
    HttpResponse<Buffer> stolenBank = ben.postForm("/classes/" + benClass + "/quizzes", Map.of("title", "From Ada's bank",
        "bank", String.valueOf(school.bankId(secretSlug)), "questionCount", "1", "timeLimit", "10",
        "attemptsAllowed", "1", "gradingMethod", "highest", "reviewPolicy", "full", "reviewWhen", "immediately"));
    assertThat(stolenBank.statusCode()).isEqualTo(400);
    assertNothingOfAdas("quiz from Ada's bank", stolenBank);
    // His own lists show none of her things.
    for (String path : List.of("/teacher", "/banks", "/banks/upload", "/classes/" + benClass + "/quizzes/new")) {
      HttpResponse<Buffer> response = ben.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertNothingOfAdas(path, response);
    }
    assertThat(school.fingerprint()).isEqualTo(before);
  }

  @Test
  @DisplayName("another teacher enumerating class and quiz ids finds only their own")
  void otherTeacherEnumerates() {
    long lastClass = school.number("select max(id) from class");
    long lastQuiz = school.number("select max(id) from quiz");
    for (long id = 0; id <= lastClass + 2; id++) {
      int status = ben.get("/classes/" + id).statusCode();
      assertThat(status).as("class " + id).isEqualTo(id == benClass ? 200 : 404);
      assertThat(ben.get("/classes/" + id + "/gradebook.csv").statusCode()).as("class " + id)
          .isEqualTo(id == benClass ? 200 : 404);
    }
    for (long id = 0; id <= lastQuiz + 2; id++) {
      for (String page : List.of("", "/results", "/analysis", "/results.csv", "/responses.csv", "/analysis.csv")) {
        assertThat(ben.get("/quizzes/" + id + page).statusCode()).as("quiz " + id + page)
            .isEqualTo(id == benQuiz ? 200 : 404);
      }
    }
  }

  @Test
  @DisplayName("a refused request is logged as a warning naming the role, the user id, the method and the path")
  void refusalsAreLogged() {
    List<String> lines;
    try (CapturedLog log = CapturedLog.of(Guards.class)) {
      mallory.get("/quizzes/" + adaQuiz + "/results");
      ben.get("/classes/" + adaClass);
      SecuritySchool.save(mallory, openAttempt, 1, 3, new JsonObject().put("value", true));
      ada.get("/attempts/" + openAttempt);
      lines = log.lines();
    }
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("WARN")
        .contains("GET /quizzes/" + adaQuiz + "/results", "student " + malloryId, "teacher"));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("WARN")
        .contains("GET /classes/" + adaClass, "teacher " + benId, "class " + adaClass));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("WARN")
        .contains("PUT /api/attempts/" + openAttempt + "/answers/1", "student " + malloryId, "attempt " + openAttempt));
    assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("WARN")
        .contains("GET /attempts/" + openAttempt, "teacher " + adaId, "student"));
  }
}
