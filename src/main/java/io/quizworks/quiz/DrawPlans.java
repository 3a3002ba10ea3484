package io.quizworks.quiz;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What each quiz draws from (its rules and candidate questions), kept for a few seconds. When a class starts
 * an exam, every student asks for the same plan within seconds: one read serves them all, and students who
 * ask while it is being read wait for it instead of reading again. A bank edited meanwhile reaches the next
 * attempts seconds later; attempts store the questions they drew, and pages read a question's text when they
 * show it. A quiz's rules never change once it is made.
 *
 * <p>A plan is read before a start takes a connection for its own work: sixteen starts each holding a
 * connection and waiting for a second from a pool of sixteen would wait for ever.
 */
final class DrawPlans {
  private static final long FRESH_FOR_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int MOST_QUIZZES = 1_000;

  /** A quiz's rules and the live questions of its banks and topics; none when there is no such quiz. */
  record Plan(QuestionDraw.Rules rules, List<QuestionDraw.Candidate> candidates) {}

  private record Entry(long loadedAt, Future<Optional<Plan>> plan) {}

  private final Map<Long, Entry> byQuiz = new ConcurrentHashMap<>();

  Future<Optional<Plan>> get(long quizId, Supplier<Future<Optional<Plan>>> load) {
    long now = System.nanoTime();
    Entry cached = byQuiz.get(quizId);
    if (cached != null && now - cached.loadedAt() < FRESH_FOR_NANOS && !cached.plan().failed()) {
      return cached.plan();
    }
    if (byQuiz.size() >= MOST_QUIZZES) {
      byQuiz.values().removeIf(entry -> now - entry.loadedAt() >= FRESH_FOR_NANOS);
    }
    Future<Optional<Plan>> loading = load.get();
    Entry entry = new Entry(now, loading);
    byQuiz.put(quizId, entry);
    // A quiz that does not exist yet may exist in a moment: only plans that were found are kept.
    loading.onSuccess(plan -> plan.ifPresentOrElse(found -> {}, () -> byQuiz.remove(quizId, entry)));
    return loading;
  }
}
