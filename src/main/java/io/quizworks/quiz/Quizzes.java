package io.quizworks.quiz;

import static io.quizworks.quiz.Attempts.query;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Quizzes as teachers set them up and students find them. */
public final class Quizzes {
  private final Pool pool;

  public Quizzes(Pool pool) {
    this.pool = pool;
  }

  public Future<Optional<Row>> ownedClass(long teacherId, long classId) {
    return first(QuizSql.OWNED_CLASS, Map.of("teacherId", teacherId, "classId", classId));
  }

  /** Every topic of every bank the teacher may use, bank by bank. */
  public Future<List<Row>> bankTopics(long teacherId) {
    return query(pool, QuizSql.BANK_TOPICS, Map.of("teacherId", teacherId));
  }

  public static List<QuizForm.Topic> topics(List<Row> bankTopics) {
    List<QuizForm.Topic> topics = new ArrayList<>();
    bankTopics.forEach(row -> topics.add(new QuizForm.Topic(row.getLong("bank_id"), row.getString("topic"),
        row.getLong("questions"))));
    return topics;
  }

  /** Creates the quiz and links its banks in one transaction; banks the teacher may not use are skipped. */
  public Future<Long> create(long teacherId, long classId, QuizSettings settings) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("classId", classId);
    parameters.put("title", settings.title());
    parameters.put("topics", settings.topics().toArray(new String[0]));
    parameters.put("questionCount", settings.questionCount());
    parameters.put("perTopicCount", settings.perTopicCount());
    parameters.put("timeLimit", settings.timeLimitMinutes());
    parameters.put("opensAt", settings.opensAt());
    parameters.put("closesAt", settings.closesAt());
    parameters.put("attemptsAllowed", settings.attemptsAllowed());
    parameters.put("gradingMethod", settings.gradingMethod());
    parameters.put("shuffleQuestions", settings.shuffleQuestions());
    parameters.put("shuffleChoices", settings.shuffleChoices());
    parameters.put("reviewPolicy", settings.reviewPolicy());
    parameters.put("reviewAfterClose", settings.reviewAfterClose());
    return pool.withTransaction(connection -> query(connection, QuizSql.CREATE_QUIZ, parameters).compose(rows -> {
      long quizId = rows.get(0).getLong("id");
      List<Map<String, Object>> banks = new ArrayList<>();
      settings.bankIds().forEach(bankId -> banks.add(Map.of("quizId", quizId, "bankId", bankId, "teacherId", teacherId)));
      return SqlTemplate.forUpdate(connection, QuizSql.ADD_QUIZ_BANK).executeBatch(banks).map(done -> quizId);
    }));
  }

  public Future<Optional<Row>> forTeacher(long teacherId, long quizId) {
    return first(QuizSql.QUIZ_FOR_TEACHER, Map.of("teacherId", teacherId, "quizId", quizId));
  }

  public Future<List<Row>> attempts(long quizId) {
    return query(pool, QuizSql.ATTEMPTS_FOR_TEACHER, Map.of("quizId", quizId));
  }

  /** Adds minutes to an attempt in progress of the teacher's quiz; false when there is no such attempt. */
  public Future<Boolean> addMinutes(long teacherId, long quizId, long attemptId, int minutes) {
    return query(pool, QuizSql.ADD_MINUTES,
        Map.of("teacherId", teacherId, "quizId", quizId, "attemptId", attemptId, "minutes", minutes))
        .map(rows -> !rows.isEmpty());
  }

  public Future<List<Row>> forStudent(long studentId) {
    return query(pool, QuizSql.STUDENT_QUIZZES, Map.of("studentId", studentId));
  }

  public Future<Optional<Row>> studentClass(long studentId) {
    return first(QuizSql.STUDENT_CLASS, Map.of("studentId", studentId));
  }

  private Future<Optional<Row>> first(String sql, Map<String, Object> parameters) {
    return query(pool, sql, parameters).map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
  }
}
