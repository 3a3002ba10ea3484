package io.quizworks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reading the attempt page as its markup stands (templates/attempt.ftlh); the load test reads the real page. */
class AttemptItemsTest {
  private static final String PAGE = """
      <div id="attempt" data-attempt="7" data-remaining-ms="600000" data-max-seq="0" data-csrf="tok-123">
      <p class="timer">Time left: <span id="timer-value" role="timer">…</span></p>
      <section class="question" id="q-1" data-position="1" data-type="single_choice" aria-labelledby="q-1-title">
        <div class="option"><input type="radio" id="q-1-B" name="q-1" value="B"><label for="q-1-B">Two</label></div>
        <div class="option"><input type="radio" id="q-1-A" name="q-1" value="A"><label for="q-1-A">One</label></div>
        <input type="checkbox" id="q-1-flag" class="flag"><label for="q-1-flag">Flag question 1</label>
      </section>
      <section class="question" id="q-2" data-position="2" data-type="matching" aria-labelledby="q-2-title">
        <select id="q-2-A" name="q-2-A" data-label="A"><option value="">Choose a match</option>
          <option value="Tom &amp; Jerry">Tom &amp; Jerry</option><option value="&lt;b&gt; &quot;x&quot; &#39;y&#39;">x</option>
          <option value="Café – “CNC” 数控">Café – “CNC” 数控</option></select>
        <select id="q-2-B" name="q-2-B" data-label="B"><option value="">Choose a match</option>
          <option value="Tom &amp; Jerry">Tom &amp; Jerry</option><option value="&lt;b&gt; &quot;x&quot; &#39;y&#39;">x</option>
          <option value="Café – “CNC” 数控">Café – “CNC” 数控</option></select>
      </section>
      <section class="question" id="q-3" data-position="3" data-type="ordering" aria-labelledby="q-3-title">
        <select id="q-3-C" name="q-3-C" data-label="C"><option value="1">1</option><option value="2">2</option></select>
        <select id="q-3-A" name="q-3-A" data-label="A"><option value="1">1</option><option value="2">2</option></select>
      </section>
      <section class="question" id="q-4" data-position="4" data-type="true_false" aria-labelledby="q-4-title">
        <input type="radio" id="q-4-true" name="q-4" value="true">
      </section>
      """;

  @Test
  void readsEachQuestionsPositionTypeAndChoices() {
    AttemptItems.Page page = AttemptItems.read(Buffer.buffer(PAGE));

    assertThat(page.items()).containsExactly(
        new AttemptItems.Item(1, "single_choice", List.of("B", "A"), List.of()),
        new AttemptItems.Item(2, "matching", List.of("A", "B"),
            List.of("Tom & Jerry", "<b> \"x\" 'y'", "Café – “CNC” 数控")),
        new AttemptItems.Item(3, "ordering", List.of("C", "A"), List.of()),
        new AttemptItems.Item(4, "true_false", List.of(), List.of()));
    assertThat(page.csrf()).isEqualTo("tok-123");
  }

  @Test
  void answersFitTheirQuestion() {
    List<AttemptItems.Item> items = AttemptItems.read(Buffer.buffer(PAGE)).items();
    Random random = new Random(1);

    assertThat(items.get(0).answer(random).getString("choice")).isIn("A", "B");
    JsonObject pairs = items.get(1).answer(random).getJsonObject("pairs");
    assertThat(pairs.fieldNames()).containsExactlyInAnyOrder("A", "B");
    assertThat(pairs.getString("A")).isIn("Tom & Jerry", "<b> \"x\" 'y'", "Café – “CNC” 数控");
    assertThat(items.get(2).answer(random).getJsonArray("order").getList()).containsExactlyInAnyOrder("A", "C");
    assertThat(items.get(3).answer(random).getValue("value")).isInstanceOf(Boolean.class);
  }

  @Test
  void aPageWithoutATokenIsAnError() {
    assertThatThrownBy(() -> AttemptItems.read(Buffer.buffer("<html></html>")))
        .hasMessageContaining("no data-csrf token");
  }
}
