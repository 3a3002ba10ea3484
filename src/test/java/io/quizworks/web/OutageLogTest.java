package io.quizworks.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.CapturedLog;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OutageLogTest {
  private static final Duration INTERVAL = Duration.ofMillis(300);
  private static final Pattern SUMMARY = Pattern.compile("PostgreSQL out of reach: (\\d+) more request\\(s\\) .*");

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
      assertThat(1 + counted(lines.subList(1, lines.size()))).as("every failure is in the log").isEqualTo(50);
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

  private static long counted(List<String> summaries) {
    long sum = 0;
    for (String line : summaries) {
      Matcher matcher = SUMMARY.matcher(line.substring("WARN ".length()));
      assertThat(matcher.matches()).as(line).isTrue();
      sum += Long.parseLong(matcher.group(1));
    }
    return sum;
  }
}
