package io.quizworks.quiz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions of an attempt as the attempt page shows them: in the attempt's stored order, choices in
 * their stored order, and the student's saved answer filled in. Built only from what a student may see.
 */
final class AttemptView {
  private AttemptView() {}

  static Map<String, Object> question(Row row) {
    JsonObject content = row.getJsonObject("content");
    JsonObject answer = row.getJsonObject("answer") == null ? new JsonObject() : row.getJsonObject("answer");
    Map<String, String> texts = new HashMap<>();
    content.getJsonArray("choices", new JsonArray()).forEach(c -> texts.put(((JsonObject) c).getString("label"),
        ((JsonObject) c).getString("text")));
    List<Map<String, Object>> choices = new ArrayList<>();
    for (String label : row.getArrayOfStrings("choice_order")) {
      choices.add(Map.of("label", label, "text", texts.getOrDefault(label, ""), "selected", selected(answer, label),
          "position", position(answer, label), "match", answer.getJsonObject("pairs", new JsonObject()).getString(label, "")));
    }
    JsonArray allMatches = content.getJsonArray("matches", new JsonArray());
    List<String> matches = new ArrayList<>();
    for (Integer index : row.getArrayOfIntegers("match_order")) {
      matches.add(allMatches.getString(index));
    }
    Map<String, Object> view = new HashMap<>();
    view.put("position", row.getInteger("position"));
    view.put("type", row.getString("type"));
    view.put("prompt", row.getString("prompt"));
    view.put("points", row.getBigDecimal("points").stripTrailingZeros().toPlainString());
    view.put("choices", choices);
    view.put("matches", matches);
    view.put("text", answer.getString("text", answer.getString("number", "")));
    view.put("value", answer.containsKey("value") ? String.valueOf(answer.getBoolean("value")) : "");
    view.put("answered", !answer.isEmpty());
    view.put("flagged", Boolean.TRUE.equals(row.getBoolean("flagged")));
    view.put("seq", row.getLong("seq") == null ? 0L : row.getLong("seq"));
    return view;
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
