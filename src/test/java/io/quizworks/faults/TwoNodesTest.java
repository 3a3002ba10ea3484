package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes (two servers on two ports, each with its own pool and sweep) against one database, a request of
 * one student going to either. The same exam script runs for one student alternating between the nodes and
 * for another student on one node only; the two transcripts (statuses and JSON replies) must be the same.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Two server nodes against one database")
class TwoNodesTest {
  private static final Pattern DATA_CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");

  private static TestDatabase database;
  private static Quizworks nodeA;
  private static Quizworks nodeB;
  private static Db db;
  private static Exam exam;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    Config config = Config.of(0, database.options(), Path.of("questions")).withSaveGrace(Duration.ofSeconds(2));
    nodeA = Quizworks.start(vertx, config).await();
    nodeB = Quizworks.start(vertx, config).await();
    db = Db.of(database);
    exam = new Exam(db, vertx, nodeA.port());
  }

  @AfterAll
  static void stop(Vertx vertx) {
    try {
      for (Quizworks node : new Quizworks[] {nodeA, nodeB}) {
        if (node != null) {
          node.stop(vertx).await();
        }
      }
    } finally {
      database.close();
    }
  }

  /** What one run of the script saw, and what it needs for the checks in the database. */
  private record Run(List<String> transcript, long attemptId, Map<Integer, Exam.Item> items, Map<Integer, Long> saved) {}

  /**
   * The exam, each step's request sent to {@code node.applyAsInt(step)}: sign in, start, home page, the attempt
   * page twice, a save per question, out-of-order saves of one question at once, time, start again (resume),
   * ten simultaneous submits, a late save, the result, sign out, and the home page after signing out.
   */
  private static Run exam(Vertx vertx, String name, long quizId, IntUnaryOperator node) {
    exam.student(name);
    List<String> transcript = new ArrayList<>();
    int[] step = {0};
    IntSupplier next = () -> node.applyAsInt(step[0]++);
    Browser browser = new Browser(vertx, nodeA.port());
    try {
      browser.signInStudent(next.getAsInt(), exam.classCode, name, Exam.PASSWORD);
      String homeToken = browser.csrf();
      HttpResponse<Buffer> started = browser.json(next.getAsInt(), HttpMethod.POST, "/api/quizzes/" + quizId
          + "/start", new JsonObject());
      long attemptId = started.bodyAsJsonObject().getLong("attemptId");
      transcript.add("start " + reply(started, attemptId));
      HttpResponse<Buffer> home = browser.get(next.getAsInt(), "/student");
      transcript.add("home " + home.statusCode() + " same token " + homeToken.equals(browser.csrf()));

      for (int i = 0; i < 2; i++) {
        HttpResponse<Buffer> page = browser.get(next.getAsInt(), "/attempts/" + attemptId);
        Matcher token = DATA_CSRF.matcher(page.bodyAsString());
        transcript.add("attempt page " + page.statusCode() + " " + page.getHeader("Cache-Control") + " token "
            + (token.find() && token.group(1).equals(homeToken) ? "the session's" : "another"));
      }

      Map<Integer, Exam.Item> items = exam.items(attemptId);
      Map<Integer, Long> saved = new java.util.HashMap<>();
      for (Exam.Item item : items.values()) {
        long seq = item.position();
        HttpResponse<Buffer> save = browser.save(next.getAsInt(), attemptId, item.position(), seq,
            item.answer(seq)).await();
        transcript.add("save " + item.position() + " " + reply(save, attemptId));
        saved.put(item.position(), seq);
      }

      Exam.Item first = items.get(1);
      List<Future<HttpResponse<Buffer>>> racing = new ArrayList<>();
      for (long seq : new long[] {20, 19, 21, 18}) {
        racing.add(browser.save(next.getAsInt(), attemptId, 1, seq, first.answer(seq)));
      }
      Future.join(racing).await();
      for (Future<HttpResponse<Buffer>> save : racing) {
        transcript.add("racing save " + save.result().statusCode() + " saved "
            + save.result().bodyAsJsonObject().getBoolean("saved"));
      }
      saved.put(1, 21L);
      HttpResponse<Buffer> older = browser.save(next.getAsInt(), attemptId, 1, 17, first.answer(17)).await();
      transcript.add("older save " + reply(older, attemptId));

      HttpResponse<Buffer> time = browser.json(next.getAsInt(), HttpMethod.GET, "/api/attempts/" + attemptId
          + "/time", null);
      transcript.add("time " + reply(time, attemptId));
      HttpResponse<Buffer> again = browser.json(next.getAsInt(), HttpMethod.POST, "/api/quizzes/" + quizId
          + "/start", new JsonObject());
      transcript.add("start again " + reply(again, attemptId));

      List<Future<HttpResponse<Buffer>>> submits = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        submits.add(browser.sendJson(next.getAsInt(), HttpMethod.POST, "/api/attempts/" + attemptId + "/submit",
            new JsonObject()));
      }
      Future.join(submits).await();
      for (Future<HttpResponse<Buffer>> submit : submits) {
        transcript.add("submit " + reply(submit.result(), attemptId));
      }
      HttpResponse<Buffer> late = browser.save(next.getAsInt(), attemptId, 2, 99, items.get(2).answer(99)).await();
      transcript.add("save after submitting " + late.statusCode() + " " + late.bodyAsJsonObject().getString("error"));

      HttpResponse<Buffer> result = browser.get(next.getAsInt(), "/attempts/" + attemptId + "/result");
      Matcher score = Pattern.compile("Score: <strong>([^<]*)</strong>").matcher(result.bodyAsString());
      transcript.add("result " + result.statusCode() + " " + (score.find() ? score.group(1) : "no score"));

      transcript.add("sign out " + browser.postForm(next.getAsInt(), "/signout", Map.of()).statusCode());
      transcript.add("home after signing out " + browser.get(next.getAsInt(), "/student").statusCode());
      return new Run(transcript, attemptId, items, saved);
    } finally {
      browser.close();
    }
  }

  /** A JSON reply without what differs between two students by nature: the attempt's id and the time left. */
  private static String reply(HttpResponse<Buffer> response, long attemptId) {
    JsonObject body = response.bodyAsJsonObject();
    body.remove("remainingMs");
    if (body.containsKey("attemptId")) {
      body.put("attemptId", body.getLong("attemptId") == attemptId ? "this attempt" : "another attempt");
    }
    if (body.containsKey("url")) {
      body.put("url", body.getString("url").replace("/attempts/" + attemptId, "/attempts/ID"));
    }
    return response.statusCode() + " " + body.encode();
  }

  @Test
  @DisplayName("a student whose requests alternate between the nodes sees exactly what a student on one node sees, and every save is stored")
  void alternatingNodes(Vertx vertx) {
    // No shuffling and a whole topic: both students get the same questions in the same order.
    long quizId = exam.quiz(nodeB.port(), Map.of("title", "Two nodes", "topic", "Production worker",
        "questionCount", "8", "shuffleChoices", "", "shuffleQuestions", ""));
    int a = nodeA.port();
    int b = nodeB.port();
    assertThat(a).isNotEqualTo(b);

    Run alternating = exam(vertx, "Alex Alternating", quizId, step -> step % 2 == 0 ? a : b);
    Run single = exam(vertx, "Sol Single", quizId, step -> a);

    alternating.transcript.forEach(System.out::println);
    assertThat(alternating.transcript).isEqualTo(single.transcript);
    assertThat(alternating.transcript).contains("home 200 same token true", "attempt page 200 no-store token the session's",
        "home after signing out 302");
    assertThat(alternating.transcript).filteredOn(line -> line.startsWith("submit "))
        .hasSize(10).allMatch(line -> line.startsWith("submit 200") && line.contains("\"status\":\"submitted\""));
    assertThat(alternating.transcript).filteredOn(line -> line.startsWith("save ") && !line.contains("after"))
        .hasSize(8).allMatch(line -> line.contains(" 200 "));

    for (Run run : List.of(alternating, single)) {
      Map<Integer, Db.Stored> stored = db.responses(run.attemptId);
      assertThat(stored).hasSize(run.items.size());
      run.saved.forEach((position, seq) -> assertThat(stored.get(position))
          .isEqualTo(new Db.Stored(seq, run.items.get(position).answer(seq))));
      assertThat(db.queryLong("select count(*) from attempt where id = " + run.attemptId
          + " and status = 'submitted' and score is not null")).isEqualTo(1);
      assertThat(db.queryLong("select count(*) from response where attempt_id = " + run.attemptId
          + " and points is null")).isZero();
    }
    assertThat(db.queryLong("select count(distinct score) from attempt where id in (" + alternating.attemptId + ", "
        + single.attemptId + ")")).as("the same answers score the same").isEqualTo(1);
  }
}
