package io.quizworks.classes;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Students joining a class and setting a first password, against a running server")
class StudentJoinTest {
  private static final String PASSWORD = ClassesServer.PASSWORD;
  private static ClassesServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = ClassesServer.start(vertx);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static HttpResponse<Buffer> join(TestClient student, String code, String name, String password) {
    student.get("/join");
    return student.postForm("/join", Map.of("code", code, "name", name, "password", password));
  }

  private static HttpResponse<Buffer> setUp(TestClient student, String code, String password) {
    student.get("/student/setup");
    return student.postForm("/student/setup", Map.of("code", code, "password", password));
  }

  private static String typedLikeAStudent(String code) {
    return code.substring(0, 3).toLowerCase() + " - " + code.substring(3).toLowerCase();
  }

  @Test
  @DisplayName("A student joins with the code in lower case with a dash and spaces, and lands signed in")
  void joins() {
    long classId = server.createClass(server.teacher(), "Welding 1");
    String code = server.joinCode(classId);
    TestClient student = server.browser();

    HttpResponse<Buffer> response = join(student, typedLikeAStudent(code), "Zoë O'Neil", PASSWORD);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(303);
    assertThat(response.getHeader("Location")).isEqualTo("/student");
    assertThat(student.get("/join").bodyAsString()).contains("Signed in as Zoë O&#39;Neil");
    assertThat(server.text("select password_hash from student where class_id = " + classId)).startsWith("$argon2id$");
    assertThat(server.count("select count(*) from session where role = 'student' and user_id = "
        + server.studentId(classId, "Zoë O'Neil"))).isEqualTo(1);
  }

  @Test
  @DisplayName("A student who joined signs in again with the class code, their name and their password")
  void signsInAgain() {
    long classId = server.createClass(server.teacher(), "Machining");
    String code = server.joinCode(classId);
    join(server.browser(), code, "Ana Lopez", PASSWORD);

    TestClient later = server.browser();
    HttpResponse<Buffer> response = later.signInStudent(code.substring(0, 3) + "-" + code.substring(3), "ana lopez", PASSWORD);
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(later.get("/join").bodyAsString()).contains("Signed in as Ana Lopez");
    assertThat(server.browser().signInStudent(code, "Ana Lopez", "wrong password").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("A name already used in the class, in any letter case, is refused with a way out")
  void nameTaken() {
    long classId = server.createClass(server.teacher(), "Robotics");
    String code = server.joinCode(classId);
    join(server.browser(), code, "Ben Okafor", PASSWORD);

    HttpResponse<Buffer> response = join(server.browser(), code, "BEN OKAFOR", PASSWORD);
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.bodyAsString())
        .contains("That name is already taken in this class: add an initial or a surname.")
        .contains("<a href=\"#name\">")
        .contains("value=\"BEN OKAFOR\"");
    assertThat(server.count("select count(*) from student where class_id = " + classId)).isEqualTo(1);

    long otherClass = server.createClass(server.teacher(), "Another class");
    assertThat(join(server.browser(), server.joinCode(otherClass), "Ben Okafor", PASSWORD).statusCode())
        .as("the same name in another class").isEqualTo(303);
  }

  @Test
  @DisplayName("An unknown code is an error on the code field, and no student is made")
  void unknownCode() {
    long students = server.count("select count(*) from student");
    for (String code : new String[] {"ZZZ-ZZZ", "hello", "ABC-DE0"}) {
      HttpResponse<Buffer> response = join(server.browser(), code, "Cal", PASSWORD);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsString())
          .contains("<p class=\"error\" id=\"code-error\">There is no class with the code " + code
              + ". Check the code with your teacher.</p>")
          .contains("role=\"alert\"");
    }
    assertThat(server.count("select count(*) from student")).isEqualTo(students);
  }

  @Test
  @DisplayName("An empty name, a name over 60 characters and a short password are refused with messages")
  void fields() {
    long classId = server.createClass(server.teacher(), "Checks");
    String code = server.joinCode(classId);
    HttpResponse<Buffer> response = join(server.browser(), code, "", "short");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .contains("Enter your name as your teacher knows it (up to 60 characters).")
        .contains("Choose a password of at least 8 characters.");
    assertThat(join(server.browser(), code, "n".repeat(61), PASSWORD).statusCode()).isEqualTo(400);
    assertThat(server.count("select count(*) from student where class_id = " + classId)).isZero();
  }

  @Test
  @DisplayName("The join page fills in the code from the link the teacher shares, as text, never markup")
  void prefill() {
    assertThat(server.browser().get("/join?code=K7M-Q2P").bodyAsString()).contains("value=\"K7M-Q2P\"");
    assertThat(server.browser().get("/join?code=%22%3E%3Cscript%3E").bodyAsString())
        .contains("value=\"&quot;&gt;&lt;script&gt;\"").doesNotContain("\"><script>");
  }

  @Test
  @DisplayName("A one-time code sets the password once, signs the student in, and cannot be used again")
  void setupCodeOnce() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Roster class");
    String code = upload(teacher, classId, "student_id,name\nS-1,Gia Rossi\n");
    long studentId = server.studentId(classId, "Gia Rossi");

    TestClient student = server.browser();
    HttpResponse<Buffer> response = setUp(student, code.toLowerCase().replace("-", ""), PASSWORD);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(303);
    assertThat(response.getHeader("Location")).isEqualTo("/student");
    assertThat(student.get("/join").bodyAsString()).contains("Signed in as Gia Rossi");
    assertThat(server.text("select password_hash from student where id = " + studentId)).startsWith("$argon2id$");
    assertThat(server.text("select coalesce(setup_code_hash, 'cleared') from student where id = " + studentId))
        .isEqualTo("cleared");

    HttpResponse<Buffer> again = setUp(server.browser(), code, "another password");
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.bodyAsString()).contains("That code does not work");
    assertThat(server.browser().signInStudent(server.joinCode(classId), "Gia Rossi", PASSWORD).statusCode()).isEqualTo(303);
    assertThat(server.browser().signInStudent(server.joinCode(classId), "Gia Rossi", "another password").statusCode())
        .isEqualTo(401);
  }

  @Test
  @DisplayName("An expired code is refused, and so is a code replaced by a newer one")
  void setupCodeExpiredOrReplaced() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Expiring");
    String first = upload(teacher, classId, "student_id,name\nS-1,Hal\nS-2,Ida\n");
    long hal = server.studentId(classId, "Hal");
    long ida = server.studentId(classId, "Ida");
    server.database().execute("update student set setup_code_expires = now() - interval '1 minute' where id = " + hal);
    assertThat(setUp(server.browser(), first, PASSWORD).statusCode()).isEqualTo(401);

    teacher.get("/classes/" + classId);
    String idasOld = server.text("select setup_code_hash from student where id = " + ida);
    HttpResponse<Buffer> issued = teacher.postForm("/classes/" + classId + "/students/" + ida + "/setup-code", Map.of());
    String fresh = issued.bodyAsString().replaceAll("(?s).*<code class=\"code\">([^<]+)</code>.*", "$1");
    assertThat(server.text("select setup_code_hash from student where id = " + ida)).isNotEqualTo(idasOld);
    assertThat(setUp(server.browser(), fresh, PASSWORD).statusCode()).isEqualTo(303);
    assertThat(server.count("select count(*) from student where password_hash is not null and id = " + hal)).isZero();
  }

  @Test
  @DisplayName("A new password from a code ends the student's other sessions")
  void setupEndsOtherSessions() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Reset");
    TestClient oldDevice = server.joinedStudent(classId, "Jo");
    long jo = server.studentId(classId, "Jo");
    teacher.get("/classes/" + classId);
    String code = teacher.postForm("/classes/" + classId + "/students/" + jo + "/setup-code", Map.of()).bodyAsString()
        .replaceAll("(?s).*<code class=\"code\">([^<]+)</code>.*", "$1");

    TestClient newDevice = server.browser();
    assertThat(setUp(newDevice, code, "a new password").statusCode()).isEqualTo(303);
    assertThat(oldDevice.get("/join").bodyAsString()).doesNotContain("Signed in as");
    assertThat(newDevice.get("/join").bodyAsString()).contains("Signed in as Jo");
  }

  @Test
  @DisplayName("Guessing at one code is paused after five failures, as sign-in is")
  void setupThrottled() {
    TestClient guesser = server.browser();
    guesser.get("/student/setup");
    for (int i = 0; i < 5; i++) {
      assertThat(guesser.postForm("/student/setup", Map.of("code", "WXYZ-2345", "password", PASSWORD)).bodyAsString())
          .contains("That code does not work");
    }
    HttpResponse<Buffer> paused = guesser.postForm("/student/setup", Map.of("code", "wxyz2345", "password", PASSWORD));
    assertThat(paused.statusCode()).isEqualTo(429);
    assertThat(paused.bodyAsString()).contains("Too many failed sign-ins for this account.");
  }

  @Test
  @DisplayName("Trying one wrong class code again and again is paused after five failures, as sign-in is")
  void joinThrottled() {
    TestClient guesser = server.browser();
    for (int i = 0; i < 5; i++) {
      assertThat(join(guesser, "YYY-YYY", "Guesser", PASSWORD).statusCode()).isEqualTo(400);
    }
    HttpResponse<Buffer> paused = join(guesser, "yyyyyy", "Guesser", PASSWORD);
    assertThat(paused.statusCode()).isEqualTo(429);
    assertThat(paused.bodyAsString()).contains("Too many failed sign-ins for this account.");
  }

  /** Uploads a roster and returns the one code shown for its first student. */
  private static String upload(TestClient teacher, long classId, String csv) {
    teacher.get("/classes/" + classId);
    HttpResponse<Buffer> response = teacher.postMultipart("/classes/" + classId + "/roster",
        MultipartForm.create().binaryFileUpload("roster", "roster.csv", Buffer.buffer(csv), "text/csv"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsString().replaceAll("(?s).*?<code class=\"code\">([^<]+)</code>.*", "$1");
  }
}
