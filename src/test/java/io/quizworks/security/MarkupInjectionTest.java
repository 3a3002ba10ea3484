package io.quizworks.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HTML and JavaScript typed by teachers and students — in a bank's questions, choices, feedback, topics and
 * sources, its title and file name, a class name, a student's name (joined and from a roster), a teacher's
 * name, a quiz title, a typed answer, a key correction's reason and an override's reason — shown on every page
 * where they appear, to the teacher and to the student. Each payload carries its own tag, so a test can say
 * which page must show which one as text.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Markup injection: HTML and script in anything people type render as text on every page")
class MarkupInjectionTest {
  /** Every payload of the run, raw, to be found nowhere raw. */
  private static final List<String> PAYLOADS = new ArrayList<>();
  /** Pages fetched by the setup and the tests, by name, to be checked whole. */
  private static final Map<String, HttpResponse<Buffer>> PAGES = new LinkedHashMap<>();

  private static SecuritySchool school;
  private static TestClient teacher;
  private static TestClient student;
  private static long classId;
  private static long quizId;
  private static long attemptId;
  private static String slug;
  private static long questionId;

  /** A script element. */
  static String script(String tag) {
    return remember("<script>alert('" + tag + "')</script>");
  }

  /** Breaks out of an attribute and adds an element with an event handler. */
  static String attribute(String tag) {
    return remember("\"><img src=x onerror=alert('" + tag + "')>");
  }

  /** A javascript: address, as a link would carry it. */
  static String link(String tag) {
    return remember("<a href=\"javascript:alert('" + tag + "')\">" + tag + "</a>");
  }

  private static String remember(String payload) {
    PAYLOADS.add(payload);
    return payload;
  }

  /** What FreeMarker's HTML output format writes for a text. */
  static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static String cell(String value) {
    return value.contains(",") || value.contains("\"") || value.contains("\n")
        ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static String row(String... cells) {
    List<String> quoted = new ArrayList<>();
    for (String value : cells) {
      quoted.add(cell(value));
    }
    return String.join(",", quoted) + "\n";
  }

  static final String TOPIC = "<b onmouseover=alert('topic')>Topic</b>";

  /** Six question types, every shown text a payload. */
  static String payloadBank() {
    remember(TOPIC);
    return row("id", "type", "topic", "difficulty", "points", "prompt", "choice_a", "choice_b", "choice_c", "match_a",
        "match_b", "answer", "feedback", "feedback_a", "source")
        + row("x-sc", "single_choice", TOPIC, "easy", "1", script("prompt-sc"), attribute("choice-a"),
            link("choice-b"), "javascript:alert('choice-c')", "", "", "A", script("feedback-sc"),
            attribute("feedback-a"), link("source"))
        + row("x-mr", "multiple_response", TOPIC, "easy", "1", attribute("prompt-mr"), script("mr-a"), script("mr-b"),
            "", "", "", "A;B", "", "", "")
        + row("x-tf", "true_false", TOPIC, "easy", "1", script("prompt-tf"), "", "", "", "", "", "true",
            attribute("feedback-tf"), "", "")
        + row("x-sa", "short_answer", TOPIC, "easy", "1", script("prompt-sa"), "", "", "", "", "",
            script("accepted"), "", "", "")
        + row("x-or", "ordering", TOPIC, "easy", "1", script("prompt-or"), script("or-a"), attribute("or-b"), "", "",
            "", "A;B", "", "", "")
        + row("x-ma", "matching", TOPIC, "easy", "1", script("prompt-ma"), script("ma-left"), "Plain left",
            "", attribute("ma-right"), script("ma-right2"), "", "", "", "");
  }

  private static final String TEACHER_NAME = script("teacher-name");
  private static final String BANK_TITLE = script("bank-title");
  private static final String CLASS_NAME = attribute("class");
  private static final String STUDENT_NAME = attribute("student");
  private static final String ROSTER_NAME = script("roster");
  private static final String QUIZ_TITLE = script("quiz");
  private static final String TYPED = script("typed");
  private static final String OVERRIDE_REASON = attribute("override");
  private static final String KEY_REASON = script("key-reason");

  private static HttpResponse<Buffer> page(String name, HttpResponse<Buffer> response) {
    PAGES.put(name, response);
    return response;
  }

  @BeforeAll
  static void start(Vertx vertx) {
    school = SecuritySchool.start(vertx);
    teacher = school.browser();
    teacher.signUpTeacher(TEACHER_NAME, "markup@security.test", SecuritySchool.TEACHER_PASSWORD);

    teacher.get("/banks/upload");
    HttpResponse<Buffer> uploaded = teacher.postMultipart("/banks/upload", MultipartForm.create()
        .attribute("title", BANK_TITLE).attribute("bank", "")
        .binaryFileUpload("file", "bank.csv", Buffer.buffer(payloadBank()), "text/csv"));
    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(303);
    String preview = uploaded.getHeader("Location");
    page("upload preview", teacher.get(preview));
    HttpResponse<Buffer> confirmed = teacher.postForm(preview + "/confirm", Map.of());
    String bankPage = confirmed.getHeader("Location");
    slug = bankPage.substring("/banks/".length(), bankPage.indexOf('?'));

    teacher.get("/teacher");
    HttpResponse<Buffer> created = teacher.postForm("/classes", Map.of("name", CLASS_NAME));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(303);
    classId = Long.parseLong(created.getHeader("Location").substring("/classes/".length()));

    student = school.browser();
    student.get("/join");
    HttpResponse<Buffer> joined = student.postForm("/join", Map.of("code", school.joinCode(classId), "name",
        STUDENT_NAME, "password", SecuritySchool.STUDENT_PASSWORD));
    assertThat(joined.statusCode()).as(joined.bodyAsString()).isEqualTo(303);

    teacher.get("/classes/" + classId);
    page("roster result", teacher.postMultipart("/classes/" + classId + "/roster", MultipartForm.create()
        .binaryFileUpload("roster", "roster.csv", Buffer.buffer("student_id,name\nR-1," + cell(ROSTER_NAME) + "\n"),
            "text/csv")));

    quizId = school.quiz(teacher, classId, school.bankId(slug), Map.of("title", QUIZ_TITLE, "shuffleQuestions", "",
        "shuffleChoices", ""));

    page("student home", student.get("/student"));
    attemptId = SecuritySchool.start(student, quizId);
    page("attempt", student.get("/attempts/" + attemptId));
    SecuritySchool.save(student, attemptId, (int) school.positionOf(attemptId, "short_answer"), 1,
        new JsonObject().put("text", TYPED));
    SecuritySchool.save(student, attemptId, (int) school.positionOf(attemptId, "single_choice"), 2,
        new JsonObject().put("choice", "A"));
    SecuritySchool.save(student, attemptId, (int) school.positionOf(attemptId, "ordering"), 3,
        new JsonObject().put("order", new JsonArray().add("B").add("A")));
    SecuritySchool.save(student, attemptId, (int) school.positionOf(attemptId, "matching"), 4,
        new JsonObject().put("pairs", new JsonObject().put("A", attribute("ma-right")).put("B", script("ma-right2"))));
    SecuritySchool.submit(student, attemptId);
    page("result", student.get("/attempts/" + attemptId + "/result"));
    page("student home after", student.get("/student"));

    questionId = school.number("select q.id from question q join bank b on b.id = q.bank_id where b.slug = '" + slug
        + "' and q.ref = 'x-sc'");
    String attemptPage = "/quizzes/" + quizId + "/attempts/" + attemptId;
    teacher.get(attemptPage);
    HttpResponse<Buffer> overridden = teacher.postForm(attemptPage + "/questions/" + questionId + "/override",
        Map.of("points", "0.5", "reason", OVERRIDE_REASON));
    assertThat(overridden.statusCode()).isEqualTo(303);
  }

  @AfterAll
  static void stop() {
    school.close();
  }

  /** The teacher's pages, fetched after everything above was typed. */
  private static void teacherPages() {
    String quiz = "/quizzes/" + quizId;
    page("teacher home", teacher.get("/teacher"));
    page("banks", teacher.get("/banks"));
    page("bank", teacher.get("/banks/" + slug));
    page("upload form", teacher.get("/banks/upload"));
    page("class", teacher.get("/classes/" + classId));
    page("new quiz", teacher.get("/classes/" + classId + "/quizzes/new"));
    page("quiz", teacher.get(quiz));
    page("results", teacher.get(quiz + "/results"));
    page("attempt detail", teacher.get(quiz + "/attempts/" + attemptId));
    page("key fix", teacher.get(quiz + "/questions/" + questionId + "/key"));
    page("key fix preview", teacher.postForm(quiz + "/questions/" + questionId + "/key/preview",
        Map.of("answer", "B", "reason", KEY_REASON)));
    page("key fix refused", teacher.postForm(quiz + "/questions/" + questionId + "/key/preview",
        Map.of("answer", script("typed-key"), "reason", "")));
    page("analysis", teacher.get(quiz + "/analysis"));
    page("exports", teacher.get("/classes/" + classId + "/exports"));
    long studentId = school.number("select id from student where class_id = " + classId + " and display_name = "
        + SecuritySchool.literal(STUDENT_NAME));
    teacher.get("/classes/" + classId);
    page("setup code", teacher.postForm("/classes/" + classId + "/students/" + studentId + "/setup-code", Map.of()));
  }

  /** A page must hold each payload of these tags, escaped; the match is on the payload's visible start. */
  private static void shows(String pageName, String... payloads) {
    String html = PAGES.get(pageName).bodyAsString();
    for (String payload : payloads) {
      assertThat(html).as(pageName + " shows " + payload + " as text").contains(escaped(payload));
    }
  }

  @Test
  @DisplayName("every page, teacher's and student's, holds no payload raw, no script of its own but static "
      + "files, no event-handler attribute and no javascript: address")
  void noPageRunsAPayload() {
    teacherPages();
    Pattern tag = Pattern.compile("<[a-zA-Z][^>]*>");
    Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    Pattern scriptAddress = Pattern.compile("(?:href|src|action|formaction)\\s*=\\s*[\"']?\\s*javascript:",
        Pattern.CASE_INSENSITIVE);
    assertThat(PAGES).hasSizeGreaterThanOrEqualTo(20);
    PAGES.forEach((name, response) -> {
      assertThat(response.statusCode()).as(name).isIn(200, 400);
      assertThat(response.getHeader("Content-Type")).as(name).isEqualTo("text/html; charset=utf-8");
      String html = response.bodyAsString();
      for (String payload : PAYLOADS) {
        assertThat(html).as(name + " holds a payload raw").doesNotContain(payload);
      }
      Matcher tags = tag.matcher(html);
      while (tags.find()) {
        String element = tags.group();
        // Attribute values hold escaped text, which may read "onerror=": only the markup around them counts.
        String markup = element.replaceAll("\"[^\"]*\"|'[^']*'", "\"\"");
        assertThat(markup).as(name + ": " + element).doesNotContainPattern(handler);
        assertThat(element).as(name).doesNotContainPattern(scriptAddress);
        if (element.toLowerCase(Locale.ROOT).startsWith("<script")) {
          assertThat(element).as(name + ": a script only from a static file").matches("<script src=\"/static/[a-z]+"
              + "\\.js\" defer>");
        }
      }
      assertThat(html.toLowerCase(Locale.ROOT).split("<script", -1).length - 1).as(name)
          .isEqualTo(html.split("<script src=\"/static/", -1).length - 1);
    });
  }

  @Test
  @DisplayName("each typed text is on the pages that show it, as text")
  void payloadsAreShownAsText() {
    teacherPages();
    shows("upload preview", BANK_TITLE, script("prompt-sc"), attribute("choice-a"), link("choice-b"),
        script("feedback-sc"), attribute("feedback-a"), link("source"), script("accepted"), TOPIC,
        attribute("ma-right"), TEACHER_NAME);
    shows("bank", BANK_TITLE, script("prompt-sc"), attribute("prompt-mr"), script("mr-a"), attribute("choice-a"),
        link("choice-b"), script("feedback-sc"), attribute("feedback-tf"), link("source"), script("or-a"),
        script("ma-left"), script("ma-right2"));
    shows("banks", BANK_TITLE, TEACHER_NAME);
    shows("upload form", BANK_TITLE);
    shows("teacher home", CLASS_NAME);
    shows("class", CLASS_NAME, STUDENT_NAME, ROSTER_NAME, QUIZ_TITLE);
    shows("roster result", CLASS_NAME, ROSTER_NAME);
    shows("new quiz", CLASS_NAME, BANK_TITLE, TOPIC);
    shows("quiz", QUIZ_TITLE, CLASS_NAME, STUDENT_NAME);
    shows("results", QUIZ_TITLE, STUDENT_NAME, ROSTER_NAME);
    shows("attempt detail", QUIZ_TITLE, STUDENT_NAME, script("prompt-sc"), TYPED, script("feedback-sc"),
        OVERRIDE_REASON, TEACHER_NAME);
    shows("key fix", script("prompt-sc"), attribute("choice-a"));
    shows("key fix preview", script("prompt-sc"), KEY_REASON, STUDENT_NAME);
    shows("key fix refused", script("typed-key"));
    shows("analysis", QUIZ_TITLE, script("prompt-sc"), attribute("prompt-mr"));
    shows("exports", CLASS_NAME, QUIZ_TITLE);
    shows("setup code", STUDENT_NAME, CLASS_NAME);
    shows("student home", CLASS_NAME, QUIZ_TITLE, STUDENT_NAME);
    shows("attempt", QUIZ_TITLE, script("prompt-sc"), attribute("choice-a"), link("choice-b"), script("mr-a"),
        script("or-a"), attribute("or-b"), script("ma-left"), attribute("ma-right"), STUDENT_NAME);
    shows("result", QUIZ_TITLE, script("prompt-sc"), TYPED, attribute("choice-a"), script("feedback-sc"),
        attribute("feedback-a"), script("accepted"));
  }

  @Test
  @DisplayName("a problem list and a file-name message repeat what the file held as text")
  void refusedUploadsEchoAsText() {
    HttpResponse<Buffer> badRows = teacher.postMultipart("/banks/upload", MultipartForm.create()
        .attribute("title", script("refused-title")).attribute("bank", "")
        .binaryFileUpload("file", "bank.csv", Buffer.buffer(row("id", "type", "topic", "difficulty", "points", "prompt",
            script("column")) + row("x1", script("type"), "t", "easy", "1", "p", "")), "text/csv"));
    PAGES.put("bad rows", badRows);
    assertThat(badRows.statusCode()).isEqualTo(400);
    shows("bad rows", script("column"));
    HttpResponse<Buffer> badName = teacher.postMultipart("/banks/upload", MultipartForm.create()
        .attribute("title", "Plain").attribute("bank", "")
        .binaryFileUpload("file", script("file-name") + ".txt", Buffer.buffer("id\n"), "text/csv"));
    PAGES.put("bad file name", badName);
    assertThat(badName.statusCode()).isEqualTo(400);
    shows("bad file name", script("file-name") + ".txt");
    String rosterRow = "student_id,name,email\nR-2," + cell(script("roster-bad")) + "," + cell(attribute("email")) + "\n";
    HttpResponse<Buffer> badRoster = teacher.postMultipart("/classes/" + classId + "/roster", MultipartForm.create()
        .binaryFileUpload("roster", "roster.csv", Buffer.buffer(rosterRow), "text/csv"));
    PAGES.put("bad roster", badRoster);
    assertThat(badRoster.statusCode()).isEqualTo(400);
    shows("bad roster", attribute("email"));
  }

  @Test
  @DisplayName("every page's Content-Security-Policy forbids inline script, eval and framing, and scripts come "
      + "only from this site")
  void contentSecurityPolicy() {
    teacherPages();
    PAGES.forEach((name, response) -> {
      String policy = response.getHeader("Content-Security-Policy");
      assertThat(policy).as(name).isNotNull().contains("default-src 'self'", "frame-ancestors 'none'",
          "object-src 'none'", "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "unsafe-hashes",
          "*");
      Matcher scriptSrc = Pattern.compile("script-src([^;]*)").matcher(policy);
      if (scriptSrc.find()) {
        assertThat(scriptSrc.group(1).strip()).as(name).isEqualTo("'self'");
      }
      assertThat(response.getHeader("X-Content-Type-Options")).as(name).isEqualTo("nosniff");
    });
  }
}
