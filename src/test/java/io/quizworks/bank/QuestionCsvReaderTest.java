package io.quizworks.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The bank CSV reader")
class QuestionCsvReaderTest {
  private static final String HEADER =
      "id,type,topic,difficulty,points,prompt,choice_a,choice_b,choice_c,choice_d,match_a,match_b,match_c,"
          + "answer,tolerance,feedback,feedback_a,feedback_b,source";

  private final QuestionCsvReader reader = new QuestionCsvReader();

  private ParsedBank read(String text) {
    return reader.read(text.getBytes(StandardCharsets.UTF_8));
  }

  private ParsedBank readRows(String... rows) {
    return read(HEADER + "\n" + String.join("\n", rows) + "\n");
  }

  private Question only(String row) {
    ParsedBank bank = readRows(row);
    assertThat(bank.errors()).as("errors").isEmpty();
    assertThat(bank.questions()).hasSize(1);
    return bank.questions().get(0);
  }

  private RowError onlyError(String... rows) {
    ParsedBank bank = readRows(rows);
    assertThat(bank.questions()).as("nothing is kept from a file with errors").isEmpty();
    assertThat(bank.errors()).hasSize(1);
    return bank.errors().get(0);
  }

  @Nested
  @DisplayName("reads every question type")
  class Types {
    @Test
    @DisplayName("single choice, with per-choice feedback")
    void singleChoice() {
      Question q = only("q1,single_choice,Roles,easy,1,Who bridges design and production?,Manager,Engineer,Worker,,,,,"
          + "b,,Engineers bridge the gap.,Managers run operations.,Right.,Manufacturing Engineer");
      assertThat(q.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
      assertThat(q.key()).isEqualTo(new AnswerKey.SingleChoice("B"));
      assertThat(q.choices()).extracting(Choice::text).containsExactly("Manager", "Engineer", "Worker");
      assertThat(q.choices().get(0).feedback()).isEqualTo("Managers run operations.");
      assertThat(q.choices().get(2).feedback()).isEmpty();
      assertThat(q.feedback()).isEqualTo("Engineers bridge the gap.");
      assertThat(q.source()).isEqualTo("Manufacturing Engineer");
      assertThat(q.points()).isEqualByComparingTo("1");
      assertThat(q.difficulty()).isEqualTo(Difficulty.EASY);
      assertThat(q.topic()).isEqualTo("Roles");
    }

    @Test
    @DisplayName("multiple response, with letters separated by semicolons, commas or spaces")
    void multipleResponse() {
      for (String answer : List.of("A;C", "\"a, c\"", "A C", "\"A,C\"")) {
        Question q = only("q1,multiple_response,T,medium,2,Pick two,Robotics,Blockchain,3D printing,,,,," + answer + ",,,,,");
        assertThat(q.key()).as(answer).isEqualTo(new AnswerKey.MultipleResponse(Set.of("A", "C")));
      }
    }

    @Test
    @DisplayName("true/false in any letter case")
    void trueFalse() {
      assertThat(only("q1,true_false,T,easy,1,Workers are the backbone.,,,,,,,,TRUE,,,,,").key())
          .isEqualTo(new AnswerKey.TrueFalse(true));
      assertThat(only("q1,True-False,T,easy,1,Engineers package goods.,,,,,,,,false,,,,,").key())
          .isEqualTo(new AnswerKey.TrueFalse(false));
    }

    @Test
    @DisplayName("short answer with several accepted answers")
    void shortAnswer() {
      Question q = only("q1,short answer,T,medium,1,Name a new job.,,,,,,,,robotics technician| data analyst |,,,,,");
      assertThat(q.type()).isEqualTo(QuestionType.SHORT_ANSWER);
      assertThat(q.key()).isEqualTo(new AnswerKey.ShortAnswer(List.of("robotics technician", "data analyst")));
    }

    @Test
    @DisplayName("numeric with and without a tolerance")
    void numeric() {
      assertThat(only("q1,numeric,T,easy,1,How many sectors?,,,,,,,,5,,,,,").key())
          .isEqualTo(new AnswerKey.Numeric(new BigDecimal("5"), BigDecimal.ZERO));
      AnswerKey.Numeric key = (AnswerKey.Numeric) only("q1,NUMERIC,T,hard,1.5,Share?,,,,,,,,-2.5,0.25,,,,").key();
      assertThat(key.value()).isEqualByComparingTo("-2.5");
      assertThat(key.tolerance()).isEqualByComparingTo("0.25");
    }

    @Test
    @DisplayName("ordering with every item once")
    void ordering() {
      Question q = only("q1,ordering,T,hard,3,Put in order.,Production,Delivery,Design,,,,,C;A;B,,,,,");
      assertThat(q.key()).isEqualTo(new AnswerKey.Ordering(List.of("C", "A", "B")));
    }

    @Test
    @DisplayName("matching with a right-hand item for each left-hand item")
    void matching() {
      Question q = only("q1,matching,T,medium,2,Match roles.,Engineer,Worker,Manager,,Optimises systems,Operates machinery,"
          + "Plans schedules,,,,,,");
      assertThat(q.key()).isEqualTo(new AnswerKey.Matching(
          Map.of("A", "Optimises systems", "B", "Operates machinery", "C", "Plans schedules")));
      assertThat(((AnswerKey.Matching) q.key()).pairs().keySet()).containsExactly("A", "B", "C");
    }
  }

  @Nested
  @DisplayName("accepts what spreadsheets save")
  class Spreadsheets {
    private final String row = "q1,true_false,T,easy,1,\"Quoted, with comma\nand a line break, and \"\"quotes\"\"\",,,,,,,,true,,,,,";

    @Test
    @DisplayName("a byte-order mark, CRLF line ends and quoted cells with commas, quotes and line breaks")
    void bomAndCrlf() {
      String text = "\uFEFF" + (HEADER + "\n" + row + "\n").replace("\n", "\r\n");
      ParsedBank bank = read(text);
      assertThat(bank.errors()).isEmpty();
      assertThat(bank.questions().get(0).id()).isEqualTo("q1");
      assertThat(bank.questions().get(0).prompt()).isEqualTo("Quoted, with comma\r\nand a line break, and \"quotes\"");
    }

    @Test
    @DisplayName("semicolon delimiters with decimal commas")
    void semicolons() {
      ParsedBank bank = read("id;type;topic;difficulty;points;prompt;answer;tolerance\r\n"
          + "q1;numeric;T;easy;1,5;How much, roughly?;2,5;0,1\r\n");
      assertThat(bank.errors()).isEmpty();
      Question q = bank.questions().get(0);
      assertThat(q.points()).isEqualByComparingTo("1.5");
      assertThat(q.prompt()).isEqualTo("How much, roughly?");
      assertThat(q.key()).isEqualTo(new AnswerKey.Numeric(new BigDecimal("2.5"), new BigDecimal("0.1")));
    }

    @Test
    @DisplayName("but not a thousands-grouped number in a semicolon file, which would silently read 1.500 as 1.5")
    void thousandsGrouping() {
      ParsedBank bank = read("id;type;topic;difficulty;points;prompt;answer\nq1;numeric;T;easy;1;How many?;1.500\n");
      assertThat(bank.errors()).containsExactly(new RowError(2, "answer", "`1.500`",
          "a number such as 42 or 2.5 (or 2,5), without a thousands separator"));
      assertThat(read("id;type;topic;difficulty;points;prompt;answer\nq1;numeric;T;easy;1;How many?;1.5\n").errors())
          .isEmpty();
    }

    @Test
    @DisplayName("header names in any case and order, only the columns used, trailing empty rows and columns")
    void looseHeader() {
      ParsedBank bank = read("PROMPT,Type,Id,Points,TOPIC,difficulty,Answer,,\n"
          + "Is it true?,true_false,q1,1,T,easy,true,,\n"
          + ",,,,,,,,\n"
          + "\n"
          + ",,,,,,,,\n");
      assertThat(bank.errors()).isEmpty();
      assertThat(bank.questions()).extracting(Question::id).containsExactly("q1");
    }

    @Test
    @DisplayName("an empty row between questions, keeping spreadsheet row numbers in errors after it")
    void blankRowsKeepRowNumbers() {
      RowError error = onlyError("q1,true_false,T,easy,1,Fine,,,,,,,,true,,,,,", ",,,,,,,,,,,,,,,,,,", "",
          "q2,true_false,T,easy,1,Broken,,,,,,,,maybe,,,,,");
      assertThat(error.row()).isEqualTo(5);
    }
  }

  @Nested
  @DisplayName("reports each problem with its row, column, what was found and what was expected")
  class Errors {
    @Test
    @DisplayName("an unknown type")
    void unknownType() {
      RowError error = onlyError("q1,essay,T,easy,1,Write.,,,,,,,,x,,,,,");
      assertThat(error).isEqualTo(new RowError(2, "type", "`essay`",
          "one of single_choice, multiple_response, true_false, short_answer, numeric, ordering, matching"));
      assertThat(error.message()).isEqualTo("Row 2, column type: found `essay`, expected one of single_choice, "
          + "multiple_response, true_false, short_answer, numeric, ordering, matching.");
    }

    @Test
    @DisplayName("a correct answer that names no choice")
    void answerNamesNoChoice() {
      RowError error = onlyError("q1,single_choice,T,easy,1,Pick,One,Two,,,,,,C,,,,,");
      assertThat(error.row()).isEqualTo(2);
      assertThat(error.column()).isEqualTo("answer");
      assertThat(error.found()).isEqualTo("`C`");
      assertThat(error.expected()).contains("one letter naming a filled choice (A–B)");
    }

    @Test
    @DisplayName("multiple response letters that repeat or name no choice")
    void badLetters() {
      assertThat(onlyError("q1,multiple_response,T,easy,1,Pick,One,Two,,,,,,A;A,,,,,").column()).isEqualTo("answer");
      assertThat(onlyError("q1,multiple_response,T,easy,1,Pick,One,Two,,,,,,A;D,,,,,").found()).isEqualTo("`A;D`");
      assertThat(onlyError("q1,multiple_response,T,easy,1,Pick,One,Two,,,,,,,,,,,").found()).isEqualTo("an empty cell");
    }

    @Test
    @DisplayName("a numeric key that is not a number, and a negative tolerance")
    void numericNotANumber() {
      RowError error = onlyError("q1,numeric,T,easy,1,How many?,,,,,,,,five,,,,,");
      assertThat(error).isEqualTo(new RowError(2, "answer", "`five`", "a number such as 42 or 2.5"));
      assertThat(onlyError("q1,numeric,T,easy,1,How many?,,,,,,,,5,-1,,,,").column()).isEqualTo("tolerance");
      assertThat(onlyError("q1,numeric,T,easy,1,How many?,,,,,,,,\"2,5\",,,,,").found())
          .as("a decimal comma is only for semicolon files").isEqualTo("`2,5`");
    }

    @Test
    @DisplayName("a duplicate id, naming the row that has it first")
    void duplicateId() {
      RowError error = onlyError("q1,true_false,T,easy,1,One,,,,,,,,true,,,,,", "q1,true_false,T,easy,1,Two,,,,,,,,true,,,,,");
      assertThat(error).isEqualTo(new RowError(3, "id", "`q1`", "an id not used before (row 2 has it)"));
    }

    @Test
    @DisplayName("a missing prompt, topic or id, and an id with spaces")
    void missingRequired() {
      assertThat(onlyError("q1,true_false,T,easy,1,,,,,,,,,true,,,,,"))
          .isEqualTo(new RowError(2, "prompt", "an empty cell", "the question text"));
      assertThat(onlyError("q1,true_false,,easy,1,P,,,,,,,,true,,,,,").column()).isEqualTo("topic");
      assertThat(onlyError(",true_false,T,easy,1,P,,,,,,,,true,,,,,").column()).isEqualTo("id");
      assertThat(onlyError("q 1,true_false,T,easy,1,P,,,,,,,,true,,,,,").found()).isEqualTo("`q 1`");
    }

    @Test
    @DisplayName("points that are zero, negative, too many or not a number")
    void badPoints() {
      for (String points : List.of("0", "-1", "1001", "one", "1.005", "")) {
        RowError error = onlyError("q1,true_false,T,easy," + points + ",P,,,,,,,,true,,,,,");
        assertThat(error.column()).as(points).isEqualTo("points");
      }
    }

    @Test
    @DisplayName("an unknown difficulty")
    void badDifficulty() {
      assertThat(onlyError("q1,true_false,T,tricky,1,P,,,,,,,,true,,,,,"))
          .isEqualTo(new RowError(2, "difficulty", "`tricky`", "easy, medium or hard"));
    }

    @Test
    @DisplayName("true/false answers other than true or false")
    void badTrueFalse() {
      assertThat(onlyError("q1,true_false,T,easy,1,P,,,,,,,,yes,,,,,").expected()).isEqualTo("true or false");
    }

    @Test
    @DisplayName("a short answer question without an accepted answer")
    void emptyShortAnswer() {
      assertThat(onlyError("q1,short_answer,T,easy,1,P,,,,,,,, | ,,,,,").column()).isEqualTo("answer");
    }

    @Test
    @DisplayName("choices with a gap, a single choice, or the same text twice")
    void badChoices() {
      RowError gap = onlyError("q1,single_choice,T,easy,1,P,One,,Three,,,,,A,,,,,");
      assertThat(gap.column()).isEqualTo("choice_c");
      assertThat(gap.expected()).contains("without gaps (choice_b is empty)");
      assertThat(onlyError("q1,single_choice,T,easy,1,P,One,,,,,,,A,,,,,").column()).isEqualTo("choice_b");
      RowError twice = onlyError("q1,single_choice,T,easy,1,P,Robotics,robotics,,,,,,A,,,,,");
      assertThat(twice.column()).isEqualTo("choice_b");
      assertThat(twice.expected()).contains("choice_a has it");
    }

    @Test
    @DisplayName("cells a type does not use")
    void unusedCells() {
      assertThat(onlyError("q1,true_false,T,easy,1,P,Yes,,,,,,,true,,,,,").column()).isEqualTo("choice_a");
      assertThat(onlyError("q1,single_choice,T,easy,1,P,One,Two,,,x,,,A,,,,,").column()).isEqualTo("match_a");
      assertThat(onlyError("q1,single_choice,T,easy,1,P,One,Two,,,,,,A,1,,,,").column()).isEqualTo("tolerance");
      assertThat(onlyError("q1,ordering,T,easy,1,P,One,Two,,,,,,A;B,,,x,,").column()).isEqualTo("feedback_a");
    }

    @Test
    @DisplayName("feedback for a choice that is not filled")
    void feedbackWithoutChoice() {
      String header = "id,type,topic,difficulty,points,prompt,choice_a,choice_b,answer,feedback_c";
      ParsedBank bank = read(header + "\nq1,single_choice,T,easy,1,P,One,Two,A,Why\n");
      assertThat(bank.errors()).containsExactly(
          new RowError(2, "feedback_c", "`Why`", "an empty cell, since choice_c is empty"));
    }

    @Test
    @DisplayName("an ordering key that leaves out or repeats an item")
    void badOrdering() {
      assertThat(onlyError("q1,ordering,T,easy,1,P,One,Two,Three,,,,,A;B,,,,,").column()).isEqualTo("answer");
      assertThat(onlyError("q1,ordering,T,easy,1,P,One,Two,Three,,,,,A;B;B,,,,,").column()).isEqualTo("answer");
    }

    @Test
    @DisplayName("a matching question with a missing or repeated match, or an answer")
    void badMatching() {
      assertThat(onlyError("q1,matching,T,easy,1,P,One,Two,,,1,,,,,,,,").column()).isEqualTo("match_b");
      assertThat(onlyError("q1,matching,T,easy,1,P,One,Two,,,1,1,,,,,,,").column()).isEqualTo("match_b");
      assertThat(onlyError("q1,matching,T,easy,1,P,One,Two,,,1,2,3,,,,,,").column()).isEqualTo("match_c");
      assertThat(onlyError("q1,matching,T,easy,1,P,One,Two,,,1,2,,A,,,,,").column()).isEqualTo("answer");
    }

    @Test
    @DisplayName("every problem in the file, not just the first")
    void allProblems() {
      ParsedBank bank = readRows("q1,essay,T,easy,1,P,,,,,,,,,,,,,", "q2,true_false,T,easy,0,,,,,,,,,maybe,,,,,",
          "q3,true_false,T,easy,1,Fine,,,,,,,,true,,,,,");
      assertThat(bank.questions()).isEmpty();
      assertThat(bank.errors()).extracting(RowError::row, RowError::column)
          .containsExactly(tuple(2, "type"), tuple(3, "prompt"),
              tuple(3, "points"), tuple(3, "answer"));
    }
  }

  @Nested
  @DisplayName("refuses a file as a whole")
  class Files {
    @Test
    @DisplayName("when a required column is missing, an unknown column is present, or a column repeats")
    void header() {
      ParsedBank bank = read("id,type,topic,difficulty,points,promt,prompt,Points\nq1,true_false,T,easy,1,x,P,1\n");
      assertThat(bank.errors()).extracting(RowError::message).containsExactly(
          "Row 1, column F: found `promt`, expected a column of the format (id, type, prompt, points, topic, "
              + "difficulty, choice_a…choice_h, match_a…match_h, answer, tolerance, feedback, feedback_a…feedback_h, "
              + "source, notes).",
          "Row 1, column H: found `points` a second time, expected each column once.");
      assertThat(read("id,type,topic,points,prompt\nq1,true_false,T,1,P\n").errors())
          .containsExactly(new RowError(1, "difficulty", "no such column", "a column named `difficulty`"));
    }

    @Test
    @DisplayName("when it is not UTF-8, as Excel's plain CSV (Windows-1252) is")
    void notUtf8() {
      byte[] latin1 = (HEADER + "\nq1,true_false,T,easy,1,Caf\u00e9,,,,,,,,true,,,,,\n")
          .getBytes(java.nio.charset.Charset.forName("windows-1252"));
      ParsedBank bank = reader.read(latin1);
      assertThat(bank.errors()).hasSize(1);
      assertThat(bank.errors().get(0).message())
          .isEqualTo("File: found bytes on line 2 that are not UTF-8 text, expected a CSV file saved as UTF-8 "
              + "(in Excel: Save As, \"CSV UTF-8 (Comma delimited)\").");
    }

    @Test
    @DisplayName("when it holds binary data")
    void binary() {
      byte[] bytes = {'i', 'd', '\n', 0, 1, 2};
      assertThat(reader.read(bytes).errors().get(0).found()).isEqualTo("binary data on line 2");
    }

    @Test
    @DisplayName("when it is empty or has a header and no questions")
    void empty() {
      assertThat(read("").errors().get(0).found()).isEqualTo("an empty file");
      assertThat(read(HEADER + "\n\n").errors().get(0).found()).isEqualTo("a header and no questions");
    }

    @Test
    @DisplayName("when a quoted cell is never closed")
    void unclosedQuote() {
      ParsedBank bank = readRows("q1,true_false,T,easy,1,\"Never closed,,,,,,,,true,,,,,");
      assertThat(bank.errors()).hasSize(1);
      assertThat(bank.errors().get(0).found()).startsWith("a badly quoted cell");
    }

    @Test
    @DisplayName("when it has an absurd number of columns")
    void tooManyColumns() {
      String header = HEADER + ",".repeat(100_000);
      assertThat(read(header + "\n").errors().get(0).found()).isEqualTo("100019 columns");
    }

    @Test
    @DisplayName("when a value sits in a column without a name, or a cell is enormous")
    void strayCells() {
      RowError stray = onlyError("q1,true_false,T,easy,1,P,,,,,,,,true,,,,,,surprise");
      assertThat(stray.column()).isEqualTo("T");
      assertThat(stray.found()).isEqualTo("`surprise` under no column name");
      RowError huge = onlyError("q1,true_false,T,easy,1," + "x".repeat(10_001) + ",,,,,,,,true,,,,,");
      assertThat(huge.found()).isEqualTo("10001 characters");
    }
  }
}
