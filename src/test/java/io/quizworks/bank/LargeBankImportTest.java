package io.quizworks.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A 5,000-question bank uploaded through the teacher's pages: every question arrives, in one piece. The time
 * each half takes (checking the file, then writing it) is printed as a benchmark figure for
 * docs/benchmarks.md, never asserted: these machines are shared and noisy.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A 5,000-question bank upload")
class LargeBankImportTest {
  private static final int QUESTIONS = 5_000;

  private static TestDatabase database;
  private static Quizworks app;
  private static TestClient teacher;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    app = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions"))).await();
    teacher = new TestClient(vertx, app.port());
    teacher.signUpTeacher("Ada Teacher", "ada@school.test", "correct horse battery");
  }

  @AfterAll
  static void stop(Vertx vertx) {
    teacher.close();
    app.stop(vertx).await();
    database.close();
  }

  /** The Manufacturing questions over and over, each copy with an id of its own, as a spreadsheet of 5,000 rows. */
  private static byte[] fiveThousandQuestions() throws IOException {
    List<Question> manufacturing = new ArrayList<>();
    try (Stream<Path> banks = Files.list(Path.of("questions"))) {
      for (Path bank : banks.filter(file -> file.toString().endsWith(".csv")).sorted().toList()) {
        manufacturing.addAll(new QuestionCsvReader().read(Files.readAllBytes(bank)).questions());
      }
    }
    List<Question> copies = new ArrayList<>(QUESTIONS);
    for (int i = 0; i < QUESTIONS; i++) {
      Question q = manufacturing.get(i % manufacturing.size());
      copies.add(new Question(q.id() + "-" + i, q.type(), q.prompt(), q.points(), q.topic(), q.difficulty(), q.choices(),
          q.key(), q.feedback(), q.source()));
    }
    return new QuestionCsvWriter().write(copies);
  }

  @Test
  @DisplayName("is checked, previewed and written whole")
  void uploadsEveryQuestion() throws IOException {
    byte[] csv = fiveThousandQuestions();
    long before = database.queryLong("select count(*) from question");

    long started = System.nanoTime();
    HttpResponse<Buffer> uploaded = teacher.postMultipart("/banks/upload", MultipartForm.create()
        .attribute("title", "Five thousand").attribute("bank", "")
        .binaryFileUpload("file", "five-thousand.csv", Buffer.buffer(csv), "text/csv"));
    long checked = System.nanoTime();
    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(303);
    String preview = uploaded.getHeader("Location");
    assertThat(teacher.get(preview).bodyAsString()).contains("5,000");
    long confirming = System.nanoTime();
    HttpResponse<Buffer> confirmed = teacher.postForm(preview + "/confirm", Map.of());
    long written = System.nanoTime();

    assertThat(confirmed.statusCode()).isEqualTo(303);
    assertThat(database.queryLong("select count(*) from question") - before).isEqualTo(QUESTIONS);
    System.out.printf(Locale.ROOT, "5,000-question import (%,d bytes): upload and check %.0f ms, write %.0f ms%n",
        csv.length, (checked - started) / 1e6, (written - confirming) / 1e6);
  }
}
