package io.quizworks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load benchmark itself, run small against a real server and database: a tool that reported no errors
 * while students never got their answers in, or that could not find its own saves again, would be worse than
 * none. No figure is asserted.
 */
@ExtendWith(VertxExtension.class)
class LoadBenchmarkTest {
  private static TestDatabase database;
  private static Quizworks server;
  private static Vertx generator;
  private static WebClient client;
  private static BenchmarkDatabase benchmarkDatabase;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    server = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions"))).await();
    generator = Vertx.vertx();
    client = LoadBenchmark.client(generator, 64);
    benchmarkDatabase = new BenchmarkDatabase(generator, database.options());
  }

  @AfterAll
  static void stop(Vertx vertx) {
    benchmarkDatabase.close();
    client.close();
    generator.close().await();
    server.stop(vertx).await();
    database.close();
  }

  /**
   * Forty students starting at the same instant: more starts at once than the server has database connections,
   * which once left every start waiting for a second connection none of them would give back.
   */
  @Test
  @DisplayName("an exam: every student signs in, starts, saves every answer and submits, and all of it is stored")
  void exam() {
    LoadOptions options = LoadOptions.parse("exam", "--server", "http://localhost:" + server.port(), "--students", "40",
        "--release", "0.5", "--think", "0.05", "--sign-in-rate", "50", "--warm-up-students", "5",
        "--warm-up-rounds", "2");

    ExamRun.Result result = new ExamRun(options, client, benchmarkDatabase, new Scheduler(generator)).run();

    assertThat(result.steps()).extracting(StepStats.Summary::step)
        .containsExactly("sign-in", "start", "attempt page", "save", "save due while starts arrive", "submit");
    assertThat(result.steps()).allSatisfy(step -> assertThat(step.errors()).as(step.step()).isEmpty());
    assertThat(result.steps()).extracting(StepStats.Summary::ok)
        .startsWith(40L, 40L, 40L, 40L * 20).endsWith(40L);
    assertThat(result.steps().get(4).ok()).as("saves due in the first half second, while starts arrive")
        .isPositive().isLessThan(40L * 20);
    BenchmarkDatabase.Wal wal = result.wal().orElseThrow();
    assertThat(wal.whileStarting().records()).as("WAL records while starts arrived").isPositive();
    assertThat(wal.afterwards().records()).as("WAL records in the rest of the exam").isPositive();
    assertThat(result.check().acknowledgedSaves()).isEqualTo(40 * 20);
    assertThat(result.check().lostSaves()).isZero();
    assertThat(result.check().recordedSubmits()).isEqualTo(result.check().acknowledgedSubmits()).isEqualTo(40);
    assertThat(result.warmUp()).allSatisfy(step -> assertThat(step.errors()).as("warm-up " + step.step()).isEmpty());
    assertThat(result.warmUp()).extracting(StepStats.Summary::ok)
        .startsWith(5L, 2 * 5L, 2 * 5L, 2 * 5L * 20).endsWith(2 * 5L);
    assertThat(database.queryLong("select count(*) from response r join attempt a on a.id = r.attempt_id "
        + "where a.status = 'submitted'")).isEqualTo((40 + 2 * 5) * 20);
  }

  @Test
  @DisplayName("a rate search: steps up until a step fails, beside a pgbench baseline, and loses no answer")
  void rate() {
    LoadOptions options = LoadOptions.parse("rate", "--server", "http://localhost:" + server.port(), "--students", "6",
        "--questions", "5", "--sign-in-rate", "50", "--rate-start", "25", "--rate-factor", "4", "--step-seconds", "1",
        "--pgbench-seconds", "1", "--pgbench-clients", "4", "--warm-up-seconds", "0.5");

    RateRun.Result result = new RateRun(options, generator, client, benchmarkDatabase, new Scheduler(generator)).run();

    assertThat(result.baseline().savesPerSecond()).isPositive();
    assertThat(result.baseline().command()).contains("--client=4", "save-answer.pgbench");
    assertThat(result.steps()).isNotEmpty();
    assertThat(result.steps().get(result.steps().size() - 1).held(options.p99LimitMs(), options.errorLimit())).isFalse();
    long held = result.steps().stream().filter(step -> step.held(options.p99LimitMs(), options.errorLimit())).count();
    assertThat(result.sustainedPerSecond()).isEqualTo(held == 0 ? 0 : 25 * Math.pow(4, held - 1));
    assertThat(result.setup()).extracting(StepStats.Summary::step).contains("warm-up saves");
    assertThat(result.check().acknowledgedSaves()).isPositive();
    assertThat(result.check().lostSaves()).isZero();
  }
}
