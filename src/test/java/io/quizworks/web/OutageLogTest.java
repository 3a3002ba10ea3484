package io.quizworks.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import io.quizworks.support.CapturedLog;
import io.quizworks.support.OutageLines;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OutageLogTest {
  private static final Duration INTERVAL = Duration.ofMillis(300);

  @Test
  void anOutageIsOneLineAndThenACountPerIntervalWithoutStackTraces(Vertx vertx) throws InterruptedException {
    OutageLog outages = new OutageLog(vertx, INTERVAL);
    try (CapturedLog log = CapturedLog.of(OutageLog.class)) {
      for (int i = 1; i <= 50; i++) {
        outages.failed("PUT /api/attempts/7/answers/" + i, new ConnectException("Connection refused"));
      }
      Thread.sleep(3 * INTERVAL.toMillis());

      List<String> lines = log.lines();
      assertThat(lines.get(0)).isEqualTo("WARN PostgreSQL is out of reach; answered 503 to PUT /api/attempts/7/"
          + "answers/1: ConnectException: Connection refused. Further such failures are counted and logged every "
          + "0.3 s");
      assertThat(lines).hasSizeBetween(2, 50);
      assertThat(lines.get(lines.size() - 1)).endsWith("the latest, PUT /api/attempts/7/answers/50: "
          + "ConnectException: Connection refused");
      List<String> summaries = log.messages(Level.WARN).subList(1, lines.size());
      assertThat(1 + OutageLines.summarised(summaries)).as("every failure is in the log").isEqualTo(50);
      assertThat(log.withStackTraces()).isZero();
    }
  }

  @Test
  void aFailureAfterAQuietIntervalGetsALineOfItsOwnAgain(Vertx vertx) throws InterruptedException {
    OutageLog outages = new OutageLog(vertx, INTERVAL);
    try (CapturedLog log = CapturedLog.of(OutageLog.class)) {
      outages.failed("GET /teacher", new ConnectException("Connection refused"));
      Thread.sleep(3 * INTERVAL.toMillis());
      outages.failed("GET /classes/3", new ConnectException("Connection refused"));

      assertThat(log.lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith(
          "WARN PostgreSQL is out of reach; answered 503 to "));
      assertThat(log.lines().get(1)).contains("GET /classes/3");
    }
  }
}
