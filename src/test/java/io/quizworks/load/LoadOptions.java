package io.quizworks.load;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What one benchmark run does, from its command line ({@code exam --students 1000 --think 5}). Every option has
 * the default the table uses, so {@code exam --students N} is a complete command.
 *
 * @param mode {@code exam} (N students sign in, start in a burst, autosave, submit) or {@code rate} (the highest
 *     save rate with p99 under the limit, beside a pgbench baseline)
 * @param server where the Quizworks server under test listens
 * @param students how many students the seeded class has
 * @param releaseSeconds everyone starts within this window (R)
 * @param thinkSeconds time between one answer and the next (T)
 * @param questions questions per attempt
 * @param signInsPerSecond arrival rate of sign-ins before the exam; Argon2id bounds what a server can take
 * @param connections the most HTTP connections the generator keeps open to the server
 * @param seed makes release times and answers repeatable
 * @param rateStart first save arrival rate of the rate search, per second
 * @param rateFactor each step's rate is the previous one times this
 * @param stepSeconds how long each rate step lasts
 * @param p99LimitMs a step fails when its save p99 is above this
 * @param errorLimit a step fails when more than this share of its saves fail
 * @param pgbenchClients clients of the raw PostgreSQL baseline
 * @param pgbenchSeconds how long the baseline runs
 * @param warmUpStudents exam mode: a class of this many first sits short exams of its own, unreported in the
 *     tables, so that neither the server's nor the generator's JIT compiler is still at work in the measured one
 * @param warmUpRounds exam mode: how many short exams the warm-up class sits, one after another
 * @param warmUpSeconds rate mode: saves at the first rate for this long before the baseline and the steps
 */
record LoadOptions(
    String mode,
    URI server,
    int students,
    double releaseSeconds,
    double thinkSeconds,
    int questions,
    double signInsPerSecond,
    int connections,
    long seed,
    double rateStart,
    double rateFactor,
    double stepSeconds,
    double p99LimitMs,
    double errorLimit,
    int pgbenchClients,
    double pgbenchSeconds,
    int warmUpStudents,
    int warmUpRounds,
    double warmUpSeconds) {

  static final String USAGE = """
      usage: exam|rate [--server http://localhost:8080] [--students 100] [--release 10] [--think 5]
                       [--questions 20] [--sign-in-rate 40] [--connections 512] [--seed 42]
                       [--rate-start 100] [--rate-factor 1.25] [--step-seconds 15] [--p99-limit-ms 50]
                       [--error-limit 0.001] [--pgbench-clients 16] [--pgbench-seconds 20]
                       [--warm-up-students 500] [--warm-up-rounds 10] [--warm-up-seconds 10]
      The database comes from the same PG* variables or DATABASE_URL the server reads.""";

  static LoadOptions parse(String... args) {
    if (args.length == 0 || !(args[0].equals("exam") || args[0].equals("rate"))) {
      throw new IllegalArgumentException("Name a mode first: exam or rate.\n" + USAGE);
    }
    Map<String, String> given = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("Expected --option value, found \"" + args[i] + "\".\n" + USAGE);
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    Options options = new Options(given);
    LoadOptions parsed = new LoadOptions(args[0],
        URI.create(options.text("server", "http://localhost:8080")),
        options.whole("students", 100, 1, 1_000_000),
        options.number("release", 10, 0, 3600),
        options.number("think", 5, 0, 3600),
        options.whole("questions", 20, 1, 1000),
        options.number("sign-in-rate", 40, 0.1, 100_000),
        options.whole("connections", 512, 1, 100_000),
        options.whole("seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE),
        options.number("rate-start", 100, 1, 1_000_000),
        options.number("rate-factor", 1.25, 1.01, 10),
        options.number("step-seconds", 15, 0.5, 3600),
        options.number("p99-limit-ms", 50, 1, 60_000),
        options.number("error-limit", 0.001, 0, 1),
        options.whole("pgbench-clients", 16, 1, 1000),
        options.number("pgbench-seconds", 20, 1, 3600),
        options.whole("warm-up-students", 500, 0, 1_000_000),
        options.whole("warm-up-rounds", 10, 1, 1000),
        options.number("warm-up-seconds", 10, 0, 3600));
    options.rejectUnknown();
    return parsed;
  }

  /** Reads named values, remembering which were asked for so a misspelt option is an error, not ignored. */
  private static final class Options {
    private final Map<String, String> given;

    Options(Map<String, String> given) {
      this.given = new LinkedHashMap<>(given);
    }

    String text(String name, String fallback) {
      String value = given.remove(name);
      return value == null ? fallback : value;
    }

    int whole(String name, int fallback, int min, int max) {
      return value(name, fallback, min, max, Integer::valueOf, "a whole number");
    }

    double number(String name, double fallback, double min, double max) {
      return value(name, fallback, min, max, Double::valueOf, "a number");
    }

    private <T extends Comparable<T>> T value(String name, T fallback, T min, T max, Function<String, T> parse,
        String kind) {
      String value = text(name, null);
      if (value == null) {
        return fallback;
      }
      try {
        T parsed = parse.apply(value);
        if (parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below with the range expected
      }
      throw new IllegalArgumentException("--" + name + " must be " + kind + " from " + min + " to " + max
          + ", not \"" + value + "\".");
    }

    void rejectUnknown() {
      if (!given.isEmpty()) {
        throw new IllegalArgumentException("Unknown option --" + given.keySet().iterator().next() + ".\n" + USAGE);
      }
    }
  }
}
