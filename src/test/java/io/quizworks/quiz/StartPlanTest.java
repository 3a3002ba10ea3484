package io.quizworks.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import io.quizworks.system.DatabaseBootstrap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A start in the middle of an exam burst, planned from statistics gathered before the exam, after last week's
 * exam had ended and no attempt was in progress: the state autovacuum leaves a database in until its next
 * analyse, a minute or more after thousands of students have started. The start must find the student's open
 * attempt by its own index entry, not by reading every attempt in progress (which made a 10,000-student burst
 * quadratic).
 */
@DisplayName("Starting an attempt while thousands are in progress and the statistics predate them")
class StartPlanTest {
  private static final int IN_PROGRESS = 2_000;
  private static TestDatabase database;
  private static long quizId;
  private static long latecomer;

  @BeforeAll
  static void examUnderWay() {
    database = TestDatabase.create();
    new DatabaseBootstrap(database.options()).prepare();
    database.execute("insert into teacher (email, name, password_hash) values ('t@plan.test', 'T', 'x')");
    database.execute("insert into class (teacher_id, name, join_code) select id, 'Plan', 'PLAN2345' from teacher");
    database.execute("insert into student (class_id, display_name, password_hash) "
        + "select c.id, 'Student ' || n, 'x' from class c, generate_series(1, " + (IN_PROGRESS + 1) + ") n");
    database.execute("insert into quiz (class_id, title, question_count, time_limit_minutes, opens_at, "
        + "attempts_allowed) select id, title, 20, 30, now() - interval '1 minute', 1 from class, "
        + "(values ('Last week'), ('Exam')) as t(title)");
    long lastWeek = database.queryLong("select id from quiz where title = 'Last week'");
    quizId = database.queryLong("select id from quiz where title = 'Exam'");
    latecomer = database.queryLong("select max(id) from student");
    database.execute("insert into session (id_hash, role, user_id, csrf_token) values ('latecomer', 'student', "
        + latecomer + ", 'token')");
    database.execute("insert into attempt (quiz_id, student_id, number, seed, deadline) "
        + "select " + lastWeek + ", id, 1, 0, now() + interval '30 minutes' from student");
    database.execute("update attempt set status = 'submitted', submitted_at = now()");
    database.execute("vacuum analyze");
    database.execute("insert into attempt (quiz_id, student_id, number, seed, deadline) "
        + "select " + quizId + ", id, 1, 0, now() + interval '30 minutes' from student where id <> " + latecomer);
  }

  @AfterAll
  static void drop() {
    database.close();
  }

  @Test
  @DisplayName("reads the student's own rows, not every attempt in progress")
  void readsOnlyTheStudentsOwnRows() {
    String start = QuizSql.START_ATTEMPT.replace("#{idHash}", "'latecomer'").replace("#{csrf}", "'token'")
        .replace("#{idle}", "1800").replace("#{absolute}", "43200")
        .replace("#{quizId}", String.valueOf(quizId)).replace("#{grace}", "30").replace("#{seed}", "1")
        .replace("#{questionIds}", "'{}'::bigint[]").replace("#{choiceOrders}", "'[]'::jsonb")
        .replace("#{matchOrders}", "'[]'::jsonb");
    database.execute("create table plan_out (plan json)");
    database.execute("do $$ declare p json; begin execute 'explain (analyze, buffers, format json) "
        + start.replace("'", "''") + "' into p; insert into plan_out values (p); end $$");

    long rowsPassedOver = database.queryLong("select coalesce(sum(removed::text::bigint), 0) from plan_out, "
        + "jsonb_path_query(plan::jsonb, 'strict $.**.\"Rows Removed by Filter\"') as removed");
    assertThat(rowsPassedOver).as("rows one start reads and passes over, with %d attempts in progress", IN_PROGRESS)
        .isLessThan(50);
  }
}
