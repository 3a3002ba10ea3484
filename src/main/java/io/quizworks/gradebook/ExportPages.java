package io.quizworks.gradebook;

import io.quizworks.bank.QuestionRows;
import io.quizworks.web.Forms;
import io.quizworks.web.Guards;
import io.quizworks.web.Principal;
import io.quizworks.web.Templates;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The CSV exports and the page that offers them, for the teacher who owns the class: the class gradebook
 * in a layout an LMS imports, and per quiz its results (one row per attempt) and responses (one row per
 * student). Anyone else is answered as if there were nothing there.
 */
public final class ExportPages {
  private final Pool pool;
  private final Templates templates;
  private final ZoneId zone;
  private final Clock clock;

  public ExportPages(Pool pool, Templates templates, ZoneId zone) {
    this.pool = pool;
    this.templates = templates;
    this.zone = zone;
    this.clock = Clock.system(zone);
  }

  public void mount(Router router) {
    router.get("/classes/:classId/exports").handler(Guards.teacher()).handler(this::page);
    router.get("/classes/:classId/gradebook.csv").handler(Guards.teacher()).handler(this::gradebook);
    router.get("/quizzes/:quizId/results.csv").handler(Guards.teacher()).handler(this::results);
    router.get("/quizzes/:quizId/responses.csv").handler(Guards.teacher()).handler(this::responses);
  }

  private void page(RoutingContext ctx) {
    long classId = Forms.pathId(ctx, "classId");
    ownedClass(ctx, classId).onSuccess(owned -> {
      if (owned.isEmpty()) {
        Guards.denied(ctx, "class " + classId);
        return;
      }
      Map<String, Object> parameters = Map.of("classId", classId);
      query(ExportSql.CLASS_QUIZZES, parameters).compose(quizzes -> query(ExportSql.ROSTER_GAPS, parameters)
          .map(gaps -> {
            Map<String, Object> data = new HashMap<>();
            data.put("classId", classId);
            data.put("className", owned.get().getString("name"));
            data.put("quizzes", quizzes.stream().map(ExportPages::quizView).toList());
            Row roster = gaps.get(0);
            data.put("students", roster.getLong("students"));
            data.put("withoutEmail", roster.getLong("without_email"));
            data.put("withoutNumber", roster.getLong("without_number"));
            data.put("layouts", List.of(GradebookLayout.values()).stream().map(layout -> Map.of("value",
                layout.parameter(), "label", layout.label(), "hint", layout.hint())).toList());
            data.put("formats", List.of(SpreadsheetFormat.values()).stream().map(format -> Map.of("value",
                format.parameter(), "label", format.label(), "hint", format.hint())).toList());
            data.put("zone", zone.getId());
            return data;
          }))
          .onSuccess(data -> templates.respond(ctx, "exports", data))
          .onFailure(ctx::fail);
    }).onFailure(ctx::fail);
  }

  private static Map<String, Object> quizView(Row row) {
    return Map.of("id", row.getLong("id"), "title", row.getString("title"), "gradingMethod",
        row.getString("grading_method"), "attempts", row.getLong("attempts"), "submitted", row.getLong("submitted"));
  }

  private void gradebook(RoutingContext ctx) {
    Optional<GradebookLayout> chosenLayout = GradebookLayout.named(ctx.request().getParam("layout"));
    Optional<SpreadsheetFormat> chosenFormat = SpreadsheetFormat.named(ctx.request().getParam("format"));
    if (chosenLayout.isEmpty() || chosenFormat.isEmpty()) {
      ctx.fail(400);
      return;
    }
    GradebookLayout layout = chosenLayout.get();
    SpreadsheetFormat format = chosenFormat.get();
    long classId = Forms.pathId(ctx, "classId");
    ownedClass(ctx, classId).onSuccess(owned -> {
      if (owned.isEmpty()) {
        Guards.denied(ctx, "class " + classId);
        return;
      }
      String section = owned.get().getString("name");
      String disposition = FileNames.contentDisposition(today(), section, "gradebook", layout.parameter());
      CsvStream.send(ctx, pool, format, disposition, connection -> connection
          .preparedQuery(ExportSql.GRADEBOOK_QUIZZES).execute(Tuple.of(classId)).map(rows -> {
            List<GradebookLayout.QuizColumn> quizzes = new ArrayList<>();
            rows.forEach(row -> quizzes.add(new GradebookLayout.QuizColumn(row.getLong("id"), row.getString("title"),
                decimal(row.getString("points_possible")))));
            return new CsvStream.Plan(layout.header(section, quizzes, format), ExportSql.GRADEBOOK_ROWS,
                Tuple.of(classId), row -> layout.row(section, quizzes, scores(row, quizzes), format));
          }));
    }).onFailure(ctx::fail);
  }

  /** A student's row with their kept scores put in the order of the quiz columns. */
  static GradebookLayout.StudentScores scores(Row row, List<GradebookLayout.QuizColumn> quizzes) {
    JsonObject kept = row.getJsonObject("scores");
    List<BigDecimal> scores = new ArrayList<>();
    for (GradebookLayout.QuizColumn quiz : quizzes) {
      scores.add(kept == null ? null : decimal(kept.getString(Long.toString(quiz.id()))));
    }
    return new GradebookLayout.StudentScores(row.getLong("id"), row.getString("display_name"),
        row.getString("student_number"), row.getString("email"), scores);
  }

  /**
   * A quiz export: checks the format and that the quiz is the teacher's, then streams what {@code plan}
   * describes under a file name ending in {@code kind}.
   */
  private void quizExport(RoutingContext ctx, String kind,
      BiFunction<Long, SpreadsheetFormat, Function<SqlConnection, Future<CsvStream.Plan>>> plan) {
    Optional<SpreadsheetFormat> chosenFormat = SpreadsheetFormat.named(ctx.request().getParam("format"));
    if (chosenFormat.isEmpty()) {
      ctx.fail(400);
      return;
    }
    SpreadsheetFormat format = chosenFormat.get();
    long quizId = Forms.pathId(ctx, "quizId");
    ownedQuiz(ctx, quizId).onSuccess(owned -> {
      if (owned.isEmpty()) {
        Guards.denied(ctx, "quiz " + quizId);
        return;
      }
      Row quiz = owned.get();
      String disposition = FileNames.contentDisposition(today(), quiz.getString("class_name"), quiz.getString("title"),
          kind);
      CsvStream.send(ctx, pool, format, disposition, plan.apply(quizId, format));
    }).onFailure(ctx::fail);
  }

  private void results(RoutingContext ctx) {
    quizExport(ctx, "results", (quizId, format) -> connection -> Future.succeededFuture(new CsvStream.Plan(
        ResultsRows.header(format), ExportSql.RESULTS_ROWS, Tuple.of(quizId),
        row -> ResultsRows.row(attempt(row), format, zone))));
  }

  private static ResultsRows.Attempt attempt(Row row) {
    return new ResultsRows.Attempt(row.getString("display_name"), row.getString("student_number"),
        row.getInteger("number"), row.getString("status"), row.getOffsetDateTime("started_at"),
        row.getOffsetDateTime("submitted_at"), row.getLong("duration_seconds"), row.getBigDecimal("score"),
        row.getBigDecimal("max_score"));
  }

  private void responses(RoutingContext ctx) {
    quizExport(ctx, "responses", (quizId, format) -> connection -> connection
        .preparedQuery(ExportSql.RESPONSE_QUESTIONS).execute(Tuple.of(quizId)).map(rows -> {
          List<Row> list = new ArrayList<>();
          rows.forEach(list::add);
          List<ResponsesRows.QuestionColumn> questions = questionColumns(list);
          return new CsvStream.Plan(ResponsesRows.header(questions, format), ExportSql.RESPONSE_ROWS,
              Tuple.of(quizId), row -> ResponsesRows.row(questions, student(row), format));
        }));
  }

  /** Questions named by their author's id; where two banks use the same id, by bank and id. */
  private static List<ResponsesRows.QuestionColumn> questionColumns(List<Row> rows) {
    Map<String, Integer> uses = new HashMap<>();
    rows.forEach(row -> uses.merge(row.getString("ref"), 1, Integer::sum));
    List<ResponsesRows.QuestionColumn> questions = new ArrayList<>();
    for (Row row : rows) {
      String ref = row.getString("ref");
      String name = uses.get(ref) > 1 ? row.getString("slug") + "/" + ref : ref;
      questions.add(new ResponsesRows.QuestionColumn(row.getLong("question_id"), name, QuestionRows.question(row)));
    }
    return questions;
  }

  private static ResponsesRows.Student student(Row row) {
    return new ResponsesRows.Student(row.getString("display_name"), row.getString("student_number"),
        row.getInteger("number"), row.getBigDecimal("score"), row.getBigDecimal("max_score"),
        row.getJsonObject("responses"));
  }

  private Future<Optional<Row>> ownedClass(RoutingContext ctx, long classId) {
    return first(ExportSql.OWNED_CLASS, Map.of("classId", classId, "teacherId", Principal.required(ctx).id()));
  }

  private Future<Optional<Row>> ownedQuiz(RoutingContext ctx, long quizId) {
    return first(ExportSql.OWNED_QUIZ, Map.of("quizId", quizId, "teacherId", Principal.required(ctx).id()));
  }

  private Future<Optional<Row>> first(String sql, Map<String, Object> parameters) {
    return query(sql, parameters).map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
  }

  private Future<List<Row>> query(String sql, Map<String, Object> parameters) {
    return SqlTemplate.forQuery(pool, sql).execute(parameters).map(rows -> {
      List<Row> list = new ArrayList<>();
      rows.forEach(list::add);
      return list;
    });
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static BigDecimal decimal(String value) {
    return value == null ? null : new BigDecimal(value);
  }
}
