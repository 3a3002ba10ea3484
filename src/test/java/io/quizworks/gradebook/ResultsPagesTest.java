package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(VertxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("A quiz's results, for its teacher")
// The key correction runs last: it re-scores the attempts the other tests read.
class ResultsPagesTest {
  private static TestDatabase database;
  private static Quizworks app;
  private static TestClient teacher;
  private static long quizId;
  private static long strongAttempt;
  private static long trueFalseQuestion;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    app = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions"))).await();
    teacher = new TestClient(vertx, app.port());
    teacher.signUpTeacher("Rita Results", "rita@school.test", "results password");
    long teacherId = database.queryLong("select id from teacher where email = 'rita@school.test'");
    long classId = database.queryLong("insert into class (teacher_id, name, join_code) values (" + teacherId
        + ", 'Period 4', 'RES234') returning id");
    String hash = "(select password_hash from teacher where id = " + teacherId + ")";
    for (String name : new String[] {"Strong Student", "Weak Student", "Absent Student"}) {
      database.execute("insert into student (class_id, display_name, student_number, password_hash) values (" + classId
          + ", '" + name + "', 'S-" + name.charAt(0) + "', " + hash + ")");
    }
    long bankId = database.queryLong("select id from bank where slug = 'manufacturing-roles'");
    teacher.get("/classes/" + classId + "/quizzes/new");
    HttpResponse<Buffer> created = teacher.postForm("/classes/" + classId + "/quizzes", Map.of("title", "Workers",
        "bank", String.valueOf(bankId), "topic", "Production worker", "attemptsAllowed", "1", "questionCount",
        String.valueOf(database.queryLong("select count(*) from question where topic = 'Production worker'"))));
    quizId = Long.parseLong(created.getHeader("Location").substring("/quizzes/".length()));
    trueFalseQuestion = database.queryLong("select id from question where topic = 'Production worker' "
        + "and type = 'true_false'");
    strongAttempt = takeQuiz(vertx, "Strong Student", true);
    takeQuiz(vertx, "Weak Student", false);
  }

  /** Answers the true/false question (right or wrong) and submits. */
  private static long takeQuiz(Vertx vertx, String name, boolean right) {
    boolean key = database.queryLong("select (answer_key->>'value')::boolean::int from question where id = "
        + trueFalseQuestion) == 1;
    return answerOneAndSubmit(vertx, quizId, trueFalseQuestion, name, new JsonObject().put("value", right == key));
  }

  /** Starts the quiz as the student, answers one of its questions and submits; returns the attempt. */
  private static long answerOneAndSubmit(Vertx vertx, long quiz, long question, String name, JsonObject answer) {
    TestClient student = new TestClient(vertx, app.port());
    student.signInStudent("RES234", name, "results password");
    long attemptId = student.json(HttpMethod.POST, "/api/quizzes/" + quiz + "/start", new JsonObject())
        .bodyAsJsonObject().getLong("attemptId");
    long position = database.queryLong("select position from attempt_question where attempt_id = " + attemptId
        + " and question_id = " + question);
    HttpResponse<Buffer> saved = student.json(HttpMethod.PUT, "/api/attempts/" + attemptId + "/answers/" + position,
        new JsonObject().put("seq", 1).put("answer", answer));
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
    student.json(HttpMethod.POST, "/api/attempts/" + attemptId + "/submit", new JsonObject());
    return attemptId;
  }

  @AfterAll
  static void stop(Vertx vertx) {
    app.stop(vertx).await();
    database.close();
  }

  @Test
  @DisplayName("lists every student with status, kept score and percent, sortable by score")
  void table() {
    String page = teacher.get("/quizzes/" + quizId + "/results?sort=score&dir=desc").bodyAsString();
    assertThat(page).contains("Strong Student", "Weak Student", "Absent Student", "Not started", "Submitted", "S-S");
    assertThat(page.indexOf("Strong Student")).isLessThan(page.indexOf("Weak Student"));
    assertThat(page).contains("aria-sort=\"descending\"");
    String ascending = teacher.get("/quizzes/" + quizId + "/results?sort=score&dir=asc").bodyAsString();
    assertThat(ascending.indexOf("Weak Student")).isLessThan(ascending.indexOf("Strong Student"));
  }

  /**
   * One student, two submitted attempts that drew questions worth different totals: 9 of 12, then 8 of 10.
   * Scaled to the quiz's 12 points possible they are 9 and 9.6, and the second attempt's own page says so.
   */
  @ParameterizedTest(name = "{0}: {1} of 12, {2}%")
  @CsvSource({"highest, 9.6, 80", "last, 9.6, 80", "first, 9, 75", "average, 9.3, 77.5"})
  @DisplayName("keeps the score the gradebook keeps, whatever each attempt was out of")
  void sameKeptScoreAsTheGradebook(String gradingMethod, String kept, String percent) {
    long teacherId = database.queryLong("select id from teacher where email = 'rita@school.test'");
    String code = ("KS" + gradingMethod.toUpperCase(Locale.ROOT) + "2345").substring(0, 8);
    long classId = database.queryLong("insert into class (teacher_id, name, join_code) values (" + teacherId
        + ", 'Kept by " + gradingMethod + "', '" + code + "') returning id");
    long studentId = database.queryLong("insert into student (class_id, display_name) values (" + classId
        + ", 'Two Tries') returning id");
    long quiz = database.queryLong("insert into quiz (class_id, title, question_count, attempts_allowed, "
        + "grading_method) values (" + classId + ", 'Twice', 3, 2, '" + gradingMethod + "') returning id");
    for (String[] attempt : List.of(new String[] {"1", "9", "12"}, new String[] {"2", "8", "10"})) {
      database.execute("insert into attempt (quiz_id, student_id, number, seed, started_at, status, submitted_at, "
          + "score, max_score) values (" + quiz + ", " + studentId + ", " + attempt[0] + ", 1, now() - interval '1 hour'"
          + ", 'submitted', now(), " + attempt[1] + ", " + attempt[2] + ")");
    }

    String results = teacher.get("/quizzes/" + quiz + "/results").bodyAsString();
    String gradebook = teacher.get("/classes/" + classId + "/gradebook.csv?layout=generic&format=plain").bodyAsString();

    assertThat(results).contains("<td>" + kept + " / 12</td>", "<td>" + percent + "%</td>");
    assertThat(gradebook.lines().filter(line -> line.contains("Two Tries")).findFirst().orElseThrow())
        .endsWith("," + kept + "," + percent);
    long second = database.queryLong("select id from attempt where quiz_id = " + quiz + " and number = 2");
    assertThat(teacher.get("/quizzes/" + quiz + "/attempts/" + second).bodyAsString()).contains("Score: 8 / 10.",
        "This attempt drew questions worth 10 points and the quiz is out of 12, so the results page and the "
            + "gradebook count it as 9.6 / 12.");
    long first = database.queryLong("select id from attempt where quiz_id = " + quiz + " and number = 1");
    assertThat(teacher.get("/quizzes/" + quiz + "/attempts/" + first).bodyAsString()).contains("Score: 9 / 12.")
        .doesNotContain("count it as");
  }

  @Test
  @DisplayName("draws the score distribution and question facility as SVG with a description and a table")
  void charts() {
    String page = teacher.get("/quizzes/" + quizId + "/results").bodyAsString();
    assertThat(page).contains("<svg role=\"img\"", "<desc id=\"distribution-desc\">", "Score distribution as a table",
        "Per-question facility as a table", "ro-0");
  }

  @Test
  @DisplayName("shows an attempt with responses and keys, and a teacher's override changes points with history")
  void override() {
    String detail = teacher.get("/quizzes/" + quizId + "/attempts/" + strongAttempt).bodyAsString();
    assertThat(detail).contains("Response: ", "Correct answer: ", "No changes");
    long questionId = database.queryLong("select question_id from attempt_question where attempt_id = " + strongAttempt
        + " and question_id <> " + trueFalseQuestion + " limit 1");
    long before = database.queryLong("select (score * 100)::bigint from attempt where id = " + strongAttempt);
    HttpResponse<Buffer> changed = teacher.postForm("/quizzes/" + quizId + "/attempts/" + strongAttempt + "/questions/"
        + questionId + "/override", Map.of("points", "0.5", "reason", "Partly right, said so in class"));
    assertThat(changed.statusCode()).isEqualTo(303);
    assertThat(database.queryLong("select (score * 100)::bigint from attempt where id = " + strongAttempt))
        .isEqualTo(before + 50);
    assertThat(database.queryLong("select count(*) from score_change where attempt_id = " + strongAttempt
        + " and kind = 'override' and new_points = 0.5 and reason = 'Partly right, said so in class'")).isEqualTo(1);
    assertThat(teacher.get("/quizzes/" + quizId + "/attempts/" + strongAttempt).bodyAsString())
        .contains("Partly right, said so in class", "changed by a teacher");

    HttpResponse<Buffer> tooMany = teacher.postForm("/quizzes/" + quizId + "/attempts/" + strongAttempt
        + "/questions/" + questionId + "/override", Map.of("points", "99", "reason", "Generous"));
    assertThat(tooMany.getHeader("Location")).endsWith("notice=points");
    assertThat(database.queryLong("select count(*) from score_change where reason = 'Generous'")).isZero();
  }

  @Test
  @DisplayName("another teacher and students get 404 for the results and cannot override")
  void isolation(Vertx vertx) {
    TestClient other = new TestClient(vertx, app.port());
    other.signUpTeacher("Other Teacher", "other-results@school.test", "other password");
    assertThat(other.get("/quizzes/" + quizId + "/results").statusCode()).isEqualTo(404);
    assertThat(other.get("/quizzes/" + quizId + "/attempts/" + strongAttempt).statusCode()).isEqualTo(404);
    long questionId = database.queryLong("select question_id from attempt_question where attempt_id = "
        + strongAttempt + " limit 1");
    assertThat(other.postForm("/quizzes/" + quizId + "/attempts/" + strongAttempt + "/questions/" + questionId
        + "/override", Map.of("points", "0", "reason", "Sabotage")).statusCode()).isEqualTo(404);
    assertThat(database.queryLong("select count(*) from score_change where reason = 'Sabotage'")).isZero();
    TestClient student = new TestClient(vertx, app.port());
    student.signInStudent("RES234", "Weak Student", "results password");
    assertThat(student.get("/quizzes/" + quizId + "/results").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("shows the item analysis: the true/false question, answered right by one of two students, has facility 0.50")
  void analysis() {
    String page = teacher.get("/quizzes/" + quizId + "/analysis").bodyAsString();
    assertThat(page).contains("Item analysis: Workers", "Cronbach", "KR-20", "Standard error of measurement");
    String trueFalseRow = page.substring(page.indexOf(refOf(trueFalseQuestion) + " <span"));
    assertThat(trueFalseRow.substring(0, trueFalseRow.indexOf("</tr>"))).contains("<td>2</td>", "<td>0.50</td>",
        "(correct): 1 (50.0%)");
  }

  @Test
  @DisplayName("exports the item analysis as CSV: one row per question, then the quiz's figures")
  void analysisCsv() {
    HttpResponse<Buffer> csv = teacher.get("/quizzes/" + quizId + "/analysis.csv?format=plain");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Disposition")).contains("item-analysis");
    String body = csv.bodyAsString();
    assertThat(body).startsWith("Question,Prompt,Students,Facility,Standard deviation,Discrimination,Choices picked,"
        + "Needs a look\n");
    assertThat(body).contains(",2,0.5,0.5,1,True (correct): 1; False: 1,", "\nCronbach's alpha,", "\nKR-20,");
    assertThat(teacher.get("/quizzes/" + quizId + "/analysis.csv?format=lotus").statusCode()).isEqualTo(400);
  }

  private static String refOf(long questionId) {
    long number = database.queryLong("select substring(ref from 4)::int from question where id = " + questionId);
    return String.format("ro-%03d", number);
  }

  @Test
  @Order(Integer.MAX_VALUE - 1)
  @DisplayName("correcting a key previews the changes, then re-scores in one go for this quiz only, with history")
  void keyFix() {
    String keyPath = "/quizzes/" + quizId + "/questions/" + trueFalseQuestion + "/key";
    boolean key = database.queryLong("select (answer_key->>'value')::boolean::int from question where id = "
        + trueFalseQuestion) == 1;
    String flipped = String.valueOf(!key);
    assertThat(teacher.get(keyPath).bodyAsString()).contains("Key now:", "name=\"answer\" type=\"text\" value=\""
        + key + "\"");

    HttpResponse<Buffer> bad = teacher.postForm(keyPath + "/preview", Map.of("answer", "maybe", "reason", "Typo"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsString()).contains("found `maybe`, expected true or false");

    long strongBefore = database.queryLong("select (score * 100)::bigint from attempt where id = " + strongAttempt);
    String preview = teacher.postForm(keyPath + "/preview", Map.of("answer", flipped, "reason", "The passage says so"))
        .bodyAsString();
    assertThat(preview).contains("Strong Student", "Weak Student", "re-score 2 attempts");
    assertThat(database.queryLong("select count(*) from quiz_key")).as("a preview writes nothing").isZero();

    HttpResponse<Buffer> applied = teacher.postForm(keyPath, Map.of("answer", flipped, "reason", "The passage says so"));
    assertThat(applied.statusCode()).isEqualTo(303);
    assertThat(applied.getHeader("Location")).endsWith("rescored=2");
    assertThat(database.queryLong("select (score * 100)::bigint from attempt where id = " + strongAttempt))
        .isEqualTo(strongBefore - 100);
    assertThat(database.queryLong("select count(*) from score_change where kind = 'rescore' "
        + "and reason = 'Key corrected: The passage says so'")).isEqualTo(2);
    assertThat(database.queryLong("select (answer_key->>'value')::boolean::int from question where id = "
        + trueFalseQuestion)).as("the shared bank keeps its key").isEqualTo(key ? 1 : 0);
    assertThat(teacher.get("/quizzes/" + quizId + "/attempts/" + strongAttempt).bodyAsString())
        .contains("Key corrected: The passage says so");
  }

  @Test
  @Order(Integer.MAX_VALUE)
  @DisplayName("a matching question's key is corrected pair by pair, from its own items, and re-scores its attempts")
  void matchingKeyFix(Vertx vertx) {
    long classId = database.queryLong("select id from class where join_code = 'RES234'");
    long bankId = database.queryLong("select id from bank where slug = 'manufacturing-roles'");
    HttpResponse<Buffer> created = teacher.postForm("/classes/" + classId + "/quizzes", Map.of("title", "Managers",
        "bank", String.valueOf(bankId), "topic", "Factory manager", "attemptsAllowed", "1", "questionCount",
        String.valueOf(database.queryLong("select count(*) from question where topic = 'Factory manager'"))));
    long managersQuiz = Long.parseLong(created.getHeader("Location").substring("/quizzes/".length()));
    long matching = database.queryLong("select id from question where topic = 'Factory manager' "
        + "and type = 'matching'");
    JsonObject bankPairs = new JsonObject().put("A", "production schedules").put("B", "resources")
        .put("C", "work processes").put("D", "quality standards");
    JsonObject swapped = bankPairs.copy().put("B", "work processes").put("C", "resources");
    long followedTheBank = answerOneAndSubmit(vertx, managersQuiz, matching, "Strong Student",
        new JsonObject().put("pairs", bankPairs));
    long swappedTwo = answerOneAndSubmit(vertx, managersQuiz, matching, "Weak Student",
        new JsonObject().put("pairs", swapped));
    long followedBefore = scoreInCents(followedTheBank);
    long swappedBefore = scoreInCents(swappedTwo);
    String keyPath = "/quizzes/" + managersQuiz + "/questions/" + matching + "/key";

    String form = teacher.get(keyPath).bodyAsString();
    assertThat(form).contains("<legend>Corrected pairs</legend>", "<label for=\"match_b\">B. Allocate</label>",
        "<select id=\"match_b\" name=\"match_b\" required>", "<option value=\"resources\" selected>resources");
    assertThat(form).doesNotContain("name=\"answer\"");

    Map<String, String> correction = Map.of("match_a", "production schedules", "match_b", "work processes",
        "match_c", "resources", "match_d", "quality standards", "reason", "B and C were the wrong way round");
    HttpResponse<Buffer> forged = teacher.postForm(keyPath + "/preview", Map.of("match_a", "production schedules",
        "match_b", "budgets", "match_c", "resources", "match_d", "quality standards", "reason", "Typo"));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.bodyAsString()).contains("The match for B (Allocate): found `budgets`, expected one of the "
        + "question&#39;s right-hand items.");
    HttpResponse<Buffer> twice = teacher.postForm(keyPath + "/preview", Map.of("match_a", "resources",
        "match_b", "resources", "match_c", "work processes", "match_d", "quality standards", "reason", "Typo"));
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.bodyAsString()).contains("`resources` is already the match for A");

    String preview = teacher.postForm(keyPath + "/preview", correction).bodyAsString();
    assertThat(preview).contains("Plan ↔ production schedules; Allocate ↔ work processes; Monitor ↔ resources",
        "Strong Student", "Weak Student", "re-score 2 attempts", "name=\"match_b\" value=\"work processes\"");

    HttpResponse<Buffer> applied = teacher.postForm(keyPath, correction);
    assertThat(applied.statusCode()).isEqualTo(303);
    assertThat(applied.getHeader("Location")).endsWith("rescored=2");
    assertThat(scoreInCents(followedTheBank)).as("2 of 4 pairs right now: 1 of 2 points").isEqualTo(followedBefore
        - 100);
    assertThat(scoreInCents(swappedTwo)).as("all 4 pairs right now: 2 of 2 points").isEqualTo(swappedBefore + 100);
    assertThat(database.queryLong("select count(*) from question where id = " + matching
        + " and answer_key->'pairs'->>'B' = 'resources'")).as("the shared bank keeps its key").isEqualTo(1);
  }

  private static long scoreInCents(long attemptId) {
    return database.queryLong("select (score * 100)::bigint from attempt where id = " + attemptId);
  }
}
