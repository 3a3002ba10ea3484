package io.quizworks.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A response value")
class ResponseTest {

  @Test
  @DisplayName("has one \"no answer\", equal to any other")
  void none() {
    assertThat(Response.NONE).isEqualTo(new Response.None());
  }

  @Test
  @DisplayName("is never an empty answer: an empty list or blank text must be given as no answer")
  void neverEmpty() {
    assertThatThrownBy(() -> new Response.SingleChoice("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Response.MultipleResponse(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Response.ShortAnswer(" \t")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Response.ShortAnswer("\u00a0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Response.Numeric("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Response.Ordering(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Response.Matching(Map.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Response.Matching(Map.of("A", ""))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("refuses missing values")
  void nulls() {
    assertThatThrownBy(() -> new Response.SingleChoice(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Response.ShortAnswer(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Response.MultipleResponse(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Response.Ordering(java.util.Arrays.asList("A", null)))
        .isInstanceOf(NullPointerException.class);
    Map<String, String> withNull = new HashMap<>();
    withNull.put("A", null);
    assertThatThrownBy(() -> new Response.Matching(withNull)).isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName("keeps its own copy of the lists and pairs it was given, in their order")
  void copies() {
    List<String> labels = new ArrayList<>(List.of("C", "A"));
    Response.Ordering ordering = new Response.Ordering(labels);
    labels.add("B");
    assertThat(ordering.labels()).containsExactly("C", "A");
    assertThatThrownBy(() -> ordering.labels().add("B")).isInstanceOf(UnsupportedOperationException.class);

    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put("B", "Operates machinery");
    pairs.put("A", "Plans production schedules");
    Response.Matching matching = new Response.Matching(pairs);
    pairs.clear();
    assertThat(matching.pairs()).containsExactly(
        Map.entry("B", "Operates machinery"), Map.entry("A", "Plans production schedules"));
    assertThatThrownBy(() -> matching.pairs().put("C", "x")).isInstanceOf(UnsupportedOperationException.class);
  }
}
