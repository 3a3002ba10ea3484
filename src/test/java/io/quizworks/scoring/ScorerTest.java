package io.quizworks.scoring;

import static io.quizworks.scoring.Score.Outcome.CORRECT;
import static io.quizworks.scoring.Score.Outcome.INCORRECT;
import static io.quizworks.scoring.Score.Outcome.PARTIAL;
import static io.quizworks.scoring.Score.Outcome.UNANSWERED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quizworks.bank.AnswerKey;
import io.quizworks.bank.Difficulty;
import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionType;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Scoring a response")
class ScorerTest {

  private static Score score(Question question, Response response) {
    return Scorer.score(question, response);
  }

  /** Points are compared with their scale: a score always carries exactly two decimals. */
  private static void assertScore(Score score, String points, Score.Outcome outcome) {
    assertThat(score.points()).as("points").isEqualTo(new BigDecimal(points));
    assertThat(score.outcome()).as("outcome").isEqualTo(outcome);
  }

  private static Response.MultipleResponse picks(String... labels) {
    return new Response.MultipleResponse(List.of(labels));
  }

  private static Response.Ordering order(String... labels) {
    return new Response.Ordering(List.of(labels));
  }

  @Nested
  @DisplayName("any question")
  class AnyQuestion {
    @Test
    @DisplayName("no answer scores 0 of the question's points as unanswered, with the general feedback")
    void unanswered() {
      Score score = score(Questions.singleChoice(), Response.NONE);
      assertScore(score, "0.00", UNANSWERED);
      assertThat(score.max()).isEqualByComparingTo("1");
      assertThat(score.feedback()).isEqualTo(Questions.FEEDBACK);
      assertThat(score.choiceFeedback()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.quizworks.scoring.ScorerTest#everyType")
    @DisplayName("no answer is unanswered for every question type")
    void unansweredEveryType(QuestionType type, Question question, Response right) {
      assertScore(score(question, Response.NONE), "0.00", UNANSWERED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.quizworks.scoring.ScorerTest#everyType")
    @DisplayName("a right answer earns all the points, and the maximum is the question's points")
    void rightAnswerEveryType(QuestionType type, Question question, Response right) {
      Score score = score(question, right);
      assertThat(score.outcome()).isEqualTo(CORRECT);
      assertThat(score.points()).isEqualByComparingTo(question.points());
      assertThat(score.max()).isEqualTo(question.points());
      assertThat(score.feedback()).isEqualTo(Questions.FEEDBACK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.quizworks.scoring.ScorerTest#wrongKinds")
    @DisplayName("an answer of the wrong kind for the question scores 0 as incorrect instead of failing")
    void wrongKind(String description, Question question, Response response) {
      Score score = score(question, response);
      assertScore(score, "0.00", INCORRECT);
      assertThat(score.choiceFeedback()).isEmpty();
      assertThat(score.feedback()).isEqualTo(Questions.FEEDBACK);
    }

    @Test
    @DisplayName("a missing question or response is a programming error, not a zero")
    void nulls() {
      assertThatThrownBy(() -> Scorer.score(null, Response.NONE)).isInstanceOf(NullPointerException.class);
      assertThatThrownBy(() -> Scorer.score(Questions.trueFalse(true), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    @DisplayName("the general feedback comes with every result, right or wrong")
    void generalFeedback() {
      assertThat(score(Questions.trueFalse(true), new Response.TrueFalse(true)).feedback()).isEqualTo(Questions.FEEDBACK);
      assertThat(score(Questions.trueFalse(true), new Response.TrueFalse(false)).feedback()).isEqualTo(Questions.FEEDBACK);
    }

    @Test
    @DisplayName("per-choice feedback is only given for single choice and multiple response questions")
    void noChoiceFeedbackElsewhere() {
      assertThat(score(Questions.ordering("1", "A", "B"), order("A", "B")).choiceFeedback()).isEmpty();
      assertThat(score(Questions.shortAnswer("x"), new Response.ShortAnswer("x")).choiceFeedback()).isEmpty();
    }
  }

  static Stream<Arguments> everyType() {
    return Stream.of(
        Arguments.of(QuestionType.SINGLE_CHOICE, Questions.singleChoice(), new Response.SingleChoice("B")),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, Questions.multipleResponse(), picks("A", "B", "C")),
        Arguments.of(QuestionType.TRUE_FALSE, Questions.trueFalse(false), new Response.TrueFalse(false)),
        Arguments.of(QuestionType.SHORT_ANSWER, Questions.shortAnswer("robotics technician"),
            new Response.ShortAnswer("Robotics technician")),
        Arguments.of(QuestionType.NUMERIC, Questions.numeric("42.5", "0"), new Response.Numeric("42.5")),
        Arguments.of(QuestionType.ORDERING, Questions.ordering("3", "C", "A", "B"), order("C", "A", "B")),
        Arguments.of(QuestionType.MATCHING, Questions.matching("3", 3), new Response.Matching(Map.of(
            "A", Questions.MATCH_TEXTS.get(0), "B", Questions.MATCH_TEXTS.get(1), "C", Questions.MATCH_TEXTS.get(2)))));
  }

  /** Every question type with every kind of response but its own: 7 × 6 cases. */
  static Stream<Arguments> wrongKinds() {
    List<Arguments> types = everyType().toList();
    List<Arguments> cases = new ArrayList<>();
    for (Arguments question : types) {
      for (Arguments response : types) {
        if (question != response) {
          Object type = question.get()[0];
          Response wrong = (Response) response.get()[2];
          cases.add(Arguments.of(type + " answered with " + wrong.getClass().getSimpleName(), question.get()[1], wrong));
        }
      }
    }
    return cases.stream();
  }

  @Nested
  @DisplayName("a single choice question")
  class SingleChoice {
    private final Question question = Questions.singleChoice();

    @Test
    @DisplayName("earns all its points for the right choice, with that choice's feedback")
    void right() {
      Score score = score(question, new Response.SingleChoice("B"));
      assertScore(score, "1.00", CORRECT);
      assertThat(score.choiceFeedback()).containsExactly("Right: engineers bridge design and production.");
    }

    @Test
    @DisplayName("earns nothing for a wrong choice, and explains that choice")
    void wrong() {
      Score score = score(question, new Response.SingleChoice("A"));
      assertScore(score, "0.00", INCORRECT);
      assertThat(score.choiceFeedback()).containsExactly("Managers run day-to-day operations.");
    }

    @Test
    @DisplayName("gives no per-choice feedback for a picked choice that has none")
    void choiceWithoutFeedback() {
      Score score = score(question, new Response.SingleChoice("C"));
      assertScore(score, "0.00", INCORRECT);
      assertThat(score.choiceFeedback()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Z", "b", "B ", "E", "AB"})
    @DisplayName("earns nothing for a label that names no choice, and gives no per-choice feedback")
    void unknownLabel(String label) {
      Score score = score(question, new Response.SingleChoice(label));
      assertScore(score, "0.00", INCORRECT);
      assertThat(score.choiceFeedback()).isEmpty();
    }

    @Test
    @DisplayName("is all or nothing even for a question worth several points")
    void allOrNothing() {
      Question heavy = new Question(question.id(), question.type(), question.prompt(), new BigDecimal("2.5"),
          question.topic(), question.difficulty(), question.choices(), question.key(), "", "");
      assertScore(score(heavy, new Response.SingleChoice("B")), "2.50", CORRECT);
      assertScore(score(heavy, new Response.SingleChoice("D")), "0.00", INCORRECT);
    }
  }

  @Nested
  @DisplayName("a true/false question")
  class TrueFalse {
    @ParameterizedTest(name = "key {0}, answer {1} → {2}")
    @CsvSource({"true, true, CORRECT", "true, false, INCORRECT", "false, false, CORRECT", "false, true, INCORRECT"})
    @DisplayName("is right exactly when the answer equals the key")
    void allOrNothing(boolean key, boolean answer, Score.Outcome outcome) {
      Score score = score(Questions.trueFalse(key), new Response.TrueFalse(answer));
      assertScore(score, outcome == CORRECT ? "1.00" : "0.00", outcome);
      assertThat(score.choiceFeedback()).isEmpty();
    }
  }

  @Nested
  @DisplayName("a multiple response question (A, B, C right, D wrong, 2 points)")
  class MultipleResponse {
    private final Question question = Questions.multipleResponse();

    @ParameterizedTest(name = "picks {0} → {1} points, {2}")
    @CsvSource(delimiter = '|', value = {
        "A,B,C   | 2.00 | CORRECT",
        "C,B,A   | 2.00 | CORRECT",
        "A,B     | 1.33 | PARTIAL",
        "A       | 0.67 | PARTIAL",
        "A,B,D   | 0.67 | PARTIAL",
        "A,B,C,D | 1.33 | PARTIAL",
        "A,D     | 0.00 | INCORRECT",
        "D       | 0.00 | INCORRECT"})
    @DisplayName("earns (right picks − wrong picks) ÷ right options of the points, never less than 0")
    void formula(String labels, String points, Score.Outcome outcome) {
      assertScore(score(question, picks(labels.split(","))), points, outcome);
    }

    @Test
    @DisplayName("picking every choice is not a way to full marks")
    void allChoicesPicked() {
      assertScore(score(question, picks("A", "B", "C", "D")), "1.33", PARTIAL);
      assertScore(score(Questions.multipleResponse("1", 4, 2), picks("A", "B", "C", "D")), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("a wrong pick never costs more than the question is worth")
    void floorAtZero() {
      Question oneRight = Questions.multipleResponse("3", 5, 1);
      assertScore(score(oneRight, picks("B", "C", "D", "E")), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("a choice picked twice counts once, right or wrong")
    void duplicates() {
      assertScore(score(question, picks("A", "A", "B")), "1.33", PARTIAL);
      assertScore(score(question, picks("A", "B", "C", "C")), "2.00", CORRECT);
      assertScore(score(question, picks("A", "B", "D", "D")), "0.67", PARTIAL);
    }

    @Test
    @DisplayName("labels that name no choice neither earn nor cost")
    void unknownLabels() {
      assertScore(score(question, picks("A", "B", "C", "Z")), "2.00", CORRECT);
      assertScore(score(question, picks("A", "E", "a", "")), "0.67", PARTIAL);
      assertScore(score(question, picks("Z")), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("gives the feedback of the picked choices in choice order, skipping choices without feedback")
    void choiceFeedback() {
      Score score = score(question, picks("D", "B", "A", "A", "Z"));
      assertThat(score.choiceFeedback())
          .containsExactly("Robotics is named in the text.", "The text does not mention blockchain.");
    }

    @Test
    @DisplayName("gives no per-choice feedback when the picked choices have none")
    void noChoiceFeedback() {
      assertThat(score(question, picks("B")).choiceFeedback()).isEmpty();
    }

    @ParameterizedTest(name = "{0} points, {1} of {2} right options picked → {3}")
    @CsvSource({
        "1, 1, 3, 0.33",
        "2, 1, 3, 0.67",
        "2, 2, 3, 1.33",
        "1, 2, 3, 0.67",
        "1, 1, 2, 0.50",
        "1, 1, 6, 0.17",
        "1, 5, 6, 0.83",
        "1, 1, 8, 0.13",
        "0.5, 1, 3, 0.17",
        "1000, 1, 3, 333.33",
        "1000, 2, 3, 666.67",
        "1.5, 1, 4, 0.38"})
    @DisplayName("rounds partial credit to 2 decimals, half up, from the exact share")
    void rounding(String points, int picked, int correct, String expected) {
      Question q = Questions.multipleResponse(points, 8, correct);
      String[] labels = new String[picked];
      for (int i = 0; i < picked; i++) {
        labels[i] = String.valueOf((char) ('A' + i));
      }
      assertScore(score(q, picks(labels)), expected, PARTIAL);
    }

    @Test
    @DisplayName("the outcome follows the rounded points, even when rounding reaches the maximum")
    void outcomeFollowsRoundedPoints() {
      // Half of 0.01 points is 0.005, which rounds half up to the whole 0.01.
      assertScore(score(Questions.multipleResponse("0.01", 2, 2), picks("A")), "0.01", CORRECT);
      // A third of 0.01 points rounds to nothing.
      assertScore(score(Questions.multipleResponse("0.01", 3, 3), picks("A")), "0.00", INCORRECT);
    }
  }

  @Nested
  @DisplayName("a short answer question")
  class ShortAnswer {
    private Score answer(String typed, String... accepted) {
      return score(Questions.shortAnswer(accepted), new Response.ShortAnswer(typed));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "robotics technician",
        "Robotics Technician",
        "ROBOTICS TECHNICIAN",
        "  robotics technician  ",
        "\trobotics technician\n",
        "robotics   technician",
        "robotics\ttechnician",
        "robotics\n technician",
        "robotics\u00a0technician",
        "\u3000robotics technician\u3000",
        "robotics technician.",
        "robotics technician,",
        "robotics technician;",
        "robotics technician:",
        "robotics technician!",
        "robotics technician?",
        "robotics technician?!",
        "robotics technician ...",
        "  Robotics  Technician . "})
    @DisplayName("matches whatever the letter case, surrounding or repeated spaces and trailing punctuation")
    void lenientForms(String typed) {
      assertScore(answer(typed, "robotics technician"), "1.00", CORRECT);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "robotics",
        "robotics technicians",
        "roboticstechnician",
        "robotics-technician",
        "robotics, technician",
        ".robotics technician",
        "¿robotics technician",
        "robotics technician x",
        "robotic technician"})
    @DisplayName("does not match other words, missing spaces, or punctuation inside or in front")
    void strictForms(String typed) {
      assertScore(answer(typed, "robotics technician"), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("matches any one of the accepted answers")
    void anyAccepted() {
      String[] accepted = {"robotics technician", "automation engineer", "data analyst"};
      assertScore(answer("Automation engineer", accepted), "1.00", CORRECT);
      assertScore(answer("data analyst.", accepted), "1.00", CORRECT);
      assertScore(answer("factory manager", accepted), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("normalises the accepted answers the same way as the student's")
    void acceptedNormalised() {
      assertScore(answer("data analyst", "  Data   Analyst. "), "1.00", CORRECT);
    }

    @Test
    @DisplayName("is all or nothing, whatever the points")
    void allOrNothing() {
      Question q = new Question("q", QuestionType.SHORT_ANSWER, "p", new BigDecimal("3"), "t",
          Difficulty.EASY, List.of(), new AnswerKey.ShortAnswer(List.of("CNC")),
          "", "");
      assertScore(score(q, new Response.ShortAnswer("cnc")), "3.00", CORRECT);
      assertScore(score(q, new Response.ShortAnswer("CNC machine")), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("matches an accented letter typed as letter + combining accent (NFD) against the single character (NFC)")
    void nfdAgainstNfc() {
      String nfc = "Café";
      String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
      assertThat(nfd).isNotEqualTo(nfc);
      assertScore(answer(nfd, nfc), "1.00", CORRECT);
      assertScore(answer(nfc, nfd), "1.00", CORRECT);
      assertScore(answer(nfd.toUpperCase(Locale.ROOT), nfc), "1.00", CORRECT);
    }

    @Test
    @DisplayName("treats an accent as part of the letter: \"Cafe\" does not match \"Café\"")
    void accentsMatter() {
      assertScore(answer("Cafe", "Café"), "0.00", INCORRECT);
      assertScore(answer("Café", "Cafe"), "0.00", INCORRECT);
      assertScore(answer("CAFÉ", "café"), "1.00", CORRECT);
    }

    @Test
    @DisplayName("folds German ß to ss, so \"Straße\" matches \"STRASSE\" and \"strasse\"")
    void sharpS() {
      assertScore(answer("STRASSE", "Straße"), "1.00", CORRECT);
      assertScore(answer("strasse", "Straße"), "1.00", CORRECT);
      assertScore(answer("Straße", "strasse"), "1.00", CORRECT);
      assertScore(answer("STRAẞE", "straße"), "1.00", CORRECT);
    }

    @ParameterizedTest(name = "\"{0}\" against \"{1}\"")
    @CsvSource({
        "МОСКВА, Москва",
        "αθήνα, ΑΘΉΝΑ",
        "ΟΔΌΣ, οδός",
        "東京, 東京",
        "'東京!', 東京",
        "서울, 서울",
        "القاهرة, القاهرة",
        "दिल्ली, दिल्ली",
        "Ärztin, ärztin",
        "ÉCOLE, école"})
    @DisplayName("matches answers in non-Latin scripts and accented Latin, case-insensitively where the script has case")
    void otherScripts(String typed, String accepted) {
      assertScore(answer(typed, accepted), "1.00", CORRECT);
    }

    @Test
    @DisplayName("matches Korean typed as separate jamo (NFD) against composed syllables")
    void hangulJamo() {
      String composed = "서울";
      String jamo = Normalizer.normalize(composed, Normalizer.Form.NFD);
      assertThat(jamo).hasSizeGreaterThan(composed.length());
      assertScore(answer(jamo, composed), "1.00", CORRECT);
    }

    @Test
    @DisplayName("does not match a different word in another script")
    void otherScriptsWrong() {
      assertScore(answer("京都", "東京"), "0.00", INCORRECT);
      assertScore(answer("Москва", "Moskva"), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("an answer made only of punctuation matches nothing")
    void onlyPunctuation() {
      assertScore(answer("?!", "robotics technician"), "0.00", INCORRECT);
    }
  }

  @Nested
  @DisplayName("a numeric question")
  class Numeric {
    private Score answer(String typed, String value, String tolerance) {
      return score(Questions.numeric(value, tolerance), new Response.Numeric(typed));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"9.5", "10.5", "10", "9.75", "10.4999", "9,5", "10,5", " 10 ", "+10", "+9.5", "010",
        "10.", "10.0000", "\u00a010.5\u00a0"})
    @DisplayName("counts anything from value − tolerance to value + tolerance, both ends included (10 ± 0.5)")
    void withinTolerance(String typed) {
      assertScore(answer(typed, "10", "0.5"), "1.00", CORRECT);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"9.4999", "10.5001", "9,4999", "-10", "0", "11", "1000"})
    @DisplayName("does not count a number even 0.0001 outside the tolerance (10 ± 0.5)")
    void outsideTolerance(String typed) {
      assertScore(answer(typed, "10", "0.5"), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("with no tolerance, counts only the exact number, however many zeros it is written with")
    void exact() {
      assertScore(answer("5", "5", "0"), "1.00", CORRECT);
      assertScore(answer("5.0", "5", "0"), "1.00", CORRECT);
      assertScore(answer("5.000", "5.00", "0"), "1.00", CORRECT);
      assertScore(answer("5.0001", "5", "0"), "0.00", INCORRECT);
      assertScore(answer("4.9999", "5", "0"), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("compares exactly, without floating-point error")
    void exactArithmetic() {
      assertScore(answer("0.3", "0.3", "0"), "1.00", CORRECT);
      assertScore(answer("0.30000000000000004", "0.3", "0"), "0.00", INCORRECT);
      assertScore(answer("0.1000000000000000000001", "0.1", "0"), "0.00", INCORRECT);
      assertScore(answer("0.1000000000000000000001", "0.1", "0.0000000000000000000001"), "1.00", CORRECT);
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource({
        "-3.5, CORRECT", "-3.6, CORRECT", "-3.4, CORRECT", "'-3,6', CORRECT", "' -3.45 ', CORRECT",
        "-3.6001, INCORRECT", "-3.3999, INCORRECT", "3.5, INCORRECT", "+3.5, INCORRECT"})
    @DisplayName("handles negative answers and their tolerance boundaries (−3.5 ± 0.1)")
    void negative(String typed, Score.Outcome outcome) {
      assertScore(answer(typed, "-3.5", "0.1"), outcome == CORRECT ? "1.00" : "0.00", outcome);
    }

    @Test
    @DisplayName("reads a decimal comma when there is no point")
    void decimalComma() {
      assertScore(answer("2,5", "2.5", "0"), "1.00", CORRECT);
      assertScore(answer(",5", "0.5", "0"), "1.00", CORRECT);
      assertScore(answer("-0,25", "-0.25", "0"), "1.00", CORRECT);
    }

    @Test
    @DisplayName("reads \"1,500\" as one and a half, since a comma without a point is a decimal comma")
    void commaIsNeverThousands() {
      assertScore(answer("1,500", "1.5", "0"), "1.00", CORRECT);
      assertScore(answer("1,500", "1500", "0"), "0.00", INCORRECT);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"abc", "2.5 m", "2.5m", "1e1", "1E1", "1,000.5", "1.000,5", "2,5,0", "1 0", "--10", "+-10",
        "-+10", "++10", "10-", "½", "ten", ".", ",", "+", "-", "0x10", "١٠", "１０", "Infinity", "NaN", "10 ± 0"})
    @DisplayName("scores unreadable text 0 as incorrect rather than guessing what was meant")
    void unparseable(String typed) {
      assertScore(answer(typed, "10", "1000"), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("accepts a large tolerance and a large number without losing precision")
    void largeNumbers() {
      assertScore(answer("123456789012345678901234567890", "123456789012345678901234567890", "0"), "1.00", CORRECT);
      assertScore(answer("123456789012345678901234567891", "123456789012345678901234567890", "0"), "0.00", INCORRECT);
    }
  }

  @Nested
  @DisplayName("an ordering question")
  class Ordering {
    private final Question fourItems = Questions.ordering("2", "A", "B", "C", "D");

    @ParameterizedTest(name = "{0} → {1}, {2}")
    @CsvSource(delimiter = '|', value = {
        "A,B,C,D | 2.00 | CORRECT",
        "B,A,C,D | 1.00 | PARTIAL",
        "A,C,B,D | 1.00 | PARTIAL",
        "A,B,D,C | 1.00 | PARTIAL",
        "D,C,B,A | 0.00 | INCORRECT",
        "B,C,D,A | 0.00 | INCORRECT",
        "D,B,C,A | 1.00 | PARTIAL",
        "A,B,C   | 1.50 | PARTIAL",
        "B,C,D   | 0.00 | INCORRECT",
        "A       | 0.50 | PARTIAL",
        "A,A,C,D | 1.50 | PARTIAL",
        "A,A,A,A | 0.50 | PARTIAL",
        "A,B,C,Z | 1.50 | PARTIAL"})
    @DisplayName("earns the share of items in their correct position (A, B, C, D; 2 points)")
    void positions(String labels, String points, Score.Outcome outcome) {
      assertScore(score(fourItems, order(labels.split(","))), points, outcome);
    }

    @Test
    @DisplayName("fully reversed, an odd number of items keeps only the middle one in place")
    void reversedOdd() {
      Question three = Questions.ordering("3", "A", "B", "C");
      assertScore(score(three, order("C", "B", "A")), "1.00", PARTIAL);
      Question five = Questions.ordering("1", "A", "B", "C", "D", "E");
      assertScore(score(five, order("E", "D", "C", "B", "A")), "0.20", PARTIAL);
    }

    @Test
    @DisplayName("compares against the key's order, not the order of the choice letters")
    void keyOrder() {
      Question q = Questions.ordering("3", "C", "A", "B");
      assertScore(score(q, order("C", "A", "B")), "3.00", CORRECT);
      assertScore(score(q, order("A", "B", "C")), "0.00", INCORRECT);
      assertScore(score(q, order("C", "B", "A")), "1.00", PARTIAL);
    }

    @Test
    @DisplayName("ignores entries beyond the number of items")
    void tooLong() {
      assertScore(score(fourItems, order("A", "B", "C", "D", "A")), "2.00", CORRECT);
    }

    @Test
    @DisplayName("rounds a third of 2 points to 0.67")
    void rounding() {
      Question three = Questions.ordering("2", "A", "B", "C");
      assertScore(score(three, order("A", "C", "B")), "0.67", PARTIAL);
      assertScore(score(three, order("C", "B", "A")), "0.67", PARTIAL);
    }
  }

  @Nested
  @DisplayName("a matching question")
  class Matching {
    private final Question fourItems = Questions.matching("3", 4);
    private final List<String> texts = Questions.MATCH_TEXTS;

    @Test
    @DisplayName("earns all the points when every item is paired with its own text")
    void all() {
      Response all = new Response.Matching(Map.of("A", texts.get(0), "B", texts.get(1), "C", texts.get(2),
          "D", texts.get(3)));
      assertScore(score(fourItems, all), "3.00", CORRECT);
    }

    @Test
    @DisplayName("earns half the points when half the items are paired right")
    void half() {
      Response half = new Response.Matching(Map.of("A", texts.get(0), "B", texts.get(1), "C", texts.get(3),
          "D", texts.get(2)));
      assertScore(score(fourItems, half), "1.50", PARTIAL);
    }

    @Test
    @DisplayName("earns nothing when no item is paired right")
    void none() {
      Response none = new Response.Matching(Map.of("A", texts.get(1), "B", texts.get(0), "C", texts.get(3),
          "D", texts.get(2)));
      assertScore(score(fourItems, none), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("counts items left unpaired as not matched")
    void partlyPaired() {
      assertScore(score(fourItems, new Response.Matching(Map.of("A", texts.get(0)))), "0.75", PARTIAL);
      assertScore(score(fourItems, new Response.Matching(Map.of("A", texts.get(1)))), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("giving every item the same text earns only the one item it belongs to")
    void sameTextEverywhere() {
      Response same = new Response.Matching(Map.of("A", texts.get(2), "B", texts.get(2), "C", texts.get(2),
          "D", texts.get(2)));
      assertScore(score(fourItems, same), "0.75", PARTIAL);
    }

    @Test
    @DisplayName("compares texts exactly: another case or extra spaces is another text")
    void exactTexts() {
      Response lower = new Response.Matching(Map.of("A", texts.get(0).toLowerCase(Locale.ROOT),
          "B", texts.get(1) + " "));
      assertScore(score(fourItems, lower), "0.00", INCORRECT);
    }

    @Test
    @DisplayName("ignores pairs for items the question does not have")
    void unknownItems() {
      Response extra = new Response.Matching(Map.of("A", texts.get(0), "Z", texts.get(1)));
      assertScore(score(fourItems, extra), "0.75", PARTIAL);
    }

    @Test
    @DisplayName("rounds one of three pairs on a 2-point question to 0.67")
    void rounding() {
      Question three = Questions.matching("2", 3);
      assertScore(score(three, new Response.Matching(Map.of("A", texts.get(0)))), "0.67", PARTIAL);
      assertScore(score(three, new Response.Matching(Map.of("A", texts.get(0), "B", texts.get(1)))), "1.33", PARTIAL);
    }
  }
}
