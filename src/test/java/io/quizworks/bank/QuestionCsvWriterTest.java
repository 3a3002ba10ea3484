package io.quizworks.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The bank CSV writer")
class QuestionCsvWriterTest {
  private static final Path QUESTIONS = Path.of("questions");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final QuestionCsvWriter writer = new QuestionCsvWriter();
  private final QuestionCsvReader reader = new QuestionCsvReader();

  private List<Question> read(byte[] bytes) {
    ParsedBank bank = reader.read(bytes);
    assertThat(bank.errors()).as("errors").isEmpty();
    return bank.questions();
  }

  private List<Question> everyType() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/csv/every-type.csv")) {
      return read(in.readAllBytes());
    }
  }

  static Stream<Path> banks() throws IOException {
    try (Stream<Path> files = Files.list(QUESTIONS)) {
      return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList().stream();
    }
  }

  /** The written cells as a spreadsheet would show them, before the reader takes any quote off. */
  private static List<Map<String, String>> cells(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        rows.add(record.toMap());
      }
      return rows;
    }
  }

  private static String headerOf(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    return text.substring(0, text.indexOf("\r\n"));
  }

  private static Question question(String id, QuestionType type, String prompt, List<Choice> choices, AnswerKey key) {
    return new Question(id, type, prompt, BigDecimal.ONE, "Topic", Difficulty.MEDIUM, choices, key, "", "");
  }

  private static Question shortAnswer(String id, String prompt) {
    return question(id, QuestionType.SHORT_ANSWER, prompt, List.of(), new AnswerKey.ShortAnswer(List.of("yes")));
  }

  @Nested
  @DisplayName("gives back exactly the questions it was given")
  class RoundTrip {
    @Test
    @DisplayName("Every question type reads back as it was, numbers keeping their value")
    void everyQuestionType() throws IOException {
      List<Question> original = everyType();
      List<Question> back = read(writer.write(original));
      // every-type.csv writes the numeric key 5.50; the written 5.5 reads back as an equal number of another scale.
      RecursiveComparisonConfiguration numbersByValue = RecursiveComparisonConfiguration.builder()
          .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
          .build();
      assertThat(back).usingRecursiveFieldByFieldElementComparator(numbersByValue).containsExactlyElementsOf(original);
      assertThat(back).extracting(Question::type).containsExactly(QuestionType.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.quizworks.bank.QuestionCsvWriterTest#banks")
    @DisplayName("Every bank in questions/ reads back field for field")
    void everyBank(Path file) throws IOException {
      List<Question> original = read(Files.readAllBytes(file));
      assertThat(read(writer.write(original)))
          .usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(original);
    }

    @Test
    @DisplayName("Writing what was read from a written file gives the same bytes")
    void sameBytes() throws IOException {
      List<List<Question>> banks = new ArrayList<>(List.of(everyType()));
      for (Path file : banks().toList()) {
        banks.add(read(Files.readAllBytes(file)));
      }
      for (List<Question> bank : banks) {
        byte[] written = writer.write(bank);
        assertThat(writer.write(read(written))).isEqualTo(written);
      }
    }

    @Test
    @DisplayName("Letters of a multiple-response key keep the author's order")
    void letterOrder() throws IOException {
      Question back = read(writer.write(everyType())).get(1);
      assertThat(back.key()).isInstanceOfSatisfying(AnswerKey.MultipleResponse.class,
          key -> assertThat(List.copyOf(key.correct())).containsExactly("C", "A", "B"));
    }
  }

  @Nested
  @DisplayName("keeps awkward texts and defuses formulas")
  class Texts {
    private final List<Question> awkward = List.of(
        new Question("aw-1", QuestionType.SINGLE_CHOICE, "Commas, \"quotes\"; semicolons\nand a line break",
            new BigDecimal("0.5"), "Überblick, Ça va", Difficulty.EASY,
            List.of(new Choice("A", "|leading pipe", "Bien joué 🎉"), new Choice("B", "trailing pipe|", ""),
                new Choice("C", "-x", "@here")),
            new AnswerKey.SingleChoice("C"), "Two lines\r\nwith CRLF, \"quoted\"", "+source"),
        new Question("-id", QuestionType.MATCHING, "Match 😀 them", new BigDecimal("2"), "-topic", Difficulty.HARD,
            List.of(new Choice("A", "=A1", ""), new Choice("B", "plain", "")),
            new AnswerKey.Matching(pairs("A", "=B2", "B", "|plain|")), "", ""),
        shortAnswer("f-1", "=SUM(A1)"),
        shortAnswer("f-2", "+1"),
        shortAnswer("f-3", "-x"),
        shortAnswer("f-4", "@cmd"),
        shortAnswer("f-5", "\tstarts with a tab"),
        shortAnswer("f-6", "\rstarts with a carriage return"),
        question("f-7", QuestionType.SHORT_ANSWER, "Which cell adds?", List.of(),
            new AnswerKey.ShortAnswer(List.of("=A1+A2", "-A1"))),
        question("n-1", QuestionType.NUMERIC, "How cold?", List.of(),
            new AnswerKey.Numeric(new BigDecimal("-2.5"), new BigDecimal("0.25"))));

    private static Map<String, String> pairs(String... labelsAndMatches) {
      Map<String, String> pairs = new LinkedHashMap<>();
      for (int i = 0; i < labelsAndMatches.length; i += 2) {
        pairs.put(labelsAndMatches[i], labelsAndMatches[i + 1]);
      }
      return pairs;
    }

    @Test
    @DisplayName("Commas, quotes, line breaks, semicolons, accents, emoji, pipes and formula-looking texts survive")
    void survive() {
      assertThat(read(writer.write(awkward))).usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(awkward);
    }

    @Test
    @DisplayName("A formula-looking text of the longest length a cell may hold still reads back after its quote")
    void longestFormulaLookingText() {
      List<Question> longest = List.of(shortAnswer("l-1", "=" + "x".repeat(QuestionCsvReader.MAX_CELL_LENGTH - 1)));
      assertThat(read(writer.write(longest))).usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(longest);
    }

    @Test
    @DisplayName("A text that starts like a formula is written after a quote; a negative numeric key stays a number")
    void formulasDefused() throws IOException {
      List<Map<String, String>> rows = cells(writer.write(awkward));
      assertThat(rows).extracting(row -> row.get(CsvColumns.PROMPT)).containsSubsequence(
          "'=SUM(A1)", "'+1", "'-x", "'@cmd", "'\tstarts with a tab", "'\rstarts with a carriage return");
      assertThat(rows.get(0)).containsEntry("choice_c", "'-x").containsEntry("feedback_c", "'@here")
          .containsEntry("source", "'+source").containsEntry("choice_a", "|leading pipe");
      assertThat(rows.get(1)).containsEntry("id", "'-id").containsEntry("topic", "'-topic")
          .containsEntry("choice_a", "'=A1").containsEntry("match_a", "'=B2").containsEntry("match_b", "|plain|");
      assertThat(rows.get(8)).containsEntry("answer", "'=A1+A2|-A1");
      assertThat(rows.get(9)).containsEntry("answer", "-2.5").containsEntry("tolerance", "0.25");
    }
  }

  @Nested
  @DisplayName("writes a file Excel opens as UTF-8")
  class FileShape {
    @Test
    @DisplayName("The file starts with the UTF-8 byte-order mark and ends every line with CRLF")
    void bomAndCrlf() throws IOException {
      byte[] bytes = writer.write(everyType());
      assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(BOM);
      String text = new String(bytes, StandardCharsets.UTF_8);
      assertThat(text).endsWith("\r\n");
      assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
      assertThat(text.split("\r\n")).hasSize(8);
    }

    @Test
    @DisplayName("The header names the columns the bank uses, in the format's order, and never notes")
    void header() throws IOException {
      assertThat(headerOf(writer.write(everyType()))).isEqualTo(
          "id,type,topic,difficulty,points,prompt,choice_a,choice_b,choice_c,choice_d,match_a,match_b,match_c,"
              + "answer,tolerance,feedback,feedback_a,feedback_b,source");
      Question trueFalse = question("tf", QuestionType.TRUE_FALSE, "Yes?", List.of(), new AnswerKey.TrueFalse(true));
      assertThat(headerOf(writer.write(List.of(trueFalse)))).isEqualTo("id,type,topic,difficulty,points,prompt,answer");
    }

    @Test
    @DisplayName("Keys are written as in the format's examples: letters with ';', answers with '|', pairs in match_")
    void keys() throws IOException {
      List<Map<String, String>> rows = cells(writer.write(everyType()));
      assertThat(rows).extracting(row -> row.get(CsvColumns.ANSWER))
          .containsExactly(
              "B", "C;A;B", "false", "Robotics technician|automation engineer|data analyst", "5.5", "C;A;B", "");
      assertThat(rows.get(4)).containsEntry("points", "1.25").containsEntry("tolerance", "0.5");
      assertThat(rows.get(6)).containsEntry("match_a", "Optimises production systems")
          .containsEntry("match_c", "Plans production schedules");
    }

    @Test
    @DisplayName("Numbers are plain, without trailing zeros or exponents")
    void plainNumbers() throws IOException {
      Question numeric = question("n", QuestionType.NUMERIC, "How many?", List.of(),
          new AnswerKey.Numeric(new BigDecimal("1E+3"), new BigDecimal("0.500")));
      assertThat(cells(writer.write(List.of(numeric))).get(0))
          .containsEntry("answer", "1000").containsEntry("tolerance", "0.5").containsEntry("points", "1");
    }

    @Test
    @DisplayName("Streaming to an Appendable writes the same text as the byte array")
    void streaming() throws IOException {
      List<Question> questions = everyType();
      StringBuilder out = new StringBuilder();
      writer.write(questions, out);
      assertThat(out.toString().getBytes(StandardCharsets.UTF_8)).isEqualTo(writer.write(questions));
    }
  }

  @Nested
  @DisplayName("has a reader that takes off the quote put before a formula")
  class ReaderUnescape {
    private static final String HEADER = "id,type,topic,difficulty,points,prompt,answer,tolerance";

    private Question only(String row) {
      List<Question> questions = read((HEADER + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8));
      assertThat(questions).hasSize(1);
      return questions.get(0);
    }

    @Test
    @DisplayName("'=1+1 in a prompt cell reads as =1+1")
    void formulaQuote() {
      assertThat(only("q1,true_false,T,easy,1,'=1+1,true,").prompt()).isEqualTo("=1+1");
    }

    @Test
    @DisplayName("'hello and ''=x keep their quotes, since no formula follows the first one")
    void otherQuotesKept() {
      assertThat(only("q1,true_false,T,easy,1,'hello,true,").prompt()).isEqualTo("'hello");
      assertThat(only("q1,true_false,T,easy,1,''=x,true,").prompt()).isEqualTo("''=x");
    }

    @Test
    @DisplayName("A quoted negative numeric key reads as the number")
    void quotedNumber() {
      assertThat(only("q1,numeric,T,easy,1,How cold?,'-2.5,'+0.5").key())
          .isEqualTo(new AnswerKey.Numeric(new BigDecimal("-2.5"), new BigDecimal("+0.5")));
    }
  }
}
