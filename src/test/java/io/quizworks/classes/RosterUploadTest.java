package io.quizworks.classes;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Roster uploads, against a running server")
class RosterUploadTest {
  private static final Pattern CODE_ROW = Pattern.compile(
      "<tr><th scope=\"row\">([^<]+)</th><td>([^<]*)</td><td><code class=\"code\">([A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4})</code></td></tr>");
  private static ClassesServer server;

  @BeforeAll
  static void start(Vertx vertx) {
    server = ClassesServer.start(vertx);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static HttpResponse<Buffer> upload(TestClient teacher, long classId, byte[] file) {
    teacher.get("/classes/" + classId);
    return teacher.postMultipart("/classes/" + classId + "/roster",
        MultipartForm.create().binaryFileUpload("roster", "roster.csv", Buffer.buffer(file), "text/csv"));
  }

  /** The (name, student id, code) rows of the one-time code table. */
  private static List<String[]> codes(HttpResponse<Buffer> response) {
    List<String[]> rows = new ArrayList<>();
    Matcher matcher = CODE_ROW.matcher(response.bodyAsString());
    while (matcher.find()) {
      rows.add(new String[] {matcher.group(1), matcher.group(2), matcher.group(3)});
    }
    return rows;
  }

  @Test
  @DisplayName("A roster saved by LibreOffice adds its students, each with a one-time code shown once and stored as a hash")
  void firstUpload() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Rostered");

    HttpResponse<Buffer> response = upload(teacher, classId, RosterCsvReaderTest.fixture("libreoffice-comma.csv"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(response.bodyAsString())
        .contains("3 added, 0 updated, 0 unchanged.")
        .contains("Print this list; codes are not shown again.")
        .contains("<caption>New students of Rostered and their one-time sign-in codes</caption>");
    List<String[]> codes = codes(response);
    assertThat(codes).extracting(row -> row[0] + " / " + row[1])
        .containsExactly("Ana Lopez / S-1001", "Ben Okafor / S-1002", "Chloé Martin / S-1003");
    assertThat(codes).extracting(row -> row[2]).doesNotHaveDuplicates();

    for (String[] row : codes) {
      String where = " from student where class_id = " + classId + " and student_number = '" + row[1] + "'";
      assertThat(server.text("select setup_code_hash" + where)).isEqualTo(SetupCodes.hash(SetupCodes.normalise(row[2])));
      assertThat(server.text("select (setup_code_expires between now() + interval '13 days 23 hours' "
          + "and now() + interval '14 days 1 minute')::text" + where)).isEqualTo("true");
      assertThat(server.text("select coalesce(password_hash, 'none')" + where)).isEqualTo("none");
      assertThat(server.count("select count(*) from student where setup_code_hash like '%" + row[2].replace("-", "") + "%'"))
          .isZero();
    }
    assertThat(server.text("select email from student where student_number = 'S-1001' and class_id = " + classId))
        .isEqualTo("ana.lopez@students.example.org");
    assertThat(server.text("select coalesce(email, 'none') from student where student_number = 'S-1002' and class_id = "
        + classId)).isEqualTo("none");

    String page = teacher.get("/classes/" + classId).bodyAsString();
    assertThat(page).contains("Chloé Martin", "S-1003", "chloe.martin@students.example.org", "Not set yet");
    codes.forEach(row -> assertThat(page).doesNotContain(row[2]));
  }

  @Test
  @DisplayName("Uploading the class's roster again updates students by student id and adds only the new ones")
  void reUpload() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Week two");
    upload(teacher, classId, RosterCsvReaderTest.fixture("libreoffice-comma.csv"));
    String anasHash = server.text("select setup_code_hash from student where student_number = 'S-1001' and class_id = "
        + classId);

    HttpResponse<Buffer> response = upload(teacher, classId, RosterCsvReaderTest.fixture("libreoffice-comma-updated.csv"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.bodyAsString()).contains("1 added, 2 updated, 1 unchanged.");
    assertThat(codes(response)).extracting(row -> row[0]).containsExactly("Dev Patel");

    String ofClass = " and class_id = " + classId;
    assertThat(server.count("select count(*) from student where class_id = " + classId)).isEqualTo(4);
    assertThat(server.text("select display_name from student where student_number = 'S-1001'" + ofClass))
        .isEqualTo("Ana López");
    assertThat(server.text("select email from student where student_number = 'S-1002'" + ofClass))
        .isEqualTo("ben.okafor@students.example.org");
    assertThat(server.text("select setup_code_hash from student where student_number = 'S-1001'" + ofClass))
        .as("an updated student keeps the code they were given").isEqualTo(anasHash);
  }

  @Test
  @DisplayName("Excel's CSV UTF-8 from a European locale (semicolons, BOM, CRLF, Student ID/Display Name/E-Mail) is read whole")
  void excelFile() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Europe");

    HttpResponse<Buffer> response = upload(teacher, classId, RosterCsvReaderTest.fixture("excel-semicolon-bom-crlf.csv"));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(codes(response)).extracting(row -> row[1] + " " + row[0])
        .containsExactly("00417 Jürgen Weiß", "00418 Zoë O&#39;Neil", "00419 María José Núñez");
    assertThat(server.text("select display_name from student where student_number = '00418' and class_id = " + classId))
        .isEqualTo("Zoë O'Neil");
  }

  @Test
  @DisplayName("A roster with one bad row writes nothing and shows the row and column of the problem in a table")
  void oneBadRow() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Careful");

    HttpResponse<Buffer> response = upload(teacher, classId, RosterCsvReaderTest.fixture("libreoffice-one-bad-row.csv"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.getHeader("Cache-Control")).isNotEqualTo("no-store");
    assertThat(response.bodyAsString())
        .contains("Roster not uploaded", "Nothing was changed.", "role=\"alert\"")
        .contains("<caption>Problems in the roster file</caption>")
        .containsPattern("<th scope=\"row\">3</th>\\s*<td>email</td>\\s*<td>`finn.berg\\(at\\)students.example.org`</td>"
            + "\\s*<td>an email address like name@school.org, or an empty cell</td>");
    assertThat(server.count("select count(*) from student where class_id = " + classId)).isZero();
  }

  @Test
  @DisplayName("A row that takes the name of another student of the class is an error for that row, and nothing is written")
  void nameOfAnotherStudent() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Clash");
    server.joinedStudent(classId, "ben okafor");

    HttpResponse<Buffer> response = upload(teacher, classId, RosterCsvReaderTest.fixture("libreoffice-comma.csv"));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsString())
        .containsPattern("<th scope=\"row\">3</th>\\s*<td>name</td>\\s*<td>`Ben Okafor`, the name of another student");
    assertThat(server.count("select count(*) from student where class_id = " + classId)).isEqualTo(1);
  }

  @Test
  @DisplayName("A file that is not UTF-8, or no file at all, is refused with what to do instead")
  void notAFile() {
    TestClient teacher = server.teacher();
    long classId = server.createClass(teacher, "Windows");

    HttpResponse<Buffer> ansi = upload(teacher, classId,
        "student_id,name\nS1,Jürgen\n".getBytes(Charset.forName("windows-1252")));
    assertThat(ansi.statusCode()).isEqualTo(400);
    assertThat(ansi.bodyAsString()).contains("Whole file", "CSV UTF-8");

    teacher.get("/classes/" + classId);
    HttpResponse<Buffer> none = teacher.postMultipart("/classes/" + classId + "/roster",
        MultipartForm.create().attribute("note", "no file"));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.bodyAsString()).contains("a roster CSV file chosen with the upload form");
    assertThat(server.count("select count(*) from student where class_id = " + classId)).isZero();
  }
}
