package io.quizworks.classes;

import io.quizworks.web.Views;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A teacher's classes and their students. Every read and write names the teacher, so a class of another
 * teacher is simply not found: callers answer 404 and learn nothing about it.
 */
public final class Classes {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Pool pool;
  private final Views views;
  private final Supplier<String> joinCodes;
  private final Supplier<String> setupCodes;

  public Classes(Pool pool, Views views) {
    this(pool, views, () -> JoinCodes.random(RANDOM), () -> SetupCodes.random(RANDOM));
  }

  /** With given code sources, so a test can make codes collide. */
  Classes(Pool pool, Views views, Supplier<String> joinCodes, Supplier<String> setupCodes) {
    this.pool = pool;
    this.views = views;
    this.joinCodes = joinCodes;
    this.setupCodes = setupCodes;
  }

  /** A code just given to a student, with the name of the class for the page that shows it. */
  public record NewCode(String className, IssuedCode issued) {}

  public Future<List<ClassSummary>> ofTeacher(long teacherId) {
    return SqlTemplate.forQuery(pool, ClassesSql.TEACHER_CLASSES)
        .execute(Map.of("teacherId", teacherId))
        .map(rows -> {
          List<ClassSummary> classes = new ArrayList<>();
          for (Row row : rows) {
            classes.add(new ClassSummary(row.getLong("id"), row.getString("name"), row.getString("join_code"),
                row.getLong("students"), row.getLong("quizzes")));
          }
          return classes;
        });
  }

  /** The new class's id. */
  public Future<Long> create(long teacherId, String name) {
    return Conflicts.retrying(ClassesSql.JOIN_CODE_CONSTRAINT, () -> SqlTemplate.forQuery(pool, ClassesSql.CREATE_CLASS)
        .execute(Map.of("teacherId", teacherId, "name", name, "joinCode", joinCodes.get()))
        .map(rows -> rows.iterator().next().getLong("id")));
  }

  /** The class page's content, or empty when the teacher has no such class. */
  public Future<Optional<ClassView>> view(long classId, long teacherId) {
    return SqlTemplate.forQuery(pool, ClassesSql.OWNED_CLASS)
        .execute(Map.of("classId", classId, "teacherId", teacherId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.empty());
          }
          Row found = rows.iterator().next();
          Map<String, Object> byClass = Map.of("classId", classId);
          Future<List<ClassView.StudentRow>> students =
              SqlTemplate.forQuery(pool, ClassesSql.CLASS_STUDENTS).execute(byClass).map(Classes::studentRows);
          Future<List<ClassView.QuizRow>> quizzes =
              SqlTemplate.forQuery(pool, ClassesSql.CLASS_QUIZZES).execute(byClass).map(this::quizRows);
          return Future.all(students, quizzes).map(both -> Optional.of(new ClassView(classId, found.getString("name"),
              found.getString("join_code"), students.result(), quizzes.result())));
        });
  }

  /** The class's name, or empty when the teacher has no such class. */
  public Future<Optional<String>> name(long classId, long teacherId) {
    return SqlTemplate.forQuery(pool, ClassesSql.OWNED_CLASS)
        .execute(Map.of("classId", classId, "teacherId", teacherId))
        .map(rows -> rows.size() == 0 ? Optional.<String>empty() : Optional.of(rows.iterator().next().getString("name")));
  }

  /** Replaces the class's join code, so the old one stops working at once; false when there is no such class. */
  public Future<Boolean> newJoinCode(long classId, long teacherId) {
    return Conflicts.retrying(ClassesSql.JOIN_CODE_CONSTRAINT, () -> SqlTemplate.forQuery(pool, ClassesSql.SET_JOIN_CODE)
        .execute(Map.of("classId", classId, "teacherId", teacherId, "joinCode", joinCodes.get()))
        .map(rows -> rows.size() > 0));
  }

  /** False when the teacher has no such student in such a class. */
  public Future<Boolean> setAllowance(long classId, long studentId, long teacherId, BigDecimal allowance) {
    return SqlTemplate.forQuery(pool, ClassesSql.SET_ALLOWANCE)
        .execute(Map.of("classId", classId, "studentId", studentId, "teacherId", teacherId, "allowance", allowance))
        .map(rows -> rows.size() > 0);
  }

  /**
   * Gives the student a new one-time sign-in code (replacing any earlier one; a password they have keeps
   * working until they use the code). Empty when the teacher has no such student in such a class.
   */
  public Future<Optional<NewCode>> newSetupCode(long classId, long studentId, long teacherId) {
    return Conflicts.retrying(ClassesSql.SETUP_CODE_CONSTRAINT, () -> {
      String code = setupCodes.get();
      return SqlTemplate.forQuery(pool, ClassesSql.ISSUE_SETUP_CODE)
          .execute(Map.of("classId", classId, "studentId", studentId, "teacherId", teacherId,
              "codeHash", SetupCodes.hash(code), "days", SetupCodes.VALID_DAYS))
          .map(rows -> {
            if (rows.size() == 0) {
              return Optional.<NewCode>empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new NewCode(row.getString("class_name"), new IssuedCode(row.getString("display_name"),
                Optional.ofNullable(row.getString("student_number")).orElse(""), SetupCodes.display(code))));
          });
    });
  }

  /**
   * Applies a valid roster to the class in one transaction, or writes nothing when a row's name belongs
   * to another student of the class. Empty when the teacher has no such class.
   */
  public Future<Optional<RosterResult>> applyRoster(long classId, long teacherId, List<RosterEntry> entries) {
    return Conflicts.retrying(ClassesSql.SETUP_CODE_CONSTRAINT, () -> pool.withTransaction(connection ->
        SqlTemplate.forQuery(connection, ClassesSql.LOCK_OWNED_CLASS)
            .execute(Map.of("classId", classId, "teacherId", teacherId))
            .compose(locked -> locked.size() == 0
                ? Future.succeededFuture(Optional.<RosterResult>empty())
                : SqlTemplate.forQuery(connection, ClassesSql.ROSTER_STUDENTS)
                    .execute(Map.of("classId", classId))
                    .map(rows -> {
                      List<RosterPlan.Existing> students = new ArrayList<>();
                      rows.forEach(row -> students.add(new RosterPlan.Existing(row.getLong("id"),
                          row.getString("student_number"), row.getString("display_name"), row.getString("email"))));
                      return RosterPlan.of(entries, students);
                    })
                    .compose(plan -> plan.isValid()
                        ? write(connection, classId, plan)
                        : Future.succeededFuture(RosterResult.rejected(plan.errors())))
                    .map(Optional::of))));
  }

  private Future<RosterResult> write(SqlConnection connection, long classId, RosterPlan plan) {
    List<Map<String, Object>> updates = new ArrayList<>();
    for (RosterPlan.Update update : plan.updates()) {
      Map<String, Object> parameters = new HashMap<>();
      parameters.put("classId", classId);
      parameters.put("studentId", update.studentId());
      parameters.put("name", update.entry().name());
      parameters.put("email", update.entry().email().orElse(null));
      updates.add(parameters);
    }
    List<Map<String, Object>> additions = new ArrayList<>();
    List<IssuedCode> codes = new ArrayList<>();
    for (RosterEntry entry : plan.additions()) {
      String code = setupCodes.get();
      Map<String, Object> parameters = new HashMap<>();
      parameters.put("classId", classId);
      parameters.put("name", entry.name());
      parameters.put("studentNumber", entry.studentNumber());
      parameters.put("email", entry.email().orElse(null));
      parameters.put("codeHash", SetupCodes.hash(code));
      parameters.put("days", SetupCodes.VALID_DAYS);
      additions.add(parameters);
      codes.add(new IssuedCode(entry.name(), entry.studentNumber(), SetupCodes.display(code)));
    }
    return batch(connection, ClassesSql.UPDATE_FROM_ROSTER, updates)
        .compose(v -> batch(connection, ClassesSql.ADD_FROM_ROSTER, additions))
        .map(v -> new RosterResult(codes, updates.size(), plan.unchanged(), List.of()));
  }

  /** A batch of one statement; an empty batch is no statement at all (the client refuses to send one). */
  private static Future<Void> batch(SqlConnection connection, String sql, List<Map<String, Object>> parameters) {
    return parameters.isEmpty()
        ? Future.succeededFuture()
        : SqlTemplate.forUpdate(connection, sql).executeBatch(parameters).mapEmpty();
  }

  private static List<ClassView.StudentRow> studentRows(Iterable<Row> rows) {
    List<ClassView.StudentRow> students = new ArrayList<>();
    for (Row row : rows) {
      students.add(new ClassView.StudentRow(row.getLong("id"), row.getString("display_name"),
          Optional.ofNullable(row.getString("student_number")).orElse(""),
          Optional.ofNullable(row.getString("email")).orElse(""),
          TimeAllowance.display(row.getBigDecimal("time_allowance")),
          row.getBoolean("has_password"), row.getBoolean("has_setup_code")));
    }
    return students;
  }

  private List<ClassView.QuizRow> quizRows(Iterable<Row> rows) {
    List<ClassView.QuizRow> quizzes = new ArrayList<>();
    for (Row row : rows) {
      Integer minutes = row.getInteger("time_limit_minutes");
      quizzes.add(new ClassView.QuizRow(row.getLong("id"), row.getString("title"),
          minutes == null ? "No time limit" : minutes + " min",
          when(row.getOffsetDateTime("opens_at"), "Not set"), when(row.getOffsetDateTime("closes_at"), "Not set")));
    }
    return quizzes;
  }

  private String when(OffsetDateTime time, String otherwise) {
    return time == null ? otherwise : views.time(time);
  }
}
