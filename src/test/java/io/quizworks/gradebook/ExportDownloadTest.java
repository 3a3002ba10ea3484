package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(VertxExtension.class)
@DisplayName("CSV exports over HTTP: golden files, headers, the exports page and who may download")
class ExportDownloadTest {
  private static ExportFixture school;

  @BeforeAll
  static void start(Vertx vertx) {
    school = ExportFixture.start(vertx);
  }

  @AfterAll
  static void stop() {
    school.close();
  }

  static Stream<Arguments> layoutsAndFormats() {
    List<Arguments> all = new ArrayList<>();
    for (GradebookLayout layout : GradebookLayout.values()) {
      for (SpreadsheetFormat format : SpreadsheetFormat.values()) {
        all.add(Arguments.of(layout.parameter(), format.parameter()));
      }
    }
    return all.stream();
  }

  private static HttpResponse<Buffer> download(String path) {
    HttpResponse<Buffer> response = school.teacher.get(path);
    assertThat(response.statusCode()).as(path + ": " + response.bodyAsString()).isEqualTo(200);
    return response;
  }

  @ParameterizedTest(name = "gradebook, {0} layout, {1}")
  @MethodSource("layoutsAndFormats")
  @DisplayName("the gradebook in every layout and format matches its golden file byte for byte")
  void gradebook(String layout, String format) {
    HttpResponse<Buffer> response = download("/classes/" + school.classId + "/gradebook.csv?layout=" + layout
        + "&format=" + format);
    Golden.assertMatches("gradebook-" + layout + "-" + format + ".csv", response.body().getBytes());
  }

  @ParameterizedTest(name = "results, {0}")
  @ValueSource(strings = {"excel", "excel-europe", "plain"})
  @DisplayName("a quiz's results match their golden file byte for byte")
  void results(String format) {
    HttpResponse<Buffer> response = download("/quizzes/" + school.roles + "/results.csv?format=" + format);
    Golden.assertMatches("results-" + format + ".csv", response.body().getBytes());
  }

  @ParameterizedTest(name = "responses, {0}")
  @ValueSource(strings = {"excel", "excel-europe", "plain"})
  @DisplayName("a quiz's responses match their golden file byte for byte")
  void responses(String format) {
    HttpResponse<Buffer> response = download("/quizzes/" + school.roles + "/responses.csv?format=" + format);
    Golden.assertMatches("responses-" + format + ".csv", response.body().getBytes());
  }

  @Test
  @DisplayName("no format or layout means Excel (comma) and the generic layout")
  void defaults() {
    byte[] plain = download("/classes/" + school.classId + "/gradebook.csv").body().getBytes();
    byte[] explicit = download("/classes/" + school.classId + "/gradebook.csv?layout=generic&format=excel").body()
        .getBytes();
    assertThat(plain).isEqualTo(explicit);
  }

  @Test
  @DisplayName("downloads are CSV in UTF-8, never cached, and named after class, quiz, what and date")
  void headers() {
    String date = ExportFixture.today().toString();
    HttpResponse<Buffer> results = download("/quizzes/" + school.roles + "/results.csv?format=plain");
    assertThat(results.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(results.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(results.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"periode-3-atelier-roles-"
        + "check-results-" + date + ".csv\"; filename*=UTF-8''p%C3%A9riode-3-atelier-roles-check-results-" + date
        + ".csv");
    HttpResponse<Buffer> responses = download("/quizzes/" + school.safety + "/responses.csv");
    assertThat(responses.getHeader("Content-Disposition")).startsWith("attachment; filename=\"periode-3-atelier-"
        + "safety-ppe-you-responses-" + date + ".csv\"");
    HttpResponse<Buffer> gradebook = download("/classes/" + school.classId + "/gradebook.csv?layout=canvas");
    assertThat(gradebook.getHeader("Content-Disposition")).startsWith("attachment; filename=\"periode-3-atelier-"
        + "gradebook-canvas-" + date + ".csv\"");
    assertThat(gradebook.getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  @DisplayName("an unknown format or layout is refused with 400")
  void unknownOptions() {
    assertThat(school.teacher.get("/classes/" + school.classId + "/gradebook.csv?layout=blackboard").statusCode())
        .isEqualTo(400);
    assertThat(school.teacher.get("/classes/" + school.classId + "/gradebook.csv?format=xlsx").statusCode())
        .isEqualTo(400);
    assertThat(school.teacher.get("/quizzes/" + school.roles + "/results.csv?format=tsv").statusCode()).isEqualTo(400);
    assertThat(school.teacher.get("/quizzes/" + school.roles + "/responses.csv?format=tsv").statusCode())
        .isEqualTo(400);
  }

  private List<String> everyRoute() {
    return List.of("/classes/" + school.classId + "/exports", "/classes/" + school.classId + "/gradebook.csv",
        "/classes/" + school.classId + "/gradebook.csv?layout=canvas&format=plain",
        "/quizzes/" + school.roles + "/results.csv", "/quizzes/" + school.roles + "/responses.csv");
  }

  @Test
  @DisplayName("another teacher gets 404 for every export and for the exports page; so do ids that do not exist")
  void otherTeacher(Vertx vertx) {
    TestClient stranger = new TestClient(vertx, school.port());
    stranger.signUpTeacher("Other Teacher", "other@school.test", "other teacher password");
    for (String route : everyRoute()) {
      HttpResponse<Buffer> response = stranger.get(route);
      assertThat(response.statusCode()).as(route).isEqualTo(404);
      assertThat(response.bodyAsString()).as(route).doesNotContain("Ortiz");
    }
    assertThat(school.teacher.get("/classes/999999999/gradebook.csv").statusCode()).isEqualTo(404);
    assertThat(school.teacher.get("/quizzes/999999999/results.csv").statusCode()).isEqualTo(404);
    assertThat(school.teacher.get("/quizzes/abc/responses.csv").statusCode()).isEqualTo(404);
    assertThat(school.teacher.get("/classes/abc/exports").statusCode()).isEqualTo(404);
    stranger.close();
  }

  @Test
  @DisplayName("a student of the class gets 404 and a signed-out visitor is sent to sign in")
  void studentsAndStrangers(Vertx vertx) {
    TestClient ana = school.signInStudent("Ortiz, Ana");
    TestClient nobody = new TestClient(vertx, school.port());
    for (String route : everyRoute()) {
      assertThat(ana.get(route).statusCode()).as("student: " + route).isEqualTo(404);
      HttpResponse<Buffer> signedOut = nobody.get(route);
      assertThat(signedOut.statusCode()).as("signed out: " + route).isBetween(302, 303);
      assertThat(signedOut.getHeader("Location")).startsWith("/signin?next=");
    }
    ana.close();
    nobody.close();
  }

  @Test
  @DisplayName("the exports page offers every layout and format with labels, each quiz's downloads, and warns of "
      + "roster gaps")
  void exportsPage() {
    HttpResponse<Buffer> page = school.teacher.get("/classes/" + school.classId + "/exports");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.bodyAsString();
    assertThat(html).contains("<h1>Exports for Période 3, &quot;Atelier&quot;</h1>")
        .contains("action=\"/classes/" + school.classId + "/gradebook.csv\"")
        .contains("<legend>Layout</legend>").contains("<legend>Spreadsheet</legend>");
    for (GradebookLayout layout : GradebookLayout.values()) {
      assertThat(html).contains("<input type=\"radio\" id=\"layout-" + layout.parameter() + "\" name=\"layout\" value=\""
          + layout.parameter() + "\"").contains("<label for=\"layout-" + layout.parameter() + "\">");
    }
    for (SpreadsheetFormat format : SpreadsheetFormat.values()) {
      assertThat(html).contains("<label for=\"gradebook-format-" + format.parameter() + "\">")
          .contains("<option value=\"" + format.parameter() + "\">");
    }
    for (long quiz : new long[] {school.roles, school.safety, school.average, school.notYet}) {
      assertThat(html).contains("action=\"/quizzes/" + quiz + "/results.csv\"")
          .contains("formaction=\"/quizzes/" + quiz + "/responses.csv\"")
          .contains("<label for=\"format-" + quiz + "\">Spreadsheet</label>");
    }
    assertThat(html).contains("<legend>Safety, &quot;PPE&quot; &amp; you</legend>")
        .contains("1 has no email address").contains("1 has no student number");
  }

  @Test
  @DisplayName("the quiz page and the class page link to the exports")
  void pagesLink() {
    String link = "<a href=\"/classes/" + school.classId + "/exports\">Exports</a>";
    assertThat(school.teacher.get("/quizzes/" + school.roles).bodyAsString()).contains(link);
    assertThat(school.teacher.get("/classes/" + school.classId).bodyAsString()).contains(link);
  }
}
