package io.quizworks.web;

import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs requests that failed because PostgreSQL was out of reach without burying the log: during an outage every
 * open quiz page resends its answers every few seconds, and a stack trace for each (362 of them, 550 KB, for
 * three students in DatabaseRestartTest) hid whatever else the log said. The first such failure after a quiet
 * spell gets a line of its own; the rest are counted and summed up at the end of each interval while they last.
 * One per event loop, like the router that owns it.
 */
public final class OutageLog {
  private static final Logger LOG = LoggerFactory.getLogger(OutageLog.class);

  private final Vertx vertx;
  private final long intervalMs;
  private final String interval;
  private boolean counting;
  private long unlogged;
  private String latest;

  OutageLog(Vertx vertx, Duration interval) {
    this.vertx = vertx;
    this.intervalMs = interval.toMillis();
    this.interval = BigDecimal.valueOf(intervalMs, 3).stripTrailingZeros().toPlainString() + " s";
  }

  synchronized void failed(String request, Throwable cause) {
    String what = request + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    if (counting) {
      unlogged++;
      latest = what;
      return;
    }
    counting = true;
    LOG.warn("PostgreSQL is out of reach; answered 503 to {}. Further such failures are counted and logged every {}",
        what, interval);
    vertx.setTimer(intervalMs, timer -> summarise());
  }

  private synchronized void summarise() {
    if (unlogged == 0) {
      counting = false;
      return;
    }
    LOG.warn("PostgreSQL out of reach: {} more request(s) answered 503 in the last {}; the latest, {}", unlogged,
        interval, latest);
    unlogged = 0;
    vertx.setTimer(intervalMs, timer -> summarise());
  }
}
