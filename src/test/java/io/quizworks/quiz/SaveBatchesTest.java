package io.quizworks.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import io.quizworks.system.Quizworks;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The batching of saves, over a statement that records which transaction stored each save, so a test can
 * see which saves shared a commit. Saves are asked for all at once on one event loop, as a burst of
 * students would.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Saves sent in batches: shared commits, one save per attempt per batch, failures kept apart")
class SaveBatchesTest {
  private static final String RECORD =
      """
      insert into stored (attempt_id, tx, n) values (#{attemptId}, txid_current(), 100 / #{divisor})
      returning tx, n
      """;

  private static TestDatabase database;
  private static Pool pool;
  private static Context loop;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.create();
    database.execute("create table stored (attempt_id bigint not null, tx bigint not null, n int not null)");
    pool = Quizworks.pool(vertx, database.options());
    loop = vertx.getOrCreateContext();
  }

  @AfterAll
  static void stop() {
    pool.close().await();
    database.close();
  }

  @BeforeEach
  void empty() {
    database.execute("truncate stored");
  }

  /** Asks for every save at once from the event loop and waits for them all, failed or not. */
  private static List<Future<Row>> burst(int saves, IntFunction<Map<String, Object>> parameters) {
    Promise<List<Future<Row>>> asked = Promise.promise();
    loop.runOnContext(v -> {
      SaveBatches batches = new SaveBatches(SqlTemplate.forQuery(pool, RECORD));
      List<Future<Row>> replies = new ArrayList<>();
      for (int i = 0; i < saves; i++) {
        Map<String, Object> save = parameters.apply(i);
        replies.add(batches.run((Long) save.get("attemptId"), save));
      }
      asked.complete(replies);
    });
    List<Future<Row>> replies = asked.future().await();
    Future.join(replies).otherwiseEmpty().await();
    return replies;
  }

  private static Map<String, Object> save(long attemptId, int divisor) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("attemptId", attemptId);
    parameters.put("divisor", divisor);
    return parameters;
  }

  @Test
  @DisplayName("a burst of saves is stored in fewer commits than saves, and every save gets its own row back")
  void burstsShareCommits() {
    List<Future<Row>> replies = burst(400, i -> save(i, 1 + i % 7));

    assertThat(replies).allSatisfy(reply -> assertThat(reply.succeeded()).isTrue());
    for (int i = 0; i < replies.size(); i++) {
      assertThat(replies.get(i).result().getInteger("n")).as("reply to save %d", i).isEqualTo(100 / (1 + i % 7));
    }
    assertThat(database.queryLong("select count(*) from stored")).isEqualTo(400);
    long commits = database.queryLong("select count(distinct tx) from stored");
    assertThat(commits).as("transactions for 400 saves").isLessThan(400 / 4);
  }

  @Test
  @DisplayName("saves of one attempt never share a transaction, and all of them are stored")
  void oneSavePerAttemptPerBatch() {
    List<Future<Row>> replies = burst(300, i -> save(i % 5, 1));

    assertThat(replies).allSatisfy(reply -> assertThat(reply.succeeded()).isTrue());
    assertThat(database.queryLong("select count(*) from stored")).isEqualTo(300);
    assertThat(database.queryLong(
        "select coalesce(max(c), 0) from (select count(*) as c from stored group by tx, attempt_id) per_batch"))
        .as("most saves of one attempt in one transaction").isEqualTo(1);
  }

  @Test
  @DisplayName("a save that fails takes no other save of its batch with it")
  void failuresStayApart() {
    List<Future<Row>> replies = burst(200, i -> save(i, i == 150 ? 0 : 1));

    assertThat(replies.get(150).failed()).isTrue();
    assertThat(replies.get(150).cause()).hasMessageContaining("division by zero");
    for (int i = 0; i < replies.size(); i++) {
      if (i != 150) {
        assertThat(replies.get(i).succeeded()).as("save %d", i).isTrue();
      }
    }
    assertThat(database.queryLong("select count(*) from stored")).isEqualTo(199);
    assertThat(database.queryLong("select count(*) from stored where attempt_id = 150")).isZero();
  }
}
