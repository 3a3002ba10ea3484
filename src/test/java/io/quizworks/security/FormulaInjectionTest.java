package io.quizworks.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.support.Draws;
import io.quizworks.support.TestClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spreadsheet formulas in everything an export writes, over HTTP, in every layout and format: what the golden
 * files of the gradebook tests do not hold — a cell starting with {@code +}, a tab or a carriage return; a
 * class name (the Section column), student numbers and emails that start a formula; question ids starting with
 * {@code -} in the responses' headers; prompts, choices and answers starting a formula in the responses and
 * the item analysis; and negative numbers the server computes (a negative discrimination), which must stay
 * numbers. Every cell of every file is checked against one rule: a cell may start with = + - @ tab or CR only
 * when it is a plain number in the file's decimal style.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Formula injection: no exported cell can run as a formula, and negative numbers stay numbers")
class FormulaInjectionTest {
  private static final String TRIGGERS = "=+-@\t\r";
  private static final String CLASS_NAME = "=HYPERLINK(\"http://evil.example\",\"Period\")";
  private static final List<String> NAMES = List.of("\tTab Student", "\rCR Student", "+Plus Student", "@At Student",
      "=Equals Student", "-Minus Student");
  private static final List<String> NUMBERS = List.of("\tN-1", "\rN-2", "+44 20 7946", "@N4", "=1+1", "-N6");
  private static final List<String> EMAILS = List.of("\ttab@x.test", "\rcr@x.test", "+plus@x.test", "@at.x.test",
      "=eq@x.test", "-minus@x.test");
  private static final List<String> TITLES = List.of("+Quiz plus", "\tTab quiz", "\rCR quiz", "-Minus quiz",
      "@At quiz", "=Eq quiz");
  private static final String BANK = "id,type,topic,difficulty,points,prompt,choice_a,choice_b,choice_c,answer,tolerance\n"
      + "-q1,single_choice,T,easy,1,=1+1 prompt one,=cmd|' /C calc'!A0,+SUM(A1:A2),@choice,B,\n"
      + "-q2,short_answer,T,easy,1,@prompt two,,,,yes,\n"
      + "q3,numeric,T,easy,1,-prompt three,,,,-2.5,0.5\n";

  @TempDir
  static Path questions;

  private static SecuritySchool school;
  private static TestClient teacher;
  private static long classId;
  private static final List<Long> QUIZZES = new ArrayList<>();
  private static final Map<String, Long> STUDENTS = new LinkedHashMap<>();

  @BeforeAll
  static void start(Vertx vertx) throws IOException {
    Files.writeString(questions.resolve("formula-bank.csv"), BANK);
    school = SecuritySchool.start(vertx, questions);
    teacher = school.teacher("Formula Teacher", "formula@security.test");
    classId = school.classOf(school.teacherId("formula@security.test"), CLASS_NAME);
    for (int i = 0; i < NAMES.size(); i++) {
      STUDENTS.put(NAMES.get(i), school.number("insert into student (class_id, display_name, student_number, email) "
          + "values (" + classId + ", " + SecuritySchool.literal(NAMES.get(i)) + ", "
          + SecuritySchool.literal(NUMBERS.get(i)) + ", " + SecuritySchool.literal(EMAILS.get(i)) + ") returning id"));
    }
    for (int i = 0; i < TITLES.size(); i++) {
      long quiz = school.number("insert into quiz (class_id, title, topics, question_count, attempts_allowed, "
          + "grading_method, created_at) values (" + classId + ", " + SecuritySchool.literal(TITLES.get(i))
          + ", '{}', 3, 2, 'highest', now() + interval '" + i + " seconds') returning id");
      school.execute("insert into quiz_bank (quiz_id, bank_id) select " + quiz + ", id from bank where slug = "
          + "'formula-bank'");
      QUIZZES.add(quiz);
    }
    long first = QUIZZES.get(0);
    // -q1 is answered right only by the student who gets the rest wrong: its discrimination is negative.
    answers(first, "\tTab Student", "A", "yes", "-2.5", 0, 1, 1);
    answers(first, "\rCR Student", "B", "=2+3", "-3", 1, 0, 0);
    answers(first, "+Plus Student", "C", "yes", "\t=1", 0, 1, 0);
    answers(first, "@At Student", "A", "+1", "-2.5", 0, 0, 1);
    answers(QUIZZES.get(1), "=Equals Student", "C", "@SUM(1)", "-2", 0, 0, 0);
    answers(QUIZZES.get(2), "-Minus Student", "B", "\r=1", "-2,5", 1, 0, 1);
    school.execute("insert into attempt (quiz_id, student_id, number, seed, started_at, status) values (" + first
        + ", " + STUDENTS.get("-Minus Student") + ", 1, 1, now(), 'in_progress')");
  }

  /** A submitted attempt at one quiz: the three questions, the typed answers and their points. */
  private static void answers(long quiz, String student, String choice, String text, String number, int... points) {
    int score = points[0] + points[1] + points[2];
    long attempt = school.number("insert into attempt (quiz_id, student_id, number, seed, started_at, status, "
        + "submitted_at, score, max_score) values (" + quiz + ", " + STUDENTS.get(student) + ", 1, 1, now() - interval "
        + "'10 minutes', 'submitted', now(), " + score + ", 3) returning id");
    String[] refs = {"-q1", "-q2", "q3"};
    String[] json = {"{\"choice\": \"" + choice + "\"}", new JsonObject().put("text", text).encode(),
        new JsonObject().put("number", number).encode()};
    for (int i = 0; i < 3; i++) {
      school.execute(Draws.appendQuestion(attempt, refs[i]));
      school.execute("insert into response (attempt_id, question_id, answer, seq, points) select " + attempt
          + ", id, " + SecuritySchool.literal(json[i]) + "::jsonb, 1, " + points[i] + " from question where ref = '"
          + refs[i] + "'");
    }
  }

  @AfterAll
  static void stop() {
    school.close();
  }

  private record Download(String path, char delimiter, char decimal, List<List<String>> cells) {
    List<String> all() {
      return cells.stream().flatMap(List::stream).toList();
    }
  }

  private static Download download(String path, String format) {
    String separator = path.contains("?") ? "&" : "?";
    HttpResponse<Buffer> response = teacher.get(path + separator + "format=" + format);
    assertThat(response.statusCode()).as(path + " " + format).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).as(path).startsWith("text/csv");
    String text = new String(response.body().getBytes(), StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    char delimiter = format.equals("excel-europe") ? ';' : ',';
    char decimal = format.equals("excel-europe") ? ',' : '.';
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter).get())) {
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + " is not RFC 4180 CSV", e);
    }
    return new Download(path + separator + "format=" + format, delimiter, decimal, rows);
  }

  /** Every export of the class, in every format: gradebooks in each layout, and each quiz's three files. */
  private static List<Download> everyExport() {
    List<Download> downloads = new ArrayList<>();
    for (String format : List.of("excel", "excel-europe", "plain")) {
      for (String layout : List.of("canvas", "moodle", "generic")) {
        downloads.add(download("/classes/" + classId + "/gradebook.csv?layout=" + layout, format));
      }
      for (long quiz : QUIZZES) {
        for (String file : List.of("results.csv", "responses.csv", "analysis.csv")) {
          downloads.add(download("/quizzes/" + quiz + "/" + file, format));
        }
      }
    }
    return downloads;
  }

  private static boolean isPlainNumber(String cell, char decimal) {
    return Pattern.matches("-?[0-9]+(" + (decimal == ',' ? "," : "\\.") + "[0-9]+)?", cell);
  }

  @Test
  @DisplayName("no cell of any export starts with = + - @ tab or CR unless it is a plain number in the file's style")
  void noCellStartsAFormula() {
    List<Download> downloads = everyExport();
    assertThat(downloads).hasSize(3 * (3 + 3 * TITLES.size()));
    int checked = 0;
    for (Download download : downloads) {
      for (String cell : download.all()) {
        checked++;
        if (!cell.isEmpty() && TRIGGERS.indexOf(cell.charAt(0)) >= 0) {
          assertThat(isPlainNumber(cell, download.decimal())).as(download.path() + ": cell [" + cell + "]").isTrue();
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  @DisplayName("the names, numbers, emails, class name and quiz titles that start a formula are kept, behind a quote")
  void namesAndTitlesAreNeutralised() {
    for (String format : List.of("excel", "excel-europe", "plain")) {
      List<String> canvas = download("/classes/" + classId + "/gradebook.csv?layout=canvas", format).all();
      List<String> generic = download("/classes/" + classId + "/gradebook.csv?layout=generic", format).all();
      List<String> moodle = download("/classes/" + classId + "/gradebook.csv?layout=moodle", format).all();
      for (int i = 0; i < NAMES.size(); i++) {
        assertThat(canvas).as(format).contains("'" + NAMES.get(i), "'" + NUMBERS.get(i), "'" + EMAILS.get(i));
        assertThat(moodle).as(format).contains("'" + NAMES.get(i), "'" + NUMBERS.get(i), "'" + EMAILS.get(i));
        assertThat(generic).as(format).contains("'" + NAMES.get(i));
      }
      for (String title : TITLES) {
        assertThat(canvas).as(format).contains("'" + title);
        assertThat(moodle).as(format).contains("'" + title);
        assertThat(generic).as(format).contains("'" + title + ": score", "'" + title + ": percent");
      }
      assertThat(canvas).as(format).contains("'" + CLASS_NAME);
      assertThat(generic).as(format).contains("'" + CLASS_NAME);
      List<String> results = download("/quizzes/" + QUIZZES.get(0) + "/results.csv", format).all();
      assertThat(results).contains("'\tTab Student", "'\rCR Student", "'+Plus Student", "'@At Student", "'-Minus Student",
          "'\tN-1", "'\rN-2", "'+44 20 7946", "'@N4", "'-N6");
    }
  }

  @Test
  @DisplayName("question ids, prompts, choices and typed answers that start a formula are neutralised in the "
      + "responses and the item analysis, while a negative discrimination stays a number")
  void questionsAndAnswersAreNeutralised() {
    for (String format : List.of("excel", "excel-europe", "plain")) {
      Download responses = download("/quizzes/" + QUIZZES.get(0) + "/responses.csv", format);
      List<String> header = responses.cells().get(0);
      assertThat(header).contains("'-q1: =1+1 prompt one", "'-q1 points", "'-q2: @prompt two", "'-q2 points",
          "q3: -prompt three");
      assertThat(responses.all()).contains("'=cmd|' /C calc'!A0", "'+SUM(A1:A2)", "'@choice", "'=2+3", "'+1",
          "'\t=1");
      Download other = download("/quizzes/" + QUIZZES.get(2) + "/responses.csv", format);
      assertThat(other.all()).contains("'\r=1");

      Download analysis = download("/quizzes/" + QUIZZES.get(0) + "/analysis.csv", format);
      assertThat(analysis.all()).contains("'-q1", "'=1+1 prompt one", "'-q2", "'@prompt two", "'-prompt three");
      List<String> firstQuestion = analysis.cells().stream().filter(row -> row.get(0).equals("'-q1")).findFirst()
          .orElseThrow();
      String discrimination = firstQuestion.get(5);
      assertThat(discrimination).as(format + ": the discrimination of -q1").startsWith("-");
      assertThat(isPlainNumber(discrimination, analysis.decimal())).as(format + ": " + discrimination).isTrue();
    }
    // A negative number a student typed stays a number where it is one in the file's style.
    List<String> plain = download("/quizzes/" + QUIZZES.get(0) + "/responses.csv", "plain").all();
    assertThat(plain).contains("-2.5", "-3").doesNotContain("'-2.5", "'-3");
    List<String> europe = download("/quizzes/" + QUIZZES.get(2) + "/responses.csv", "excel-europe").all();
    assertThat(europe).contains("-2,5").doesNotContain("'-2,5");
  }
}
