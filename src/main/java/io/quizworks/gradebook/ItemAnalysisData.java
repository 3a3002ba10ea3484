package io.quizworks.gradebook;

import io.quizworks.gradebook.stats.Item;
import io.quizworks.gradebook.stats.ItemMatrix;
import io.quizworks.gradebook.stats.Response;
import io.quizworks.gradebook.stats.StudentRow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of {@link ResultsSql#ANALYSIS_ROWS} (one per student and question, students in order)
 * into the statistics module's matrix. Choice questions keep what each student picked, so distractors can
 * be judged; true/false counts as a choice between "True" and "False".
 */
final class ItemAnalysisData {
  private ItemAnalysisData() {}

  static ItemMatrix matrix(List<Row> rows) {
    Map<String, Item> items = new LinkedHashMap<>();
    Map<Long, Map<String, Response>> students = new LinkedHashMap<>();
    for (Row row : rows) {
      String id = row.getString("ref");
      double max = row.getBigDecimal("points").doubleValue();
      String type = row.getString("type");
      JsonObject key = row.getJsonObject("answer_key");
      items.computeIfAbsent(id, ref -> item(ref, type, max, row.getJsonObject("content"), key));
      double earned = Math.max(0, Math.min(max, row.getBigDecimal("earned").doubleValue()));
      Response response = items.get(id).isChoice()
          ? new Response(earned, picked(row.getJsonObject("answer")))
          : Response.scored(earned);
      students.computeIfAbsent(row.getLong("student_id"), s -> new LinkedHashMap<>()).put(id, response);
    }
    List<StudentRow> studentRows = new ArrayList<>();
    students.forEach((student, responses) -> studentRows.add(new StudentRow(String.valueOf(student), responses)));
    return new ItemMatrix(new ArrayList<>(items.values()), studentRows);
  }

  private static Item item(String id, String type, double max, JsonObject content, JsonObject key) {
    switch (type) {
      case "single_choice", "multiple_response" -> {
        List<String> labels = new ArrayList<>();
        content.getJsonArray("choices", new JsonArray()).forEach(c -> labels.add(((JsonObject) c).getString("label")));
        Object correct = key.getValue("correct");
        List<String> right = new ArrayList<>();
        if (correct instanceof JsonArray array) {
          array.forEach(label -> right.add((String) label));
        } else if (correct != null) {
          right.add((String) correct);
        }
        return Item.choice(id, max, labels, right);
      }
      case "true_false" -> {
        return Item.choice(id, max, List.of("True", "False"), List.of(key.getBoolean("value") ? "True" : "False"));
      }
      default -> {
        return Item.scored(id, max);
      }
    }
  }

  private static List<String> picked(JsonObject answer) {
    List<String> picked = new ArrayList<>();
    if (answer == null) {
      return picked;
    }
    if (answer.getValue("choice") instanceof String choice) {
      picked.add(choice);
    }
    answer.getJsonArray("choices", new JsonArray()).forEach(label -> {
      if (!picked.contains(label)) {
        picked.add((String) label);
      }
    });
    if (answer.getValue("value") instanceof Boolean value) {
      picked.add(value ? "True" : "False");
    }
    return picked;
  }
}
