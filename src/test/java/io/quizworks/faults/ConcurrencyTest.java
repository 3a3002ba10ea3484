package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.quiz.Attempts;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Races on one attempt, over HTTP against a real PostgreSQL: saves across the deadline while the attempt is
 * finalised lazily and by the sweep, two tabs saving one question with interleaved sequence numbers at once,
 * and saves racing the submission. Twenty simultaneous submits of one attempt are proved by
 * {@code quiz.AttemptFlowTest#concurrentSubmits} (exactly one submission) and, across two nodes, by
 * {@link TwoNodesTest}; they are not repeated here.
 *
 * <p>The database of this class has two test-only triggers that log, with the time of writing, every write
 * that closes an attempt and every write of an answer, so "finalised exactly once" and "no answer written
 * after the close" are counted, not inferred.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Concurrent saves, the deadline and submission")
class ConcurrencyTest {
  private static final Duration GRACE = Duration.ofSeconds(1);

  private static TestDatabase database;
  private static Quizworks app;
  private static Db db;
  private static Exam exam;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    app = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions")).withSaveGrace(GRACE)).await();
    db = Db.of(database);
    exam = new Exam(db, vertx, app.port());
    db.execute("""
        create table test_write (attempt_id bigint not null, what text not null, at timestamptz default clock_timestamp());
        create function test_log_close() returns trigger language plpgsql as $$
        begin
          insert into test_write (attempt_id, what) values (new.id, 'close ' || new.status);
          return new;
        end $$;
        create trigger test_attempt_closed after update on attempt for each row
          when (new.status <> 'in_progress') execute function test_log_close();
        create function test_log_answer() returns trigger language plpgsql as $$
        begin
          insert into test_write (attempt_id, what) values (new.attempt_id, 'answer');
          return new;
        end $$;
        create trigger test_response_written after insert or update on response for each row
          execute function test_log_answer();
        """);
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

  private static long quiz() {
    return exam.quiz(app.port(), Map.of("title", "Race " + System.nanoTime()));
  }

  private record Taker(String name, Browser browser, long attemptId, Map<Integer, Exam.Item> items) {}

  private static Taker taker(String name, long quizId) {
    exam.student(name);
    Browser browser = exam.signIn(app.port(), name);
    long attemptId = Exam.start(browser, app.port(), quizId);
    return new Taker(name, browser, attemptId, exam.items(attemptId));
  }

  /** Each write that closed the attempt, by the status it closed with, as the test's trigger logged them. */
  private static Map<String, Long> closes(long attemptId) {
    return db.rows("select what from test_write where attempt_id = " + attemptId + " and what like 'close %'").stream()
        .collect(Collectors.groupingBy(row -> (String) row.get("what"), Collectors.counting()));
  }

  /** Writes of an answer that came after a write that closed the attempt. */
  private static long answersWrittenAfterTheClose(long attemptId) {
    return db.queryLong("select count(*) from test_write w join test_write c on c.attempt_id = w.attempt_id "
        + "and c.what like 'close %' where w.attempt_id = " + attemptId + " and w.what = 'answer' and w.at > c.at");
  }

  @Test
  @DisplayName("saves racing the deadline: every 2xx save is stored, every save sent after deadline + grace gets 409, the attempt is finalised exactly once with what was stored in time")
  void savesRacingTheDeadline(Vertx vertx) throws Exception {
    long quizId = quiz();
    List<Taker> takers = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      takers.add(taker("Racer " + i, quizId));
    }
    String ids = takers.stream().map(t -> String.valueOf(t.attemptId)).collect(Collectors.joining(","));
    db.execute("update attempt set deadline = now() + interval '2 seconds' where id in (" + ids + ")");
    Map<Long, Long> deadlines = db.deadlines();
    long graceMicros = GRACE.toNanos() / 1000;
    long latest = takers.stream().mapToLong(t -> deadlines.get(t.attemptId)).max().orElseThrow() + graceMicros;

    SaveLog log = new SaveLog();
    List<Throwable> broken = new CopyOnWriteArrayList<>();
    List<Integer> timeStatuses = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    for (Taker taker : takers) {
      // Two saving flows per student, each on its half of the questions, one save after another.
      for (int half = 0; half < 2; half++) {
        int flow = half;
        threads.add(new Thread(() -> {
          try {
            List<Integer> positions = taker.items.keySet().stream().filter(p -> p % 2 == flow).toList();
            for (long seq = 1; running.get(); seq++) {
              long s = seq;
              int position = positions.get((int) (seq % positions.size()));
              JsonObject answer = taker.items.get(position).answer(seq);
              log.record(taker.attemptId, position, seq, answer,
                  () -> taker.browser.save(app.port(), taker.attemptId, position, s, answer).await());
            }
          } catch (Throwable t) {
            broken.add(t);
          }
        }, taker.name + " saves " + half));
      }
      // The page's countdown asking for the time: finalises lazily once the deadline and grace have passed.
      threads.add(new Thread(() -> {
        try {
          while (running.get()) {
            timeStatuses.add(taker.browser.json(app.port(), HttpMethod.GET, "/api/attempts/" + taker.attemptId
                + "/time", null).statusCode());
            SaveLog.pause(100);
          }
        } catch (Throwable t) {
          broken.add(t);
        }
      }, taker.name + " time"));
    }
    threads.forEach(Thread::start);
    Attempts sweeper = new Attempts(app.pool(), GRACE);
    int swept = 0;
    while (SaveLog.nowMicros() < latest + 1_500_000) {
      swept += sweeper.sweep().await();
      SaveLog.pause(150);
    }
    running.set(false);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    assertThat(broken).isEmpty();
    assertThat(timeStatuses).containsOnly(200);

    List<SaveLog.Save> saves = log.all();
    assertThat(saves).allSatisfy(s -> assertThat(s.status()).as(s.body()).isIn(200, 409));
    log.assertEveryAcknowledgedSaveStored(db);
    for (Taker taker : takers) {
      long deadline = deadlines.get(taker.attemptId);
      List<SaveLog.Save> mine = saves.stream().filter(s -> s.attemptId() == taker.attemptId).toList();
      assertThat(mine).as("sent after deadline + grace: refused").filteredOn(s -> s.sentMicros() > deadline + graceMicros)
          .hasSizeGreaterThanOrEqualTo(2).allSatisfy(s -> assertThat(s.status()).isEqualTo(409));
      assertThat(mine).as("answered before deadline + grace: stored").filteredOn(s -> s.receivedMicros() < deadline + graceMicros)
          .isNotEmpty().allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
      assertThat(mine).as("sent after the deadline, answered within the grace").filteredOn(s -> s.sentMicros() > deadline
          && s.receivedMicros() < deadline + graceMicros).isNotEmpty();

      // Each question's flow is sequential: what is stored is exactly its last acknowledged save.
      Map<Integer, Db.Stored> stored = db.responses(taker.attemptId);
      Map<Integer, SaveLog.Save> lastAcknowledged = mine.stream().filter(SaveLog.Save::acknowledged).collect(
          Collectors.toMap(SaveLog.Save::position, s -> s, (x, y) -> x.seq() > y.seq() ? x : y));
      assertThat(stored.keySet()).isEqualTo(lastAcknowledged.keySet());
      lastAcknowledged.forEach((position, save) -> assertThat(stored.get(position))
          .isEqualTo(new Db.Stored(save.seq(), save.answer())));

      assertThat(db.queryLong("select count(*) from attempt where id = " + taker.attemptId + " and status = "
          + "'auto_submitted' and submitted_at = deadline and score = (select sum(points) from response where "
          + "attempt_id = " + taker.attemptId + ")")).isEqualTo(1);
      assertThat(db.queryLong("select count(*) from response r join attempt a on a.id = r.attempt_id where a.id = "
          + taker.attemptId + " and (r.points is null or r.saved_at > a.deadline + interval '1 second')")).isZero();
      assertThat(closes(taker.attemptId)).as("closed once").isEqualTo(Map.of("close auto_submitted", 1L));
      assertThat(answersWrittenAfterTheClose(taker.attemptId)).isZero();
    }
    System.out.printf("deadline race: %d saves (%d acknowledged, %d refused); the sweep finalised %d attempts%n",
        saves.size(), log.acknowledged(), saves.stream().filter(s -> s.status() == 409).count(), swept);
  }

  @Test
  @DisplayName("two tabs saving the same questions at once with interleaved, out-of-order sequence numbers: all accepted, the highest wins")
  void twoTabsAtOnce(Vertx vertx) {
    Taker taker = taker("Tab Racer", quiz());
    Browser first = taker.browser;
    Browser second = first.tab(vertx);
    Random random = new Random(42);
    List<Integer> positions = List.of(1, 2, 3);
    try {
      for (int round = 0; round < 4; round++) {
        long base = round * 40L;
        List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
        List<long[]> sent = new ArrayList<>();
        List<long[]> order = new ArrayList<>();
        for (int position : positions) {
          for (long seq = base + 1; seq <= base + 40; seq++) {
            order.add(new long[] {position, seq});
          }
        }
        Collections.shuffle(order, random);
        for (long[] save : order) {
          Browser tab = save[1] % 2 == 0 ? second : first;
          saves.add(tab.save(app.port(), taker.attemptId, (int) save[0], save[1],
              taker.items.get((int) save[0]).answer(save[1])));
          sent.add(save);
        }
        Future.join(saves).await();
        for (int i = 0; i < saves.size(); i++) {
          HttpResponse<Buffer> response = saves.get(i).result();
          assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
          assertThat(response.bodyAsJsonObject().getLong("seq")).as("the reply names a seq at least the one sent")
              .isGreaterThanOrEqualTo(sent.get(i)[1]);
        }
        Map<Integer, Db.Stored> stored = db.responses(taker.attemptId);
        for (int position : positions) {
          assertThat(stored.get(position)).as("round " + round + " question " + position)
              .isEqualTo(new Db.Stored(base + 40, taker.items.get(position).answer(base + 40)));
        }
        // A retry of an old save arriving late, from either tab, changes nothing.
        HttpResponse<Buffer> late = second.save(app.port(), taker.attemptId, 1, base + 1,
            taker.items.get(1).answer(base + 1)).await();
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.bodyAsJsonObject().getLong("seq")).isEqualTo(base + 40);
        assertThat(db.responses(taker.attemptId).get(1).seq()).isEqualTo(base + 40);
      }
    } finally {
      second.close();
    }
  }

  @Test
  @DisplayName("saves racing the submission: every 2xx save is stored and scored, the others get 409, one submission")
  void savesRacingTheSubmission(Vertx vertx) {
    for (int round = 0; round < 3; round++) {
      Taker taker = taker("Submit Racer " + round, quiz());
      List<Future<HttpResponse<Buffer>>> saves = new ArrayList<>();
      List<long[]> sent = new ArrayList<>();
      Future<HttpResponse<Buffer>> submit = null;
      for (long seq = 1; seq <= 40; seq++) {
        int position = (int) ((seq - 1) % taker.items.size()) + 1;
        saves.add(taker.browser.save(app.port(), taker.attemptId, position, seq, taker.items.get(position).answer(seq)));
        sent.add(new long[] {position, seq});
        if (seq == 10 + round * 10) {
          submit = taker.browser.sendJson(app.port(), HttpMethod.POST, "/api/attempts/" + taker.attemptId + "/submit",
              new JsonObject());
        }
      }
      Future.join(saves).await();
      HttpResponse<Buffer> submitted = submit.await();
      assertThat(submitted.statusCode()).isEqualTo(200);
      assertThat(submitted.bodyAsJsonObject().getString("status")).isEqualTo("submitted");

      Map<Integer, Db.Stored> stored = db.responses(taker.attemptId);
      int acknowledged = 0;
      for (int i = 0; i < saves.size(); i++) {
        HttpResponse<Buffer> response = saves.get(i).result();
        int position = (int) sent.get(i)[0];
        long seq = sent.get(i)[1];
        assertThat(response.statusCode()).as(response.bodyAsString()).isIn(200, 409);
        if (response.statusCode() == 200) {
          acknowledged++;
          assertThat(stored.get(position)).as("question " + position + " saved with seq " + seq).isNotNull();
          assertThat(stored.get(position).seq()).isGreaterThanOrEqualTo(seq);
        }
      }
      stored.forEach((position, answer) -> assertThat(answer.answer())
          .isEqualTo(taker.items.get(position).answer(answer.seq())));
      assertThat(answersWrittenAfterTheClose(taker.attemptId)).as("no answer landed after the attempt was closed")
          .isZero();
      assertThat(db.queryLong("select count(*) from attempt where id = " + taker.attemptId + " and score = "
          + "(select sum(points) from response where attempt_id = " + taker.attemptId + ")"))
          .as("every stored answer counted in the score").isEqualTo(1);
      assertThat(closes(taker.attemptId)).isEqualTo(Map.of("close submitted", 1L));
      System.out.printf("saves racing a submission: %d of 40 saves acknowledged%n", acknowledged);
    }
  }
}
