package io.quizworks.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import io.quizworks.web.Templates;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The attempt page built with unanswered questions' sections rendered once for the node must be, byte for byte,
 * the page built by rendering every question where it stands, for every question type. Rows come from PostgreSQL
 * (literal values: no tables), as the page's statements return them.
 */
@DisplayName("The attempt page's unanswered sections, rendered once and filled in per page")
class AttemptViewTest {
  private static final String PAYLOAD = "<script>alert('x')</script> & \"quoted\" \u2014 caf\u00e9 \uE000";

  /** One question of each type; texts carry markup, quotes, accents and a private-use character. */
  private static final String QUESTIONS = """
      select id, now() as updated_at, type, prompt, points, content::jsonb
      from (values
        (1, 'single_choice', 'Pick one: %1$s', 1.00,
         '{"choices":[{"label":"A","text":"First %2$s"},{"label":"B","text":"Second"},{"label":"C","text":"Third"}]}'),
        (2, 'multiple_response', 'Pick some %1$s', 2.50,
         '{"choices":[{"label":"A","text":"Alpha"},{"label":"B","text":"Beta %2$s"},{"label":"C","text":"Gamma"}]}'),
        (3, 'true_false', 'True or not %1$s', 1, '{}'),
        (4, 'short_answer', 'Name it %1$s', 1, '{}'),
        (5, 'numeric', 'How many %1$s', 3, '{}'),
        (6, 'ordering', 'Order these %1$s', 2,
         '{"choices":[{"label":"A","text":"Design %2$s"},{"label":"B","text":"Build"},{"label":"C","text":"Test"}]}'),
        (7, 'matching', 'Match them %1$s', 2,
         '{"choices":[{"label":"A","text":"Welder"},{"label":"B","text":"Machinist %2$s"}],
          "matches":["Joins metal %2$s","Cuts parts"]}')
      ) as q(id, type, prompt, points, content)
      """;

  private static Vertx vertx;
  private static Pool pool;
  private static Templates templates;
  private static List<Row> questions;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().connectingTo(TestDatabase.server().setDatabase("postgres")).using(vertx).build();
    templates = new Templates(vertx);
    String inSql = PAYLOAD.replace("'", "''");
    questions = rows(QUESTIONS.formatted(inSql, inSql.replace("\"", "\\\"")));
  }

  @AfterAll
  static void stop() {
    pool.close().await();
    vertx.close().await();
  }

  @Test
  @DisplayName("shows every type of unanswered question exactly as rendering it in place does, at any position")
  void unansweredSectionsMatchThoseRenderedInPlace() throws Exception {
    ShownQuestions node = nodeHoldingTheQuestions();
    List<Row> first = attemptRows("""
        (1, 1, '["C","A","B"]', '[]', null, false), (2, 2, '["B","C","A"]', '[]', null, false),
        (3, 3, '[]', '[]', null, false), (4, 4, '[]', '[]', null, false), (5, 5, '[]', '[]', '{}', false),
        (6, 6, '["A","C","B"]', '[]', null, false), (7, 7, '["B","A"]', '[1,0]', null, false)""");
    List<Row> reordered = attemptRows("""
        (7, 1, '["B","A"]', '[1,0]', null, false), (6, 2, '["A","C","B"]', '[]', null, false),
        (5, 3, '[]', '[]', null, false), (4, 4, '[]', '[]', null, false), (3, 5, '[]', '[]', null, false),
        (2, 6, '["B","C","A"]', '[]', null, false), (1, 17, '["C","A","B"]', '[]', null, false)""");

    String firstPage = page(node, first, AttemptViewTest::kept);
    assertThat(firstPage).isEqualTo(page(node, first, AttemptView::full))
        .contains("id=\"q-7-B\"", "data-type=\"matching\"", "&lt;script&gt;", "\uE000")
        .doesNotContain("<script>", " checked", "selected>Cuts", "Saved<");
    assertThat(views(node, reordered, AttemptViewTest::kept))
        .allSatisfy(view -> assertThat(view).containsKey("section"));
    assertThat(page(node, reordered, AttemptViewTest::kept))
        .isEqualTo(page(node, reordered, AttemptView::full))
        .contains("id=\"q-17\"", "Flag question 17 to come back to", "for=\"q-17-C\"");
  }

  @Test
  @DisplayName("shows answered and flagged questions as saved, not as the unanswered section kept for their order")
  void answeredAndFlaggedQuestionsAreRenderedInPlace() throws Exception {
    ShownQuestions node = nodeHoldingTheQuestions();
    List<Row> unanswered = attemptRows("""
        (1, 1, '["C","A","B"]', '[]', null, false), (4, 2, '[]', '[]', null, false),
        (7, 3, '["B","A"]', '[1,0]', null, false), (3, 4, '[]', '[]', null, false)""");
    page(node, unanswered, AttemptViewTest::kept);
    List<Row> answered = attemptRows("""
        (1, 1, '["C","A","B"]', '[]', '{"choice":"A"}', false), (4, 2, '[]', '[]', '{"text":"A welder"}', false),
        (7, 3, '["B","A"]', '[1,0]', '{"pairs":{"A":"Cuts parts"}}', false), (3, 4, '[]', '[]', null, true)""");

    assertThat(views(node, answered, AttemptViewTest::kept))
        .noneSatisfy(view -> assertThat(view).containsKey("section"));
    assertThat(page(node, answered, AttemptViewTest::kept))
        .isEqualTo(page(node, answered, AttemptView::full))
        .contains("value=\"A\" checked", "value=\"A welder\"", "selected>Cuts parts</option>",
            "id=\"q-4-flag\" class=\"flag\" checked", "id=\"q-1-state\">Saved<");
  }

  private static ShownQuestions nodeHoldingTheQuestions() {
    ShownQuestions node = new ShownQuestions();
    questions.forEach(node::read);
    return node;
  }

  /** The view the page uses: unanswered sections rendered once for the node. */
  private static Map<String, Object> kept(ShownQuestions.Shown shown, Row row) {
    return AttemptView.question(shown, row, templates);
  }

  private static List<Map<String, Object>> views(ShownQuestions node, List<Row> rows,
      BiFunction<ShownQuestions.Shown, Row, Map<String, Object>> view) {
    return rows.stream().map(row -> view.apply(node.latest(row.getLong("question_id")).orElseThrow(), row)).toList();
  }

  private static String page(ShownQuestions node, List<Row> rows,
      BiFunction<ShownQuestions.Shown, Row, Map<String, Object>> view) throws Exception {
    Map<String, Object> model = new HashMap<>();
    model.put("id", 42L);
    model.put("title", "Sectors " + PAYLOAD);
    model.put("questions", views(node, rows, view));
    model.put("maxSeq", 0L);
    model.put("remainingMs", "60000");
    model.put("csrf", "token");
    return templates.render("attempt", model).toString();
  }

  /** Rows as the attempt page's statement returns them: question, position, orders, saved answer, flag. */
  private static List<Row> attemptRows(String values) {
    return rows("""
        select question_id::bigint, position::integer, choice_order::jsonb, match_order::jsonb, answer::jsonb,
               flagged, null::bigint as seq
        from (values %s) as a(question_id, position, choice_order, match_order, answer, flagged)
        order by position
        """.formatted(values));
  }

  private static List<Row> rows(String sql) {
    List<Row> rows = new ArrayList<>();
    pool.query(sql).execute().await().forEach(rows::add);
    return rows;
  }
}
