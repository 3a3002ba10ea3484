package io.quizworks.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.accounts.Passwords;
import io.quizworks.support.TestClient;
import io.quizworks.support.TestDatabase;
import io.quizworks.system.Config;
import io.quizworks.system.Quizworks;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Uploading and downloading question banks, against a running server")
class BankUploadTest {
  private static final String HEADER = "id,type,topic,difficulty,points,prompt,choice_a,choice_b,answer,tolerance,feedback";
  private static final String Q1 = "s1,single_choice,Safety,easy,1,Which sign means stop?,Red octagon,Green circle,A,,Red means stop.";
  private static final String Q2 = "s2,true_false,Safety,easy,1,Goggles protect the eyes.,,,true,,";
  private static final String Q3 = "s3,numeric,Tools,medium,2,How many millimetres are in a centimetre?,,,10,0,";
  private static final String Q4 = "s4,short_answer,Tools,easy,1,Name a hand tool.,,,hammer|wrench,,";

  private static TestDatabase database;
  private static Quizworks app;
  private static TestClient ada;
  private static TestClient ben;
  private static TestClient student;
  private static TestClient visitor;
  private static long adaId;

  @BeforeAll
  static void start(Vertx vertx) {
    database = TestDatabase.adopt(TestDatabase.freshName());
    app = Quizworks.start(vertx, Config.of(0, database.options(), Path.of("questions"))).await();
    ada = new TestClient(vertx, app.port());
    ada.signUpTeacher("Ada Teacher", "ada@school.test", "correct horse battery");
    ben = new TestClient(vertx, app.port());
    ben.signUpTeacher("Ben Teacher", "ben@school.test", "correct horse battery");
    adaId = database.queryLong("select id from teacher where email = 'ada@school.test'");

    String hash = new Passwords(vertx).hash("student password").await();
    database.execute("insert into class (teacher_id, name, join_code) values (" + adaId + ", 'Period 1', 'KQWZ7P')");
    database.execute("insert into student (class_id, display_name, password_hash) "
        + "select id, 'Sam', '" + hash + "' from class where join_code = 'KQWZ7P'");
    student = new TestClient(vertx, app.port());
    assertThat(student.signInStudent("KQWZ7P", "Sam", "student password").statusCode()).isEqualTo(303);
    visitor = new TestClient(vertx, app.port());
  }

  @AfterAll
  static void stop(Vertx vertx) {
    for (TestClient client : List.of(ada, ben, student, visitor)) {
      client.close();
    }
    app.stop(vertx).await();
    database.close();
  }

  private static byte[] csv(String... rows) {
    return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static HttpResponse<Buffer> upload(TestClient client, String title, String bank, String fileName, byte[] file) {
    MultipartForm form = MultipartForm.create().attribute("title", title).attribute("bank", bank)
        .binaryFileUpload("file", fileName, Buffer.buffer(file), "text/csv");
    return client.postMultipart("/banks/upload", form);
  }

  /** Uploads a clean file and returns the address of its preview. */
  private static String pending(TestClient client, String title, String bank, byte[] file) {
    HttpResponse<Buffer> response = upload(client, title, bank, "bank.csv", file);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(303);
    assertThat(response.getHeader("Location")).matches("/banks/upload/[0-9]+");
    return response.getHeader("Location");
  }

  /** Confirms a pending upload and returns the bank page it sends the teacher to. */
  private static String confirm(TestClient client, String preview) {
    client.get(preview);
    HttpResponse<Buffer> response = client.postForm(preview + "/confirm", Map.of());
    assertThat(response.statusCode()).isEqualTo(303);
    return response.getHeader("Location");
  }

  private static String slugOf(String bankPage) {
    return bankPage.substring("/banks/".length(), bankPage.indexOf('?'));
  }

  /** Banks, questions and pending uploads: what an upload that is refused must leave as it was. */
  private static List<Long> tableCounts() {
    return List.of(database.queryLong("select count(*) from bank"), database.queryLong("select count(*) from question"),
        database.queryLong("select count(*) from bank_upload"),
        database.queryLong("select coalesce(sum(extract(epoch from updated_at) * 1000000), 0)::bigint from question"));
  }

  private static List<Question> stored(String slug, long teacherId) {
    return new BankRepository(app.pool()).preview(slug, teacherId).await().orElseThrow().questions();
  }

  private static List<Question> read(byte[] csv) {
    ParsedBank parsed = new QuestionCsvReader().read(csv);
    assertThat(parsed.errors()).isEmpty();
    return parsed.questions();
  }

  @Test
  @DisplayName("offers a form with a title, a CSV file field and the teacher's own banks to replace")
  void form() {
    confirm(ada, pending(ada, "Form Listed Bank", "", csv(Q1)));
    HttpResponse<Buffer> response = ada.get("/banks/upload");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString())
        .contains("enctype=\"multipart/form-data\"", "name=\"title\"", "accept=\".csv,text/csv\"", "one row per question")
        .contains("<option value=\"form-listed-bank\">Replace the questions of “Form Listed Bank”</option>")
        .doesNotContain("<option value=\"manufacturing-roles\"");
    assertThat(ada.get("/banks").bodyAsString()).contains("<a class=\"button\" href=\"/banks/upload\">Upload a bank</a>");
  }

  @Test
  @DisplayName("previews a clean file with its counts and keys, and writes no bank until it is confirmed")
  void preview() {
    List<Long> before = tableCounts();
    String preview = pending(ada, "Workshop Safety", "", csv(Q1, Q2, Q3));
    assertThat(database.queryLong("select count(*) from bank")).isEqualTo(before.get(0));
    assertThat(database.queryLong("select count(*) from question")).isEqualTo(before.get(1));
    assertThat(database.queryLong("select count(*) from bank_upload")).isEqualTo(before.get(2) + 1);

    HttpResponse<Buffer> page = ada.get(preview);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString())
        .contains("<h1>Workshop Safety</h1>", "Nothing is imported yet", "It becomes a new bank of yours")
        .contains("<tr><th scope=\"row\">True/false</th><td class=\"num\">1</td></tr>")
        .contains("<tr><th scope=\"row\">Safety</th><td class=\"num\">2</td></tr>")
        .contains("Which sign means stop?", "<strong>Answer:</strong> A: Red octagon", "<strong>Answer:</strong> 10 (exactly)")
        .contains("action=\"" + preview + "/confirm\"", "Import 3 questions</button>", "href=\"/banks/upload\">Cancel</a>");
    assertThat(database.queryLong("select count(*) from bank where title = 'Workshop Safety'")).isZero();
  }

  @Test
  @DisplayName("confirming makes a bank of the teacher's own, with a notice of what changed, visible to no other teacher")
  void confirmMakesAnOwnBank() {
    String bankPage = confirm(ada, pending(ada, "Lathe Basics", "", csv(Q1, Q2, Q3)));
    assertThat(bankPage).isEqualTo("/banks/lathe-basics?added=3&updated=0&unchanged=0&retired=0");
    assertThat(database.queryLong("select count(*) from bank where slug = 'lathe-basics' and title = 'Lathe Basics' "
        + "and owner_id = " + adaId)).isEqualTo(1);
    assertThat(database.queryLong("select count(*) from question q join bank b on b.id = q.bank_id "
        + "where b.slug = 'lathe-basics' and q.retired_at is null")).isEqualTo(3);

    HttpResponse<Buffer> page = ada.get(bankPage);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString())
        .contains("Imported: 3 added, 0 changed, 0 unchanged, 0 retired.", "<h1>Lathe Basics</h1>")
        .contains("<a href=\"/banks/lathe-basics/download\">Download CSV</a>");
    String list = ada.get("/banks").bodyAsString();
    assertThat(list.substring(list.indexOf("/banks/lathe-basics\""))).contains("<span class=\"tag\">Yours</span> 3 questions");
    assertThat(list.substring(list.indexOf("/banks/manufacturing-roles\""))).contains("<span class=\"tag\">Shared</span>");

    assertThat(ben.get("/banks").bodyAsString()).doesNotContain("lathe-basics", "Lathe Basics");
    assertThat(ben.get("/banks/lathe-basics").statusCode()).isEqualTo(404);
    assertThat(ben.get("/banks/lathe-basics/download").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("another teacher can neither preview nor confirm a pending upload, and confirming twice imports once")
  void pendingUploadsAreTheTeachers() {
    String preview = pending(ada, "Drill Press", "", csv(Q1));
    assertThat(ben.get(preview).statusCode()).isEqualTo(404);
    ben.get("/banks");
    assertThat(ben.postForm(preview + "/confirm", Map.of()).statusCode()).isEqualTo(404);
    assertThat(database.queryLong("select count(*) from bank where title = 'Drill Press'")).isZero();
    assertThat(ada.get(preview).statusCode()).isEqualTo(200);

    confirm(ada, preview);
    assertThat(ada.postForm(preview + "/confirm", Map.of()).statusCode()).isEqualTo(404);
    assertThat(ada.get(preview).statusCode()).isEqualTo(404);
    assertThat(database.queryLong("select count(*) from bank where title = 'Drill Press'")).isEqualTo(1);
    assertThat(ada.get("/banks/upload/not-a-number").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("a pending upload expires after a day, and the next upload sweeps it away")
  void pendingUploadsExpire() {
    String yesterday = pending(ada, "Yesterday", "", csv(Q1));
    String id = yesterday.substring(yesterday.lastIndexOf('/') + 1);
    database.execute("update bank_upload set created_at = now() - interval '25 hours' where id = " + id);
    assertThat(ada.get(yesterday).statusCode()).isEqualTo(404);
    assertThat(ada.postForm(yesterday + "/confirm", Map.of()).statusCode()).isEqualTo(404);
    assertThat(database.queryLong("select count(*) from bank_upload where id = " + id)).isEqualTo(1);
    pending(ada, "Today", "", csv(Q1));
    assertThat(database.queryLong("select count(*) from bank_upload where id = " + id)).isZero();
    assertThat(database.queryLong("select count(*) from bank where title = 'Yesterday'")).isZero();
  }

  @Test
  @DisplayName("a title already taken, by anyone, gets the next free -2, -3 address; 'upload' is never a bank's")
  void uniqueSlugs() {
    assertThat(slugOf(confirm(ada, pending(ada, "Manufacturing Roles", "", csv(Q1))))).isEqualTo("manufacturing-roles-2");
    assertThat(slugOf(confirm(ben, pending(ben, "Manufacturing Roles", "", csv(Q2))))).isEqualTo("manufacturing-roles-3");
    assertThat(slugOf(confirm(ada, pending(ada, "Upload", "", csv(Q1))))).isEqualTo("upload-2");
    assertThat(slugOf(confirm(ada, pending(ada, "x".repeat(100), "", csv(Q1))))).isEqualTo("x".repeat(60));
    assertThat(slugOf(confirm(ada, pending(ada, "x".repeat(100), "", csv(Q1))))).isEqualTo("x".repeat(58) + "-2");
    assertThat(database.queryLong("select count(*) from bank where slug = 'manufacturing-roles' and owner_id is null "
        + "and title = 'Manufacturing Roles'")).isEqualTo(1);
  }

  @Test
  @DisplayName("a file with one bad row is listed by row and column with what was expected, and nothing is written")
  void badRow() {
    List<Long> before = tableCounts();
    HttpResponse<Buffer> response = upload(ada, "Broken Bank", "", "broken.csv",
        csv(Q1, "s2,true_false,Safety,easy,1,Goggles protect the eyes.,,,perhaps,,", Q3));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .contains("The file has 1 problem: nothing was imported")
        .contains("<td class=\"num\">3</td>", "<td><code>answer</code></td>", "<td>`perhaps`</td>", "<td>true or false</td>")
        .contains("value=\"Broken Bank\"");
    assertThat(tableCounts()).isEqualTo(before);
  }

  @Test
  @DisplayName("a file that replaces an own bank updates questions by id, retires missing ones and keeps the title")
  void replaceOwnBank() {
    String slug = slugOf(confirm(ada, pending(ada, "Replace Me", "", csv(Q1, Q2, Q3))));
    long q1 = database.queryLong("select q.id from question q join bank b on b.id = q.bank_id "
        + "where b.slug = '" + slug + "' and q.ref = 's1'");

    String preview = pending(ada, "", slug, csv(Q1.replace(",A,", ",B,"), Q2, Q4));
    assertThat(ada.get(preview).bodyAsString())
        .contains("It replaces the questions of your bank <a href=\"/banks/" + slug + "\">Replace Me</a>");
    assertThat(confirm(ada, preview))
        .isEqualTo("/banks/" + slug + "?added=1&updated=1&unchanged=1&retired=1");
    assertThat(database.queryLong("select q.id from question q join bank b on b.id = q.bank_id "
        + "where b.slug = '" + slug + "' and q.ref = 's1' and q.answer_key->>'correct' = 'B'")).isEqualTo(q1);
    assertThat(database.queryLong("select count(*) from question q join bank b on b.id = q.bank_id "
        + "where b.slug = '" + slug + "' and q.ref = 's3' and q.retired_at is not null")).isEqualTo(1);
    assertThat(database.queryLong("select count(*) from bank where slug = '" + slug + "' and title = 'Replace Me'"))
        .isEqualTo(1);
  }

  @Test
  @DisplayName("no teacher can replace a shared bank or another teacher's")
  void replaceOnlyOwnBanks() {
    String slug = slugOf(confirm(ada, pending(ada, "Ada Only", "", csv(Q1))));
    List<Long> before = tableCounts();
    for (String other : List.of(slug, "manufacturing-roles")) {
      HttpResponse<Buffer> response = upload(ben, "Taken Over", other, "bank.csv", csv(Q2));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsString()).contains("Choose one of your own banks");
    }
    assertThat(tableCounts()).isEqualTo(before);
  }

  @Test
  @DisplayName("a downloaded bank, shared or own, reads back as the stored questions, and uploading it again changes nothing")
  void downloadRoundTrip() {
    HttpResponse<Buffer> shared = ada.get("/banks/manufacturing-roles/download");
    assertThat(shared.statusCode()).isEqualTo(200);
    assertThat(shared.getHeader("Content-Type")).isEqualTo("text/csv; charset=utf-8");
    assertThat(shared.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"manufacturing-roles.csv\"");
    assertThat(shared.getHeader("Cache-Control")).isEqualTo("no-store");
    byte[] sharedCsv = shared.body().getBytes();
    assertThat(read(sharedCsv)).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(stored("manufacturing-roles", adaId)).hasSizeGreaterThan(10);

    String copy = slugOf(confirm(ada, pending(ada, "Roles, My Copy", "", sharedCsv)));
    assertThat(copy).isEqualTo("roles-my-copy");
    HttpResponse<Buffer> own = ada.get("/banks/" + copy + "/download");
    assertThat(own.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"roles-my-copy.csv\"");
    byte[] ownCsv = own.body().getBytes();
    List<Question> ownQuestions = stored(copy, adaId);
    assertThat(read(ownCsv)).usingRecursiveFieldByFieldElementComparator().isEqualTo(ownQuestions);
    assertThat(ownQuestions).usingRecursiveFieldByFieldElementComparator().isEqualTo(read(sharedCsv));

    List<Long> before = tableCounts();
    String page = confirm(ada, pending(ada, "", copy, ownCsv));
    assertThat(page).isEqualTo("/banks/" + copy + "?added=0&updated=0&unchanged=" + ownQuestions.size() + "&retired=0");
    assertThat(tableCounts()).isEqualTo(before);
  }

  @Test
  @DisplayName("a file over the size limit is refused with 413 and a page that says so, and nothing is written")
  void tooLarge() {
    List<Long> before = tableCounts();
    byte[] big = new byte[5 * 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    HttpResponse<Buffer> response = upload(ada, "Too Big", "", "big.csv", big);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.bodyAsString()).contains("File too large", "up to 4 MiB");
    assertThat(tableCounts()).isEqualTo(before);
  }

  @Test
  @DisplayName("a workbook, a file not named .csv and an empty file are refused with a message about the file")
  void notACsvFile() {
    List<Long> before = tableCounts();
    byte[] workbook = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
    assertThat(upload(ada, "Workbook", "", "bank.csv", workbook).bodyAsString())
        .contains("“bank.csv” is not a text file");
    HttpResponse<Buffer> xlsx = upload(ada, "Workbook", "", "bank.xlsx", csv(Q1));
    assertThat(xlsx.statusCode()).isEqualTo(400);
    assertThat(xlsx.bodyAsString()).contains("“bank.xlsx” is not a CSV file");
    HttpResponse<Buffer> empty = upload(ada, "Empty", "", "empty.csv", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.bodyAsString()).contains("“empty.csv” is empty");
    HttpResponse<Buffer> untitled = upload(ada, "", "", "bank.csv", csv(Q1));
    assertThat(untitled.statusCode()).isEqualTo(400);
    assertThat(untitled.bodyAsString()).contains("Enter a title for the bank");
    assertThat(tableCounts()).isEqualTo(before);
  }

  @Test
  @DisplayName("an upload or a confirmation without the CSRF token is refused with 403")
  void csrf() {
    String preview = pending(ada, "Csrf Target", "", csv(Q1));
    List<Long> before = tableCounts();
    MultipartForm form = MultipartForm.create().attribute("title", "No Token")
        .binaryFileUpload("file", "bank.csv", Buffer.buffer(csv(Q1)), "text/csv");
    assertThat(ada.request(HttpMethod.POST, "/banks/upload").sendMultipartForm(form).await().statusCode()).isEqualTo(403);
    assertThat(ada.postRawForm(preview + "/confirm", Map.of()).statusCode()).isEqualTo(403);
    assertThat(tableCounts()).isEqualTo(before);
  }

  @Test
  @DisplayName("a student or a signed-out visitor reaches none of the upload and download routes")
  void teachersOnly() {
    String preview = pending(ada, "Teachers Only", "", csv(Q1));
    List<Long> before = tableCounts();
    for (String path : List.of("/banks/upload", preview, "/banks/manufacturing-roles/download")) {
      assertThat(student.get(path).statusCode()).as(path).isEqualTo(404);
      HttpResponse<Buffer> signedOut = visitor.get(path);
      assertThat(signedOut.statusCode()).as(path).isEqualTo(302);
      assertThat(signedOut.getHeader("Location")).startsWith("/signin?next=");
    }
    assertThat(upload(student, "Student Bank", "", "bank.csv", csv(Q1)).statusCode()).isEqualTo(404);
    assertThat(student.postForm(preview + "/confirm", Map.of()).statusCode()).isEqualTo(404);
    // With the token of the sign-in page, so the refusal comes from the sign-in check, not the CSRF check.
    visitor.get("/signin");
    assertThat(upload(visitor, "Visitor Bank", "", "bank.csv", csv(Q1)).statusCode()).isEqualTo(302);
    assertThat(visitor.postForm(preview + "/confirm", Map.of()).statusCode()).isEqualTo(302);
    assertThat(tableCounts()).isEqualTo(before);
  }
}
