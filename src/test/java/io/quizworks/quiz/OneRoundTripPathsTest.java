package io.quizworks.quiz;

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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Start and save each take one statement, with what the node keeps (a quiz's draw plan, an attempt's
 * questions) checked by the database: these are the cases where what is kept, or the one statement, could
 * be wrong, and the answer a student gets must still be the right one.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("One-statement start and save: refusals, races, edited questions and sessions")
class OneRoundTripPathsTest {
  private static TestDatabase database;
  private static Quizworks app;
  private static QuizFixture school;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    app = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions"))).await();
    school = new QuizFixture(database, vertx, app.port(), "paths@school.test", "PATH23");
  }

  @AfterAll
  static void stop(Vertx vertx) {
    app.stop(vertx).await();
    database.close();
  }

  private static void assertRefused(TestClient student, long quizId, String message) {
    HttpResponse<Buffer> refused = QuizFixture.askToStart(student, quizId);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getString("message")).isEqualTo(message);
  }

  private static long attempts(long quizId) {
    return database.queryLong("select count(*) from attempt where quiz_id = " + quizId);
  }

  @Test
  @DisplayName("a quiz not open yet, closed, or used up is refused with the reason, and no attempt is made")
  void refusals() {
    school.student("Rita Refused", "1");
    TestClient rita = school.signIn("Rita Refused");

    long notYet = school.quiz(Map.of("title", "Not yet"));
    database.execute("update quiz set opens_at = now() + interval '1 day' where id = " + notYet);
    assertRefused(rita, notYet, "This quiz has not opened yet.");
    assertThat(attempts(notYet)).isZero();

    long closed = school.quiz(Map.of("title", "Closed"));
    database.execute("update quiz set closes_at = now() - interval '1 minute' where id = " + closed);
    assertRefused(rita, closed, "This quiz has closed.");
    assertThat(attempts(closed)).isZero();

    long once = school.quiz(Map.of("title", "Once"));
    long first = QuizFixture.startAttempt(rita, once);
    rita.json(HttpMethod.POST, "/api/attempts/" + first + "/submit", new JsonObject());
    assertRefused(rita, once, "You have used all 1 attempt at this quiz.");
    assertThat(attempts(once)).isEqualTo(1);
  }

  @Test
  @DisplayName("an attempt whose time ran out unswept is closed and scored before a second one starts")
  void expiredAttemptIsClosedFirst() {
    school.student("Eli Expired", "1");
    TestClient eli = school.signIn("Eli Expired");
    long quizId = school.quiz(Map.of("title", "Twice", "attemptsAllowed", "2"));
    long first = QuizFixture.startAttempt(eli, quizId);
    database.execute("update attempt set deadline = now() - interval '1 hour' where id = " + first);

    long second = QuizFixture.startAttempt(eli, quizId);

    assertThat(second).isNotEqualTo(first);
    assertThat(database.queryLong("select count(*) from attempt where id = " + first
        + " and status = 'auto_submitted' and score is not null")).isEqualTo(1);
    assertThat(database.queryLong("select number from attempt where id = " + second)).isEqualTo(2);
    assertThat(database.queryLong("select count(*) from attempt_question where attempt_id = " + second)).isEqualTo(5);
  }

  @Test
  @DisplayName("another class's quiz is 404, and a quiz made after someone asked for its id can be started")
  void othersQuizAndNewQuiz() {
    school.student("Noor Nosy", "1");
    TestClient noor = school.signIn("Noor Nosy");
    long next = database.queryLong("select coalesce(max(id), 0) + 1 from quiz");
    assertThat(QuizFixture.askToStart(noor, next).statusCode()).isEqualTo(404);

    long quizId = school.quiz(Map.of("title", "Made after the probe"));

    assertThat(quizId).isEqualTo(next);
    assertThat(QuizFixture.startAttempt(noor, quizId)).isPositive();
    QuizFixture other = new QuizFixture(database, school.vertx, app.port(),
        "other-paths@school.test", "OTHR23");
    long theirs = other.quiz(Map.of("title", "Not yours"));
    assertThat(QuizFixture.askToStart(noor, theirs).statusCode()).isEqualTo(404);
    assertThat(attempts(theirs)).isZero();
  }

  @Test
  @DisplayName("a question edited after this node checked answers against it is read again before the next save")
  void editedQuestionIsReadAgain() {
    school.student("Ed Edited", "1");
    TestClient ed = school.signIn("Ed Edited");
    long attemptId = QuizFixture.startAttempt(ed, school.quiz(Map.of("title", "Edited mid-quiz", "questionCount", "20")));
    int position = (int) database.queryLong("select min(aq.position) from attempt_question aq join question q on "
        + "q.id = aq.question_id where q.type = 'single_choice' and aq.attempt_id = " + attemptId);
    long questionId = database.queryLong("select question_id from attempt_question where attempt_id = " + attemptId
        + " and position = " + position);
    JsonObject newChoice = new JsonObject().put("choice", "Z");
    assertThat(QuizFixture.save(ed, attemptId, position, 1, new JsonObject().put("choice", "A")).statusCode())
        .isEqualTo(200);
    assertThat(QuizFixture.save(ed, attemptId, position, 2, newChoice).statusCode()).isEqualTo(400);

    database.execute("update question set content = jsonb_set(content, '{choices}', (content->'choices') || "
        + "'[{\"label\": \"Z\", \"text\": \"A choice added by a re-import\"}]'), updated_at = now() where id = "
        + questionId);

    HttpResponse<Buffer> saved = QuizFixture.save(ed, attemptId, position, 3, newChoice);
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
    assertThat(database.queryLong("select count(*) from response where attempt_id = " + attemptId
        + " and question_id = " + questionId + " and answer->>'choice' = 'Z' and seq = 3")).isEqualTo(1);
  }

  @Test
  @DisplayName("a save with a wrong CSRF token is 403, without a session 401, after the session's time 401: none stored")
  void sessionChecksOfTheSave() {
    long studentId = school.student("Sam Session", "1");
    TestClient sam = school.signIn("Sam Session");
    long attemptId = QuizFixture.startAttempt(sam, school.quiz(Map.of("title", "Sessions")));
    JsonObject body = new JsonObject().put("seq", 1).put("answer", new JsonObject().put("choice", "A"));
    String path = "/api/attempts/" + attemptId + "/answers/1";

    HttpResponse<Buffer> forged = sam.request(HttpMethod.PUT, path).putHeader("X-CSRF-Token", "forged")
        .sendJsonObject(body).await();
    assertThat(forged.statusCode()).isEqualTo(403);

    TestClient stranger = new TestClient(school.vertx, app.port());
    HttpResponse<Buffer> anonymous = stranger.request(HttpMethod.PUT, path).putHeader("X-CSRF-Token", sam.csrf())
        .sendJsonObject(body).await();
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.bodyAsJsonObject().getString("error")).isEqualTo("signed-out");

    database.execute("update session set created_at = now() - interval '30 days' where role = 'student' and user_id = "
        + studentId);
    HttpResponse<Buffer> expired = QuizFixture.save(sam, attemptId, 1, 2, new JsonObject().put("choice", "A"));
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(database.queryLong("select count(*) from response where attempt_id = " + attemptId)).isZero();
  }

  @Test
  @DisplayName("a start with a forged or missing token, from another origin or without a session is 403: no attempt "
      + "made")
  void sessionChecksOfTheStart() {
    school.student("Stella Start", "1");
    TestClient stella = school.signIn("Stella Start");
    long quizId = school.quiz(Map.of("title", "Start checks"));
    String api = "/api/quizzes/" + quizId + "/start";
    String form = "/quizzes/" + quizId + "/start";

    assertThat(stella.request(HttpMethod.POST, api).putHeader("X-CSRF-Token", "forged")
        .sendJsonObject(new JsonObject()).await().statusCode()).as("forged header token").isEqualTo(403);
    assertThat(stella.request(HttpMethod.POST, api).sendJsonObject(new JsonObject()).await().statusCode())
        .as("no token").isEqualTo(403);
    assertThat(stella.request(HttpMethod.POST, api).putHeader("X-CSRF-Token", stella.csrf())
        .putHeader("Origin", "https://elsewhere.example").sendJsonObject(new JsonObject()).await().statusCode())
        .as("right token, other origin").isEqualTo(403);
    assertThat(stella.postRawForm(form, Map.of("_csrf", "forged")).statusCode()).as("forged form token").isEqualTo(403);
    assertThat(stella.postRawForm(form, Map.of()).statusCode()).as("form without token").isEqualTo(403);

    TestClient stranger = new TestClient(school.vertx, app.port());
    assertThat(stranger.request(HttpMethod.POST, api).putHeader("X-CSRF-Token", stella.csrf())
        .sendJsonObject(new JsonObject()).await().statusCode()).as("another session's token, no session: signed out")
        .isEqualTo(401);
    assertThat(stranger.postRawForm(form, Map.of("_csrf", stella.csrf())).statusCode()).isEqualTo(403);
    assertThat(attempts(quizId)).isZero();

    HttpResponse<Buffer> started = stella.postForm(form, Map.of());
    assertThat(started.statusCode()).isEqualTo(303);
    assertThat(started.getHeader("Location")).isEqualTo("/attempts/"
        + database.queryLong("select id from attempt where quiz_id = " + quizId));
    assertThat(attempts(quizId)).isOne();
  }

  @Test
  @DisplayName("the attempt page: its student sees it and stays signed in by it; a teacher, another student or a "
      + "signed-out visitor does not; once time is up it shows the result")
  void attemptPage() {
    long pageId = school.student("Paige Page", "1");
    TestClient paige = school.signIn("Paige Page");
    long attemptId = QuizFixture.startAttempt(paige, school.quiz(Map.of("title", "Page checks")));
    String page = "/attempts/" + attemptId;
    String lastSeen = "select count(*) from session where role = 'student' and user_id = " + pageId
        + " and last_seen_at > now() - interval '1 minute'";

    database.execute("update session set last_seen_at = now() - interval '20 minutes' where role = 'student' "
        + "and user_id = " + pageId);
    HttpResponse<Buffer> shown = paige.get(page);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(shown.bodyAsString()).contains("data-attempt=\"" + attemptId + "\"", "data-csrf=\"" + paige.csrf() + "\"",
        "id=\"q-5\"", "Paige Page");
    assertThat(database.queryLong(lastSeen)).as("the page marks the session seen").isOne();

    school.student("Otto Other", "1");
    assertThat(school.signIn("Otto Other").get(page).statusCode()).as("another student").isEqualTo(404);
    assertThat(school.teacher.get(page).statusCode()).as("the teacher").isEqualTo(404);
    HttpResponse<Buffer> anonymous = new TestClient(school.vertx, app.port()).get(page);
    assertThat(anonymous.statusCode()).isIn(302, 303);
    assertThat(anonymous.getHeader("Location")).startsWith("/student/signin");

    database.execute("update attempt set deadline = now() - interval '1 hour' where id = " + attemptId);
    HttpResponse<Buffer> late = paige.get(page);
    assertThat(late.statusCode()).isEqualTo(303);
    assertThat(late.getHeader("Location")).isEqualTo(page + "/result");
    assertThat(database.queryText("select status from attempt where id = " + attemptId)).isEqualTo("auto_submitted");
  }

  @Test
  @DisplayName("the attempt page shows a question as it is now, after a re-import edited it since the node read it")
  void editedQuestionIsShownAsItIsNow() {
    school.student("Remy Reload", "1");
    TestClient remy = school.signIn("Remy Reload");
    long attemptId = QuizFixture.startAttempt(remy, school.quiz(Map.of("title", "Shown as edited")));
    long questionId = database.queryLong("select question_id from attempt_question where attempt_id = " + attemptId
        + " and position = 1");
    String before = database.queryText("select prompt from question where id = " + questionId);
    assertThat(remy.get("/attempts/" + attemptId).bodyAsString()).doesNotContain("re-imported bank");

    database.execute("update question set prompt = 'Which role reads a re-imported bank?', updated_at = now() "
        + "where id = " + questionId);

    assertThat(remy.get("/attempts/" + attemptId).bodyAsString()).contains("Which role reads a re-imported bank?");
    database.execute("update question set prompt = '" + before.replace("'", "''") + "', updated_at = now() "
        + "where id = " + questionId);
  }
}
