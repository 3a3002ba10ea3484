package io.quizworks.gradebook;

import static io.quizworks.gradebook.Results.rows;

import io.quizworks.bank.KeyCorrection;
import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionRows;
import io.quizworks.quiz.Attempts;
import io.quizworks.scoring.Score;
import io.quizworks.scoring.Scorer;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Correcting a key for one quiz: preview which submitted attempts change and how, then save the corrected
 * key and re-score those attempts in one transaction, keeping every change in the score history. Points a
 * teacher set by hand are left as they are.
 */
public final class KeyFixes {
  private final Pool pool;

  public KeyFixes(Pool pool) {
    this.pool = pool;
  }

  /** How one attempt's points for the question change, or why they stay. */
  public record Change(long attemptId, String student, int number, BigDecimal oldPoints, BigDecimal newPoints,
      String outcome, boolean keptOverride) {}

  /** The question as the teacher's quiz scores it now, if it can be drawn in that quiz. */
  public Future<Optional<Question>> question(long teacherId, long quizId, long questionId) {
    return rows(pool, ResultsSql.QUESTION_IN_QUIZ, Map.of("teacherId", teacherId, "quizId", quizId,
        "questionId", questionId))
        .map(found -> found.isEmpty() ? Optional.empty() : Optional.of(QuestionRows.question(found.get(0))));
  }

  /** What re-scoring with the corrected key would change; writes nothing. */
  public Future<List<Change>> preview(long quizId, long questionId, Question corrected) {
    return pool.withTransaction(connection -> changes(connection, quizId, questionId, corrected));
  }

  public Future<List<Change>> apply(long teacherId, long quizId, long questionId, Question corrected, String reason) {
    return pool.withTransaction(connection -> changes(connection, quizId, questionId, corrected).compose(changes -> {
      Future<?> saved = SqlTemplate.forUpdate(connection, ResultsSql.SAVE_QUIZ_KEY).execute(Map.of("quizId", quizId,
          "questionId", questionId, "answerKey", KeyCorrection.storedKey(corrected), "teacherId", teacherId));
      Set<Long> touched = new LinkedHashSet<>();
      for (Change change : changes) {
        if (change.keptOverride()) {
          continue;
        }
        touched.add(change.attemptId());
        Map<String, Object> row = new HashMap<>();
        row.put("attemptId", change.attemptId());
        row.put("questionId", questionId);
        row.put("points", change.newPoints());
        row.put("outcome", change.outcome());
        row.put("oldPoints", change.oldPoints());
        row.put("newPoints", change.newPoints());
        row.put("kind", "rescore");
        row.put("reason", reason);
        row.put("teacherId", teacherId);
        saved = saved.compose(v -> SqlTemplate.forUpdate(connection, ResultsSql.RESCORE_RESPONSE).execute(row))
            .compose(v -> SqlTemplate.forUpdate(connection, ResultsSql.RECORD_CHANGE).execute(row));
      }
      for (long attemptId : touched) {
        saved = saved.compose(v -> SqlTemplate.forUpdate(connection, ResultsSql.RETOTAL)
            .execute(Map.of("attemptId", attemptId)));
      }
      return saved.map(changes);
    }));
  }

  private static Future<List<Change>> changes(SqlConnection connection, long quizId, long questionId,
      Question corrected) {
    return rows(connection, ResultsSql.SUBMITTED_RESPONSES, Map.of("quizId", quizId, "questionId", questionId))
        .map(found -> {
          List<Change> changes = new ArrayList<>();
          for (Row row : found) {
            if (row.getJsonObject("answer") == null) {
              continue;
            }
            BigDecimal old = row.getBigDecimal("points") == null ? BigDecimal.ZERO : row.getBigDecimal("points");
            Score score = Scorer.score(corrected, Attempts.stored(corrected, row.getJsonObject("answer")));
            boolean overridden = Boolean.TRUE.equals(row.getBoolean("overridden"));
            if (overridden || old.compareTo(score.points()) != 0) {
              changes.add(new Change(row.getLong("attempt_id"), row.getString("display_name"), row.getInteger("number"),
                  old, score.points(), score.outcome().stored(), overridden));
            }
          }
          return changes;
        });
  }
}
