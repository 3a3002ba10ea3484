package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.DatabaseClients;
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
 * Saves while the database's connections are taken. Saves have connections of their own (the server's
 * saving client), so a pool held by long transactions does not stop them. When their own are full, or a
 * pool serves them alone, a save either waits for a connection and is then stored and answered 200, or gives
 * up and is answered with a 5xx, which the page retries; it is never answered 2xx without being stored. The
 * same holds for a save whose statement waits on a lock past the statement timeout: PostgreSQL cancels it and
 * the save is answered 503.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Saves when the database pool is exhausted, or a statement waits too long")
class PoolExhaustionTest {
  private static TestDatabase database;
  private static Config config;
  private static Quizworks app;
  private static Db db;
  private static Exam exam;
  /** An advisory lock key of this test's own, held to keep statements waiting. */
  private static final long BLOCKING_LOCK = 5_051_001;

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
    return vertx.createHttpServer().requestHandler(HttpVerticle.router(vertx, DatabaseClients.sharing(pool), config))
        .listen(0).await();
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
  @DisplayName("with every connection of the server's pool taken (long transactions: exports, imports), saves are still stored and answered 200")
  void savesDoNotWaitForThePool() throws Exception {
    Student ada = student("Ada Saves");
    List<SqlConnection> held = exhaust(app.pool(), 16);
    try {
      List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
      for (long seq = 1; seq <= 5; seq++) {
        saves.add(ada.browser.save(app.port(), ada.attemptId, 1, seq, ada.item.answer(seq)));
      }
      Future.join(saves).await(10, TimeUnit.SECONDS);
      assertThat(saves).allSatisfy(save -> assertThat(save.result().statusCode()).isEqualTo(200));
      assertThat(db.responses(ada.attemptId).get(1)).isEqualTo(new Db.Stored(5, ada.item.answer(5)));
    } finally {
      release(held);
    }
  }

  @Test
  @DisplayName("with the server's saving connections full, saves wait for room; once there is, they are stored and "
      + "answered 200")
  void savesWaitForTheSavingConnections() {
    Student cy = student("Cy Waits");
    SqlConnection blocker = app.pool().getConnection().await();
    Transaction blocking = blocker.begin().await();
    blocker.query("select pg_advisory_xact_lock(" + BLOCKING_LOCK + ")").execute().await();
    List<Future<?>> blocked = new ArrayList<>();
    List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
    try {
      // Each waits for the lock on a connection of its own choosing, and those queued behind it on that
      // connection wait too: more than the client's 2 connections x 8 statements can carry.
      for (int i = 0; i < 40; i++) {
        blocked.add(app.clients().saving().query("select pg_advisory_xact_lock_shared(" + BLOCKING_LOCK + ")")
            .execute());
      }
      for (long seq = 1; seq <= 5; seq++) {
        saves.add(cy.browser.save(app.port(), cy.attemptId, 1, seq, cy.item.answer(seq)));
      }
      SaveLog.pause(1500);
      assertThat(saves).as("no save is answered while the connections are full").noneMatch(Future::isComplete);
      assertThat(db.responses(cy.attemptId)).isEmpty();
    } finally {
      blocking.rollback().await();
      blocker.close().await();
    }
    Future.join(saves).await();
    Future.join(blocked).await();
    assertThat(saves).allSatisfy(save -> assertThat(save.result().statusCode()).isEqualTo(200));
    assertThat(db.responses(cy.attemptId).get(1)).isEqualTo(new Db.Stored(5, cy.item.answer(5)));
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
