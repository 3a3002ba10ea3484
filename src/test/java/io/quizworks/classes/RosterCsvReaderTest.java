package io.quizworks.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.quizworks.bank.RowError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The roster CSV reader")
class RosterCsvReaderTest {
  private final RosterCsvReader reader = new RosterCsvReader();

  private ParsedRoster read(String text) {
    return reader.read(text.getBytes(StandardCharsets.UTF_8));
  }

  private ParsedRoster clean(String text) {
    ParsedRoster roster = read(text);
    assertThat(roster.errors()).as("errors").isEmpty();
    return roster;
  }

  private RowError onlyError(String text) {
    ParsedRoster roster = read(text);
    assertThat(roster.entries()).as("nothing is kept from a file with errors").isEmpty();
    assertThat(roster.errors()).hasSize(1);
    return roster.errors().get(0);
  }

  static byte[] fixture(String name) {
    try (InputStream in = RosterCsvReaderTest.class.getResourceAsStream("/csv/rosters/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Nested
  @DisplayName("reads")
  class Reads {
    @Test
    @DisplayName("student id, name and an optional email, each row with its spreadsheet row number")
    void columns() {
      ParsedRoster roster = clean("student_id,name,email\nS1,Ana Lopez,ana@school.org\nS2,Ben Okafor,\n");
      assertThat(roster.entries()).containsExactly(
          new RosterEntry(2, "S1", "Ana Lopez", Optional.of("ana@school.org")),
          new RosterEntry(3, "S2", "Ben Okafor", Optional.empty()));
    }

    @Test
    @DisplayName("a file without an email column, with the columns in any order and spaces around cells")
    void noEmailColumn() {
      ParsedRoster roster = clean("name,student_id\n  Ana Lopez , S1 \n");
      assertThat(roster.entries()).containsExactly(new RosterEntry(2, "S1", "Ana Lopez", Optional.empty()));
    }

    @Test
    @DisplayName("header names in any case, and the names school systems use: Student ID, ID, Display Name, E-Mail")
    void headerSynonyms() {
      for (String header : new String[] {"STUDENT_ID,Name,EMAIL", "Student ID,Display Name,E-Mail", "id,display name,e-mail",
          "Student Number,Student Name,Email Address"}) {
        ParsedRoster roster = clean(header + "\nS1,Ana Lopez,ana@school.org\n");
        assertThat(roster.entries()).as(header).extracting(RosterEntry::studentNumber, RosterEntry::name)
            .containsExactly(tuple("S1", "Ana Lopez"));
      }
    }

    @Test
    @DisplayName("semicolon-separated files, with a byte-order mark and CRLF line ends")
    void semicolonBom() {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
      byte[] text = "student_id;name;email\r\n00417;Jürgen Weiß;\r\n00418;\"O'Neil; Zoë\";zoe@school.org\r\n"
          .getBytes(StandardCharsets.UTF_8);
      byte[] bytes = new byte[bom.length + text.length];
      System.arraycopy(bom, 0, bytes, 0, bom.length);
      System.arraycopy(text, 0, bytes, bom.length, text.length);
      ParsedRoster roster = reader.read(bytes);
      assertThat(roster.errors()).isEmpty();
      assertThat(roster.entries()).extracting(RosterEntry::studentNumber, RosterEntry::name)
          .containsExactly(tuple("00417", "Jürgen Weiß"), tuple("00418", "O'Neil; Zoë"));
    }

    @Test
    @DisplayName("past empty rows and empty trailing columns that spreadsheets leave behind")
    void trailingEmptyRows() {
      ParsedRoster roster = clean("student_id,name,email,,\nS1,Ana Lopez,,,\n,,,,\n\n , ,,,\n");
      assertThat(roster.entries()).extracting(RosterEntry::name).containsExactly("Ana Lopez");
    }

    @Test
    @DisplayName("Excel's CSV UTF-8 from a European locale (fixture): semicolons, BOM, CRLF, ids with leading zeros")
    void excelFixture() {
      ParsedRoster roster = reader.read(fixture("excel-semicolon-bom-crlf.csv"));
      assertThat(roster.errors()).isEmpty();
      assertThat(roster.entries())
          .extracting(RosterEntry::row, RosterEntry::studentNumber, RosterEntry::name, e -> e.email().orElse(""))
          .containsExactly(
              tuple(2, "00417", "Jürgen Weiß", "j.weiss@schule.example.de"),
              tuple(3, "00418", "Zoë O'Neil", ""),
              tuple(4, "00419", "María José Núñez", "mj.nunez@escuela.example.es"));
    }

    @Test
    @DisplayName("LibreOffice's comma CSV (fixture)")
    void libreOfficeFixture() {
      ParsedRoster roster = reader.read(fixture("libreoffice-comma.csv"));
      assertThat(roster.errors()).isEmpty();
      assertThat(roster.entries()).extracting(RosterEntry::name).containsExactly("Ana Lopez", "Ben Okafor", "Chloé Martin");
    }
  }

  @Nested
  @DisplayName("reports, by row and column with what was expected,")
  class Errors {
    @Test
    @DisplayName("a missing student id or name cell")
    void emptyRequired() {
      ParsedRoster roster = read("student_id,name\n,Ana Lopez\nS2,\n");
      assertThat(roster.entries()).isEmpty();
      assertThat(roster.errors()).extracting(RowError::row, RowError::column, RowError::found)
          .containsExactly(tuple(2, "student_id", "an empty cell"), tuple(3, "name", "an empty cell"));
    }

    @Test
    @DisplayName("a student id over 64 characters and a name over 100")
    void tooLong() {
      String id = "S".repeat(65);
      String name = "N".repeat(101);
      ParsedRoster roster = read("student_id,name\n" + id + ",Ana\nS2," + name + "\nS3," + "N".repeat(100) + "\n");
      assertThat(roster.errors()).extracting(RowError::row, RowError::column, RowError::found)
          .containsExactly(tuple(2, "student_id", "65 characters"), tuple(3, "name", "101 characters"));
    }

    @Test
    @DisplayName("an email that does not look like one, in the words RowError.message() gives")
    void badEmail() {
      RowError error = onlyError("student_id,name,email\nS1,Ana,ana@school.org\nS2,Finn,finn.berg(at)school.org\n");
      assertThat(error.message()).isEqualTo("Row 3, column email: found `finn.berg(at)school.org`, expected an email "
          + "address like name@school.org, or an empty cell.");
    }

    @Test
    @DisplayName("a student id used twice, naming the row that has it first")
    void duplicateId() {
      RowError error = onlyError("student_id,name\nS1,Ana\nS2,Ben\nS1,Chloé\n");
      assertThat(error).isEqualTo(new RowError(4, "student_id", "`S1`", "a student id not used before (row 2 has it)"));
    }

    @Test
    @DisplayName("a name used twice in any letter case, since students sign in with their name")
    void duplicateName() {
      RowError error = onlyError("student_id,name\nS1,Ana Lopez\nS2,ANA LOPEZ\n");
      assertThat(error.row()).isEqualTo(3);
      assertThat(error.column()).isEqualTo("name");
      assertThat(error.expected()).contains("row 2 has it");
    }

    @Test
    @DisplayName("every problem in the file, not only the first")
    void everyProblem() {
      ParsedRoster roster = read("student_id,name,email\nS1,,x\n,Ben,\nS3,Chloé,c@school.org\n");
      assertThat(roster.entries()).isEmpty();
      assertThat(roster.errors()).extracting(RowError::row, RowError::column)
          .containsExactly(tuple(2, "name"), tuple(2, "email"), tuple(3, "student_id"));
    }

    @Test
    @DisplayName("a missing required column")
    void missingColumn() {
      ParsedRoster roster = read("email\nana@school.org\n");
      assertThat(roster.errors()).extracting(RowError::row, RowError::column, RowError::found)
          .containsExactly(tuple(1, "student_id", "no such column"), tuple(1, "name", "no such column"));
    }

    @Test
    @DisplayName("an unknown column, and a column named twice, by their letters")
    void unknownAndRepeatedColumns() {
      ParsedRoster roster = read("student_id,name,homeroom,id\nS1,Ana,7B,S1\n");
      assertThat(roster.errors()).extracting(RowError::row, RowError::column)
          .containsExactly(tuple(1, "C"), tuple(1, "D"));
      assertThat(roster.errors().get(0).found()).isEqualTo("`homeroom`");
      assertThat(roster.errors().get(1).expected()).isEqualTo("each column once");
    }

    @Test
    @DisplayName("a value in a column with no name")
    void valueUnderNoName() {
      RowError error = onlyError("student_id,name,\nS1,Ana,extra\n");
      assertThat(error.row()).isEqualTo(2);
      assertThat(error.column()).isEqualTo("C");
    }

    @Test
    @DisplayName("an empty file, and a header with no students")
    void empty() {
      assertThat(onlyError("").found()).isEqualTo("an empty file");
      assertThat(onlyError("student_id,name\n,\n").found()).isEqualTo("a header and no students");
    }

    @Test
    @DisplayName("a file that is not UTF-8, with how to save one")
    void notUtf8() {
      ParsedRoster roster = reader.read("student_id,name\nS1,Jürgen\n".getBytes(Charset.forName("windows-1252")));
      assertThat(roster.errors()).singleElement().satisfies(error -> {
        assertThat(error.row()).isZero();
        assertThat(error.expected()).contains("CSV UTF-8");
      });
    }

    @Test
    @DisplayName("a badly quoted cell")
    void badQuotes() {
      assertThat(onlyError("student_id,name\nS1,\"Ana\" Lopez\n").found()).isEqualTo("a badly quoted cell");
    }

    @Test
    @DisplayName("more students than one file may hold")
    void tooMany() {
      StringBuilder text = new StringBuilder("student_id,name\n");
      for (int i = 0; i <= RosterCsvReader.MAX_STUDENTS; i++) {
        text.append("S").append(i).append(",Student ").append(i).append('\n');
      }
      assertThat(onlyError(text.toString()).found()).isEqualTo("more than 1000 students");
    }

    @Test
    @DisplayName("the bad row of the one-bad-row fixture, and keeps none of its good rows")
    void oneBadRowFixture() {
      ParsedRoster roster = reader.read(fixture("libreoffice-one-bad-row.csv"));
      assertThat(roster.entries()).isEmpty();
      assertThat(roster.errors()).extracting(RowError::row, RowError::column).containsExactly(tuple(3, "email"));
    }
  }
}
