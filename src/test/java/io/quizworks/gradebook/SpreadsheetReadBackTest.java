package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every export opened by a real spreadsheet program, LibreOffice Calc (headless), with the import options
 * a user picks for its format, and read back cell by cell: names with commas, quotes, accents and line
 * breaks are one cell each and unchanged, scores with decimals are number cells, and nothing became a
 * formula. Calc shows a neutralised cell's leading {@code '} as part of the text (it is only an input
 * convention when typed), so {@code '=HYPERLINK("http://x")} reads back as exactly that text — the
 * name, never the link a formula would make. Skipped only where LibreOffice is not installed; CI installs it.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Exports opened by LibreOffice Calc keep every cell's value")
class SpreadsheetReadBackTest {
  private static final String SECTION = ExportFixture.CLASS_NAME;
  private static ExportFixture school;
  private static final Map<SpreadsheetFormat, Map<String, LibreOffice.Sheet>> SHEETS = new LinkedHashMap<>();

  @BeforeAll
  static void openEverything(Vertx vertx, @TempDir Path dir) throws Exception {
    assumeTrue(LibreOffice.program().isPresent(), "LibreOffice (soffice) is not installed");
    school = ExportFixture.start(vertx);
    for (SpreadsheetFormat format : SpreadsheetFormat.values()) {
      Map<String, String> paths = new LinkedHashMap<>();
      for (GradebookLayout layout : GradebookLayout.values()) {
        paths.put(layout.parameter(), "/classes/" + school.classId + "/gradebook.csv?layout=" + layout.parameter()
            + "&format=" + format.parameter());
      }
      paths.put("results", "/quizzes/" + school.roles + "/results.csv?format=" + format.parameter());
      paths.put("responses", "/quizzes/" + school.roles + "/responses.csv?format=" + format.parameter());
      List<Path> files = new ArrayList<>();
      for (Map.Entry<String, String> entry : paths.entrySet()) {
        HttpResponse<Buffer> response = school.teacher.get(entry.getValue());
        assertThat(response.statusCode()).isEqualTo(200);
        Path file = dir.resolve(entry.getKey() + "-" + format.parameter() + ".csv");
        Files.write(file, response.body().getBytes());
        files.add(file);
      }
      // A control: a cell left as it is would become a formula, so "no formula" below means something.
      Path control = dir.resolve("control-" + format.parameter() + ".csv");
      Files.writeString(control, "Name" + format.delimiter() + "Score\n=1+1" + format.delimiter() + "2\n",
          StandardCharsets.UTF_8);
      files.add(control);
      List<LibreOffice.Sheet> sheets = LibreOffice.open(files, format, dir);
      Map<String, LibreOffice.Sheet> byName = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(paths.keySet());
      names.add("control");
      for (int i = 0; i < names.size(); i++) {
        byName.put(names.get(i), sheets.get(i));
      }
      SHEETS.put(format, byName);
    }
  }

  @AfterAll
  static void stop() {
    if (school != null) {
      school.close();
    }
  }

  private static BigDecimal n(String value) {
    return new BigDecimal(value).stripTrailingZeros();
  }

  private static List<Object> row(Object... cells) {
    List<Object> row = new ArrayList<>(Arrays.asList(cells));
    while (!row.isEmpty() && row.get(row.size() - 1) == null) {
      row.remove(row.size() - 1);
    }
    return row;
  }

  private static LibreOffice.Sheet sheet(SpreadsheetFormat format, String name) {
    return SHEETS.get(format).get(name);
  }

  @Test
  @DisplayName("the harness sees a formula when a cell is not neutralised (control)")
  void controlBecomesAFormula() {
    for (SpreadsheetFormat format : SpreadsheetFormat.values()) {
      LibreOffice.Sheet control = sheet(format, "control");
      assertThat(control.formulas()).as(format.parameter()).hasSize(1);
      assertThat(control.rows().get(1).get(0)).as(format.parameter()).isEqualTo(n("2"));
    }
  }

  @Test
  @DisplayName("no cell of any export becomes a formula, in any format")
  void noFormulas() {
    SHEETS.forEach((format, sheets) -> sheets.forEach((name, sheet) -> {
      if (!name.equals("control")) {
        assertThat(sheet.formulas()).as(name + " in " + format.parameter()).isEmpty();
      }
    }));
  }

  @Test
  @DisplayName("the generic gradebook reads back the same in all three formats: names whole, decimals as numbers")
  void genericGradebook() {
    List<List<Object>> expected = List.of(
        row("Student ID", "Name", "Email", "Section", "Roles check: score", "Roles check: percent",
            "Safety, \"PPE\" & you: score", "Safety, \"PPE\" & you: percent", "'@SUM(1+1) average: score",
            "'@SUM(1+1) average: percent", "Not yet started: score", "Not yet started: percent"),
        row(null, "Points Possible", null, null, n("10"), n("100"), n("5"), n("100"), n("10"), n("100"), n("5.5"),
            n("100")),
        row(n("1005"), "'-Robert", "robert@school.test", SECTION, n("0"), n("0"), null, null, n("7.67"), n("76.7")),
        row(n("1004"), "'=HYPERLINK(\"http://x\")", "hyper@school.test", SECTION, null, null, n("3.25"), n("65")),
        row(n("1003"), "Ben\nCarter", null, SECTION, null, null, n("4"), n("80")),
        row(n("1002"), "Chloé \"Coco\" Nguyễn", "chloe@school.test", SECTION, n("7.09"), n("70.9"), null, null, n("7.5"),
            n("75")),
        row(n("1001"), "Ortiz, Ana", "ana.ortiz@school.test", SECTION, n("9"), n("90"), n("2.5"), n("50")),
        row(null, "Zoë Åberg", "zoe@school.test", SECTION));
    for (SpreadsheetFormat format : SpreadsheetFormat.values()) {
      assertThat(sheet(format, "generic").rows()).as(format.parameter()).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("the Canvas gradebook keeps its header, Points Possible row and decimal scores")
  void canvasGradebook() {
    for (SpreadsheetFormat format : SpreadsheetFormat.values()) {
      List<List<Object>> rows = sheet(format, "canvas").rows();
      assertThat(rows.get(0)).as(format.parameter()).isEqualTo(row("Student", "ID", "SIS User ID", "SIS Login ID",
          "Section", "Roles check", "Safety, \"PPE\" & you", "'@SUM(1+1) average", "Not yet started"));
      assertThat(rows.get(1)).isEqualTo(row("Points Possible", null, null, null, null, n("10"), n("5"), n("10"),
          n("5.5")));
      assertThat(rows.get(5)).isEqualTo(row("Chloé \"Coco\" Nguyễn", null, n("1002"), "chloe@school.test", SECTION,
          n("7.09"), null, n("7.5")));
      assertThat(rows).hasSize(8);
    }
  }

  @Test
  @DisplayName("the Moodle gradebook has no Points Possible row and one row per student")
  void moodleGradebook() {
    for (SpreadsheetFormat format : SpreadsheetFormat.values()) {
      List<List<Object>> rows = sheet(format, "moodle").rows();
      assertThat(rows.get(0)).as(format.parameter()).isEqualTo(row("Full name", "ID number", "Email address",
          "Roles check", "Safety, \"PPE\" & you", "'@SUM(1+1) average", "Not yet started"));
      assertThat(rows.get(1)).isEqualTo(row("'-Robert", n("1005"), "robert@school.test", n("0"), null, n("7.67")));
      assertThat(rows.get(5)).isEqualTo(row("Ortiz, Ana", n("1001"), "ana.ortiz@school.test", n("9"), n("2.5")));
      assertThat(rows).hasSize(7);
    }
  }

  @Test
  @DisplayName("results keep ISO 8601 times as text and durations, scores and percents as numbers")
  void results() {
    List<List<Object>> expected = List.of(
        row("Student", "Student ID", "Attempt", "Status", "Started", "Submitted", "Duration (seconds)", "Score", "Max",
            "Percent"),
        row("'-Robert", n("1005"), n("1"), "Submitted", "2026-11-25T09:02:00-06:00", "2026-11-25T09:03:00-06:00",
            n("60"), n("0"), n("10"), n("0")),
        row("'=HYPERLINK(\"http://x\")", n("1004"), n("1"), "In progress", "2026-11-25T09:05:00-06:00"),
        row("Chloé \"Coco\" Nguyễn", n("1002"), n("1"), "Submitted at the deadline", "2026-11-25T09:01:00-06:00",
            "2026-11-25T09:11:00-06:00", n("600"), n("5.67"), n("8"), n("70.9")),
        row("Ortiz, Ana", n("1001"), n("1"), "Submitted", "2026-11-25T09:00:00-06:00", "2026-11-25T09:14:03-06:00",
            n("843"), n("4"), n("10"), n("40")),
        row("Ortiz, Ana", n("1001"), n("2"), "Submitted", "2026-11-26T08:00:00-06:00", "2026-11-26T08:09:30-06:00",
            n("570"), n("9"), n("10"), n("90")));
    for (SpreadsheetFormat format : SpreadsheetFormat.values()) {
      assertThat(sheet(format, "results").rows()).as(format.parameter()).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("responses keep answers in words, neutralise formula-looking answers and keep numbers numbers")
  void responses() {
    for (SpreadsheetFormat format : SpreadsheetFormat.values()) {
      List<List<Object>> rows = sheet(format, "responses").rows();
      assertThat(rows.get(0).subList(0, 7)).as(format.parameter()).isEqualTo(row("Student", "Student ID", "Attempt",
          "Score", "Max", "fx-001: According to the passage, manufacturing…", "fx-001 points"));
      assertThat(rows.get(1)).isEqualTo(row("'-Robert", n("1005"), n("1"), n("0"), n("10"), "Exports, imports", n("0"),
          "Banking", n("0"), "'@admin", n("0"), null, null, null, null, "No answer", n("0")));
      // A typed answer that is a plain number in the file's style stays a number; in a decimal-comma file
      // "-2.5" is not one, so it is text with its leading quote.
      Object typed = format.decimalSeparator() == '.' ? n("-2.5") : "'-2.5";
      assertThat(rows.get(4)).isEqualTo(row("Chloé \"Coco\" Nguyễn", n("1002"), n("1"), n("5.67"), n("8"),
          "Design and production", n("2.5"), null, null, "Safety glasses", n("2.5"), typed, n("0"),
          "Design → Delivery → Production", n("0.67")));
    }
  }
}
