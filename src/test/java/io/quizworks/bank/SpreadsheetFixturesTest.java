package io.quizworks.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Reads CSV files that LibreOffice really saved (see {@code src/test/resources/csv/spreadsheets/README.md}
 * for how each was made), so the reader is checked against a spreadsheet's output rather than against
 * CSV written by hand.
 */
@DisplayName("Bank files saved by a real spreadsheet program")
class SpreadsheetFixturesTest {
  private static final String FOLDER = "/csv/spreadsheets/";
  private static final String EXCEL_EUROPE = "excel-europe-semicolon-bom-crlf.csv";
  private static final String LIBREOFFICE = "libreoffice-comma.csv";
  private static final String MULTILINE = "multiline-quoted-cells.csv";
  private static final String TRAILING = "trailing-empty-rows-and-columns.csv";

  private final QuestionCsvReader reader = new QuestionCsvReader();

  @Nested
  @DisplayName("Excel \"CSV UTF-8\" from a European locale (semicolons, BOM, CRLF, decimal commas)")
  class ExcelEurope {
    private final ParsedBank bank = readClean(EXCEL_EUROPE);

    @Test
    @DisplayName("All six questions are read, the first one's id not spoiled by the byte-order mark")
    void readsEveryQuestion() {
      assertThat(bank.questions()).extracting(Question::id)
          .containsExactly("eu-1", "eu-2", "eu-3", "eu-4", "eu-5", "eu-6");
    }

    @Test
    @DisplayName("A numeric key written 2,5 with tolerance 0,1 means 2.5 give or take 0.1")
    void decimalCommaInNumericKey() {
      Question question = question(bank, "eu-1");
      assertThat(question.type()).isEqualTo(QuestionType.NUMERIC);
      assertThat(question.key()).isInstanceOfSatisfying(AnswerKey.Numeric.class, key -> {
        assertThat(key.value()).isEqualByComparingTo(new BigDecimal("2.5"));
        assertThat(key.tolerance()).isEqualByComparingTo(new BigDecimal("0.1"));
      });
    }

    @Test
    @DisplayName("Points written 1,5 and 0,5 are one and a half and half a point")
    void decimalCommaInPoints() {
      assertThat(question(bank, "eu-1").points()).isEqualByComparingTo(new BigDecimal("1.5"));
      assertThat(question(bank, "eu-5").points()).isEqualByComparingTo(new BigDecimal("0.5"));
      assertThat(question(bank, "eu-3").points()).isEqualByComparingTo(new BigDecimal("2"));
    }

    @Test
    @DisplayName("A whole-number key (1500, tolerance 50) is saved without a thousands separator and read as such")
    void wholeNumberKey() {
      assertThat(question(bank, "eu-6").key()).isInstanceOfSatisfying(AnswerKey.Numeric.class, key -> {
        assertThat(key.value()).isEqualByComparingTo(new BigDecimal("1500"));
        assertThat(key.tolerance()).isEqualByComparingTo(new BigDecimal("50"));
      });
    }

    @Test
    @DisplayName("Accented letters (é, è, ü, ä, ß, ñ, ¿) arrive exactly as typed")
    void accentsPreserved() {
      Question french = question(bank, "eu-2");
      assertThat(french.topic()).isEqualTo("Sécurité");
      assertThat(french.choices()).extracting(Choice::text)
          .containsExactly("Lunettes de sécurité", "Gants", "Casque anti-bruit");
      assertThat(french.feedback()).isEqualTo("Les lunettes arrêtent les éclats de métal.");
      assertThat(question(bank, "eu-3").topic()).isEqualTo("Qualitätsprüfung");
      assertThat(question(bank, "eu-1").prompt())
          .isEqualTo("Die Zeichnung nennt 2,5 ± 0,1 mm. Welches Nennmaß in mm hat das Blech?");
      Question spanish = question(bank, "eu-4");
      assertThat(spanish.topic()).isEqualTo("Señalización");
      assertThat(spanish.prompt()).isEqualTo("¿De qué color es una señal de prohibición?");
      assertThat(spanish.key()).isInstanceOfSatisfying(AnswerKey.ShortAnswer.class,
          key -> assertThat(key.accepted()).containsExactly("rojo", "roja"));
      assertThat(question(bank, "eu-5").topic()).isEqualTo("Überwachung");
    }

    @Test
    @DisplayName("A semicolon inside a quoted cell stays part of the text")
    void semicolonInsideCell() {
      assertThat(question(bank, "eu-2").prompt()).isEqualTo("Quel équipement protège les yeux ; et pourquoi ?");
      assertThat(question(bank, "eu-1").feedback())
          .isEqualTo("Gemessen wird mit dem Messschieber; erlaubt sind ±0,1 mm.");
      assertThat(question(bank, "eu-4").feedback())
          .isEqualTo("Las señales de prohibición son rojas; ñ, á, é y ü se conservan.");
    }

    @Test
    @DisplayName("A multiple-response key \"A;B;D\" in one semicolon-separated cell names three choices")
    void semicolonSeparatedKeyInSemicolonFile() {
      assertThat(question(bank, "eu-3").key()).isInstanceOfSatisfying(AnswerKey.MultipleResponse.class,
          key -> assertThat(key.correct()).containsExactly("A", "B", "D"));
    }

    @Test
    @DisplayName("CRLF line ends leave no carriage return in the last cell of a row")
    void noCarriageReturnInText() {
      assertThat(question(bank, "eu-2").feedback()).doesNotContain("\r");
      assertThat(question(bank, "eu-5").key()).isEqualTo(new AnswerKey.TrueFalse(true));
      assertThat(bank.questions()).allSatisfy(q -> {
        assertThat(q.prompt()).doesNotContain("\r");
        assertThat(q.feedback()).doesNotContain("\r");
      });
    }
  }

  @Nested
  @DisplayName("LibreOffice Calc's default comma CSV, one question of every type")
  class LibreOfficeComma {
    private final ParsedBank bank = readClean(LIBREOFFICE);

    @Test
    @DisplayName("All seven question types are read from the file")
    void everyType() {
      assertThat(bank.questions()).hasSize(8);
      assertThat(bank.questions().stream().map(Question::type).collect(Collectors.toSet()))
          .isEqualTo(EnumSet.allOf(QuestionType.class));
    }

    @Test
    @DisplayName("A single-choice question keeps its key and its per-choice feedback")
    void singleChoice() {
      Question question = question(bank, "lo-1");
      assertThat(question.key()).isEqualTo(new AnswerKey.SingleChoice("B"));
      assertThat(question.choices()).extracting(Choice::label, Choice::feedback).startsWith(
          tuple("A", "Managers run day-to-day operations."),
          tuple("B", "Right."));
      assertThat(question.source()).isEqualTo("Manufacturing Engineer: A Bridging Role");
    }

    @Test
    @DisplayName("A multiple-response key is the set of letters A, B and C, and its comma-holding feedback is whole")
    void multipleResponse() {
      Question question = question(bank, "lo-2");
      assertThat(question.key()).isInstanceOfSatisfying(AnswerKey.MultipleResponse.class,
          key -> assertThat(key.correct()).containsExactly("A", "B", "C"));
      assertThat(question.feedback()).isEqualTo("Robotics, artificial intelligence and 3D printing.");
    }

    @Test
    @DisplayName("Calc turns typed true/false into TRUE/FALSE cells, and the reader still reads them")
    void trueFalseAsCalcSavesIt() {
      assertThat(question(bank, "lo-3").key()).isEqualTo(new AnswerKey.TrueFalse(true));
      assertThat(question(bank, "lo-8").key()).isEqualTo(new AnswerKey.TrueFalse(false));
    }

    @Test
    @DisplayName("A short-answer key lists every accepted answer")
    void shortAnswer() {
      assertThat(question(bank, "lo-4").key()).isInstanceOfSatisfying(AnswerKey.ShortAnswer.class,
          key -> assertThat(key.accepted())
              .containsExactly("robotics technician", "automation engineer", "data analyst"));
    }

    @Test
    @DisplayName("A numeric key saved from number cells reads 42.5 with tolerance 0.5, worth 1.5 points")
    void numeric() {
      Question question = question(bank, "lo-5");
      assertThat(question.key()).isInstanceOfSatisfying(AnswerKey.Numeric.class, key -> {
        assertThat(key.value()).isEqualByComparingTo(new BigDecimal("42.5"));
        assertThat(key.tolerance()).isEqualByComparingTo(new BigDecimal("0.5"));
      });
      assertThat(question.points()).isEqualByComparingTo(new BigDecimal("1.5"));
    }

    @Test
    @DisplayName("An ordering key is the item letters in their correct order")
    void ordering() {
      Question question = question(bank, "lo-6");
      assertThat(question.choices()).extracting(Choice::text)
          .containsExactly("Production", "Design", "Delivery", "Quality check");
      assertThat(question.key()).isEqualTo(new AnswerKey.Ordering(List.of("B", "A", "D", "C")));
    }

    @Test
    @DisplayName("A matching key pairs each left-hand item with its match_ text")
    void matching() {
      Question question = question(bank, "lo-7");
      assertThat(question.choices()).extracting(Choice::text)
          .containsExactly("Manufacturing engineer", "Production worker", "Factory manager");
      assertThat(question.key()).isInstanceOfSatisfying(AnswerKey.Matching.class,
          key -> assertThat(key.pairs()).containsExactly(
              entry("A", "Optimises production systems"),
              entry("B", "Operates machinery"),
              entry("C", "Plans production schedules")));
    }
  }

  @Nested
  @DisplayName("Cells holding line breaks, commas and double quotes")
  class MultilineQuotedCells {
    private final ParsedBank bank = readClean(MULTILINE);

    @Test
    @DisplayName("Three questions are read, although their rows span several lines of the file")
    void questionCount() {
      assertThat(bank.questions()).extracting(Question::id).containsExactly("ml-1", "ml-2", "ml-3");
    }

    @Test
    @DisplayName("A prompt keeps its line breaks, its comma and its unescaped quotes")
    void multilinePrompt() {
      assertThat(question(bank, "ml-1").prompt()).isEqualTo(
          "Read the notice on the machine:\n\"DANGER, moving parts.\"\nWhat must you do before clearing a jam?");
      assertThat(question(bank, "ml-2").prompt())
          .contains("\n")
          .isEqualTo("Complete the sign:\n\"Hearing protection must be ____.\"");
    }

    @Test
    @DisplayName("Feedback keeps an empty line between paragraphs and a numbered list")
    void multilineFeedback() {
      assertThat(question(bank, "ml-1").feedback())
          .isEqualTo("Lockout/tagout, in that order:\n\n1. switch off,\n2. lock out,\n3. tag.");
      assertThat(question(bank, "ml-3").feedback())
          .isEqualTo("It only tells whether a part fits, \"go\" or \"no-go\";\nit gives no number.");
    }

    @Test
    @DisplayName("Doubled quotes in choices and choice feedback become single quotes")
    void quotesUnescaped() {
      Question question = question(bank, "ml-1");
      assertThat(question.choices()).extracting(Choice::text).containsExactly(
          "Switch it off, lock it out, tag it",
          "Reach in quickly, while it runs slowly",
          "Ask a colleague to \"keep an eye on it\"");
      assertThat(question.choices()).extracting(Choice::feedback).containsExactly(
          "Right: \"lock out, tag out\".",
          "Never, not even \"just for a second\".",
          "A colleague is not a lock.");
      assertThat(question.key()).isEqualTo(new AnswerKey.SingleChoice("A"));
      assertThat(question(bank, "ml-3").prompt()).isEqualTo("A \"go/no-go\" gauge measures a size, in millimetres.");
      assertThat(question(bank, "ml-3").key()).isEqualTo(new AnswerKey.TrueFalse(false));
    }

    @Test
    @DisplayName("Typographic quotes, which need no escaping, are kept as they are")
    void typographicQuotes() {
      assertThat(question(bank, "ml-2").feedback()).isEqualTo("The sign reads: “Hearing protection must be worn.”");
    }
  }

  @Nested
  @DisplayName("A sheet with empty rows and unnamed empty columns after the data, and headers in mixed case")
  class TrailingEmptyRowsAndColumns {
    private final ParsedBank bank = readClean(TRAILING);

    @Test
    @DisplayName("Exactly the four filled rows become questions; the empty rows after them are ignored")
    void exactCount() {
      assertThat(bank.questions()).extracting(Question::id).containsExactly("te-1", "te-2", "te-3", "te-4");
    }

    @Test
    @DisplayName("Headers such as ID, Type, PROMPT and FeedBack name their columns")
    void mixedCaseHeaders() {
      Question question = question(bank, "te-1");
      assertThat(question.type()).isEqualTo(QuestionType.SINGLE_CHOICE);
      assertThat(question.prompt()).isEqualTo("Which gauge checks a hole's size without giving a number?");
      assertThat(question.points()).isEqualByComparingTo(BigDecimal.ONE);
      assertThat(question.topic()).isEqualTo("Quality");
      assertThat(question.difficulty()).isEqualTo(Difficulty.EASY);
      assertThat(question.choices()).extracting(Choice::text)
          .containsExactly("Go/no-go plug gauge", "Steel rule", "Micrometer");
      assertThat(question.key()).isEqualTo(new AnswerKey.SingleChoice("A"));
      assertThat(question.feedback()).isEqualTo("It only tells whether the part fits.");
    }

    @Test
    @DisplayName("Type and difficulty cells in any case (True-False, EASY, Short_Answer) are understood")
    void mixedCaseValues() {
      assertThat(bank.questions()).extracting(Question::type).containsExactly(
          QuestionType.SINGLE_CHOICE, QuestionType.TRUE_FALSE, QuestionType.ORDERING, QuestionType.SHORT_ANSWER);
      assertThat(bank.questions()).extracting(Question::difficulty).containsExactly(
          Difficulty.EASY, Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD);
      assertThat(question(bank, "te-2").key()).isEqualTo(new AnswerKey.TrueFalse(true));
      assertThat(question(bank, "te-3").key()).isEqualTo(new AnswerKey.Ordering(List.of("B", "A", "C")));
      assertThat(question(bank, "te-4").key()).isInstanceOfSatisfying(AnswerKey.ShortAnswer.class,
          key -> assertThat(key.accepted()).containsExactly("feeler gauge", "feeler gauges"));
    }
  }

  @Nested
  @DisplayName("The raw fixture files")
  class RawBytes {
    @Test
    @DisplayName("Each fixture's bytes still have the property it exists to test")
    void fixturesKeepTheirTellTaleBytes() {
      byte[] excel = bytes(EXCEL_EUROPE);
      assertThat(excel).as("UTF-8 byte-order mark at the start of " + EXCEL_EUROPE)
          .startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
      String excelText = text(excel);
      assertThat(excelText).as("CRLF line ends in " + EXCEL_EUROPE).contains("\r\n").doesNotContainPattern("[^\r]\n");
      assertThat(firstLine(excelText)).as("semicolons between the header cells of " + EXCEL_EUROPE)
          .startsWith("\uFEFFid;type;").doesNotContain(",");
      assertThat(excelText).as("decimal commas, and a quoted cell holding a semicolon, in " + EXCEL_EUROPE)
          .contains(";1,5;", ";2,5;0,1;", ";0,5;", "\"Quel équipement protège les yeux ; et pourquoi ?\"", "\"A;B;D\"");

      String libreOffice = text(bytes(LIBREOFFICE));
      assertThat(libreOffice).as("no BOM and LF line ends in " + LIBREOFFICE)
          .startsWith("id,type,").doesNotContain("\r", "\uFEFF");
      assertThat(libreOffice).as("Calc's own TRUE/FALSE in " + LIBREOFFICE).contains(",TRUE,", ",FALSE,");

      String multiline = text(bytes(MULTILINE));
      assertThat(multiline).as("a quoted cell holding a line break and doubled quotes in " + MULTILINE)
          .contains("\"Read the notice on the machine:\n\"\"DANGER, moving parts.\"\"\n");

      String trailing = text(bytes(TRAILING));
      assertThat(firstLine(trailing)).as("unnamed columns after the last header in " + TRAILING)
          .startsWith("ID,Type,PROMPT,").endsWith("FeedBack,, ");
      assertThat(trailing).as("empty rows after the data in " + TRAILING).endsWith(",,,,,,,,,,,,\n,,,,,,,,,,,,\n");
    }
  }

  private ParsedBank readClean(String name) {
    ParsedBank bank = reader.read(bytes(name));
    assertThat(bank.errors())
        .as(() -> "errors reading " + name + ":\n"
            + bank.errors().stream().map(RowError::message).collect(Collectors.joining("\n")))
        .isEmpty();
    return bank;
  }

  private static Question question(ParsedBank bank, String id) {
    return bank.questions().stream()
        .filter(q -> q.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no question " + id + " in " + bank.questions().stream()
            .map(Question::id).toList()));
  }

  private static byte[] bytes(String name) {
    try (InputStream in = SpreadsheetFixturesTest.class.getResourceAsStream(FOLDER + name)) {
      assertThat(in).as("fixture %s on the test classpath", FOLDER + name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new AssertionError("cannot read " + name, e);
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
