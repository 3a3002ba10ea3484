package io.quizworks.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Drawing an attempt's questions")
class QuestionDrawTest {
  private static final List<String> FOUR = List.of("A", "B", "C", "D");

  private static List<QuestionDraw.Candidate> candidates() {
    List<QuestionDraw.Candidate> list = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      String topic = i <= 4 ? "Roles" : i <= 8 ? "Automation" : "Economy";
      String type = i % 4 == 0 ? "ordering" : i % 4 == 1 ? "matching" : "single_choice";
      list.add(new QuestionDraw.Candidate(i, topic, i, type, FOUR, type.equals("matching") ? 4 : 0));
    }
    return list;
  }

  @Test
  @DisplayName("gives the same questions, order and choice order for the same seed, whatever the candidates' order")
  void sameSeedSameDraw() {
    QuestionDraw.Rules rules = new QuestionDraw.Rules(6, null, true, true);
    List<QuestionDraw.Candidate> reversed = new ArrayList<>(candidates());
    Collections.reverse(reversed);
    assertThat(QuestionDraw.draw(reversed, rules, 42)).isEqualTo(QuestionDraw.draw(candidates(), rules, 42));
  }

  @Test
  @DisplayName("draws different selections for different students (seeds)")
  void seedsDiffer() {
    QuestionDraw.Rules rules = new QuestionDraw.Rules(6, null, true, true);
    long distinct = LongStream.range(0, 20)
        .mapToObj(seed -> QuestionDraw.draw(candidates(), rules, seed).stream().map(QuestionDraw.Drawn::questionId)
            .toList())
        .distinct().count();
    assertThat(distinct).isGreaterThan(10);
  }

  @Test
  @DisplayName("draws the asked number of different questions, or all there are")
  void counts() {
    List<QuestionDraw.Drawn> six = QuestionDraw.draw(candidates(), new QuestionDraw.Rules(6, null, true, true), 1);
    assertThat(six).hasSize(6);
    assertThat(six.stream().map(QuestionDraw.Drawn::questionId).distinct()).hasSize(6);
    assertThat(QuestionDraw.draw(candidates(), new QuestionDraw.Rules(50, null, true, true), 1)).hasSize(12);
  }

  @Test
  @DisplayName("draws exactly the fixed number from each topic")
  void perTopic() {
    List<QuestionDraw.Drawn> drawn = QuestionDraw.draw(candidates(), new QuestionDraw.Rules(6, 2, true, true), 7);
    Map<String, Long> byTopic = drawn.stream().collect(Collectors.groupingBy(
        d -> d.questionId() <= 4 ? "Roles" : d.questionId() <= 8 ? "Automation" : "Economy", Collectors.counting()));
    assertThat(byTopic).containsOnly(Map.entry("Roles", 2L), Map.entry("Automation", 2L), Map.entry("Economy", 2L));
  }

  @Test
  @DisplayName("keeps the bank's order and the author's choice order when shuffling is off, except for items to order")
  void noShuffle() {
    List<QuestionDraw.Drawn> drawn = QuestionDraw.draw(candidates(), new QuestionDraw.Rules(12, null, false, false), 3);
    assertThat(drawn).extracting(QuestionDraw.Drawn::questionId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
        10L, 11L, 12L);
    assertThat(drawn.get(1).choiceOrder()).containsExactly("A", "B", "C", "D");
    boolean orderingShuffledSomewhere = drawn.stream().filter(d -> d.questionId() % 4 == 0)
        .anyMatch(d -> !d.choiceOrder().equals(FOUR));
    assertThat(orderingShuffledSomewhere).as("ordering items are always shuffled").isTrue();
  }

  @Test
  @DisplayName("always shuffles the right-hand side of a matching question, keeping every item once")
  void matchesShuffled() {
    List<QuestionDraw.Drawn> matching = QuestionDraw.draw(candidates(), new QuestionDraw.Rules(12, null, false, false), 9)
        .stream().filter(d -> d.questionId() % 4 == 1).toList();
    assertThat(matching).allSatisfy(d -> assertThat(d.matchOrder()).containsExactlyInAnyOrder(0, 1, 2, 3));
    assertThat(matching).anySatisfy(d -> assertThat(d.matchOrder()).isNotEqualTo(List.of(0, 1, 2, 3)));
  }
}
