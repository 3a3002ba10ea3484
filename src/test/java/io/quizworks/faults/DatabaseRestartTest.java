package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import io.quizworks.support.CapturedLog;
import io.quizworks.support.OutageLines;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.quizworks.web.ErrorPages;
import io.quizworks.web.OutageLog;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL goes away and comes back while students are saving, on a cluster of the test's own: stopped for
 * three seconds, restarted, and crashed (immediate shutdown) and started again. The server is never
 * restarted: during the outage every save is refused with a status the page retries (503), never a success;
 * afterwards the pool reconnects by itself and the pages' queues drain; nothing acknowledged is lost. The log
 * accounts for every refused save in a few lines, with no stack traces.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("PostgreSQL restarted during an exam")
class DatabaseRestartTest {
  private static final int STUDENTS = 3;

  private final Cleanup cleanup = new Cleanup();

  @AfterEach
  void cleanUp() throws Exception {
    cleanup.close();
  }

  /**
   * The attempt page's queue, as attempt.js keeps it: the latest unsent answer per question, sent one after
   * another; a 2xx removes it, 400/404/409 drop it (the page shows "Not saved"), 401 stops, anything else is
   * retried later.
   */
  static final class Page {
    final String student;
    final Browser browser;
    final long attemptId;
    final Map<Integer, Exam.Item> items;
    final Map<Integer, Db.Stored> pending = new LinkedHashMap<>();
    final Map<Integer, Db.Stored> latest = new LinkedHashMap<>();
    final List<String> lost = new CopyOnWriteArrayList<>();
    long seq;

    Page(String student, Browser browser, long attemptId, Map<Integer, Exam.Item> items) {
      this.student = student;
      this.browser = browser;
      this.attemptId = attemptId;
      this.items = items;
    }

    synchronized void answer() {
      seq++;
      int position = (int) ((seq - 1) % items.size()) + 1;
      Db.Stored entry = new Db.Stored(seq, items.get(position).answer(seq));
      pending.put(position, entry);
      latest.put(position, entry);
    }

    synchronized Map<Integer, Db.Stored> unsent() {
      return new LinkedHashMap<>(pending);
    }

    synchronized boolean idle() {
      return pending.isEmpty();
    }

    /** Sends every unsent answer once; returns whether the queue is empty afterwards. */
    boolean flush(SaveLog log) {
      for (Map.Entry<Integer, Db.Stored> entry : unsent().entrySet()) {
        int position = entry.getKey();
        Db.Stored save = entry.getValue();
        int status = log.record(attemptId, position, save.seq(), save.answer(),
            () -> browser.save(browser.port(), attemptId, position, save.seq(), save.answer()).await());
        if (status >= 200 && status < 300 || status == 400 || status == 404 || status == 409) {
          synchronized (this) {
            if (pending.get(position) == save) {
              pending.remove(position);
            }
          }
          if (status >= 300) {
            lost.add(student + " question " + position + " seq " + save.seq() + " dropped after " + status);
          }
        } else if (status == 401) {
          lost.add(student + " was signed out by a save answered 401");
        }
      }
      return idle();
    }
  }

  @Test
  @DisplayName("saves during the outage are refused with a 5xx, the server recovers by itself after a stop, a restart and a crash, the queued saves go through, nothing acknowledged is lost")
  void restartDuringExam(Vertx vertx) throws Exception {
    Optional<String> unavailable = PgCluster.unavailable();
    assumeTrue(unavailable.isEmpty(), () -> "Skipped: " + unavailable.orElse(""));
    PgCluster cluster = PgCluster.create();
    cleanup.add(cluster);
    Config config = Config.of(0, cluster.options("quizworks_faults"), Path.of("questions"));
    Quizworks app = Quizworks.start(vertx, config).await();
    cleanup.add(() -> app.stop(vertx).await());
    int node = app.port();
    Db db = new Db(config.database());

    Exam exam = new Exam(db, vertx, node);
    long quizId = exam.quiz(node, Map.of("title", "Database restart"));
    List<Page> pages = new ArrayList<>();
    for (int i = 1; i <= STUDENTS; i++) {
      String name = "Student " + i;
      exam.student(name);
      Browser browser = exam.signIn(node, name);
      cleanup.add(browser::close);
      long attemptId = Exam.start(browser, node, quizId);
      pages.add(new Page(name, browser, attemptId, exam.items(attemptId)));
    }
    Map<Long, Long> deadlines = db.deadlines();

    SaveLog log = new SaveLog();
    CapturedLog errors = CapturedLog.of(ErrorPages.class);
    cleanup.add(errors);
    CapturedLog outages = CapturedLog.of(OutageLog.class);
    cleanup.add(outages);
    AtomicBoolean answering = new AtomicBoolean(true);
    AtomicBoolean closing = new AtomicBoolean();
    List<Throwable> broken = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (Page page : pages) {
      Thread thread = new Thread(() -> {
        try {
          while (!closing.get()) {
            if (answering.get()) {
              page.answer();
            }
            boolean empty = page.flush(log);
            SaveLog.pause(empty ? 50 : 200);
          }
        } catch (Throwable t) {
          broken.add(t);
        }
      }, "page of " + page.student);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    cleanup.add(() -> {
      closing.set(true);
      for (Thread thread : threads) {
        thread.join(10_000);
      }
    });

    SaveLog.pause(1500);
    assertThat(log.all()).as("saves before the outage").isNotEmpty().allSatisfy(s -> assertThat(s.status())
        .as(s.body()).isEqualTo(200));

    // A stop, a pause in which the pages keep saving, then a start.
    cluster.stop();
    long down = SaveLog.nowMicros();
    HttpResponse<Buffer> health = exam.teacher.get(node, "/health");
    assertThat(health.statusCode()).as("health while PostgreSQL is down").isEqualTo(503);
    SaveLog.pause(3000);
    long up = SaveLog.nowMicros();
    cluster.start();
    long started = SaveLog.nowMicros();
    List<SaveLog.Save> duringOutage = log.all().stream()
        .filter(s -> s.sentMicros() >= down && s.receivedMicros() <= up).toList();
    assertThat(duringOutage).as("saves attempted while PostgreSQL was down").hasSizeGreaterThanOrEqualTo(STUDENTS * 3)
        .allSatisfy(s -> {
          assertThat(s.status()).as("a save while PostgreSQL is down: " + s.body()).isEqualTo(503);
          assertThat(s.body()).contains("Database unavailable").doesNotContain("Exception", "127.0.0.1");
        });
    long recovered = awaitDrained(pages, started, log);
    System.out.printf("stop/start: %d saves refused during the 3 s outage; first save stored %d ms after the start "
        + "command returned%n", duringOutage.size(), (recovered - started) / 1000);

    // A restart (fast shutdown: backends with queries in flight are ended), with no pause.
    long restarting = SaveLog.nowMicros();
    cluster.restart();
    long restarted = SaveLog.nowMicros();
    long recoveredAgain = awaitDrained(pages, restarted, log);
    System.out.printf("restart: %d ms; first save stored %d ms after the restart command returned%n",
        (restarted - restarting) / 1000, (recoveredAgain - restarted) / 1000);

    // A crash (immediate shutdown, no checkpoint) and a start: what was committed comes back from the WAL.
    cluster.crash();
    SaveLog.pause(1000);
    cluster.start();
    long afterCrash = SaveLog.nowMicros();
    long recoveredFromCrash = awaitDrained(pages, afterCrash, log);
    System.out.printf("crash: first save stored %d ms after the start command returned%n",
        (recoveredFromCrash - afterCrash) / 1000);

    // The pages stop answering and empty their queues.
    answering.set(false);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!pages.stream().allMatch(Page::idle) && System.nanoTime() < until) {
      SaveLog.pause(100);
    }
    closing.set(true);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    assertThat(broken).isEmpty();
    assertThat(pages).allSatisfy(page -> assertThat(page.idle()).as(page.student + "'s queue is empty").isTrue());
    assertThat(pages).allSatisfy(page -> assertThat(page.lost).as("answers the page dropped").isEmpty());
    assertThat(log.all()).as("every save was answered 2xx or 5xx: the page retries a 5xx")
        .allSatisfy(s -> assertThat(s.status()).as(s.body()).satisfiesAnyOf(
            status -> assertThat(status).isBetween(200, 299), status -> assertThat(status).isBetween(500, 599)));

    log.assertEveryAcknowledgedSaveStored(db);
    for (Page page : pages) {
      assertThat(db.responses(page.attemptId)).as(page.student + ": every answer the page gave is stored")
          .isEqualTo(page.latest);
    }
    assertThat(db.deadlines()).isEqualTo(deadlines);
    assertThat(exam.teacher.get(node, "/health").statusCode()).isEqualTo(200);
    for (Page page : pages) {
      HttpResponse<Buffer> submitted = page.browser.json(node, HttpMethod.POST,
          "/api/attempts/" + page.attemptId + "/submit", new JsonObject());
      assertThat(submitted.statusCode()).as(submitted.bodyAsString()).isEqualTo(200);
      assertThat(submitted.bodyAsJsonObject().getString("status")).isEqualTo("submitted");
    }
    assertThat(db.queryLong("select count(*) from attempt where status = 'submitted' and score is not null"))
        .isEqualTo(STUDENTS);
    System.out.printf("database restart: %d saves, %d acknowledged%n", log.all().size(), log.acknowledged());

    long refused = log.all().stream().filter(s -> s.status() >= 500).count();
    assertThat(errors.withStackTraces()).as("stack traces logged for requests that found PostgreSQL out of reach")
        .isZero();
    long logged = awaitLogged(outages, refused);
    assertThat(logged).as("refused saves the log accounts for").isEqualTo(refused);
    assertThat(outages.lines()).as("lines the outages took in the log, for %d refused saves", refused)
        .hasSizeLessThan((int) refused / 4);
    System.out.printf("log: %d lines for %d refused saves%n", outages.lines().size(), refused);
  }

  /**
   * The requests the log says were refused for want of PostgreSQL, once its last summary is written (10 s after
   * the count began): a line for the first of an outage, and a count in each summary after it.
   */
  private static long awaitLogged(CapturedLog outages, long expected) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
    long logged = 0;
    while (System.nanoTime() < until && logged < expected) {
      SaveLog.pause(200);
      logged = OutageLines.requests(outages.messages(Level.WARN));
    }
    return logged;
  }

  /** Waits until every page had a save sent after {@code since} acknowledged; returns when the first was answered. */
  private static long awaitDrained(List<Page> pages, long since, SaveLog log) {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < until) {
      List<SaveLog.Save> after = log.all().stream().filter(s -> s.sentMicros() >= since).toList();
      boolean everyPageSaved = pages.stream().allMatch(page -> after.stream()
          .anyMatch(s -> s.attemptId() == page.attemptId && s.acknowledged()));
      if (everyPageSaved) {
        return after.stream().filter(SaveLog.Save::acknowledged).mapToLong(SaveLog.Save::receivedMicros).min()
            .orElseThrow();
      }
      SaveLog.pause(50);
    }
    throw new AssertionError("the server did not recover within 30 s of PostgreSQL coming back; last saves: "
        + log.all().subList(Math.max(0, log.all().size() - 5), log.all().size()));
  }
}
