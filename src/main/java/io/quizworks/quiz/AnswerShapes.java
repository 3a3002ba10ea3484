package io.quizworks.quiz;

import io.quizworks.bank.Question;
import io.vertx.core.shareddata.Shareable;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The question behind each position of an attempt, kept on this node so that an autosave can check its
 * answer and store it in one round trip. An attempt's draw never changes once stored. A question's text can
 * (a bank re-imported), so each is kept with the {@code updated_at} it was read at, and the save statement
 * stores an answer only while the question is still that version; otherwise the save reads it again.
 *
 * <p>Nothing here decides who may save: the statement checks the session and the attempt's owner itself.
 * Both maps are bounded; when one is full it starts again empty, which costs a read, never a wrong answer.
 * One instance serves all of a node's event loops ({@link Attempts#onNode}), hence the concurrent maps.
 */
final class AnswerShapes implements Shareable {
  private static final int MOST_ATTEMPTS = 50_000;
  private static final int MOST_QUESTIONS = 20_000;

  /** A question as the save statement expects to find it. */
  record Shape(long questionId, OffsetDateTime version, Question question) {}

  private final Map<Long, Shape[]> byAttempt = new ConcurrentHashMap<>();
  private final Map<Long, Shape> byQuestion = new ConcurrentHashMap<>();

  /** The shapes of an attempt's questions in position order (index 0 is position 1), if this node has them. */
  Optional<Shape[]> attempt(long attemptId) {
    return Optional.ofNullable(byAttempt.get(attemptId));
  }

  void putAttempt(long attemptId, Shape[] shapes) {
    if (byAttempt.size() >= MOST_ATTEMPTS) {
      byAttempt.clear();
    }
    byAttempt.put(attemptId, shapes);
  }

  void forgetAttempt(long attemptId) {
    byAttempt.remove(attemptId);
  }

  /** The question as this node last read it, if that was at this version. */
  Optional<Shape> at(long questionId, OffsetDateTime version) {
    return latest(questionId).filter(shape -> shape.version().isEqual(version));
  }

  /** Whatever version of the question this node read last; one copy serves every attempt that drew it. */
  Optional<Shape> latest(long questionId) {
    return Optional.ofNullable(byQuestion.get(questionId));
  }

  void putQuestion(Shape shape) {
    if (byQuestion.size() >= MOST_QUESTIONS) {
      byQuestion.clear();
    }
    byQuestion.put(shape.questionId(), shape);
  }
}
