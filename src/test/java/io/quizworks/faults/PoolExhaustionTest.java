package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.HttpVerticle;
import io.quizworks.system.Quizworks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every connection of the pool is taken (held by the test) while a student saves. A save either waits for a
 * connection and is then stored and answered 200, or gives up and is answered with a 5xx, which the page
 * retries; it is never answered 2xx without being stored. The same holds for a save whose statement waits on a
 * lock past the statement timeout: PostgreSQL cancels it and the save is answered 503.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Saves when the database pool is exhausted, or a statement waits too long")
class PoolExhaustionTest {
  private static TestDatabase database;
  private static Config config;
  private static Quizworks app;
  private static Db db;
  private static Exam exam;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    config = Config.of(0, database.options(), Path.of("questions"));
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

  /** Takes every connection the pool will give (it grows to its maximum), and returns them. */
  private static List<SqlConnection> exhaust(Pool pool, int size) {
    List<SqlConnection> held = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      held.add(pool.getConnection().await());
    }
    return held;
  }

  private static void release(List<SqlConnection> held) {
    held.forEach(connection -> connection.close().await());
  }

  /** A server on its own port with the given pool, routed exactly as the real one. */
  private static HttpServer serverWith(Vertx vertx, Pool pool) {
    return vertx.createHttpServer().requestHandler(HttpVerticle.router(vertx, pool, config)).listen(0).await();
  }

  private record Student(Browser browser, long attemptId, Exam.Item item) {}

  private static Student student(String name) {
    long quizId = exam.quiz(app.port(), Map.of("title", "Pool " + name));
    exam.student(name);
    Browser browser = exam.signIn(app.port(), name);
    long attemptId = Exam.start(browser, app.port(), quizId);
    return new Student(browser, attemptId, exam.items(attemptId).get(1));
  }

  @Test
  @DisplayName("with the server's own pool taken, saves wait for a connection; once one is free they are stored and answered 200")
  void productionPoolWaits(Vertx vertx) {
    Student ada = student("Ada Waits");
    List<SqlConnection> held = exhaust(app.pool(), 16);
    List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
    try {
      for (long seq = 1; seq <= 5; seq++) {
        saves.add(ada.browser.save(app.port(), ada.attemptId, 1, seq, ada.item.answer(seq)));
      }
      SaveLog.pause(1500);
      assertThat(saves).as("no save is answered while no connection is free").noneMatch(Future::isComplete);
      assertThat(db.responses(ada.attemptId)).isEmpty();
    } finally {
      release(held);
    }
    Future.join(saves).await();
    assertThat(saves).allSatisfy(save -> assertThat(save.result().statusCode()).isEqualTo(200));
    assertThat(db.responses(ada.attemptId).get(1)).isEqualTo(new Db.Stored(5, ada.item.answer(5)));
  }

  @Test
  @DisplayName("with a pool that gives up (a full wait queue, or a wait timeout), a save is answered 5xx and nothing is stored; the resend is stored")
  void poolThatGivesUp(Vertx vertx) {
    Student bo = student("Bo Refused");
    Pool noQueue = PgBuilder.pool().with(new PoolOptions().setMaxSize(1).setMaxWaitQueueSize(0))
        .connectingTo(database.options()).using(vertx).build();
    Pool shortWait = PgBuilder.pool().with(new PoolOptions().setMaxSize(1).setConnectionTimeout(1)
        .setConnectionTimeoutUnit(TimeUnit.SECONDS)).connectingTo(database.options()).using(vertx).build();
    try {
      long seq = 0;
      for (Pool pool : List.of(noQueue, shortWait)) {
        HttpServer server = serverWith(vertx, pool);
        try {
          List<SqlConnection> held = exhaust(pool, 1);
          JsonObject answer;
          try {
            seq++;
            answer = bo.item.answer(seq);
            long sent = System.nanoTime();
            HttpResponse<Buffer> refused = bo.browser.save(server.actualPort(), bo.attemptId, 1, seq, answer).await();
            System.out.printf("exhausted pool (%s): %d after %d ms%n", pool == noQueue ? "no wait queue" : "1 s wait",
                refused.statusCode(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
            assertThat(refused.statusCode()).as(refused.bodyAsString()).isBetween(500, 599);
            assertThat(refused.bodyAsString()).doesNotContain("Exception", "at io.", "select", "insert");
            assertThat(db.responses(bo.attemptId).get(1)).as("nothing stored by the refused save")
                .isNotEqualTo(new Db.Stored(seq, answer));
          } finally {
            release(held);
          }
          HttpResponse<Buffer> resent = bo.browser.save(server.actualPort(), bo.attemptId, 1, seq, answer).await();
          assertThat(resent.statusCode()).as(resent.bodyAsString()).isEqualTo(200);
          assertThat(db.responses(bo.attemptId).get(1)).isEqualTo(new Db.Stored(seq, answer));
        } finally {
          server.close().await();
        }
      }
    } finally {
      noQueue.close().await();
      shortWait.close().await();
    }
  }

  @Test
  @DisplayName("a save that waits on a locked attempt past the timeout is answered 503 and stores nothing; the resend is stored")
  void lockedAttempt(Vertx vertx) {
    Student lou = student("Lou Locked");
    long attemptId = lou.attemptId;
    JsonObject answer = lou.item.answer(1);
    Quizworks impatient = Quizworks.start(vertx, config.withStatementTimeout(Duration.ofSeconds(1))).await();
    try {
      saveBehindALock(vertx, impatient, lou, answer);
    } finally {
      impatient.stop(vertx).await();
    }
    assertThat(db.responses(attemptId).get(1)).isEqualTo(new Db.Stored(1, answer));
  }

  /** Saves while another transaction holds the attempt's row, through a server with a 1 s statement timeout. */
  private static void saveBehindALock(Vertx vertx, Quizworks impatient, Student lou, JsonObject answer) {
    long attemptId = lou.attemptId;
    SqlConnection locker = impatient.pool().getConnection().await();
    Transaction transaction = locker.begin().await();
    locker.preparedQuery("select id from attempt where id = $1 for update").execute(Tuple.of(attemptId)).await();
    // Without a timeout the save would wait for this lock: let it go after 8 s, so a missing timeout fails the
    // test (a 200, late) instead of hanging it.
    vertx.setTimer(8_000, timer -> transaction.rollback());
    long sent = System.nanoTime();
    HttpResponse<Buffer> refused = lou.browser.save(impatient.port(), attemptId, 1, 1, answer).await();
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
    transaction.completion().otherwiseEmpty().await();
    locker.close().await();

    assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(503);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("Database busy");
    assertThat(tookMs).as("cancelled by the 1 s timeout, not answered when the lock went at 8 s").isLessThan(8_000);
    assertThat(db.responses(attemptId)).as("nothing stored by the refused save").doesNotContainKey(1);
    HttpResponse<Buffer> resent = lou.browser.save(impatient.port(), attemptId, 1, 1, answer).await();
    assertThat(resent.statusCode()).as(resent.bodyAsString()).isEqualTo(200);
  }
}
