package io.quizworks.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyCorrectionTest {
  private static final Question MATCHING = new Question("ro-022", QuestionType.MATCHING,
      "Match each action with what factory managers apply it to.", new BigDecimal("2"), "Factory manager",
      Difficulty.MEDIUM, List.of(new Choice("A", "Plan", ""), new Choice("B", "Allocate", ""),
          new Choice("C", "Monitor", "")),
      new AnswerKey.Matching(pairs("production schedules", "resources", "work processes")), "", "");

  private static Map<String, String> pairs(String a, String b, String c) {
    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put("A", a);
    pairs.put("B", b);
    pairs.put("C", c);
    return pairs;
  }

  @Test
  void aMatchingKeyIsPairedAfreshFromItsOwnItems() {
    KeyCorrection.Result result = KeyCorrection.withMatches(MATCHING,
        pairs("production schedules", "work processes", "resources"));

    assertThat(result.errors()).isEmpty();
    Question corrected = result.question().orElseThrow();
    assertThat(corrected.key()).isEqualTo(new AnswerKey.Matching(pairs("production schedules", "work processes",
        "resources")));
    assertThat(corrected.choices()).isEqualTo(MATCHING.choices());
    assertThat(corrected.prompt()).isEqualTo(MATCHING.prompt());
    assertThat(corrected.points()).isEqualByComparingTo("2");
  }

  @Test
  void theFormOffersTheRightHandItemsInTheKeysOrder() {
    assertThat(KeyCorrection.rightHandItems(MATCHING)).containsExactly("production schedules", "resources",
        "work processes");
    assertThat(KeyCorrection.typedAsOneCell(QuestionType.MATCHING)).isFalse();
  }

  @Test
  void anItemTheQuestionDoesNotHaveOrAMissingChoiceIsRefused() {
    Map<String, String> chosen = pairs("production schedules", "budgets", "work processes");
    chosen.remove("C");

    KeyCorrection.Result result = KeyCorrection.withMatches(MATCHING, chosen);

    assertThat(result.question()).isEmpty();
    assertThat(result.errors()).containsExactly(
        "The match for B (Allocate): found `budgets`, expected one of the question's right-hand items.",
        "The match for C (Monitor): found ``, expected one of the question's right-hand items.");
  }

  @Test
  void anItemChosenTwiceIsRefused() {
    KeyCorrection.Result result = KeyCorrection.withMatches(MATCHING,
        pairs("resources", "resources", "work processes"));

    assertThat(result.question()).isEmpty();
    assertThat(result.errors()).containsExactly("The match for B (Allocate): `resources` is already the match for "
        + "A; each right-hand item goes with one item only.");
  }

  @Test
  void eachKindOfKeyIsCorrectedItsOwnWay() {
    assertThat(KeyCorrection.withAnswer(MATCHING, "A", "").errors())
        .containsExactly("A matching question's key is its pairs: choose a match for each item.");
    Question trueFalse = new Question("ro-001", QuestionType.TRUE_FALSE, "Engineers design.", BigDecimal.ONE,
        "Roles", Difficulty.EASY, List.of(), new AnswerKey.TrueFalse(true), "", "");
    assertThat(KeyCorrection.withMatches(trueFalse, Map.of()).errors())
        .containsExactly("Only a matching question's key is chosen pair by pair.");
    assertThat(KeyCorrection.withAnswer(trueFalse, "false", "").question().orElseThrow().key())
        .isEqualTo(new AnswerKey.TrueFalse(false));
  }
}
