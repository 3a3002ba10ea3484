package io.quizworks.load;

import io.vertx.core.Future;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
   * @param wal what PostgreSQL wrote while the measured exam's starts arrived, and in the rest of it; empty where
   *     its version does not say
   */
  record Result(List<StepStats.Summary> warmUp, List<StepStats.Summary> steps,
      Optional<BenchmarkDatabase.Wal> wal, SaveLedger.Check check) {}

  /** A class's figures: its steps, and PostgreSQL's WAL while the last quiz's starts arrived and after. */
  private record Sitting(List<StepStats.Summary> steps, Optional<BenchmarkDatabase.Wal> wal) {}

  /**
   * The saves, and apart from them those due while starts were still arriving: in the first R seconds every
   * save competes with starts and attempt pages, and a save's p99 is mostly theirs.
   */
  private record SaveSteps(StepStats all, StepStats whileStarting, long lastRelease) {
    List<StepStats> dueAt(long dueNanos) {
      return dueNanos <= lastRelease ? List.of(all, whileStarting) : List.of(all);
    }
  }

  Result run() {
    List<StepStats.Summary> warmUp = List.of();
    if (options.warmUpStudents() > 0) {
      // Short exams of its own, one after another: a burst of 2 s and a quarter-second think time exercise every
      // step quickly, and enough rounds take the server's start and page past the invocation counts at which its
      // JIT compiles them fully; one round of 500 left that compiling to the measured burst.
      warmUp = exam(options.warmUpStudents(), options.warmUpRounds(), 2, 0.25, new SaveLedger()).steps();
    }
    SaveLedger ledger = new SaveLedger();
    Sitting measured = exam(options.students(), 1, options.releaseSeconds(), options.thinkSeconds(), ledger);
    return new Result(warmUp, measured.steps(), measured.wal(), ledger.check(database));
  }

  /** A class signs in, then sits {@code quizzes} quizzes one after another; the steps' figures cover them all. */
  private Sitting exam(int students, int quizzes, double releaseSeconds, double thinkSeconds, SaveLedger ledger) {
    int timeLimitMinutes = (int) Math.ceil((releaseSeconds + (options.questions() + 2) * thinkSeconds) / 60) + 10;
    BenchmarkDatabase.SeededClass seeded = database.seed(students, quizzes, options.questions(), timeLimitMinutes);
    StepStats signIn = new StepStats("sign-in");
    List<VirtualStudent> signedIn = SignIns.run(scheduler, client, options, seeded, signIn);

    StepStats start = new StepStats("start");
    StepStats page = new StepStats("attempt page");
    StepStats allSaves = new StepStats("save");
    StepStats savesWhileStarting = new StepStats("save due while starts arrive");
    StepStats submit = new StepStats("submit");
    Random random = new Random(options.seed());
    long think = Scheduler.seconds(thinkSeconds);
    Optional<BenchmarkDatabase.Wal> wal = Optional.empty();
    for (long quizId : seeded.quizIds()) {
      long burst = Scheduler.now() + Scheduler.seconds(2);
      long lastRelease = burst + Scheduler.seconds(releaseSeconds);
      SaveSteps save = new SaveSteps(allSaves, savesWhileStarting, lastRelease);
      Future<Optional<BenchmarkDatabase.WalTotals>> atBurst = scheduler.at(burst, database::walTotals);
      Future<Optional<BenchmarkDatabase.WalTotals>> atLastRelease = scheduler.at(lastRelease, database::walTotals);
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
      wal = BenchmarkDatabase.Wal.of(atBurst.await(), atLastRelease.await(), database.walTotals().await());
    }
    return new Sitting(List.of(signIn.summary(), start.summary(), page.summary(), allSaves.summary(),
        savesWhileStarting.summary(), submit.summary()), wal);
  }

  /** Answers the attempt's questions in order, the k-th one due k think times after the student started. */
  private Future<Void> answerAll(VirtualStudent student, int index, long release, long think, Random answers,
      SaveSteps save, SaveLedger ledger) {
    if (index == student.items().size()) {
      return Future.succeededFuture();
    }
    AttemptItems.Item item = student.items().get(index);
    long seq = index + 1;
    long due = release + (index + 1) * think;
    return scheduler.timed(save.dueAt(due), due, () -> student.save(item.position(), seq, item.answer(answers)))
        .onSuccess(saved -> ledger.saved(student.attemptId(), item.position(), seq))
        .transform(done -> answerAll(student, index + 1, release, think, answers, save, ledger));
  }
}
