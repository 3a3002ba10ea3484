package io.quizworks.quiz;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The questions each quiz draws from, kept for a few seconds. When a class starts an exam, every student
 * asks for the same list within seconds: one read serves them all, and students who ask while it is being
 * read wait for it instead of reading again. A bank edited meanwhile reaches the next attempts seconds later;
 * attempts store the questions they drew, and pages read a question's text when they show it.
 *
 * <p>The read must use a connection its caller already holds: a start holds one for its transaction, and
 * sixteen starts each waiting for a second connection from a pool of sixteen would wait for ever.
 */
final class CandidateCache {
  private static final long FRESH_FOR_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int MOST_QUIZZES = 1_000;

  private record Entry(long loadedAt, Future<List<QuestionDraw.Candidate>> candidates) {}

  private final Map<Long, Entry> byQuiz = new ConcurrentHashMap<>();

  Future<List<QuestionDraw.Candidate>> get(long quizId, Supplier<Future<List<QuestionDraw.Candidate>>> load) {
    long now = System.nanoTime();
    Entry cached = byQuiz.get(quizId);
    if (cached != null && now - cached.loadedAt() < FRESH_FOR_NANOS && !cached.candidates().failed()) {
      return cached.candidates();
    }
    if (byQuiz.size() >= MOST_QUIZZES) {
      byQuiz.values().removeIf(entry -> now - entry.loadedAt() >= FRESH_FOR_NANOS);
    }
    Future<List<QuestionDraw.Candidate>> loading = load.get();
    byQuiz.put(quizId, new Entry(now, loading));
    return loading;
  }
}
