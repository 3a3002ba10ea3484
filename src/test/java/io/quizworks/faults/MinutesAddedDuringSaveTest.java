package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.DatabaseClients;
import io.quizworks.system.HttpVerticle;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A save arrives after the deadline and grace, and is refused as late, while the teacher adds minutes to the
 * attempt: the minutes commit between the save's write (refused) and its read-back (the attempt is open
 * again). The reply must not be a success, since nothing was stored: the page would drop the answer.
 *
 * <p>The teacher's update is made to land in exactly that moment by a test-only statement trigger on
 * {@code response} that runs the same update as the teacher's "add minutes" form. The server here has no sweep
 * (the routes of {@link HttpVerticle} on a pool of their own, after {@link Quizworks} prepared the database),
 * so nothing finalises the expired attempt behind the test's back.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A late save while the teacher adds minutes")
class MinutesAddedDuringSaveTest {
  private static TestDatabase database;
  private static Pool pool;
  private static HttpServer server;
  private static Db db;
  private static Exam exam;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    Config config = Config.of(0, database.options(), Path.of("questions")).withSaveGrace(Duration.ofSeconds(1));
    Quizworks prepared = Quizworks.start(vertx, config).await();
    prepared.stop(vertx).await();
    pool = Quizworks.pool(vertx, database.options());
    server = vertx.createHttpServer().requestHandler(HttpVerticle.router(vertx, DatabaseClients.sharing(pool), config))
        .listen(0).await();
    db = Db.of(database);
    exam = new Exam(db, vertx, server.actualPort());
    db.execute("""
        create table test_add_minutes (attempt_id bigint not null);
        create function test_add_minutes() returns trigger language plpgsql as $$
        begin
          update attempt set deadline = deadline + 10 * interval '1 minute', added_minutes = added_minutes + 10
          where status = 'in_progress' and id in (select attempt_id from test_add_minutes);
          delete from test_add_minutes;
          return null;
        end $$;
        create trigger test_add_minutes after insert on response for each statement
          execute function test_add_minutes();
        """);
  }

  @AfterAll
  static void stop() {
    try {
      if (server != null) {
        server.close().await();
        pool.close().await();
      }
    } finally {
      database.close();
    }
  }

  @Test
  @DisplayName("is not answered 2xx when it was not stored; the page's resend is stored")
  void lateSaveWhileMinutesAreAdded() {
    int node = server.actualPort();
    long quizId = exam.quiz(node, Map.of("title", "Extra time"));
    exam.student("Lee Late");
    Browser lee = exam.signIn(node, "Lee Late");
    long attemptId = Exam.start(lee, node, quizId);
    Exam.Item item = exam.items(attemptId).get(1);
    assertThat(lee.save(node, attemptId, 1, 1, item.answer(1)).await().statusCode()).isEqualTo(200);

    db.execute("update attempt set deadline = now() - interval '5 seconds' where id = " + attemptId);
    db.execute("insert into test_add_minutes values (" + attemptId + ")");
    HttpResponse<Buffer> late = lee.save(node, attemptId, 1, 2, item.answer(2)).await();
    assertThat(db.queryLong("select added_minutes from attempt where id = " + attemptId))
        .as("the minutes landed during the save").isEqualTo(10);
    assertThat(db.responses(attemptId).get(1)).as("the late save was not stored").isEqualTo(new Db.Stored(1, item.answer(1)));
    assertThat(late.statusCode()).as("not stored, so not a success: " + late.bodyAsString()).isBetween(500, 599);

    // The page keeps a 5xx'd answer and sends it again: now inside the new deadline, it is stored.
    HttpResponse<Buffer> resent = lee.save(node, attemptId, 1, 2, item.answer(2)).await();
    assertThat(resent.statusCode()).as(resent.bodyAsString()).isEqualTo(200);
    assertThat(resent.bodyAsJsonObject().getLong("seq")).isEqualTo(2);
    assertThat(db.responses(attemptId).get(1)).isEqualTo(new Db.Stored(2, item.answer(2)));
    lee.close();
  }
}
