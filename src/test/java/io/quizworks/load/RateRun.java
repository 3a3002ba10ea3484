package io.quizworks.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The highest save rate the server sustains: students in attempts save answers at a fixed arrival rate,
 * raised step by step until a step's p99 passes the limit or too many saves fail. pgbench runs the same
 * upsert against the same attempts first, for the ratio.
 */
final class RateRun {
  private final LoadOptions options;
  private final Vertx vertx;
  private final WebClient client;
  private final BenchmarkDatabase database;
  private final Scheduler scheduler;

  RateRun(LoadOptions options, Vertx vertx, WebClient client, BenchmarkDatabase database, Scheduler scheduler) {
    this.options = options;
    this.vertx = vertx;
    this.client = client;
    this.database = database;
    this.scheduler = scheduler;
  }

  /**
   * The steps tried, the highest rate that held (0 when none did), the baseline and the read-back.
   *
   * @param setup sign-in, start and attempt page of every student before the steps, and the warm-up saves, for the
   *     record
   */
  record Result(List<StepStats.Summary> setup, PgBenchBaseline.Result baseline, List<Report.RateStep> steps,
      double sustainedPerSecond, SaveLedger.Check check) {
    double shareOfBaseline() {
      return sustainedPerSecond / baseline.savesPerSecond();
    }
  }

  Result run() {
    BenchmarkDatabase.SeededClass seeded = database.seed(options.students(), 1, options.questions(), 24 * 60);
    StepStats signIn = new StepStats("sign-in");
    List<VirtualStudent> students = SignIns.run(scheduler, client, options, seeded, signIn);
    StepStats start = new StepStats("start");
    StepStats page = new StepStats("attempt page");
    List<Future<Void>> opened = new ArrayList<>();
    for (VirtualStudent student : students) {
      long due = Scheduler.now();
      opened.add(scheduler.timed(start, due, () -> student.start(seeded.quizId()))
          .compose(started -> scheduler.timed(page, Scheduler.now(), student::openAttempt)));
    }
    List<VirtualStudent> ready = Scheduler.succeeded(students, opened);
    if (ready.isEmpty()) {
      throw new IllegalStateException("No student could start the quiz; see the setup figures:\n"
          + Report.steps(List.of(signIn.summary(), start.summary(), page.summary())));
    }

    SaveLedger ledger = new SaveLedger();
    long[] seqs = new long[ready.size()];
    Random random = new Random(options.seed());
    StepStats warmUp = new StepStats("warm-up saves");
    if (options.warmUpSeconds() > 0) {
      runStep(options.rateStart(), options.warmUpSeconds(), ready, seqs, random, warmUp, ledger);
    }

    long[] attempts = database.attemptRange(seeded.quizId());
    PgBenchBaseline.Result baseline = PgBenchBaseline.run(database.options(), attempts[0], attempts[1],
        options.questions(), options.pgbenchClients(), options.pgbenchSeconds());

    List<Report.RateStep> steps = new ArrayList<>();
    double sustained = 0;
    for (double rate = options.rateStart(); ; rate *= options.rateFactor()) {
      StepStats saves = new StepStats("save");
      runStep(rate, options.stepSeconds(), ready, seqs, random, saves, ledger);
      Report.RateStep step = new Report.RateStep(rate, saves.summary());
      steps.add(step);
      System.out.println(Report.rates(List.of(step), options.p99LimitMs(), options.errorLimit()).lines().skip(2)
          .findFirst().orElse(""));
      if (!step.held(options.p99LimitMs(), options.errorLimit())) {
        break;
      }
      sustained = rate;
    }
    return new Result(List.of(signIn.summary(), start.summary(), page.summary(), warmUp.summary()), baseline, steps,
        sustained,
        ledger.check(database));
  }

  /**
   * One step: {@code rate} saves a second for the step's length, each to a random question of the next
   * student in turn, sent when due by a 1 ms tick whether or not earlier saves have returned.
   */
  private void runStep(double rate, double seconds, List<VirtualStudent> students, long[] seqs, Random random,
      StepStats saves, SaveLedger ledger) {
    long count = Math.max(1, Math.round(rate * seconds));
    double interval = 1e9 / rate;
    long begin = Scheduler.now() + Scheduler.seconds(0.2);
    List<Future<Void>> sent = new ArrayList<>((int) count);
    Promise<Void> allSent = Promise.promise();
    long[] next = {0};
    scheduler.onLoop(() -> vertx.setPeriodic(1, tick -> {
      long now = Scheduler.now();
      while (next[0] < count && begin + (long) (next[0] * interval) <= now) {
        long due = begin + (long) (next[0] * interval);
        int which = (int) (next[0] % students.size());
        VirtualStudent student = students.get(which);
        AttemptItems.Item item = student.items().get(random.nextInt(student.items().size()));
        long seq = ++seqs[which];
        sent.add(scheduler.timed(saves, due, () -> student.save(item.position(), seq, item.answer(random)))
            .onSuccess(saved -> ledger.saved(student.attemptId(), item.position(), seq)));
        next[0]++;
      }
      if (next[0] == count) {
        vertx.cancelTimer(tick);
        allSent.complete();
      }
    }));
    allSent.future().compose(v -> Future.join(new ArrayList<>(sent))).otherwiseEmpty().await();
  }
}
