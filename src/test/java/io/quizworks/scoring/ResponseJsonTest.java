package io.quizworks.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quizworks.bank.AnswerKey;
import io.quizworks.bank.Question;
import io.quizworks.bank.QuestionType;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Reading and writing a saved answer as JSON")
class ResponseJsonTest {
  private static final Question SINGLE = Questions.singleChoice();
  private static final Question MULTIPLE = Questions.multipleResponse();
  private static final Question TRUE_FALSE = Questions.trueFalse(true);
  private static final Question SHORT = Questions.shortAnswer("robotics technician");
  private static final Question NUMERIC = Questions.numeric("2.5", "0");
  private static final Question ORDERING = Questions.ordering("3", "C", "A", "B");
  private static final Question MATCHING = Questions.matching("3", 3);

  static Question questionOf(QuestionType type) {
    return switch (type) {
      case SINGLE_CHOICE -> SINGLE;
      case MULTIPLE_RESPONSE -> MULTIPLE;
      case TRUE_FALSE -> TRUE_FALSE;
      case SHORT_ANSWER -> SHORT;
      case NUMERIC -> NUMERIC;
      case ORDERING -> ORDERING;
      case MATCHING -> MATCHING;
    };
  }

  /** Decoded from text, as the server receives it from the browser. */
  private static Response parse(Question question, String json) {
    return ResponseJson.parse(question, new JsonObject(json));
  }

  @Nested
  @DisplayName("reads each kind of answer as sent")
  class Reads {
    @Test
    @DisplayName("a single choice: {\"choice\": \"B\"}")
    void singleChoice() {
      assertThat(parse(SINGLE, "{\"choice\":\"B\"}")).isEqualTo(new Response.SingleChoice("B"));
      assertThat(parse(SINGLE, "{\"choice\":\"D\"}")).isEqualTo(new Response.SingleChoice("D"));
    }

    @Test
    @DisplayName("multiple choices, in the order picked and with any repeats, for the scorer to judge")
    void multipleResponse() {
      assertThat(parse(MULTIPLE, "{\"choices\":[\"A\",\"C\"]}")).isEqualTo(new Response.MultipleResponse(List.of("A", "C")));
      assertThat(parse(MULTIPLE, "{\"choices\":[\"C\",\"A\",\"A\"]}"))
          .isEqualTo(new Response.MultipleResponse(List.of("C", "A", "A")));
      assertThat(parse(MULTIPLE, "{\"choices\":[\"A\",\"B\",\"C\",\"D\"]}"))
          .isEqualTo(new Response.MultipleResponse(List.of("A", "B", "C", "D")));
    }

    @Test
    @DisplayName("true or false: {\"value\": true}")
    void trueFalse() {
      assertThat(parse(TRUE_FALSE, "{\"value\":true}")).isEqualTo(new Response.TrueFalse(true));
      assertThat(parse(TRUE_FALSE, "{\"value\":false}")).isEqualTo(new Response.TrueFalse(false));
    }

    @Test
    @DisplayName("a short answer exactly as typed, spaces and accents untouched")
    void shortAnswer() {
      String nfd = Normalizer.normalize("  Café technicien. ", Normalizer.Form.NFD);
      assertThat(parse(SHORT, new JsonObject().put("text", nfd).encode())).isEqualTo(new Response.ShortAnswer(nfd));
      assertThat(parse(SHORT, "{\"text\":\"東京\"}")).isEqualTo(new Response.ShortAnswer("東京"));
    }

    @Test
    @DisplayName("a number exactly as typed, even when it is not a number, since scoring decides what it is worth")
    void numeric() {
      assertThat(parse(NUMERIC, "{\"number\":\"2.5\"}")).isEqualTo(new Response.Numeric("2.5"));
      assertThat(parse(NUMERIC, "{\"number\":\" 2,5 \"}")).isEqualTo(new Response.Numeric(" 2,5 "));
      assertThat(parse(NUMERIC, "{\"number\":\"about three\"}")).isEqualTo(new Response.Numeric("about three"));
    }

    @Test
    @DisplayName("an order, complete or not, with repeats kept for the scorer")
    void ordering() {
      assertThat(parse(ORDERING, "{\"order\":[\"C\",\"A\",\"B\"]}")).isEqualTo(new Response.Ordering(List.of("C", "A", "B")));
      assertThat(parse(ORDERING, "{\"order\":[\"B\"]}")).isEqualTo(new Response.Ordering(List.of("B")));
      assertThat(parse(ORDERING, "{\"order\":[\"A\",\"A\",\"A\"]}")).isEqualTo(new Response.Ordering(List.of("A", "A", "A")));
    }

    @Test
    @DisplayName("matching pairs in the order sent, the same text allowed for several items")
    void matching() {
      Response response = parse(MATCHING,
          "{\"pairs\":{\"B\":\"Operates machinery\",\"A\":\"Operates machinery\",\"C\":\"Plans production schedules\"}}");
      assertThat(response).isInstanceOf(Response.Matching.class);
      assertThat(((Response.Matching) response).pairs()).containsExactly(
          Map.entry("B", "Operates machinery"), Map.entry("A", "Operates machinery"),
          Map.entry("C", "Plans production schedules"));
    }

    @Test
    @DisplayName("matching pairs left empty in the form are simply not paired")
    void matchingWithGaps() {
      assertThat(parse(MATCHING, "{\"pairs\":{\"A\":\"Operates machinery\",\"B\":\"\",\"C\":null}}"))
          .isEqualTo(new Response.Matching(Map.of("A", "Operates machinery")));
    }

    @Test
    @DisplayName("an object built in code with plain lists and maps, as well as one decoded from text")
    void plainCollections() {
      assertThat(ResponseJson.parse(MULTIPLE, new JsonObject().put("choices", List.of("A", "B"))))
          .isEqualTo(new Response.MultipleResponse(List.of("A", "B")));
      assertThat(ResponseJson.parse(ORDERING, new JsonObject(Map.of("order", List.of("C")))))
          .isEqualTo(new Response.Ordering(List.of("C")));
      assertThatThrownBy(() -> ResponseJson.parse(MATCHING, new JsonObject().put("pairs", Map.of("A", "Analyses data"))))
          .isInstanceOf(InvalidResponseException.class);
      assertThat(ResponseJson.parse(MATCHING, new JsonObject().put("pairs", Map.of("A", "Operates machinery"))))
          .isEqualTo(new Response.Matching(Map.of("A", "Operates machinery")));
    }
  }

  @Nested
  @DisplayName("reads a cleared answer as no answer")
  class Cleared {
    @ParameterizedTest(name = "{0}")
    @EnumSource(QuestionType.class)
    @DisplayName("no JSON at all, for every question type")
    void nullJson(QuestionType type) {
      assertThat(ResponseJson.parse(questionOf(type), null)).isEqualTo(Response.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(QuestionType.class)
    @DisplayName("an empty object, for every question type")
    void emptyObject(QuestionType type) {
      assertThat(parse(questionOf(type), "{}")).isEqualTo(Response.NONE);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.quizworks.scoring.ResponseJsonTest#clearedShapes")
    @DisplayName("a null value, an empty list, empty or blank text, or no pairs")
    void clearedShapes(QuestionType type, String json) {
      assertThat(parse(questionOf(type), json)).isEqualTo(Response.NONE);
    }
  }

  static Stream<Arguments> clearedShapes() {
    return Stream.of(
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choice\":null}"),
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choice\":\"\"}"),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choices\":null}"),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choices\":[]}"),
        Arguments.of(QuestionType.TRUE_FALSE, "{\"value\":null}"),
        Arguments.of(QuestionType.SHORT_ANSWER, "{\"text\":null}"),
        Arguments.of(QuestionType.SHORT_ANSWER, "{\"text\":\"\"}"),
        Arguments.of(QuestionType.SHORT_ANSWER, "{\"text\":\"   \"}"),
        Arguments.of(QuestionType.SHORT_ANSWER, "{\"text\":\"\\t\\n\\u00a0\\u3000\"}"),
        Arguments.of(QuestionType.NUMERIC, "{\"number\":null}"),
        Arguments.of(QuestionType.NUMERIC, "{\"number\":\"\"}"),
        Arguments.of(QuestionType.NUMERIC, "{\"number\":\" \"}"),
        Arguments.of(QuestionType.ORDERING, "{\"order\":null}"),
        Arguments.of(QuestionType.ORDERING, "{\"order\":[]}"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":null}"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":{}}"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":{\"A\":\"\"}}"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":{\"A\":null,\"B\":\"\"}}"));
  }

  @Nested
  @DisplayName("refuses a malformed answer with a message a teacher can read")
  class Refuses {
    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("io.quizworks.scoring.ResponseJsonTest#malformed")
    @DisplayName("wrong JSON types, unknown fields, unknown letters or texts, and too many entries")
    void malformed(QuestionType type, String json, String message) {
      assertThatThrownBy(() -> parse(questionOf(type), json))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessage(message);
    }

    @Test
    @DisplayName("names the choices there are: \"choice 'Z' is not one of A–D\"")
    void exampleMessage() {
      assertThatThrownBy(() -> parse(SINGLE, "{\"choice\":\"Z\"}"))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessage("choice 'Z' is not one of A–D");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = QuestionType.class, names = {"SHORT_ANSWER", "NUMERIC"})
    @DisplayName("accepts typed text up to 2,000 characters and refuses one character more")
    void textLength(QuestionType type) {
      Question question = questionOf(type);
      String field = type == QuestionType.SHORT_ANSWER ? "text" : "number";
      String limit = "x".repeat(ResponseJson.MAX_TEXT_LENGTH);
      assertThat(ResponseJson.parse(question, new JsonObject().put(field, limit))).isNotEqualTo(Response.NONE);
      assertThatThrownBy(() -> ResponseJson.parse(question, new JsonObject().put(field, limit + "x")))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessage("the answer is 2,001 characters long; at most 2,000 are kept");
    }

    @Test
    @DisplayName("counts characters as people do: an emoji or rare CJK character is one character")
    void textLengthInCharacters() {
      String emoji = "😀".repeat(ResponseJson.MAX_TEXT_LENGTH);
      assertThat(emoji.length()).isEqualTo(2 * ResponseJson.MAX_TEXT_LENGTH);
      assertThat(ResponseJson.parse(SHORT, new JsonObject().put("text", emoji))).isEqualTo(new Response.ShortAnswer(emoji));
      assertThatThrownBy(() -> ResponseJson.parse(SHORT, new JsonObject().put("text", emoji + "𠀀")))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageStartingWith("the answer is 2,001 characters long");
    }

    @Test
    @DisplayName("quotes a long unknown value shortened and on one line, so the message stays readable")
    void longValueShortened() {
      String label = "Z".repeat(500) + "\n";
      assertThatThrownBy(() -> ResponseJson.parse(SINGLE, new JsonObject().put("choice", label)))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessage("choice '" + "Z".repeat(39) + "…' is not one of A–D");
      assertThatThrownBy(() -> ResponseJson.parse(MATCHING, new JsonObject().put("pairs", Map.of("A", "Plans\nproduction"))))
          .hasMessage("'Plans production' (for item A) is not one of the texts to match with");
    }

    @Test
    @DisplayName("a matching question stored without its pairs is a bank error, not the student's")
    void matchingWithoutKey() {
      Question broken = Questions.question(QuestionType.MATCHING, "1", MATCHING.choices(), new AnswerKey.TrueFalse(true));
      assertThatThrownBy(() -> parse(broken, "{\"pairs\":{\"A\":\"Operates machinery\"}}"))
          .isInstanceOf(IllegalArgumentException.class)
          .isNotInstanceOf(InvalidResponseException.class);
    }

    @Test
    @DisplayName("a missing question is a programming error")
    void nullQuestion() {
      assertThatThrownBy(() -> ResponseJson.parse(null, new JsonObject())).isInstanceOf(NullPointerException.class);
    }
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        // single choice
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choice\":2}",
            "'choice' must be a choice letter such as \"A\", but it is a number"),
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choice\":true}",
            "'choice' must be a choice letter such as \"A\", but it is true/false"),
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choice\":[\"A\"]}",
            "'choice' must be a choice letter such as \"A\", but it is a list"),
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choice\":{\"label\":\"A\"}}",
            "'choice' must be a choice letter such as \"A\", but it is an object"),
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choice\":\"E\"}", "choice 'E' is not one of A–D"),
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choice\":\"b\"}", "choice 'b' is not one of A–D"),
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choice\":\" \"}", "choice ' ' is not one of A–D"),
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choices\":[\"A\"]}",
            "unexpected field 'choices': the answer to a single choice question has only 'choice'"),
        Arguments.of(QuestionType.SINGLE_CHOICE, "{\"choice\":\"A\",\"text\":\"A\"}",
            "unexpected field 'text': the answer to a single choice question has only 'choice'"),
        // multiple response
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choices\":\"A\"}",
            "'choices' must be a list of choice letters, such as [\"A\", \"C\"], but it is text"),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choices\":{\"A\":true}}",
            "'choices' must be a list of choice letters, such as [\"A\", \"C\"], but it is an object"),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choices\":[1]}",
            "entry 1 of 'choices' must be a choice letter, but it is a number"),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choices\":[\"A\",null]}",
            "entry 2 of 'choices' must be a choice letter, but it is empty (null)"),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choices\":[\"A\",[\"B\"]]}",
            "entry 2 of 'choices' must be a choice letter, but it is a list"),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choices\":[\"A\",\"Z\"]}", "choice 'Z' is not one of A–D"),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choices\":[\"A\",\"\"]}", "choice '' is not one of A–D"),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choices\":[\"A\",\"B\",\"C\",\"D\",\"A\"]}",
            "5 choices were picked, but the question has only 4 (A–D)"),
        Arguments.of(QuestionType.MULTIPLE_RESPONSE, "{\"choice\":\"A\"}",
            "unexpected field 'choice': the answer to a multiple response question has only 'choices'"),
        // true/false
        Arguments.of(QuestionType.TRUE_FALSE, "{\"value\":\"true\"}", "'value' must be true or false, but it is text"),
        Arguments.of(QuestionType.TRUE_FALSE, "{\"value\":1}", "'value' must be true or false, but it is a number"),
        Arguments.of(QuestionType.TRUE_FALSE, "{\"value\":[true]}", "'value' must be true or false, but it is a list"),
        Arguments.of(QuestionType.TRUE_FALSE, "{\"answer\":true}",
            "unexpected field 'answer': the answer to a true/false question has only 'value'"),
        // short answer
        Arguments.of(QuestionType.SHORT_ANSWER, "{\"text\":42}", "'text' must be the answer as text, but it is a number"),
        Arguments.of(QuestionType.SHORT_ANSWER, "{\"text\":[\"a\"]}", "'text' must be the answer as text, but it is a list"),
        Arguments.of(QuestionType.SHORT_ANSWER, "{\"text\":false}",
            "'text' must be the answer as text, but it is true/false"),
        Arguments.of(QuestionType.SHORT_ANSWER, "{\"number\":\"2\"}",
            "unexpected field 'number': the answer to a short answer question has only 'text'"),
        // numeric
        Arguments.of(QuestionType.NUMERIC, "{\"number\":2.5}",
            "'number' must be the number as typed, in quotes (\"2.5\"), but it is a number"),
        Arguments.of(QuestionType.NUMERIC, "{\"number\":{\"value\":\"2.5\"}}",
            "'number' must be the number as typed, in quotes (\"2.5\"), but it is an object"),
        Arguments.of(QuestionType.NUMERIC, "{\"text\":\"2.5\"}",
            "unexpected field 'text': the answer to a numeric question has only 'number'"),
        // ordering
        Arguments.of(QuestionType.ORDERING, "{\"order\":\"CAB\"}",
            "'order' must be a list of item letters, such as [\"A\", \"C\"], but it is text"),
        Arguments.of(QuestionType.ORDERING, "{\"order\":[\"C\",3]}",
            "entry 2 of 'order' must be an item letter, but it is a number"),
        Arguments.of(QuestionType.ORDERING, "{\"order\":[\"C\",\"Z\"]}", "item 'Z' is not one of A–C"),
        Arguments.of(QuestionType.ORDERING, "{\"order\":[\"C\",\"A\",\"B\",\"A\"]}",
            "4 items were sent, but the question has only 3 (A–C)"),
        Arguments.of(QuestionType.ORDERING, "{\"choices\":[\"C\"]}",
            "unexpected field 'choices': the answer to an ordering question has only 'order'"),
        // matching
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":[\"Operates machinery\"]}",
            "'pairs' must pair item letters with texts, such as {\"A\": \"…\"}, but it is a list"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":\"A\"}",
            "'pairs' must pair item letters with texts, such as {\"A\": \"…\"}, but it is text"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":{\"Z\":\"Operates machinery\"}}", "item 'Z' is not one of A–C"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":{\"A\":\"Drives trucks\"}}",
            "'Drives trucks' (for item A) is not one of the texts to match with"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":{\"A\":\"operates machinery\"}}",
            "'operates machinery' (for item A) is not one of the texts to match with"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":{\"A\":\"Analyses data\"}}",
            "'Analyses data' (for item A) is not one of the texts to match with"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":{\"A\":5}}",
            "the match for item A must be one of the texts to match with, but it is a number"),
        Arguments.of(QuestionType.MATCHING, "{\"pairs\":{\"A\":[\"Operates machinery\"]}}",
            "the match for item A must be one of the texts to match with, but it is a list"),
        Arguments.of(QuestionType.MATCHING,
            "{\"pairs\":{\"A\":\"Operates machinery\",\"B\":\"\",\"C\":\"\",\"D\":\"\"}}",
            "4 items were paired, but the question has only 3 (A–C)"),
        Arguments.of(QuestionType.MATCHING, "{\"order\":[\"A\"]}",
            "unexpected field 'order': the answer to a matching question has only 'pairs'"));
  }

  @Nested
  @DisplayName("writes an answer so that reading it back gives the same answer")
  class RoundTrip {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.quizworks.scoring.ResponseJsonTest#everyKind")
    @DisplayName("for every kind of answer, through the stored text and back")
    void roundTrip(String description, Question question, Response response, String json) {
      JsonObject written = ResponseJson.toJson(response);
      assertThat(written.encode()).isEqualTo(json);
      assertThat(ResponseJson.parse(question, written)).isEqualTo(response);
      assertThat(ResponseJson.parse(question, new JsonObject(written.encode()))).isEqualTo(response);
    }

    @Test
    @DisplayName("the written JSON is a copy: changing it leaves the answer alone")
    void independentCopy() {
      Response.MultipleResponse response = new Response.MultipleResponse(List.of("A"));
      ResponseJson.toJson(response).getJsonArray("choices").add("B");
      assertThat(response.labels()).containsExactly("A");
    }
  }

  static Stream<Arguments> everyKind() {
    String nfd = Normalizer.normalize("Café", Normalizer.Form.NFD);
    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put("C", "Plans production schedules");
    pairs.put("A", "Operates machinery");
    return Stream.of(
        Arguments.of("no answer", SINGLE, Response.NONE, "{}"),
        Arguments.of("single choice", SINGLE, new Response.SingleChoice("C"), "{\"choice\":\"C\"}"),
        Arguments.of("multiple response with a repeat", MULTIPLE, new Response.MultipleResponse(List.of("D", "A", "D")),
            "{\"choices\":[\"D\",\"A\",\"D\"]}"),
        Arguments.of("true", TRUE_FALSE, new Response.TrueFalse(true), "{\"value\":true}"),
        Arguments.of("false", TRUE_FALSE, new Response.TrueFalse(false), "{\"value\":false}"),
        Arguments.of("short answer with spaces and punctuation", SHORT, new Response.ShortAnswer("  Robotics technician! "),
            "{\"text\":\"  Robotics technician! \"}"),
        Arguments.of("short answer in NFD, kept decomposed", SHORT, new Response.ShortAnswer(nfd),
            new JsonObject().put("text", nfd).encode()),
        Arguments.of("short answer in Japanese", SHORT, new Response.ShortAnswer("東京"), "{\"text\":\"東京\"}"),
        Arguments.of("number with a decimal comma", NUMERIC, new Response.Numeric("-2,5"), "{\"number\":\"-2,5\"}"),
        Arguments.of("number that is not a number", NUMERIC, new Response.Numeric("ten"), "{\"number\":\"ten\"}"),
        Arguments.of("partial order", ORDERING, new Response.Ordering(List.of("B", "B")), "{\"order\":[\"B\",\"B\"]}"),
        Arguments.of("full order", ORDERING, new Response.Ordering(List.of("C", "A", "B")), "{\"order\":[\"C\",\"A\",\"B\"]}"),
        Arguments.of("matching, in the order given", MATCHING, new Response.Matching(pairs),
            "{\"pairs\":{\"C\":\"Plans production schedules\",\"A\":\"Operates machinery\"}}"));
  }
}
