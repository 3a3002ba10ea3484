package io.quizworks.load;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Markdown tables a run prints, ready to paste into docs/benchmarks.md. */
final class Report {
  private Report() {}

  static String steps(List<StepStats.Summary> steps) {
    StringBuilder table = new StringBuilder(
        "| step | ok | errors | per second | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---|---:|---:|---:|---:|---:|\n");
    for (StepStats.Summary step : steps) {
      table.append(String.format(Locale.ROOT, "| %s | %,d | %s | %,.0f | %s | %s | %s | %s |%n", step.step(), step.ok(),
          errors(step), step.perSecond(), ms(step.p50Ms()), ms(step.p95Ms()), ms(step.p99Ms()), ms(step.maxMs())));
    }
    return table.toString();
  }

  /** PostgreSQL's WAL while an exam's starts arrived and in the rest of it. */
  static String wal(BenchmarkDatabase.Wal wal, double releaseSeconds) {
    return String.format(Locale.ROOT,
        "PostgreSQL's WAL while starts arrived (%s s): %s; in the rest of the exam: %s.%n",
        ms(releaseSeconds), walFigures(wal.whileStarting()), walFigures(wal.afterwards()));
  }

  private static String walFigures(BenchmarkDatabase.WalTotals totals) {
    return String.format(Locale.ROOT, "%,d records, %,d full-page images, %,.1f MB, %,d flushes", totals.records(),
        totals.fullPageImages(), totals.bytes() / 1e6, totals.flushes());
  }

  /** A rate-search table: one row per arrival rate tried, with whether it held. */
  static String rates(List<RateStep> steps, double p99LimitMs, double errorLimit) {
    StringBuilder table = new StringBuilder(
        "| target saves/s | achieved saves/s | errors | p50 ms | p99 ms | max ms | held |\n|---:|---:|---|---:|---:|---:|---|\n");
    for (RateStep step : steps) {
      StepStats.Summary saves = step.saves();
      table.append(String.format(Locale.ROOT, "| %,.0f | %,.0f | %s | %s | %s | %s | %s |%n", step.targetPerSecond(),
          saves.perSecond(), errors(saves), ms(saves.p50Ms()), ms(saves.p99Ms()), ms(saves.maxMs()),
          step.held(p99LimitMs, errorLimit) ? "yes" : "no"));
    }
    return table.toString();
  }

  /** One step of the rate search. */
  record RateStep(double targetPerSecond, StepStats.Summary saves) {
    boolean held(double p99LimitMs, double errorLimit) {
      return saves.ok() > 0 && saves.p99Ms() <= p99LimitMs && saves.errorShare() <= errorLimit;
    }
  }

  private static String errors(StepStats.Summary step) {
    if (step.failed() == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, "%,d (%s)", step.failed(), step.errors().entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")));
  }

  private static String ms(double value) {
    return value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%,.0f", value);
  }
}
