package io.quizworks.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.quizworks.bank.AnswerKey;
import io.quizworks.bank.Choice;
import io.quizworks.bank.Difficulty;
import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Responses rows and answers in words")
class ResponsesRowsTest {
  private static final List<Choice> ROLES = List.of(new Choice("A", "Manufacturing engineer", ""),
      new Choice("B", "Production worker", ""), new Choice("C", "Factory manager", ""));

  private static Question question(String id, QuestionType type, String prompt, List<Choice> choices, AnswerKey key) {
    return new Question(id, type, prompt, new BigDecimal("2"), "Roles", Difficulty.EASY, choices, key, "", "");
  }

  private static final Question SINGLE = question("q-1", QuestionType.SINGLE_CHOICE,
      "According to the passage, manufacturing engineers bridge the gap between which two things?", ROLES,
      new AnswerKey.SingleChoice("A"));
  private static final Question MULTIPLE = question("q-2", QuestionType.MULTIPLE_RESPONSE, "Pick", ROLES,
      new AnswerKey.MultipleResponse(Set.of("A", "B")));
  private static final Question TRUE_FALSE = question("q-3", QuestionType.TRUE_FALSE, "True?", List.of(),
      new AnswerKey.TrueFalse(true));
  private static final Question SHORT = question("q-4", QuestionType.SHORT_ANSWER, "Name it", List.of(),
      new AnswerKey.ShortAnswer(List.of("goggles")));
  private static final Question NUMERIC = question("q-5", QuestionType.NUMERIC, "How many?", List.of(),
      new AnswerKey.Numeric(new BigDecimal("5"), BigDecimal.ZERO));
  private static final Question ORDERING = question("q-6", QuestionType.ORDERING, "Order", ROLES,
      new AnswerKey.Ordering(List.of("A", "B", "C")));
  private static final Question MATCHING;

  static {
    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put("A", "Designs");
    pairs.put("B", "Builds");
    pairs.put("C", "Plans");
    MATCHING = question("q-7", QuestionType.MATCHING, "Match", ROLES, new AnswerKey.Matching(pairs));
  }

  @Test
  @DisplayName("every answer shape reads in words, choices by their text")
  void describes() {
    assertThat(ResponseText.describe(SINGLE, new JsonObject().put("choice", "B"))).isEqualTo("Production worker");
    assertThat(ResponseText.describe(MULTIPLE, new JsonObject().put("choices", new JsonArray().add("B").add("A"))))
        .isEqualTo("Production worker; Manufacturing engineer");
    assertThat(ResponseText.describe(TRUE_FALSE, new JsonObject().put("value", false))).isEqualTo("False");
    assertThat(ResponseText.describe(SHORT, new JsonObject().put("text", "=1+2"))).isEqualTo("=1+2");
    assertThat(ResponseText.describe(NUMERIC, new JsonObject().put("number", "-2,5"))).isEqualTo("-2,5");
    assertThat(ResponseText.describe(ORDERING, new JsonObject().put("order", new JsonArray().add("C").add("A").add("B"))))
        .isEqualTo("Factory manager → Manufacturing engineer → Production worker");
    assertThat(ResponseText.describe(MATCHING, new JsonObject().put("pairs", new JsonObject().put("A", "Plans"))))
        .isEqualTo("Manufacturing engineer ↔ Plans");
  }

  @Test
  @DisplayName("no answer, an empty answer or one that no longer fits the question reads \"No answer\"")
  void noAnswer() {
    assertThat(ResponseText.describe(SINGLE, null)).isEqualTo("No answer");
    assertThat(ResponseText.describe(SINGLE, new JsonObject())).isEqualTo("No answer");
    assertThat(ResponseText.describe(SINGLE, new JsonObject().put("text", "wrong shape"))).isEqualTo("No answer");
    assertThat(ResponseText.describe(SINGLE, new JsonObject().put("choice", "Z"))).isEqualTo("No answer");
  }

  @Test
  @DisplayName("a prompt becomes one line of about 40 characters, cut at a word")
  void shortPrompt() {
    assertThat(ResponsesRows.shortPrompt("Match each role to its work.")).isEqualTo("Match each role to its work.");
    assertThat(ResponsesRows.shortPrompt(SINGLE.prompt())).isEqualTo("According to the passage, manufacturing…");
    assertThat(ResponsesRows.shortPrompt("A sheet is 2.5 mm thick.\nHow thick are two sheets, in mm?"))
        .isEqualTo("A sheet is 2.5 mm thick. How thick are…");
    assertThat(ResponsesRows.shortPrompt("x".repeat(60))).isEqualTo("x".repeat(40) + "…");
  }

  @Test
  @DisplayName("header: student columns, then per question its id and short prompt, and its points")
  void header() {
    List<ResponsesRows.QuestionColumn> questions = List.of(new ResponsesRows.QuestionColumn(11, "q-1", SINGLE),
        new ResponsesRows.QuestionColumn(14, "bank/q-4", SHORT));
    assertThat(ResponsesRows.header(questions, SpreadsheetFormat.PLAIN)).isEqualTo("Student,Student ID,Attempt,Score,"
        + "Max,\"q-1: According to the passage, manufacturing…\",q-1 points,bank/q-4: Name it,bank/q-4 points\n");
  }

  @Test
  @DisplayName("a row: the answer in words and its points; not drawn is blank; drawn but unanswered is 0")
  void row() {
    List<ResponsesRows.QuestionColumn> questions = List.of(new ResponsesRows.QuestionColumn(11, "q-1", SINGLE),
        new ResponsesRows.QuestionColumn(14, "q-4", SHORT), new ResponsesRows.QuestionColumn(15, "q-5", NUMERIC),
        new ResponsesRows.QuestionColumn(16, "q-6", ORDERING));
    JsonObject responses = new JsonObject()
        .put("11", new JsonObject().put("answer", new JsonObject().put("choice", "A")).put("points", "2.00"))
        .put("14", new JsonObject().put("answer", new JsonObject().put("text", "@admin")).put("points", "0.00"))
        .put("15", new JsonObject().putNull("answer").putNull("points"));
    ResponsesRows.Student student = new ResponsesRows.Student("Ortiz, Ana", "1001", 2, new BigDecimal("2.00"),
        new BigDecimal("6.00"), responses);
    assertThat(ResponsesRows.row(questions, student, SpreadsheetFormat.EXCEL_EUROPE))
        .isEqualTo("Ortiz, Ana;1001;2;2;6;Manufacturing engineer;2;'@admin;0;No answer;0;;\r\n");
    ResponsesRows.Student none = new ResponsesRows.Student("Zoë", null, null, null, null, null);
    assertThat(ResponsesRows.row(questions, none, SpreadsheetFormat.PLAIN)).isEqualTo("Zoë,,,,,,,,,,,,\n");
  }
}
