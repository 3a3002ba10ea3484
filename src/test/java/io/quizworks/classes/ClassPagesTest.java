package io.quizworks.classes;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("A teacher's classes, against a running server")
class ClassPagesTest {
  private static final String CODE = "[A-HJKMNP-Z2-9]{6}";
  private static ClassesServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = ClassesServer.start(vertx);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  @DisplayName("A teacher creates a class, lands on its page, and finds it on their home page with its join code")
  void createAndList() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Period 3 <Manufacturing>");
    String code = server.joinCode(classId);

    HttpResponse<Buffer> page = teacher.get("/classes/" + classId);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("<h1>Period 3 &lt;Manufacturing&gt;</h1>");

    HttpResponse<Buffer> home = teacher.get("/teacher");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.bodyAsString())
        .contains("<a href=\"/classes/" + classId + "\">Period 3 &lt;Manufacturing&gt;</a>")
        .contains("<code class=\"code\">" + code.substring(0, 3) + "-" + code.substring(3) + "</code>")
        .contains("<a href=\"/banks\">Question banks</a>", "<a href=\"/banks/upload\">Upload a bank</a>")
        .contains("<caption>")
        .doesNotContain("<Manufacturing>");
  }

  @Test
  @DisplayName("The home page counts each class's students and quizzes, and shows no other teacher's class")
  void counts() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Counted");
    server.joinedStudent(classId, "Ana");
    server.joinedStudent(classId, "Ben");
    server.database().execute("insert into quiz (class_id, title, question_count) values (" + classId + ", 'Q', 5)");
    long othersClass = server.createClass(server.teacher(), "Someone else's class");

    String home = teacher.get("/teacher").bodyAsString();
    assertThat(home).containsPattern("Counted</a></th>\\s*<td><code class=\"code\">[^<]+</code></td>\\s*"
        + "<td class=\"num\">2</td>\\s*<td class=\"num\">1</td>");
    assertThat(home).doesNotContain("Someone else", "/classes/" + othersClass + "\"");
  }

  @Test
  @DisplayName("A class name that is empty or over 100 characters is refused with a message, and no class is made")
  void className() {
    TestClient teacher = server.teacher();
    long before = server.count("select count(*) from class");
    for (String name : new String[] {"", "   ", "x".repeat(101)}) {
      HttpResponse<Buffer> response = teacher.postForm("/classes", Map.of("name", name));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsString())
          .contains("Enter a name for the class (up to 100 characters).")
          .contains("role=\"alert\"")
          .contains("aria-invalid=\"true\"");
    }
    assertThat(server.count("select count(*) from class")).isEqualTo(before);
    assertThat(teacher.postForm("/classes", Map.of("name", "x".repeat(100))).statusCode()).isEqualTo(303);
  }

  @Test
  @DisplayName("A join code has six characters without 0/O/1/I/L, and the class page shows it as ABC-DEF with the link to join")
  void joinCodeFormat() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Codes");
    String code = server.joinCode(classId);
    assertThat(code).matches(CODE);

    String page = teacher.get("/classes/" + classId).bodyAsString();
    assertThat(page)
        .contains(">" + code.substring(0, 3) + "-" + code.substring(3) + "</code>")
        .contains("<a href=\"/join?code=" + code + "\">http://localhost:" + server.app().port() + "/join?code=" + code + "</a>")
        .contains("<button type=\"submit\" class=\"secondary\" aria-describedby=\"new-join-code-hint\">New join code</button>")
        .contains("action=\"/classes/" + classId + "/roster\" enctype=\"multipart/form-data\"")
        .contains("name=\"roster\" type=\"file\" accept=\".csv,text/csv\"")
        .contains("<a class=\"button\" href=\"/classes/" + classId + "/quizzes/new\">New quiz</a>");
  }

  @Test
  @DisplayName("Each class gets a code of its own")
  void uniqueCodes() {
    TestClient teacher = server.teacher();
    String first = server.joinCode(server.createClass(teacher, "One"));
    String second = server.joinCode(server.createClass(teacher, "Two"));
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  @DisplayName("A new join code replaces the old one at once: the old one joins no one")
  void newJoinCode() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Regenerated");
    String old = server.joinCode(classId);
    teacher.get("/classes/" + classId);

    HttpResponse<Buffer> response = teacher.postForm("/classes/" + classId + "/join-code", Map.of());
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.getHeader("Location")).isEqualTo("/classes/" + classId);
    String fresh = server.joinCode(classId);
    assertThat(fresh).matches(CODE).isNotEqualTo(old);
    assertThat(teacher.get("/classes/" + classId).bodyAsString()).contains(fresh.substring(0, 3) + "-" + fresh.substring(3));

    TestClient student = server.browser();
    student.get("/join");
    HttpResponse<Buffer> refused = student.postForm("/join", Map.of("code", old, "name", "Late Larry", "password",
        ClassesServer.PASSWORD));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsString()).contains("There is no class with the code " + old);
    assertThat(student.postForm("/join", Map.of("code", fresh, "name", "Late Larry", "password",
        ClassesServer.PASSWORD)).statusCode()).isEqualTo(303);
  }

  @Test
  @DisplayName("A time allowance of 1.5 is stored and shown as 1.5× time")
  void allowance() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Allowances");
    server.joinedStudent(classId, "Zoë");
    long studentId = server.studentId(classId, "Zoë");
    teacher.get("/classes/" + classId);

    HttpResponse<Buffer> response = teacher.postForm("/classes/" + classId + "/students/" + studentId + "/allowance",
        Map.of("allowance", "1.5"));
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.getHeader("Location")).isEqualTo("/classes/" + classId + "#student-" + studentId);
    assertThat(server.text("select time_allowance::text from student where id = " + studentId)).isEqualTo("1.50");
    assertThat(teacher.get("/classes/" + classId).bodyAsString())
        .contains("<span class=\"allowance\">1.5× time</span>")
        .contains("<label for=\"allowance-" + studentId + "\" class=\"visually-hidden\">Time allowance for Zoë, from 1 to 5</label>")
        .contains("Set<span class=\"visually-hidden\"> time allowance for Zoë</span>");
  }

  @Test
  @DisplayName("A time allowance of 0.5, 9 or abc is refused with a message at the student's row, and nothing changes")
  void allowanceRefused() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Refused allowances");
    server.joinedStudent(classId, "Ben");
    long studentId = server.studentId(classId, "Ben");
    teacher.get("/classes/" + classId);
    for (String typed : new String[] {"0.5", "9", "abc", "", "1.555"}) {
      HttpResponse<Buffer> response = teacher.postForm("/classes/" + classId + "/students/" + studentId + "/allowance",
          Map.of("allowance", typed));
      assertThat(response.statusCode()).as(typed).isEqualTo(400);
      assertThat(response.bodyAsString())
          .contains("Enter a time allowance from 1 to 5 with at most two decimals, like 1.5.")
          .contains("<a href=\"#allowance-" + studentId + "\">")
          .contains("aria-invalid=\"true\" aria-describedby=\"allowance-" + studentId + "-error\"");
    }
    assertThat(server.text("select time_allowance::text from student where id = " + studentId)).isEqualTo("1.00");
  }

  @Test
  @DisplayName("A new sign-in code for a student is shown once, not cached, and stored only as its hash")
  void newSetupCode() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Forgetful");
    server.joinedStudent(classId, "Chloé");
    long studentId = server.studentId(classId, "Chloé");
    String page = teacher.get("/classes/" + classId).bodyAsString();
    assertThat(page).contains("New sign-in code<span class=\"visually-hidden\"> for Chloé</span>");

    HttpResponse<Buffer> response = teacher.postForm("/classes/" + classId + "/students/" + studentId + "/setup-code",
        Map.of());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    String shown = response.bodyAsString().replaceAll("(?s).*<code class=\"code\">([^<]+)</code>.*", "$1");
    assertThat(shown).matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}");
    assertThat(response.bodyAsString()).contains("New sign-in code for Chloé", "the code is not shown again");
    assertThat(server.text("select setup_code_hash from student where id = " + studentId))
        .isEqualTo(SetupCodes.hash(SetupCodes.normalise(shown)));
    assertThat(teacher.get("/classes/" + classId).bodyAsString())
        .doesNotContain(shown)
        .contains("A code is waiting to be used.");
  }

  @Test
  @DisplayName("The class page lists the class's quizzes, each linking to its page")
  void quizzes() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "With quizzes");
    server.database().execute("insert into quiz (class_id, title, question_count, time_limit_minutes, opens_at, closes_at) "
        + "values (" + classId + ", 'Safety <check>', 10, 20, '2030-01-07 08:00Z', '2030-01-07 09:30Z')");
    long quizId = server.count("select id from quiz where class_id = " + classId);

    String page = teacher.get("/classes/" + classId).bodyAsString();
    assertThat(page)
        .contains("<a href=\"/quizzes/" + quizId + "\">Safety &lt;check&gt;</a>")
        .contains("<th scope=\"col\">Opens (UTC)</th>")
        .contains("<td>20 min</td>", "<td>2030-01-07 08:00</td>", "<td>2030-01-07 09:30</td>");
  }

  @Test
  @DisplayName("Another teacher gets 404 for the class page and for every form that changes it, and nothing changes")
  void otherTeacher() {
    TestClient owner = server.teacher();
    long classId = server.createClass(owner, "Private class");
    server.joinedStudent(classId, "Dev");
    long studentId = server.studentId(classId, "Dev");
    String code = server.joinCode(classId);

    TestClient intruder = server.teacher();
    long intrudersClass = server.createClass(intruder, "Intruder's own class");
    String students = "/classes/" + classId + "/students/" + studentId;
    String viaOwnClass = "/classes/" + intrudersClass + "/students/" + studentId;

    assertNotFound(intruder.get("/classes/" + classId));
    assertNotFound(intruder.postForm("/classes/" + classId + "/join-code", Map.of()));
    assertNotFound(intruder.postForm(students + "/allowance", Map.of("allowance", "2")));
    assertNotFound(intruder.postForm(students + "/allowance", Map.of("allowance", "abc")));
    assertNotFound(intruder.postForm(students + "/setup-code", Map.of()));
    assertNotFound(intruder.postForm(viaOwnClass + "/allowance", Map.of("allowance", "2")));
    assertNotFound(intruder.postForm(viaOwnClass + "/allowance", Map.of("allowance", "abc")));
    assertNotFound(intruder.postForm(viaOwnClass + "/setup-code", Map.of()));
    assertNotFound(intruder.postMultipart("/classes/" + classId + "/roster", MultipartForm.create()
        .binaryFileUpload("roster", "roster.csv", Buffer.buffer("student_id,name\nX1,Eve\n".getBytes(StandardCharsets.UTF_8)),
            "text/csv")));
    assertNotFound(intruder.get("/classes/999999999"));
    assertNotFound(intruder.get("/classes/not-a-number"));

    assertThat(server.joinCode(classId)).isEqualTo(code);
    assertThat(server.count("select count(*) from student where class_id = " + classId)).isEqualTo(1);
    assertThat(server.text("select time_allowance::text from student where id = " + studentId)).isEqualTo("1.00");
    assertThat(server.text("select setup_code_hash from student where id = " + studentId)).isNull();
    assertThat(intruder.get("/teacher").bodyAsString()).doesNotContain("Private class");
  }

  @Test
  @DisplayName("A signed-in student gets no teacher page, and a signed-out visitor is sent to the teacher sign-in")
  void studentsAndVisitors() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Guarded");
    TestClient student = server.joinedStudent(classId, "Eli");

    assertNotFound(student.get("/teacher"));
    assertNotFound(student.get("/classes/" + classId));
    assertNotFound(student.postForm("/classes", Map.of("name", "Student's class")));
    assertNotFound(student.postForm("/classes/" + classId + "/join-code", Map.of()));
    assertThat(server.count("select count(*) from class where name = 'Student''s class'")).isZero();

    HttpResponse<Buffer> visitor = server.browser().get("/teacher");
    assertThat(visitor.statusCode()).isEqualTo(302);
    assertThat(visitor.getHeader("Location")).isEqualTo("/signin?next=%2Fteacher");
  }

  @Test
  @DisplayName("A form posted without the CSRF token is refused with 403 and changes nothing")
  void csrf() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Forged");
    server.joinedStudent(classId, "Fay");
    long studentId = server.studentId(classId, "Fay");
    String code = server.joinCode(classId);
    long classes = server.count("select count(*) from class");

    assertThat(teacher.postRawForm("/classes", Map.of("name", "Forged class")).statusCode()).isEqualTo(403);
    assertThat(teacher.postRawForm("/classes/" + classId + "/join-code", Map.of()).statusCode()).isEqualTo(403);
    assertThat(teacher.postRawForm("/classes/" + classId + "/students/" + studentId + "/allowance",
        Map.of("allowance", "3")).statusCode()).isEqualTo(403);
    assertThat(teacher.postRawForm("/classes/" + classId + "/students/" + studentId + "/allowance",
        Map.of("allowance", "3", "_csrf", "not-the-token")).statusCode()).isEqualTo(403);
    TestClient visitor = server.browser();
    visitor.get("/join");
    assertThat(visitor.postRawForm("/join", Map.of("code", code, "name", "Forger", "password", ClassesServer.PASSWORD))
        .statusCode()).isEqualTo(403);

    assertThat(server.count("select count(*) from class")).isEqualTo(classes);
    assertThat(server.joinCode(classId)).isEqualTo(code);
    assertThat(server.text("select time_allowance::text from student where id = " + studentId)).isEqualTo("1.00");
    assertThat(server.count("select count(*) from student where class_id = " + classId)).isEqualTo(1);
  }

  private static void assertNotFound(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(404);
    assertThat(response.bodyAsString()).contains("Page not found").doesNotContain("Private class", "Dev");
  }
}
