package io.quizworks.load;

import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An exam as a class sits it: every student signs in beforehand (at a steady rate), then all start the same
 * timed quiz within R seconds, load the attempt page, answer every question T seconds apart (each answer
 * one autosave) and submit T seconds after the last answer.
 */
final class ExamRun {
  private final LoadOptions options;
  private final WebClient client;
  private final BenchmarkDatabase database;
  private final Scheduler scheduler;

  ExamRun(LoadOptions options, WebClient client, BenchmarkDatabase database, Scheduler scheduler) {
    this.options = options;
    this.client = client;
    this.database = database;
    this.scheduler = scheduler;
  }

  /**
   * The steps' figures and the read-back of what the server acknowledged.
   *
   * @param warmUp the warm-up class's steps, empty when there was none
   */
  record Result(List<StepStats.Summary> warmUp, List<StepStats.Summary> steps, SaveLedger.Check check) {}

  Result run() {
    List<StepStats.Summary> warmUp = List.of();
    if (options.warmUpStudents() > 0) {
      // Short exams of its own, one after another: a burst of 2 s and a quarter-second think time exercise every
      // step quickly, and enough rounds take the server's start and page past the invocation counts at which its
      // JIT compiles them fully; one round of 500 left that compiling to the measured burst.
      warmUp = exam(options.warmUpStudents(), options.warmUpRounds(), 2, 0.25, new SaveLedger());
    }
    SaveLedger ledger = new SaveLedger();
    List<StepStats.Summary> steps =
        exam(options.students(), 1, options.releaseSeconds(), options.thinkSeconds(), ledger);
    return new Result(warmUp, steps, ledger.check(database));
  }

  /** A class signs in, then sits {@code quizzes} quizzes one after another; the steps' figures cover them all. */
  private List<StepStats.Summary> exam(int students, int quizzes, double releaseSeconds, double thinkSeconds,
      SaveLedger ledger) {
    int timeLimitMinutes = (int) Math.ceil((releaseSeconds + (options.questions() + 2) * thinkSeconds) / 60) + 10;
    BenchmarkDatabase.SeededClass seeded = database.seed(students, quizzes, options.questions(), timeLimitMinutes);
    StepStats signIn = new StepStats("sign-in");
    List<VirtualStudent> signedIn = SignIns.run(scheduler, client, options, seeded, signIn);

    StepStats start = new StepStats("start");
    StepStats page = new StepStats("attempt page");
    StepStats save = new StepStats("save");
    StepStats submit = new StepStats("submit");
    Random random = new Random(options.seed());
    long think = Scheduler.seconds(thinkSeconds);
    for (long quizId : seeded.quizIds()) {
      long burst = Scheduler.now() + Scheduler.seconds(2);
      List<Future<Void>> outcomes = new ArrayList<>();
      for (VirtualStudent student : signedIn) {
        long release = burst + Scheduler.seconds(random.nextDouble() * releaseSeconds);
        Random answers = new Random(random.nextLong());
        outcomes.add(scheduler.timed(start, release, () -> student.start(quizId))
            .compose(started -> {
              long opened = Scheduler.now();
              return scheduler.timed(page, opened, student::openAttempt);
            })
            .compose(opened -> answerAll(student, 0, release, think, answers, save, ledger))
            .compose(answered -> scheduler.timed(submit, release + (student.items().size() + 1) * think,
                student::submit))
            .onSuccess(submitted -> ledger.submitted(student.attemptId())));
      }
      Future.join(outcomes).otherwiseEmpty().await();
    }
    return List.of(signIn.summary(), start.summary(), page.summary(), save.summary(), submit.summary());
  }

  /** Answers the attempt's questions in order, the k-th one due k think times after the student started. */
  private Future<Void> answerAll(VirtualStudent student, int index, long release, long think, Random answers,
      StepStats save, SaveLedger ledger) {
    if (index == student.items().size()) {
      return Future.succeededFuture();
    }
    AttemptItems.Item item = student.items().get(index);
    long seq = index + 1;
    return scheduler.timed(save, release + (index + 1) * think,
            () -> student.save(item.position(), seq, item.answer(answers)))
        .onSuccess(saved -> ledger.saved(student.attemptId(), item.position(), seq))
        .transform(done -> answerAll(student, index + 1, release, think, answers, save, ledger));
  }
}
