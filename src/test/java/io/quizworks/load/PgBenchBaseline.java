package io.quizworks.load;

import io.vertx.pgclient.PgConnectOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL alone can do: pgbench running the server's single-answer upsert from many clients, against
 * the same attempts, on the same machine, in the same run. The server's save rate as a share of this is the
 * figure the benchmark steers by.
 */
final class PgBenchBaseline {
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
  private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

  private PgBenchBaseline() {}

  /** Saves per second and the mean latency pgbench reported, with the command it ran. */
  record Result(double savesPerSecond, double averageLatencyMs, String command) {}

  static Result run(PgConnectOptions database, long firstAttempt, long lastAttempt, int questions, int clients,
      double seconds) {
    try {
      Path script = Files.createTempFile("quizworks-save-answer", ".pgbench");
      try (InputStream in = PgBenchBaseline.class.getResourceAsStream("/load/save-answer.pgbench")) {
        Files.write(script, in.readAllBytes());
      }
      List<String> command = new ArrayList<>(List.of("pgbench", "--no-vacuum", "--protocol=prepared",
          "--client=" + clients, "--jobs=" + Math.min(clients, Runtime.getRuntime().availableProcessors()),
          "--time=" + Math.max(1, Math.round(seconds)), "--file=" + script,
          "--define=first_attempt=" + firstAttempt, "--define=last_attempt=" + lastAttempt,
          "--define=questions=" + questions, "--host=" + database.getHost(), "--port=" + database.getPort(),
          "--username=" + database.getUser(), database.getDatabase()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (database.getPassword() != null && !database.getPassword().isEmpty()) {
        builder.environment().put("PGPASSWORD", database.getPassword());
      }
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean exited = process.waitFor(Math.round(seconds) + 60, TimeUnit.SECONDS);
      Files.deleteIfExists(script);
      OptionalDouble tps = find(TPS, output);
      if (!exited || process.exitValue() != 0 || tps.isEmpty()) {
        throw new IllegalStateException("pgbench failed:\n" + output);
      }
      return new Result(tps.getAsDouble(), find(LATENCY, output).orElse(Double.NaN),
          String.join(" ", command).replace(script.toString(), "save-answer.pgbench"));
    } catch (IOException e) {
      throw new IllegalStateException("Could not run pgbench (Debian package postgresql-client): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pgbench ran", e);
    }
  }

  private static OptionalDouble find(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    return matcher.find() ? OptionalDouble.of(Double.parseDouble(matcher.group(1))) : OptionalDouble.empty();
  }

  static String describe(Result result) {
    return String.format(Locale.ROOT, "%,.0f saves/s (mean latency %.2f ms)", result.savesPerSecond(),
        result.averageLatencyMs());
  }
}
