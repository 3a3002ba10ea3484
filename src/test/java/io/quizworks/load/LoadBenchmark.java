package io.quizworks.load;

import io.quizworks.system.Config;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The load benchmark's command line. It plays students against a running Quizworks server and prints
 * Markdown for docs/benchmarks.md; the report is also written under target/load/. Start the server first
 * (docs/benchmarks.md gives the commands), pointing both at the same database.
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  public static void main(String[] args) throws IOException {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    WebClient client = client(vertx, options.connections());
    // Seeding a class of thousands and analysing the tables are bulk work, not a request's: no statement timeout.
    Config config = Config.fromEnvironment(System.getenv()).withStatementTimeout(Duration.ZERO);
    try (BenchmarkDatabase database = new BenchmarkDatabase(vertx, config.database())) {
      String report = run(options, vertx, client, database);
      System.out.println(report);
      Path file = Path.of("target", "load", options.mode() + "-" + options.students() + "-"
          + Instant.now().toString().replace(':', '-') + ".md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, report);
      System.out.println("Written to " + file);
    } finally {
      client.close();
      vertx.close().await();
    }
  }

  static WebClient client(Vertx vertx, int connections) {
    return WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setKeepAlive(true)
        .setUserAgent("quizworks-load"), new PoolOptions().setHttp1MaxSize(connections));
  }

  static String run(LoadOptions options, Vertx vertx, WebClient client, BenchmarkDatabase database) {
    Scheduler scheduler = new Scheduler(vertx);
    String heading = String.format(Locale.ROOT, "%s, %s: %d students, R = %s s, T = %s s, %d questions, "
            + "sign-ins %s/s, %d connections, generator JVM %s%n%s%n%n", Instant.now(), options.mode(),
        options.students(), options.releaseSeconds(), options.thinkSeconds(), options.questions(),
        options.signInsPerSecond(), options.connections(), ManagementFactory.getRuntimeMXBean().getInputArguments(),
        Machine.describe(Path.of("/"), Runtime.getRuntime().availableProcessors()));
    if (options.mode().equals("exam")) {
      ExamRun.Result result = new ExamRun(options, client, database, scheduler).run();
      String warmUp = result.warmUp().isEmpty() ? "" : "Warm-up class (" + options.warmUpStudents()
          + " students, " + options.warmUpRounds() + " quizzes one after another, R = 2 s, T = 0.25 s; not part of "
          + "the figures):\n\n" + Report.steps(result.warmUp()) + "\n";
      String wal = result.wal().map(written -> Report.wal(written, options.releaseSeconds()) + "\n").orElse("");
      return heading + warmUp + Report.steps(result.steps()) + "\n" + wal + checked(result.check());
    }
    RateRun.Result result = new RateRun(options, vertx, client, database, scheduler).run();
    return heading + "Setup:\n\n" + Report.steps(result.setup()) + "\nBaseline: pgbench, "
        + PgBenchBaseline.describe(result.baseline()) + "\n`" + result.baseline().command() + "`\n\n"
        + Report.rates(result.steps(), options.p99LimitMs(), options.errorLimit())
        + String.format(Locale.ROOT, "%nSustained: %,.0f saves/s with p99 ≤ %s ms and errors ≤ %s%%: %.0f%% of the "
                + "pgbench baseline.%n", result.sustainedPerSecond(), options.p99LimitMs(), options.errorLimit() * 100,
            result.shareOfBaseline() * 100)
        + checked(result.check());
  }

  private static String checked(SaveLedger.Check check) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "Read back from PostgreSQL: %,d acknowledged saves, %,d answers lost; %,d acknowledged submissions, "
            + "%,d recorded.%n", check.acknowledgedSaves(), check.lostSaves(), check.acknowledgedSubmits(),
        check.recordedSubmits()));
    check.lostExamples().forEach(example -> text.append("- lost: ").append(example).append('\n'));
    return text.toString();
  }
}
