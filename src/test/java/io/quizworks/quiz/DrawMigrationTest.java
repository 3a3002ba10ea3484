package io.quizworks.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quizworks.support.TestDatabase;
import io.vertx.pgclient.PgConnectOptions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a school's database moves every attempt's draw from its attempt_question rows into the attempt row
 * (V9): what each student was shown, in which order, and what they answered, is the same afterwards.
 */
@DisplayName("Moving the draw into the attempt row (migration V9)")
class DrawMigrationTest {
  private static final String DRAWS = "select string_agg(attempt_id || ':' || position || ':' || question_id || ':' "
      + "|| choice_order::text || ':' || match_order::text, ' ' order by attempt_id, position) from attempt_question";
  private static final String RESPONSES = "select string_agg(attempt_id || ':' || question_id || ':' || answer::text "
      + "|| ':' || seq, ' ' order by attempt_id, question_id) from response";

  private static TestDatabase database;
  private static String drawsBefore;
  private static String responsesBefore;

  @BeforeAll
  static void upgradeAnExamInProgress() {
    database = TestDatabase.create();
    migrate("8");
    database.execute("insert into bank (slug, title) values ('mfg', 'Manufacturing')");
    database.execute("insert into question (bank_id, ref, position, type, prompt, points, topic, difficulty, content, "
        + "answer_key) select b.id, 'q' || i, i, case when i = 3 then 'matching' else 'single_choice' end, "
        + "'Prompt ' || i, 1, 'roles', 'easy', '{\"choices\": [{\"label\": \"A\", \"text\": \"a\"}, "
        + "{\"label\": \"B\", \"text\": \"b\"}], \"matches\": [\"x\", \"y\"]}', '{}' "
        + "from bank b, generate_series(1, 3) i");
    database.execute("insert into teacher (email, name, password_hash) values ('t@school.test', 'T', 'x')");
    database.execute("insert into class (teacher_id, name, join_code) select id, 'Class', 'JOIN22' from teacher");
    database.execute("insert into student (class_id, display_name) select c.id, 'Student ' || i from class c, "
        + "generate_series(1, 2) i");
    database.execute("insert into quiz (class_id, title, question_count) select id, 'Quiz', 3 from class");
    database.execute("insert into attempt (quiz_id, student_id, number, seed, deadline) select z.id, s.id, 1, s.id, "
        + "now() + interval '20 minutes' from quiz z, student s");
    database.execute("insert into attempt_question (attempt_id, position, question_id, choice_order, match_order) "
        + "select a.id, 4 - q.position, q.id, case when a.id % 2 = 0 then '{B,A}' else '{A,B}' end::text[], "
        + "case when q.type = 'matching' then '{1,0}' else '{}' end::int[] "
        + "from attempt a, question q");
    database.execute("insert into response (attempt_id, question_id, answer, seq) select a.id, q.id, "
        + "'{\"choice\": \"B\"}', 7 from attempt a join question q on q.position = 2");
    drawsBefore = database.queryText(DRAWS);
    responsesBefore = database.queryText(RESPONSES);
    migrate("latest");
  }

  @AfterAll
  static void drop() {
    database.close();
  }

  private static void migrate(String target) {
    PgConnectOptions server = TestDatabase.server();
    Flyway.configure()
        .dataSource(database.jdbcUrl(), server.getUser(), server.getPassword())
        .locations("classpath:db/migration").target(target).load().migrate();
  }

  @Test
  @DisplayName("keeps every attempt's questions, positions, choice and match orders, and every saved answer")
  void keepsEveryDrawAndAnswer() {
    assertThat(drawsBefore).contains(":{B,A}:", ":{1,0}");
    assertThat(database.queryText(DRAWS)).isEqualTo(drawsBefore);
    assertThat(database.queryText(RESPONSES)).isEqualTo(responsesBefore);
    assertThat(database.queryLong("select count(*) from attempt where cardinality(question_ids) = 3")).isEqualTo(2);
  }

  @Test
  @DisplayName("refuses a draw that holds a question twice or whose orders do not match its questions")
  void refusesMalformedDraws() {
    long attempt = database.queryLong("select min(id) from attempt");
    assertThatThrownBy(() -> database.execute("update attempt set question_ids[2] = question_ids[1] "
        + "where id = " + attempt))
        .rootCause().hasMessageContaining("attempt_draw_well_formed");
    assertThatThrownBy(() -> database.execute("update attempt set choice_orders = choice_orders - 0 "
        + "where id = " + attempt))
        .rootCause().hasMessageContaining("attempt_draw_well_formed");
    assertThat(database.queryText(DRAWS)).isEqualTo(drawsBefore);
  }
}
