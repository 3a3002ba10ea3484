package io.quizworks.system;

import io.quizworks.accounts.Passwords;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo teacher, class, three students and a 10-minute Manufacturing quiz, for a first look. Created only
 * when the demo flag is on (the README's run command sets it; a production start never does), and only
 * once: a restart finds the demo teacher and just prints how to sign in again.
 */
final class DemoData {
  static final String TEACHER_EMAIL = "teacher@demo.quizworks";
  static final String TEACHER_PASSWORD = "demo-teacher";
  static final String CLASS_CODE = "MFG234";
  static final String STUDENT_PASSWORD = "demo-student";
  static final List<String> STUDENTS = List.of("Ana Ortiz", "Ben Carter", "Chloe Nguyen");
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private static final String DEMO_TEACHER = "select id from teacher where email = #{email}";
  private static final String CREATE_TEACHER =
      "insert into teacher (email, name, password_hash) values (#{email}, 'Demo Teacher', #{hash}) returning id";
  private static final String CREATE_CLASS =
      "insert into class (teacher_id, name, join_code) values (#{teacherId}, 'Demo class: Manufacturing', #{code}) "
          + "returning id";
  private static final String CREATE_STUDENT =
      """
      insert into student (class_id, display_name, student_number, password_hash, time_allowance)
      values (#{classId}, #{name}, #{number}, #{hash}, #{allowance})
      """;
  private static final String CREATE_QUIZ =
      """
      insert into quiz (class_id, title, question_count, time_limit_minutes, attempts_allowed, review_policy)
      values (#{classId}, 'Manufacturing careers: 10-minute check', 10, 10, 2, 'full')
      returning id
      """;
  private static final String ADD_BANKS =
      "insert into quiz_bank (quiz_id, bank_id) select #{quizId}, id from bank where slug like 'manufacturing-%'";

  private DemoData() {}

  static Future<Void> ensure(Vertx vertx, Pool pool) {
    Passwords passwords = new Passwords(vertx);
    return SqlTemplate.forQuery(pool, DEMO_TEACHER).execute(Map.of("email", TEACHER_EMAIL))
        .compose(existing -> existing.size() > 0 ? Future.succeededFuture()
            : Future.all(passwords.hash(TEACHER_PASSWORD), passwords.hash(STUDENT_PASSWORD))
                .compose(hashes -> create(pool, hashes.resultAt(0), hashes.resultAt(1))))
        .onSuccess(v -> printSignIns());
  }

  private static Future<Void> create(Pool pool, String teacherHash, String studentHash) {
    return pool.withTransaction(connection -> SqlTemplate.forQuery(connection, CREATE_TEACHER)
        .execute(Map.of("email", TEACHER_EMAIL, "hash", teacherHash))
        .compose(teachers -> SqlTemplate.forQuery(connection, CREATE_CLASS)
            .execute(Map.of("teacherId", teachers.iterator().next().getLong("id"), "code", CLASS_CODE)))
        .compose(classes -> {
          long classId = classes.iterator().next().getLong("id");
          Future<?> students = Future.succeededFuture();
          for (int i = 0; i < STUDENTS.size(); i++) {
            // The third student has extra time, to show an accommodation at work.
            Map<String, Object> row = Map.of("classId", classId, "name", STUDENTS.get(i), "number", "S-100" + (i + 1),
                "hash", studentHash, "allowance", i == 2 ? 1.5 : 1.0);
            students = students.compose(v -> SqlTemplate.forUpdate(connection, CREATE_STUDENT).execute(row));
          }
          return students.compose(v -> SqlTemplate.forQuery(connection, CREATE_QUIZ).execute(Map.of("classId", classId)))
              .compose(quizzes -> SqlTemplate.forUpdate(connection, ADD_BANKS)
                  .execute(Map.of("quizId", quizzes.iterator().next().getLong("id"))));
        })
        .mapEmpty());
  }

  private static void printSignIns() {
    LOG.info("""
        Demo data is loaded. Sign in at /signin as the teacher: {} / {}
          Students sign in at /student/signin with class code {} and password {}: {}
          ({} has 1.5x time.)""", TEACHER_EMAIL, TEACHER_PASSWORD, CLASS_CODE, STUDENT_PASSWORD,
        String.join(", ", STUDENTS), STUDENTS.get(2));
  }
}
