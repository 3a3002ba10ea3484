package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A statement of the server's that waits on a lock longer than the statement timeout (here 1 s) is cancelled
 * by PostgreSQL: the request is answered with a 503 the page retries, instead of hanging with a connection
 * held, and nothing it asked for is stored.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Statements that wait too long")
class StatementTimeoutTest {
  private static TestDatabase database;
  private static Quizworks app;
  private static Db db;
  private static Exam exam;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    Config config = Config.of(0, database.options(), Path.of("questions")).withStatementTimeout(Duration.ofSeconds(1));
    app = Quizworks.start(vertx, config).await();
    db = Db.of(database);
    exam = new Exam(db, vertx, app.port());
  }

  @AfterAll
  static void stop(Vertx vertx) {
    try {
      if (app != null) {
        app.stop(vertx).await();
      }
    } finally {
      database.close();
    }
  }

  @Test
  @DisplayName("a save that waits on a locked attempt past the timeout is answered 503 and stores nothing; the resend is stored")
  void lockedAttempt(Vertx vertx) {
    long quizId = exam.quiz(app.port(), Map.of("title", "Locked"));
    exam.student("Lou Locked");
    Browser lou = exam.signIn(app.port(), "Lou Locked");
    long attemptId = Exam.start(lou, app.port(), quizId);
    Exam.Item item = exam.items(attemptId).get(1);
    JsonObject answer = item.answer(1);

    SqlConnection locker = app.pool().getConnection().await();
    Transaction transaction = locker.begin().await();
    locker.preparedQuery("select id from attempt where id = $1 for update").execute(Tuple.of(attemptId)).await();
    // Without a timeout the save would wait for this lock: let it go after 8 s, so a missing timeout fails the
    // test (a 200, late) instead of hanging it.
    vertx.setTimer(8_000, timer -> transaction.rollback());
    long sent = System.nanoTime();
    HttpResponse<Buffer> refused = lou.save(app.port(), attemptId, 1, 1, answer).await();
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
    transaction.completion().otherwiseEmpty().await();
    locker.close().await();

    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(503);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("Database busy");
    assertThat(tookMs).as("cancelled by the 1 s timeout, not answered when the lock went at 8 s").isLessThan(8_000);
    assertThat(db.responses(attemptId)).as("nothing stored by the refused save").doesNotContainKey(1);
    HttpResponse<Buffer> resent = lou.save(app.port(), attemptId, 1, 1, answer).await();
    assertThat(resent.statusCode()).as(resent.bodyAsString()).isEqualTo(200);
    assertThat(db.responses(attemptId).get(1)).isEqualTo(new Db.Stored(1, answer));
  }
}
