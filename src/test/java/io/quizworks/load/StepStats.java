package io.quizworks.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latencies and failures of one step (sign-in, start, save...). A latency runs from when the request was
 * <em>meant</em> to go out, by the schedule, to when its answer arrived: a server that falls behind delays
 * later requests, and that delay counts against it instead of hiding (coordinated omission).
 */
final class StepStats {
  private static final long ONE_HOUR_MICROS = TimeUnit.HOURS.toMicros(1);

  private final String name;
  private final Histogram latencies = new Histogram(ONE_HOUR_MICROS, 3);
  private final Map<String, Long> errors = new TreeMap<>();
  private long firstIntendedNanos = Long.MAX_VALUE;
  private long lastDoneNanos = Long.MIN_VALUE;

  StepStats(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  synchronized void succeeded(long intendedNanos, long doneNanos) {
    latencies.recordValue(Math.min(ONE_HOUR_MICROS, Math.max(0, (doneNanos - intendedNanos) / 1_000)));
    span(intendedNanos, doneNanos);
  }

  /** A failure by kind: {@code HTTP 503}, {@code timeout}, {@code connection}... */
  synchronized void failed(String kind, long intendedNanos, long doneNanos) {
    errors.merge(kind, 1L, Long::sum);
    span(intendedNanos, doneNanos);
  }

  private void span(long intendedNanos, long doneNanos) {
    firstIntendedNanos = Math.min(firstIntendedNanos, intendedNanos);
    lastDoneNanos = Math.max(lastDoneNanos, doneNanos);
  }

  synchronized Summary summary() {
    long ok = latencies.getTotalCount();
    long failed = errors.values().stream().mapToLong(Long::longValue).sum();
    double seconds = ok + failed == 0 ? 0 : (lastDoneNanos - firstIntendedNanos) / 1e9;
    return new Summary(name, ok, failed, new TreeMap<>(errors), seconds <= 0 ? 0 : (ok + failed) / seconds,
        millis(latencies.getValueAtPercentile(50)), millis(latencies.getValueAtPercentile(95)),
        millis(latencies.getValueAtPercentile(99)), millis(latencies.getMaxValue()));
  }

  private static double millis(long micros) {
    return micros / 1000.0;
  }

  /**
   * What a report prints for one step.
   *
   * @param perSecond requests completed per second, from the first one scheduled to the last one answered
   */
  record Summary(String step, long ok, long failed, Map<String, Long> errors, double perSecond, double p50Ms,
      double p95Ms, double p99Ms, double maxMs) {
    double errorShare() {
      return ok + failed == 0 ? 0 : (double) failed / (ok + failed);
    }
  }
}
