package io.quizworks.gradebook;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.quizworks.support.Draws;
import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * A small class seeded with SQL for the export tests, with every awkward thing a gradebook meets: names
 * with a comma, quotes, accents, a line break, a formula ({@code =HYPERLINK("http://x")}) and a leading
 * minus ({@code -Robert}); a class name with a comma and quotes; a quiz title that looks like a formula;
 * scores with decimals; an attempt whose maximum differs from the quiz's (scaled); an attempt in progress;
 * a student with no attempts and a quiz nobody has taken; the four grading methods. Times are fixed and the
 * server runs in America/Chicago, so every export is the same byte for byte on any day.
 *
 * <p>The database sorts with the C collation (byte order after lower-casing) so the row order, and with it
 * the golden files, does not depend on the PostgreSQL cluster's locale. The questions come from the fixture
 * bank {@code src/test/resources/golden/bank/export-fixture.csv}, not from {@code questions/}, so an edit
 * to the shipped banks cannot change the goldens.
 */
final class ExportFixture implements AutoCloseable {
  static final ZoneId ZONE = ZoneId.of("America/Chicago");
  static final String BANK_DIR = "src/test/resources/golden/bank";
  static final String PASSWORD = "student password";
  static final String CLASS_NAME = "Période 3, \"Atelier\"";

  final TestDatabase database;
  final Quizworks app;
  final Vertx vertx;
  final TestClient teacher;
  final long teacherId;
  final long classId;
  final long roles;
  final long safety;
  final long average;
  final long notYet;

  private ExportFixture(Vertx vertx) {
    this.vertx = vertx;
    String name = TestDatabase.freshName();
    // The C collation: the same row order on every cluster, whatever its locale.
    TestDatabase.admin("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    database = TestDatabase.adopt(name);
    app = Quizworks.start(vertx, config(database.options())).await();
    teacher = new TestClient(vertx, app.port());
    teacher.signUpTeacher("Exporting Teacher", "exports@school.test", "teacher password");
    teacherId = database.queryLong("select id from teacher where email = 'exports@school.test'");
    classId = database.queryLong("insert into class (teacher_id, name, join_code) values (" + teacherId + ", "
        + literal(CLASS_NAME) + ", 'EXP234') returning id");

    long robert = student("-Robert", "1005", "robert@school.test", false);
    long hyper = student("=HYPERLINK(\"http://x\")", "1004", "hyper@school.test", false);
    long ben = student("Ben\nCarter", "1003", null, false);
    long chloe = student("Chloé \"Coco\" Nguyễn", "1002", "chloe@school.test", false);
    long ana = student("Ortiz, Ana", "1001", "ana.ortiz@school.test", true);
    student("Zoë Åberg", null, "zoe@school.test", false);

    roles = quiz("Roles check", "highest", 2, 4, "{}", "2026-11-01 12:00:00+00");
    safety = quiz("Safety, \"PPE\" & you", "last", 3, 3, "{}", "2026-11-02 12:00:00+00");
    average = quiz("@SUM(1+1) average", "average", 3, 3, "{}", "2026-11-03 12:00:00+00");
    notYet = quiz("Not yet started", "first", 1, 2, "{Safety}", "2026-11-04 12:00:00+00");

    // Roles check (highest): out of 10, the largest maximum of its submitted attempts.
    long ana1 = attempt(roles, ana, 1, "submitted", "2026-11-25 15:00:00+00", "2026-11-25 15:14:03+00", "4", "10");
    answer(ana1, 1, "fx-001", "{\"choice\": \"A\"}", "0");
    answer(ana1, 2, "fx-002", "{\"choices\": [\"A\", \"B\", \"C\"]}", "1");
    answer(ana1, 3, "fx-004", "{\"text\": \"=1+2\"}", "0");
    answer(ana1, 4, "fx-007", "{\"pairs\": {\"A\": \"Optimises production systems\", \"B\": \"Operates machinery\", "
        + "\"C\": \"Plans production schedules\"}}", "3");
    long ana2 = attempt(roles, ana, 2, "submitted", "2026-11-26 14:00:00+00", "2026-11-26 14:09:30+00", "9", "10");
    answer(ana2, 1, "fx-004", "{\"text\": \"Goggles.\"}", "2.5");
    answer(ana2, 2, "fx-001", "{\"choice\": \"B\"}", "2.5");
    answer(ana2, 3, "fx-007", "{\"pairs\": {\"A\": \"Optimises production systems\", \"B\": \"Plans production "
        + "schedules\", \"C\": \"Operates machinery\"}}", "1");
    answer(ana2, 4, "fx-002", "{\"choices\": [\"A\", \"B\"]}", "2");
    // Out of 8 (it drew cheaper questions): 5.67 of 8 is kept as 7.09 of 10. Submitted by the clock.
    long chloe1 = attempt(roles, chloe, 1, "auto_submitted", "2026-11-25 15:01:00.25+00", "2026-11-25 15:11:00.75+00",
        "5.67", "8");
    answer(chloe1, 1, "fx-001", "{\"choice\": \"B\"}", "2.5");
    answer(chloe1, 2, "fx-004", "{\"text\": \"Safety glasses\"}", "2.5");
    answer(chloe1, 3, "fx-006", "{\"order\": [\"A\", \"C\", \"B\"]}", "0.67");
    answer(chloe1, 4, "fx-005", "{\"number\": \"-2.5\"}", "0");
    long robert1 = attempt(roles, robert, 1, "submitted", "2026-11-25 15:02:00+00", "2026-11-25 15:03:00+00", "0", "10");
    answer(robert1, 1, "fx-001", "{\"choice\": \"C\"}", "0");
    answer(robert1, 2, "fx-002", "{\"choices\": [\"C\"]}", "0");
    answer(robert1, 3, "fx-004", "{\"text\": \"@admin\"}", "0");
    drawn(robert1, 4, "fx-007");
    // In progress (no deadline, so the sweep leaves it be): not in the gradebook, listed in the results.
    long hyper1 = attempt(roles, hyper, 1, "in_progress", "2026-11-25 15:05:00+00", null, null, null);
    answer(hyper1, 1, "fx-003", "{\"value\": true}", null);

    // Safety (last): the last submitted attempt counts; an attempt in progress does not.
    attempt(safety, ana, 1, "submitted", "2026-11-27 15:00:00+00", "2026-11-27 15:05:00+00", "5", "5");
    attempt(safety, ana, 2, "submitted", "2026-11-27 16:00:00+00", "2026-11-27 16:05:00+00", "2.5", "5");
    attempt(safety, ben, 1, "submitted", "2026-11-27 15:00:00+00", "2026-11-27 15:04:00+00", "4", "5");
    attempt(safety, ben, 2, "in_progress", "2026-11-27 17:00:00+00", null, null, null);
    attempt(safety, hyper, 1, "submitted", "2026-11-27 15:00:00+00", "2026-11-27 15:06:00+00", "3.25", "5");

    // @SUM(1+1) average (average): 7 and 8 give 7.5; 7, 8 and 8 give 7.67.
    attempt(average, chloe, 1, "submitted", "2026-11-28 15:00:00+00", "2026-11-28 15:05:00+00", "7", "10");
    attempt(average, chloe, 2, "submitted", "2026-11-28 16:00:00+00", "2026-11-28 16:05:00+00", "8", "10");
    attempt(average, robert, 1, "submitted", "2026-11-28 15:00:00+00", "2026-11-28 15:05:00+00", "7", "10");
    attempt(average, robert, 2, "submitted", "2026-11-28 16:00:00+00", "2026-11-28 16:05:00+00", "8", "10");
    attempt(average, robert, 3, "submitted", "2026-11-28 17:00:00+00", "2026-11-28 17:05:00+00", "8", "10");
    // Not yet started: no attempts; out of the two best Safety questions it can draw, 3 + 2.5.
  }

  static ExportFixture start(Vertx vertx) {
    return new ExportFixture(vertx);
  }

  /** The school runs in Chicago; everything else as a test server has it. */
  static Config config(PgConnectOptions database) {
    return Config.fromEnvironment(Map.of(
        "PORT", "0",
        "PGHOST", database.getHost(),
        "PGPORT", String.valueOf(database.getPort()),
        "PGDATABASE", database.getDatabase(),
        "PGUSER", database.getUser(),
        "PGPASSWORD", database.getPassword() == null ? "" : database.getPassword(),
        "QUIZWORKS_QUESTIONS_DIR", BANK_DIR,
        "QUIZWORKS_TIME_ZONE", ZONE.getId()));
  }

  int port() {
    return app.port();
  }

  /** The date a download made now is named after. */
  static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  /** A student of another teacher's class would do too; this one is in the fixture class. */
  TestClient signInStudent(String name) {
    TestClient client = new TestClient(vertx, app.port());
    client.signInStudent("EXP234", name, PASSWORD);
    return client;
  }

  private long student(String name, String number, String email, boolean canSignIn) {
    String hash = canSignIn ? Password.hash(PASSWORD).addRandomSalt(16)
        .with(Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID)).getResult() : null;
    return database.queryLong("insert into student (class_id, display_name, student_number, email, password_hash) "
        + "values (" + classId + ", " + literal(name) + ", " + literal(number) + ", " + literal(email) + ", "
        + literal(hash) + ") returning id");
  }

  private long quiz(String title, String gradingMethod, int attemptsAllowed, int questionCount, String topics,
      String createdAt) {
    long id = database.queryLong("insert into quiz (class_id, title, topics, question_count, attempts_allowed, "
        + "grading_method, created_at) values (" + classId + ", " + literal(title) + ", '" + topics + "', "
        + questionCount + ", " + attemptsAllowed + ", '" + gradingMethod + "', '" + createdAt + "') returning id");
    database.execute("insert into quiz_bank (quiz_id, bank_id) select " + id + ", id from bank where slug = "
        + "'export-fixture'");
    return id;
  }

  private long attempt(long quizId, long studentId, int number, String status, String startedAt, String submittedAt,
      String score, String maxScore) {
    return database.queryLong("insert into attempt (quiz_id, student_id, number, seed, started_at, deadline, status, "
        + "submitted_at, score, max_score) values (" + quizId + ", " + studentId + ", " + number + ", 1, '" + startedAt
        + "', " + ("auto_submitted".equals(status) ? literal(submittedAt) : "null") + ", '" + status + "', "
        + literal(submittedAt) + ", " + (score == null ? "null" : score) + ", " + (maxScore == null ? "null" : maxScore)
        + ") returning id");
  }

  private void drawn(long attemptId, int position, String ref) {
    database.execute(Draws.appendQuestion(attemptId, ref));
    if (database.queryLong("select cardinality(question_ids) from attempt where id = " + attemptId) != position) {
      throw new IllegalStateException(ref + " was not drawn at position " + position + " of attempt " + attemptId);
    }
  }

  private void answer(long attemptId, int position, String ref, String json, String points) {
    drawn(attemptId, position, ref);
    database.execute("insert into response (attempt_id, question_id, answer, seq, points) select " + attemptId + ", id, "
        + literal(json) + "::jsonb, 1, " + (points == null ? "null" : points) + " from question where ref = '" + ref
        + "'");
  }

  /** A SQL string literal (standard_conforming_strings is on: only quotes need doubling), or null. */
  static String literal(String value) {
    return value == null ? "null" : "'" + value.replace("'", "''") + "'";
  }

  @Override
  public void close() {
    teacher.close();
    app.stop(vertx).await();
    database.close();
  }
}
