package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server process is killed with SIGKILL while students are saving, then started again on the same
 * database and port: nothing acknowledged is lost, the deadlines stand, and the same browsers carry on.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("kill -9 of the server in the middle of an exam")
class ServerKillTest {
  private static final int STUDENTS = 4;

  private final Cleanup cleanup = new Cleanup();

  @AfterEach
  void cleanUp() throws Exception {
    cleanup.close();
  }

  private ServerProcess server(TestDatabase database, int port) {
    ServerProcess server = ServerProcess.start("kill-test", Map.of("PGHOST", TestDatabase.server().getHost(),
        "PGPORT", String.valueOf(TestDatabase.server().getPort()), "PGUSER", TestDatabase.server().getUser(),
        "PGDATABASE", database.name(), "PORT", String.valueOf(port), "QUIZWORKS_QUESTIONS_DIR", "questions"));
    cleanup.add(server);
    return server;
  }

  @Test
  @DisplayName("loses no acknowledged save, keeps every deadline, and the same students resume and submit after a restart")
  void killNineAndRestart(Vertx vertx) throws Exception {
    TestDatabase database = TestDatabase.adopt(TestDatabase.freshName());
    cleanup.add(database::close);
    int port = ServerProcess.freePort();
    ServerProcess first = server(database, port);
    int node = first.port();
    Db db = Db.of(database);

    Exam exam = new Exam(db, vertx, node);
    long quizId = exam.quiz(node, Map.of("title", "Killed mid-exam"));
    Map<String, Browser> students = new LinkedHashMap<>();
    Map<String, Long> attempts = new LinkedHashMap<>();
    for (int i = 1; i <= STUDENTS; i++) {
      String name = "Student " + i;
      exam.student(name);
      Browser browser = exam.signIn(node, name);
      cleanup.add(browser::close);
      students.put(name, browser);
      attempts.put(name, Exam.start(browser, node, quizId));
    }
    Map<Long, Long> deadlinesBefore = db.deadlines();
    assertThat(deadlinesBefore).hasSize(STUDENTS).doesNotContainValue(null);

    // Every student answers question after question, one save at a time, until the server stops answering.
    SaveLog log = new SaveLog();
    AtomicBoolean killed = new AtomicBoolean();
    CountDownLatch enoughSaved = new CountDownLatch(STUDENTS);
    List<String> unexpected = new CopyOnWriteArrayList<>();
    List<Thread> pages = new ArrayList<>();
    for (Map.Entry<String, Browser> student : students.entrySet()) {
      long attemptId = attempts.get(student.getKey());
      Map<Integer, Exam.Item> items = exam.items(attemptId);
      Browser browser = student.getValue();
      Thread page = new Thread(() -> {
        int acknowledged = 0;
        for (long next = 1; ; next++) {
          long seq = next;
          int position = (int) ((seq - 1) % items.size()) + 1;
          JsonObject answer = items.get(position).answer(seq);
          int status = log.record(attemptId, position, seq, answer,
              () -> browser.save(node, attemptId, position, seq, answer).await());
          if (status == 200 && ++acknowledged == 30) {
            enoughSaved.countDown();
          }
          if (status != 200) {
            if (!killed.get()) {
              unexpected.add(student.getKey() + " got " + status + " before the kill");
              enoughSaved.countDown();
            }
            return;
          }
        }
      }, "page of " + student.getKey());
      page.setDaemon(true);
      pages.add(page);
      page.start();
    }
    assertThat(enoughSaved.await(60, TimeUnit.SECONDS)).as("every student saved 30 answers").isTrue();
    assertThat(unexpected).isEmpty();

    killed.set(true);
    int exit = first.killNine();
    assertThat(exit).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
    for (Thread page : pages) {
      page.join(TimeUnit.SECONDS.toMillis(40));
      assertThat(page.isAlive()).as(page.getName() + " noticed the server was gone").isFalse();
    }
    assertThat(log.all()).as("saves were in flight or refused at the kill").anyMatch(s -> !s.acknowledged());
    System.out.printf("kill -9: %d saves acknowledged before the kill, %d unanswered%n", log.acknowledged(),
        log.all().stream().filter(s -> !s.acknowledged()).count());

    log.assertEveryAcknowledgedSaveStored(db);
    assertThat(db.deadlines()).as("deadlines after the kill").isEqualTo(deadlinesBefore);
    assertThat(db.queryLong("select count(*) from attempt where status = 'in_progress'")).isEqualTo(STUDENTS);

    ServerProcess second;
    try {
      second = server(database, port);
    } catch (AssertionError taken) {
      if (!String.valueOf(taken.getMessage()).contains("Address already in use")) {
        throw taken;
      }
      // Another program took the port in the meantime: the browsers follow the server to a new one, as
      // behind a load balancer; cookies are not tied to a port.
      second = server(database, 0);
    }
    int again = second.port();
    assertThat(second.pid()).as("a new server process").isNotEqualTo(first.pid());
    assertThat(db.deadlines()).as("deadlines after the restart").isEqualTo(deadlinesBefore);
    log.assertEveryAcknowledgedSaveStored(db);

    for (Map.Entry<String, Browser> student : students.entrySet()) {
      Browser browser = student.getValue();
      long attemptId = attempts.get(student.getKey());
      HttpResponse<Buffer> page = browser.get(again, "/attempts/" + attemptId);
      assertThat(page.statusCode()).as(student.getKey() + " opens the attempt with the same cookie").isEqualTo(200);
      Map<Integer, Db.Stored> stored = db.responses(attemptId);
      Map<Integer, Exam.Item> items = exam.items(attemptId);
      Exam.assertPageShows(page.bodyAsString(), items, stored);
      long maxSeq = stored.values().stream().mapToLong(Db.Stored::seq).max().orElseThrow();
      assertThat(page.bodyAsString()).contains("data-max-seq=\"" + maxSeq + "\"");

      HttpResponse<Buffer> time = browser.json(again, HttpMethod.GET, "/api/attempts/" + attemptId + "/time", null);
      assertThat(time.statusCode()).isEqualTo(200);
      assertThat(time.bodyAsJsonObject().getString("status")).isEqualTo("in_progress");
      assertThat(time.bodyAsJsonObject().getLong("remainingMs")).isPositive();

      // The page carries on numbering from the highest stored seq, as attempt.js does.
      JsonObject answer = items.get(1).answer(maxSeq + 1);
      HttpResponse<Buffer> saved = browser.save(again, attemptId, 1, maxSeq + 1, answer).await();
      assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
      assertThat(db.responses(attemptId).get(1)).isEqualTo(new Db.Stored(maxSeq + 1, answer));

      HttpResponse<Buffer> submitted = browser.json(again, HttpMethod.POST, "/api/attempts/" + attemptId + "/submit",
          new JsonObject());
      assertThat(submitted.statusCode()).as(submitted.bodyAsString()).isEqualTo(200);
      assertThat(submitted.bodyAsJsonObject().getString("status")).isEqualTo("submitted");
      assertThat(browser.get(again, "/attempts/" + attemptId + "/result").statusCode()).isEqualTo(200);
    }
    assertThat(db.queryLong("select count(*) from attempt where status = 'submitted' and score is not null"))
        .isEqualTo(STUDENTS);
    assertThat(db.queryLong("select count(*) from response where points is null")).isZero();
    assertThat(db.deadlines()).as("deadlines after submission").isEqualTo(deadlinesBefore);
  }
}
