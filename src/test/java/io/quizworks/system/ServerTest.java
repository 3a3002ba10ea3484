package io.quizworks.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.bank.BankImporter;
import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("The server, started on a random port against a fresh database")
class ServerTest {
  private static TestDatabase database;
  private static Quizworks app;
  private static WebClient client;
  private static TestClient teacher;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    Config config = Config.of(0, database.options(), Path.of("questions"));
    app = Quizworks.start(vertx, config).await();
    client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(app.port())
        .setFollowRedirects(false));
    teacher = new TestClient(vertx, app.port());
    teacher.signUpTeacher("Ada Teacher", "ada@school.test", "correct horse battery");
  }

  @AfterAll
  static void stop(Vertx vertx) {
    client.close();
    teacher.close();
    app.stop(vertx).await();
    database.close();
  }

  private static HttpResponse<Buffer> get(String path) {
    return client.get(path).send().await();
  }

  @Test
  @DisplayName("created the database it was pointed at")
  void createdDatabase() {
    assertThat(database.exists()).isTrue();
  }

  @Test
  @DisplayName("answers /health with 200 when PostgreSQL answers")
  void health() {
    HttpResponse<Buffer> response = get("/health");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "up").put("database", "up"));
  }

  @Test
  @DisplayName("sends a signed-out visitor who asks for the banks to the teacher sign-in")
  void banksNeedATeacher() {
    HttpResponse<Buffer> response = get("/banks/manufacturing-roles");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.getHeader("Location")).isEqualTo("/signin?next=%2Fbanks%2Fmanufacturing-roles");
  }

  @Test
  @DisplayName("lists the Manufacturing banks to a teacher with question counts by type and topic")
  void bankList() {
    HttpResponse<Buffer> response = teacher.get("/banks");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/html; charset=utf-8");
    long roles = database.queryLong("select count(*) from question q join bank b on b.id = q.bank_id "
        + "where b.slug = 'manufacturing-roles'");
    String html = response.bodyAsString();
    assertThat(html)
        .contains("<a href=\"/banks/manufacturing-roles\">Manufacturing Roles</a>")
        .contains("<a href=\"/banks/manufacturing-cluster-overview\">Manufacturing Cluster Overview</a>")
        .contains("<a href=\"/banks/manufacturing-innovation-and-economy\">Manufacturing Innovation and Economy</a>")
        .contains(roles + " questions")
        .contains("<th scope=\"row\">Matching</th>")
        .contains("<th scope=\"row\">Factory manager</th>");
  }

  @Test
  @DisplayName("previews a bank's questions with their keys and feedback")
  void bankPreview() {
    HttpResponse<Buffer> response = teacher.get("/banks/manufacturing-roles");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString())
        .contains("<h1>Manufacturing Roles</h1>")
        .contains("According to the passage, manufacturing engineers bridge the gap between which two things?")
        .contains("<strong>Answer:</strong> B: Design and production")
        .contains("Source: Manufacturing Engineer: A Bridging Role");
  }

  @Test
  @DisplayName("re-starting against the same database never duplicates a question")
  void restartIsIdempotent(Vertx vertx) {
    long before = database.queryLong("select count(*) from question");
    Quizworks second = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions"))).await();
    second.stop(vertx).await();
    assertThat(database.queryLong("select count(*) from question")).isEqualTo(before).isGreaterThanOrEqualTo(60);
  }

  @Test
  @DisplayName("shows HTML in a question as text, never as markup")
  void escapesHtml(Vertx vertx) {
    String csv = "id,type,topic,difficulty,points,prompt,choice_a,choice_b,answer,feedback\n"
        + "x1,single_choice,<b>Topic</b>,easy,1,<script>alert('prompt')</script>,"
        + "<img src=x onerror=alert(1)>,\"\"\"><script>alert(2)</script>\",A,<i>feedback</i>\n";
    new BankImporter(vertx, app.pool()).importCsv("payloads", "<script>alert('title')</script>", null,
        csv.getBytes(StandardCharsets.UTF_8)).await();

    String list = teacher.get("/banks").bodyAsString();
    assertThat(list).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
    String page = teacher.get("/banks/payloads").bodyAsString();
    assertThat(page)
        .doesNotContain("<script>alert", "<img src=x", "<i>feedback", "<b>Topic")
        .contains("&lt;script&gt;alert(&#39;prompt&#39;)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
  }

  @Test
  @DisplayName("answers an unknown bank with a 404 page that shows no internals")
  void unknownBank() {
    HttpResponse<Buffer> response = teacher.get("/banks/no-such-bank");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsString()).contains("Page not found").doesNotContain("Exception", "at io.", ".java");
  }

  @Test
  @DisplayName("serves the stylesheet and sends the security headers")
  void staticAndHeaders() {
    HttpResponse<Buffer> css = get("/static/quizworks.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.getHeader("Content-Type")).startsWith("text/css");
    HttpResponse<Buffer> page = get("/");
    assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
    assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
  }

  @Test
  @DisplayName("answers /health with 503 when the database cannot be reached")
  void healthWithoutDatabase(Vertx vertx, VertxTestContext test) {
    var nowhere = new io.vertx.pgclient.PgConnectOptions(database.options()).setPort(1);
    var pool = Quizworks.pool(vertx, nowhere);
    vertx.createHttpServer()
        .requestHandler(HttpVerticle.router(vertx, DatabaseClients.sharing(pool),
            Config.of(0, nowhere, Path.of("questions"))))
        .listen(0)
        .compose(server -> client.get(server.actualPort(), "localhost", "/health").send()
            .eventually(() -> server.close().compose(v -> pool.close())))
        .onComplete(test.succeeding(response -> test.verify(() -> {
          assertThat(response.statusCode()).isEqualTo(503);
          assertThat(response.bodyAsJsonObject().getString("database")).isEqualTo("down");
          test.completeNow();
        })));
  }
}
