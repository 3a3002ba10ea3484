package io.quizworks.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Attempts, over HTTP against a real PostgreSQL")
class AttemptFlowTest {
  private static TestDatabase database;
  private static Quizworks app;
  private static QuizFixture school;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    app = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions"))
        .withSaveGrace(Duration.ofSeconds(2))).await();
    school = new QuizFixture(database, vertx, app.port(), "flow@school.test", "FLOW23");
  }

  @AfterAll
  static void stop(Vertx vertx) {
    app.stop(vertx).await();
    database.close();
  }

  private static long start(TestClient student, long quizId) {
    return QuizFixture.startAttempt(student, quizId);
  }

  private static HttpResponse<Buffer> save(TestClient student, long attemptId, int position, long seq, JsonObject answer) {
    return QuizFixture.save(student, attemptId, position, seq, answer);
  }

  /** A first position holding a true/false question, so tests can send a simple valid answer. */
  private static int trueFalsePosition(long attemptId) {
    return (int) database.queryLong("select min(aq.position) from attempt_question aq join question q on q.id = "
        + "aq.question_id where q.type = 'true_false' and aq.attempt_id = " + attemptId);
  }

  /** Every question of one topic, so each attempt holds its true/false question. */
  private static final String WHOLE_TOPIC = "Production worker";

  private static long wholeTopicSize() {
    return database.queryLong("select count(*) from question where retired_at is null and topic = '" + WHOLE_TOPIC + "'");
  }

  private static long trueFalseQuiz() {
    long bankId = database.queryLong("select id from bank where slug = 'manufacturing-roles'");
    return school.quiz(Map.of("title", "True or false " + System.nanoTime(), "bank", String.valueOf(bankId),
        "topic", WHOLE_TOPIC, "questionCount", String.valueOf(wholeTopicSize())));
  }

  @Test
  @DisplayName("ten simultaneous starts by one student create one attempt")
  void tenStartsOneAttempt(Vertx vertx) {
    school.student("Tess Ten", "1");
    TestClient tess = school.signIn("Tess Ten");
    long quizId = school.quiz(Map.of("title", "Burst"));
    List<Future<HttpResponse<Buffer>>> starts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      starts.add(tess.request(HttpMethod.POST, "/api/quizzes/" + quizId + "/start").putHeader("X-CSRF-Token", tess.csrf())
          .send());
    }
    Future.all(starts).await();
    assertThat(starts).allSatisfy(f -> assertThat(f.result().statusCode()).isEqualTo(200));
    assertThat(starts.stream().map(f -> f.result().bodyAsJsonObject().getLong("attemptId")).distinct()).hasSize(1);
    assertThat(database.queryLong("select count(*) from attempt where quiz_id = " + quizId)).isEqualTo(1);
    assertThat(database.queryLong("select count(*) from attempt_question aq join attempt a on a.id = aq.attempt_id "
        + "where a.quiz_id = " + quizId)).isEqualTo(5);
  }

  @Test
  @DisplayName("an older sequence number never overwrites a newer answer, and a retried save is accepted")
  void orderedSaves() {
    school.student("Olly Order", "1");
    TestClient olly = school.signIn("Olly Order");
    long attemptId = start(olly, trueFalseQuiz());
    int position = trueFalsePosition(attemptId);
    assertThat(save(olly, attemptId, position, 5, new JsonObject().put("value", true)).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> older = save(olly, attemptId, position, 4, new JsonObject().put("value", false));
    assertThat(older.statusCode()).isEqualTo(200);
    assertThat(older.bodyAsJsonObject().getLong("seq")).isEqualTo(5);
    HttpResponse<Buffer> retried = save(olly, attemptId, position, 5, new JsonObject().put("value", true));
    assertThat(retried.statusCode()).isEqualTo(200);
    HttpResponse<Buffer> malformed = olly.json(HttpMethod.PUT, "/api/attempts/" + attemptId + "/answers/" + position,
        new JsonObject().put("seq", "six").put("answer", new JsonObject().put("value", false)));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(database.queryLong("select count(*) from response where attempt_id = " + attemptId
        + " and seq = 5 and answer = '{\"value\": true}'")).isEqualTo(1);
  }

  @Test
  @DisplayName("two tabs saving interleaved with the same session token are all accepted, newest wins")
  void twoTabs() {
    school.student("Tabby Two", "1");
    TestClient tab = school.signIn("Tabby Two");
    long attemptId = start(tab, trueFalseQuiz());
    int position = trueFalsePosition(attemptId);
    tab.get("/attempts/" + attemptId);
    String firstTabToken = tab.csrf();
    tab.get("/attempts/" + attemptId);
    assertThat(tab.csrf()).as("a second tab gets the same token").isEqualTo(firstTabToken);
    List<Integer> statuses = new ArrayList<>();
    for (long seq : new long[] {1, 3, 2, 4, 3}) {
      statuses.add(save(tab, attemptId, position, seq, new JsonObject().put("value", seq % 2 == 0)).statusCode());
    }
    assertThat(statuses).containsOnly(200);
    assertThat(database.queryLong("select seq from response where attempt_id = " + attemptId)).isEqualTo(4);
  }

  @Test
  @DisplayName("a save after the deadline and grace is refused with 409; the answers saved before are scored")
  void deadlinePassed() {
    school.student("Dana Deadline", "1");
    TestClient dana = school.signIn("Dana Deadline");
    long attemptId = start(dana, trueFalseQuiz());
    int position = trueFalsePosition(attemptId);
    assertThat(save(dana, attemptId, position, 1, new JsonObject().put("value", true)).statusCode()).isEqualTo(200);
    database.execute("update attempt set deadline = now() - interval '1 minute' where id = " + attemptId);
    HttpResponse<Buffer> late = save(dana, attemptId, position, 2, new JsonObject().put("value", false));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.bodyAsJsonObject().getString("message")).contains("Time is up");
    HttpResponse<Buffer> time = dana.json(HttpMethod.GET, "/api/attempts/" + attemptId + "/time", null);
    assertThat(time.bodyAsJsonObject().getString("status")).isEqualTo("auto_submitted");
    assertThat(database.queryLong("select count(*) from response where attempt_id = " + attemptId
        + " and answer = '{\"value\": true}' and points is not null")).isEqualTo(1);
    assertThat(database.queryLong("select count(*) from attempt where id = " + attemptId
        + " and submitted_at = deadline and score is not null")).isEqualTo(1);
  }

  @Test
  @DisplayName("twenty simultaneous submits record exactly one submission")
  void concurrentSubmits() {
    school.student("Sam Submit", "1");
    TestClient sam = school.signIn("Sam Submit");
    long attemptId = start(sam, trueFalseQuiz());
    save(sam, attemptId, trueFalsePosition(attemptId), 1, new JsonObject().put("value", true));
    List<Future<HttpResponse<Buffer>>> submits = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      submits.add(sam.request(HttpMethod.POST, "/api/attempts/" + attemptId + "/submit")
          .putHeader("X-CSRF-Token", sam.csrf()).send());
    }
    Future.all(submits).await();
    assertThat(submits).allSatisfy(f -> assertThat(f.result().statusCode()).isEqualTo(200));
    assertThat(database.queryLong("select count(*) from attempt where id = " + attemptId
        + " and status = 'submitted'")).isEqualTo(1);
    assertThat(database.queryLong("select count(*) from response where attempt_id = " + attemptId
        + " and points is not null")).isEqualTo(1);
  }

  /** A student's attempt at a true/false quiz: the true/false question's position, id and bank key. */
  private record TrueFalseAttempt(TestClient student, long quizId, long attemptId, int position, long questionId,
      boolean bankKey) {
    static TrueFalseAttempt begin(String name) {
      school.student(name, "1");
      TestClient student = school.signIn(name);
      long quizId = trueFalseQuiz();
      long attemptId = start(student, quizId);
      int position = trueFalsePosition(attemptId);
      long questionId = database.queryLong("select question_id from attempt_question where attempt_id = "
          + attemptId + " and position = " + position);
      boolean bankKey = database.queryLong("select (answer_key->>'value')::boolean::int from question where id = "
          + questionId) == 1;
      return new TrueFalseAttempt(student, quizId, attemptId, position, questionId, bankKey);
    }

    int save(long seq, boolean value) {
      return AttemptFlowTest.save(student, attemptId, position, seq, new JsonObject().put("value", value)).statusCode();
    }

    int submit() {
      return student.request(HttpMethod.POST, "/api/attempts/" + attemptId + "/submit")
          .putHeader("X-CSRF-Token", student.csrf()).send().await().statusCode();
    }

    long responses(String condition) {
      return database.queryLong("select count(*) from response where attempt_id = " + attemptId + " and " + condition);
    }

    long scoreInHundredths() {
      return database.queryLong("select (score * 100)::bigint from attempt where id = " + attemptId);
    }

    long questionPointsInHundredths() {
      return database.queryLong("select (points * 100)::bigint from question where id = " + questionId);
    }
  }

  @Test
  @DisplayName("a submission totals the points each answer was scored at when saved, the newest answer's")
  void scoredAtSave() {
    TrueFalseAttempt sal = TrueFalseAttempt.begin("Sal Scored");
    assertThat(sal.save(2, sal.bankKey())).isEqualTo(200);
    assertThat(sal.save(1, !sal.bankKey())).as("an older save, arriving late").isEqualTo(200);
    assertThat(sal.responses("points > 0 and outcome = 'correct' and scored_version is not null"))
        .as("scored as saved, before the submission").isEqualTo(1);

    assertThat(sal.submit()).isEqualTo(200);

    assertThat(sal.responses("outcome = 'correct'")).isEqualTo(1);
    assertThat(sal.scoreInHundredths()).isEqualTo(sal.questionPointsInHundredths());
  }

  @Test
  @DisplayName("a key the teacher corrected for the quiz scores the submission, though the save scored by the bank's key")
  void correctedKeyAtSubmission() {
    TrueFalseAttempt cory = TrueFalseAttempt.begin("Cory Corrected");
    assertThat(cory.save(1, cory.bankKey())).isEqualTo(200);
    database.execute("insert into quiz_key (quiz_id, question_id, answer_key) values (" + cory.quizId() + ", "
        + cory.questionId() + ", '{\"value\": " + !cory.bankKey() + "}')");

    assertThat(cory.submit()).isEqualTo(200);

    assertThat(cory.responses("points = 0 and outcome = 'incorrect'")).as("scored by the corrected key").isEqualTo(1);
    assertThat(cory.scoreInHundredths()).isZero();
  }

  @Test
  @DisplayName("a question whose key a re-import changed after the save scores the submission by its key as it is now")
  void questionChangedAfterSave() {
    TrueFalseAttempt remy = TrueFalseAttempt.begin("Remy Reimported");
    assertThat(remy.save(1, remy.bankKey())).isEqualTo(200);
    database.execute("update question set answer_key = jsonb_build_object('value', " + !remy.bankKey()
        + "), updated_at = now() where id = " + remy.questionId());

    assertThat(remy.submit()).isEqualTo(200);

    assertThat(remy.responses("points = 0 and outcome = 'incorrect'")).as("scored by the key as it is now")
        .isEqualTo(1);
    assertThat(remy.scoreInHundredths()).isZero();
  }

  @Test
  @DisplayName("a student asking for another student's attempt gets 404 for the page, saves, time and submit")
  void othersAttempt() {
    school.student("Alice Owner", "1");
    school.student("Mallory Other", "1");
    TestClient alice = school.signIn("Alice Owner");
    TestClient mallory = school.signIn("Mallory Other");
    long attemptId = start(alice, trueFalseQuiz());
    int position = trueFalsePosition(attemptId);
    assertThat(mallory.get("/attempts/" + attemptId).statusCode()).isEqualTo(404);
    assertThat(mallory.get("/attempts/" + attemptId + "/result").statusCode()).isEqualTo(404);
    assertThat(save(mallory, attemptId, position, 9, new JsonObject().put("value", false)).statusCode()).isEqualTo(404);
    assertThat(mallory.json(HttpMethod.GET, "/api/attempts/" + attemptId + "/time", null).statusCode()).isEqualTo(404);
    assertThat(mallory.json(HttpMethod.POST, "/api/attempts/" + attemptId + "/submit", new JsonObject()).statusCode())
        .isEqualTo(404);
    assertThat(database.queryLong("select count(*) from response where attempt_id = " + attemptId)).isZero();
    assertThat(database.queryLong("select count(*) from attempt where id = " + attemptId
        + " and status = 'in_progress'")).isEqualTo(1);
  }

  @Test
  @DisplayName("nothing a student receives during an attempt holds a key, a correctness flag or choice feedback")
  void noKeyBeforeSubmission() {
    school.student("Kim Keyless", "1");
    TestClient kim = school.signIn("Kim Keyless");
    long bankId = database.queryLong("select id from bank where slug = 'manufacturing-roles'");
    long quizId = school.quiz(Map.of("title", "Everything", "bank", String.valueOf(bankId), "questionCount", "24"));
    List<HttpResponse<Buffer>> received = new ArrayList<>();
    received.add(kim.get("/student"));
    HttpResponse<Buffer> started = kim.json(HttpMethod.POST, "/api/quizzes/" + quizId + "/start", new JsonObject());
    received.add(started);
    long attemptId = started.bodyAsJsonObject().getLong("attemptId");
    received.add(kim.get("/attempts/" + attemptId));
    received.add(save(kim, attemptId, 1, 1, new JsonObject()));
    received.add(kim.json(HttpMethod.GET, "/api/attempts/" + attemptId + "/time", null));

    List<String> secrets = new ArrayList<>();
    String visible = "";
    try (var connection = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database.name(),
        TestDatabase.server().getUser(), "");
        var statement = connection.createStatement();
        var rows = statement.executeQuery("select q.feedback, q.answer_key::text, (select string_agg(q2.prompt || "
            + "q2.content::text, ' ') from question q2 join attempt_question aq2 on aq2.question_id = q2.id "
            + "where aq2.attempt_id = aq.attempt_id) from question q join attempt_question aq "
            + "on aq.question_id = q.id where aq.attempt_id = " + attemptId)) {
      while (rows.next()) {
        visible = rows.getString(3).toLowerCase(java.util.Locale.ROOT);
        if (!rows.getString(1).isBlank()) {
          secrets.add(rows.getString(1));
        }
        JsonObject key = new JsonObject(rows.getString(2));
        key.getJsonObject("choiceFeedback", new JsonObject()).forEach(e -> secrets.add((String) e.getValue()));
        key.getJsonArray("accepted", new io.vertx.core.json.JsonArray()).forEach(a -> secrets.add((String) a));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    String shown = visible;
    // A secret that is also shown text (an accepted answer that is a choice elsewhere) proves nothing.
    secrets.removeIf(secret -> shown.contains(secret.toLowerCase(java.util.Locale.ROOT)));
    assertThat(secrets).hasSizeGreaterThan(24);
    for (HttpResponse<Buffer> response : received) {
      String everything = response.headers().toString() + response.bodyAsString();
      assertThat(everything).doesNotContain("answer_key", "choiceFeedback", "\"correct\"", "accepted", "tolerance");
      for (String secret : secrets) {
        assertThat(everything).as("a response leaks: " + secret).doesNotContain(secret);
      }
    }
    assertThat(received.get(2).getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  @DisplayName("after signing out and in again the student resumes with every saved answer")
  void resumeAfterNewSignIn() {
    school.student("Rae Resume", "1");
    TestClient first = school.signIn("Rae Resume");
    long attemptId = start(first, trueFalseQuiz());
    int position = trueFalsePosition(attemptId);
    save(first, attemptId, position, 1, new JsonObject().put("value", false));
    first.postForm("/signout", Map.of());
    assertThat(first.get("/attempts/" + attemptId).statusCode()).isEqualTo(302);

    TestClient again = school.signIn("Rae Resume");
    String page = again.get("/attempts/" + attemptId).bodyAsString();
    assertThat(page).contains("id=\"q-" + position + "-false\" name=\"q-" + position + "\" value=\"false\" checked");
  }

  @Test
  @DisplayName("the deadline is start + limit × allowance, capped by the close time plus the student's extra time")
  void deadlines() {
    school.student("Ari Allowance", "1.5");
    TestClient ari = school.signIn("Ari Allowance");
    long open = trueFalseQuiz();
    long attemptId = start(ari, open);
    assertThat(database.queryLong("select round(extract(epoch from deadline - started_at)) from attempt where id = "
        + attemptId)).isEqualTo(15 * 60);

    String closesSoon = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(4).withNano(0).toString();
    long closing = school.quiz(Map.of("title", "Closing soon", "closesAt", closesSoon.substring(0, 16)));
    long capped = start(ari, closing);
    assertThat(database.queryLong("select round(extract(epoch from a.deadline - z.closes_at)) from attempt a join quiz z "
        + "on z.id = a.quiz_id where a.id = " + capped)).as("close time plus half the 10-minute limit").isEqualTo(5 * 60);

    school.student("Noor NoAllowance", "1");
    TestClient noor = school.signIn("Noor NoAllowance");
    long cut = start(noor, closing);
    assertThat(database.queryLong("select round(extract(epoch from a.deadline - z.closes_at)) from attempt a join quiz z "
        + "on z.id = a.quiz_id where a.id = " + cut)).isZero();
  }

  @Test
  @DisplayName("minutes a teacher adds show in the student's remaining time at the next sync")
  void addMinutes() {
    school.student("Mo Minutes", "1");
    TestClient mo = school.signIn("Mo Minutes");
    long quizId = trueFalseQuiz();
    long attemptId = start(mo, quizId);
    long before = mo.json(HttpMethod.GET, "/api/attempts/" + attemptId + "/time", null).bodyAsJsonObject()
        .getLong("remainingMs");
    school.teacher.get("/quizzes/" + quizId);
    HttpResponse<Buffer> added = school.teacher.postForm("/quizzes/" + quizId + "/attempts/" + attemptId + "/minutes",
        Map.of("minutes", "5"));
    assertThat(added.statusCode()).isEqualTo(303);
    long after = mo.json(HttpMethod.GET, "/api/attempts/" + attemptId + "/time", null).bodyAsJsonObject()
        .getLong("remainingMs");
    assertThat(after - before).isBetween(4 * 60_000L, 5 * 60_000L + 1000);
  }

  @Test
  @DisplayName("a submitted attempt shows what the review policy allows: score only, or the key and feedback")
  void reviewPolicies() {
    school.student("Val Review", "1");
    TestClient val = school.signIn("Val Review");
    long scoreOnly = trueFalseQuiz();
    long first = start(val, scoreOnly);
    val.json(HttpMethod.POST, "/api/attempts/" + first + "/submit", new JsonObject());
    String scorePage = val.get("/attempts/" + first + "/result").bodyAsString();
    assertThat(scorePage).contains("Score:").doesNotContain("Your answer:", "Correct answer:");

    long bankId = database.queryLong("select id from bank where slug = 'manufacturing-roles'");
    long full = school.quiz(Map.of("title", "Full review", "bank", String.valueOf(bankId), "topic", WHOLE_TOPIC,
        "questionCount", String.valueOf(wholeTopicSize()), "reviewPolicy", "full"));
    long second = start(val, full);
    int position = trueFalsePosition(second);
    save(val, second, position, 1, new JsonObject().put("value", true));
    val.json(HttpMethod.POST, "/api/attempts/" + second + "/submit", new JsonObject());
    String fullPage = val.get("/attempts/" + second + "/result").bodyAsString();
    assertThat(fullPage).contains("Score:", "Your answer: True", "Correct answer:");
  }

  @Test
  @DisplayName("the sweep finalises an attempt whose page is gone once its deadline and grace have passed")
  void sweep() {
    school.student("Gus Gone", "1");
    TestClient gus = school.signIn("Gus Gone");
    long attemptId = start(gus, trueFalseQuiz());
    save(gus, attemptId, trueFalsePosition(attemptId), 1, new JsonObject().put("value", true));
    database.execute("update attempt set deadline = now() - interval '10 minutes' where id = " + attemptId);
    int swept = new Attempts(app.pool(), Duration.ofSeconds(2)).sweep().await();
    assertThat(swept).isGreaterThanOrEqualTo(1);
    assertThat(database.queryLong("select count(*) from attempt where id = " + attemptId
        + " and status = 'auto_submitted' and score is not null")).isEqualTo(1);
    assertThat(new Attempts(app.pool(), Duration.ofSeconds(2)).sweep().await()).as("nothing left to sweep").isZero();
  }

  @Test
  @DisplayName("another teacher gets 404 for a quiz's page and cannot add minutes to its attempts")
  void otherTeacher() {
    school.student("Ivy Isolated", "1");
    TestClient ivy = school.signIn("Ivy Isolated");
    long quizId = trueFalseQuiz();
    long attemptId = start(ivy, quizId);
    TestClient stranger = new TestClient(school.vertx, school.port);
    stranger.signUpTeacher("Stranger", "stranger@school.test", "stranger password");
    assertThat(stranger.get("/quizzes/" + quizId).statusCode()).isEqualTo(404);
    assertThat(stranger.get("/classes/" + school.classId + "/quizzes/new").statusCode()).isEqualTo(404);
    HttpResponse<Buffer> minutes = stranger.postForm("/quizzes/" + quizId + "/attempts/" + attemptId + "/minutes",
        Map.of("minutes", "30"));
    assertThat(minutes.statusCode()).isEqualTo(404);
    assertThat(database.queryLong("select added_minutes from attempt where id = " + attemptId)).isZero();
    assertThat(ivy.get("/quizzes/" + quizId).statusCode()).as("a student gets no teacher page").isEqualTo(404);
  }
}
