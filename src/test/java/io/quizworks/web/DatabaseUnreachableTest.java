package io.quizworks.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {
  @Test
  void refusedResetAndTimedOutConnectionsAreOutOfReach() {
    ConnectException refused = new ConnectException("Connection refused");
    SocketException reset = new SocketException("Connection reset");
    ConnectTimeoutException timedOut = new ConnectTimeoutException("connection timed out");

    assertThat(DatabaseUnreachable.causeOf(refused)).contains(refused);
    assertThat(DatabaseUnreachable.causeOf(reset)).contains(reset);
    assertThat(DatabaseUnreachable.causeOf(timedOut)).contains(timedOut);
    assertThat(DatabaseUnreachable.causeOf(ClosedConnectionException.INSTANCE))
        .contains(ClosedConnectionException.INSTANCE);
  }

  @Test
  void theCauseIsFoundBehindWrappers() {
    ConnectException refused = new ConnectException("Connection refused");

    assertThat(DatabaseUnreachable.causeOf(new RuntimeException("wrapped", new IllegalStateException(refused))))
        .contains(refused);
  }

  @Test
  void postgresqlShuttingDownStartingUpOrRefusingTheConnectionIsOutOfReach() {
    for (String sqlState : new String[] {"57P01", "57P02", "57P03", "08006", "08001", "08004"}) {
      PgException failure = new PgException("FATAL: " + sqlState, "FATAL", sqlState, null);

      assertThat(DatabaseUnreachable.causeOf(failure)).as(sqlState).contains(failure);
    }
  }

  @Test
  void failuresTheRequestOrTheServerCausedAreNot() {
    for (String sqlState : new String[] {"23505", "22021", "57014", "40001", "42P01"}) {
      assertThat(DatabaseUnreachable.causeOf(new PgException("ERROR", "ERROR", sqlState, null))).as(sqlState)
          .isEmpty();
    }
    assertThat(DatabaseUnreachable.causeOf(new IllegalStateException("Pool closed"))).isEmpty();
    assertThat(DatabaseUnreachable.causeOf(new NullPointerException())).isEmpty();
  }
}
