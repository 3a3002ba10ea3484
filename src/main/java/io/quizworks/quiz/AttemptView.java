package io.quizworks.quiz;

import io.quizworks.web.EscapedText;
import io.quizworks.web.Fragment;
import io.quizworks.web.Templates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions of an attempt as the attempt page shows them: in the attempt's stored order, choices in
 * their stored order, and the student's saved answer filled in. Built only from what a student may see. A question
 * not yet answered or flagged looks the same on every page that drew it with its choices in that order, so its
 * section is rendered once for the node and shown with the page's position filled in.
 */
final class AttemptView {
  private static final EscapedText NO_TEXT = EscapedText.of("");

  private AttemptView() {}

  /**
   * One question of the page: what every student sees of it, and this attempt's row (orders, saved answer). An
   * unanswered, unflagged question comes with its {@code section} already rendered.
   */
  static Map<String, Object> question(ShownQuestions.Shown shown, Row row, Templates templates) {
    if (answerOf(row).isEmpty() && !Boolean.TRUE.equals(row.getBoolean("flagged"))) {
      List<Object> order = List.of(row.getJsonArray("choice_order").getList(),
          row.getJsonArray("match_order").getList());
      Fragment section = shown.unanswered().in(order,
          () -> templates.fragment("attempt-question", Map.of("q", full(shown, row)), "p"));
      int position = row.getInteger("position");
      return Map.of("position", position, "answered", false, "flagged", false,
          "section", section.with(Integer.toString(position)));
    }
    return full(shown, row);
  }

  /** Everything {@code attempt-question.ftlh} shows of one question, with this attempt's saved answer. */
  static Map<String, Object> full(ShownQuestions.Shown shown, Row row) {
    JsonObject answer = answerOf(row);
    Map<String, EscapedText> texts = shown.choiceTexts();
    List<Integer> matchOrder = new ArrayList<>();
    for (Object index : row.getJsonArray("match_order")) {
      matchOrder.add(((Number) index).intValue());
    }
    JsonObject pairs = answer.getJsonObject("pairs", new JsonObject());
    List<Map<String, Object>> choices = new ArrayList<>();
    for (Object stored : row.getJsonArray("choice_order")) {
      String label = (String) stored;
      String matched = pairs.getString(label, "");
      List<Map<String, Object>> options = new ArrayList<>();
      for (int index : matchOrder) {
        options.add(Map.of("text", shown.matchTexts().get(index),
            "selected", shown.matches().get(index).equals(matched)));
      }
      choices.add(Map.of("label", label, "text", texts.getOrDefault(label, NO_TEXT),
          "selected", selected(answer, label), "position", position(answer, label), "matchOptions", options));
    }
    String type = shown.type();
    String points = shown.points();
    Map<String, Object> view = new HashMap<>();
    view.put("position", row.getInteger("position"));
    view.put("type", type);
    // Flags rather than string comparisons in the template: FreeMarker compares strings with a Collator,
    // which was a seventh of the page's cost in an exam-start burst.
    view.put("choosing", type.equals("single_choice") || type.equals("multiple_response") || type.equals("true_false"));
    view.put("singleChoice", type.equals("single_choice"));
    view.put("multipleResponse", type.equals("multiple_response"));
    view.put("trueFalse", type.equals("true_false"));
    view.put("typed", type.equals("short_answer") || type.equals("numeric"));
    view.put("numeric", type.equals("numeric"));
    view.put("ordering", type.equals("ordering"));
    view.put("matching", type.equals("matching"));
    view.put("selectAllHint", shown.selectAllHint());
    view.put("prompt", shown.prompt());
    view.put("points", points);
    view.put("onePoint", points.equals("1"));
    view.put("choices", choices);
    view.put("text", answer.getString("text", answer.getString("number", "")));
    view.put("isTrue", Boolean.TRUE.equals(answer.getBoolean("value")));
    view.put("isFalse", Boolean.FALSE.equals(answer.getBoolean("value")));
    view.put("answered", !answer.isEmpty());
    view.put("flagged", Boolean.TRUE.equals(row.getBoolean("flagged")));
    view.put("seq", row.getLong("seq") == null ? 0L : row.getLong("seq"));
    return view;
  }

  private static JsonObject answerOf(Row row) {
    return row.getJsonObject("answer") == null ? new JsonObject() : row.getJsonObject("answer");
  }

  private static boolean selected(JsonObject answer, String label) {
    return label.equals(answer.getString("choice"))
        || answer.getJsonArray("choices", new JsonArray()).contains(label);
  }

  /** 1-based place of an item in a saved ordering, or 0 when the item has none yet. */
  private static int position(JsonObject answer, String label) {
    return answer.getJsonArray("order", new JsonArray()).getList().indexOf(label) + 1;
  }
}
