package io.quizworks.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Sends requests on schedule, not when earlier ones return, and times them from when they were due. */
final class Scheduler {
  private final Vertx vertx;
  private final Context context;

  Scheduler(Vertx vertx) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
  }

  static long now() {
    return System.nanoTime();
  }

  static long seconds(double seconds) {
    return (long) (seconds * 1e9);
  }

  /**
   * Waits until every one of {@code outcomes} is done and returns the {@code items} whose outcome (at the same
   * index) succeeded: the students who made it through a step.
   */
  static <T> List<T> succeeded(List<T> items, List<Future<Void>> outcomes) {
    Future.join(outcomes).otherwiseEmpty().await();
    List<T> made = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (outcomes.get(i).succeeded()) {
        made.add(items.get(i));
      }
    }
    return made;
  }

  /** Runs the task on the generator's event loop, where every request is sent and answered. */
  void onLoop(Runnable task) {
    context.runOnContext(v -> task.run());
  }

  /** Runs the action when it is due (at once if that time has passed), on the generator's event loop. */
  <T> Future<T> at(long dueNanos, Supplier<Future<T>> action) {
    Promise<T> promise = Promise.promise();
    long delayMs = TimeUnit.NANOSECONDS.toMillis(dueNanos - now());
    if (delayMs < 1) {
      context.runOnContext(v -> action.get().onComplete(promise));
    } else {
      context.runOnContext(v -> vertx.setTimer(delayMs, timer -> action.get().onComplete(promise)));
    }
    return promise.future();
  }

  /** Runs the action when due and records its latency, from the due time, or its failure in {@code stats}. */
  Future<Void> timed(StepStats stats, long dueNanos, Supplier<Future<Void>> action) {
    return timed(List.of(stats), dueNanos, action);
  }

  /** As {@link #timed(StepStats, long, Supplier)}, recorded in each of {@code stats}. */
  Future<Void> timed(List<StepStats> stats, long dueNanos, Supplier<Future<Void>> action) {
    return at(dueNanos, action).andThen(done -> {
      long doneNanos = now();
      for (StepStats step : stats) {
        if (done.succeeded()) {
          step.succeeded(dueNanos, doneNanos);
        } else {
          step.failed(VirtualStudent.StepFailure.kindOf(done.cause()), dueNanos, doneNanos);
        }
      }
    });
  }
}
