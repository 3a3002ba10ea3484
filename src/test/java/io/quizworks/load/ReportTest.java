package io.quizworks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Percentiles from the schedule, errors by kind, and the table a run prints. */
class ReportTest {
  private static final long MS = 1_000_000;

  @Test
  void latencyRunsFromTheScheduledTimeNotTheSendingTime() {
    StepStats saves = new StepStats("save");
    for (int i = 0; i < 99; i++) {
      saves.succeeded(i * 10 * MS, i * 10 * MS + 2 * MS);
    }
    saves.succeeded(990 * MS, 1_990 * MS);

    StepStats.Summary summary = saves.summary();

    assertThat(summary.p50Ms()).isEqualTo(2.0);
    assertThat(summary.p99Ms()).isEqualTo(2.0);
    assertThat(summary.maxMs()).isBetween(999.0, 1001.0);
    assertThat(summary.perSecond()).as("100 requests from 0 to 1.99 s").isCloseTo(100 / 1.99, within(1e-9));
  }

  @Test
  void countsErrorsByKindAndPrintsThem() {
    StepStats starts = new StepStats("start");
    starts.succeeded(0, 400 * MS);
    starts.failed("HTTP 503", 0, 10 * MS);
    starts.failed("timeout", 0, 10 * MS);
    starts.failed("HTTP 503", 0, 10 * MS);

    String table = Report.steps(List.of(starts.summary()));

    assertThat(starts.summary().errorShare()).isEqualTo(0.75);
    assertThat(table).contains("| start | 1 | 3 (HTTP 503: 2, timeout: 1) | 10 | 400 | 400 | 400 | 400 |");
  }

  @Test
  void walIsReportedForTheStartsAndForTheRestOfTheExamApart() {
    BenchmarkDatabase.Wal wal = new BenchmarkDatabase.Wal(new BenchmarkDatabase.WalTotals(1_000, 10, 5_000_000, 100),
        new BenchmarkDatabase.WalTotals(61_000, 1_667, 47_500_000, 4_100),
        new BenchmarkDatabase.WalTotals(1_261_000, 2_000, 247_500_000, 104_100));

    assertThat(Report.wal(wal, 10)).isEqualTo("PostgreSQL's WAL while starts arrived (10 s): 60,000 records, 1,657 "
        + "full-page images, 42.5 MB, 4,000 flushes; in the rest of the exam: 1,200,000 records, 333 full-page images, "
        + "200.0 MB, 100,000 flushes.\n");
  }

  @Test
  void aRateStepHoldsOnlyUnderBothLimits() {
    StepStats fast = new StepStats("save");
    fast.succeeded(0, 3 * MS);
    StepStats slow = new StepStats("save");
    slow.succeeded(0, 80 * MS);
    StepStats failing = new StepStats("save");
    for (int i = 0; i < 99; i++) {
      failing.succeeded(0, MS);
    }
    failing.failed("HTTP 503", 0, MS);

    assertThat(new Report.RateStep(100, fast.summary()).held(50, 0.001)).isTrue();
    assertThat(new Report.RateStep(100, slow.summary()).held(50, 0.001)).isFalse();
    assertThat(new Report.RateStep(100, failing.summary()).held(50, 0.001)).isFalse();
    assertThat(new Report.RateStep(100, new StepStats("save").summary()).held(50, 0.001)).isFalse();
    assertThat(Report.rates(List.of(new Report.RateStep(100, slow.summary())), 50, 0.001))
        .contains("| 100 | 13 | 0 | 80 | 80 | 80 | no |");
  }
}
