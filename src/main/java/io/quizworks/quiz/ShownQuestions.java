package io.quizworks.quiz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a student sees of each question (type, prompt, points, choice and match texts; never its key), kept on
 * this node with the {@code updated_at} it was read at, so that an attempt page reads from PostgreSQL only the
 * attempt's own rows and parses no question's JSON: in an exam's first minute every student's page shows the
 * same few questions. One instance serves all of a node's event loops ({@link Attempts#onNode}); it is
 * bounded, and when full it starts again empty, which costs a read.
 */
final class ShownQuestions implements Shareable {
  private static final int MOST_QUESTIONS = 20_000;

  /** One question as the attempt page shows it, read from the columns a student may see. */
  record Shown(OffsetDateTime version, String type, String prompt, String points, Map<String, String> choiceTexts,
      List<String> matches) {
    static Shown of(Row row) {
      JsonObject content = row.getJsonObject("content");
      Map<String, String> texts = new HashMap<>();
      content.getJsonArray("choices", new JsonArray()).forEach(choice -> texts.put(
          ((JsonObject) choice).getString("label"), ((JsonObject) choice).getString("text")));
      List<String> matches = new ArrayList<>();
      content.getJsonArray("matches", new JsonArray()).forEach(match -> matches.add((String) match));
      return new Shown(row.getOffsetDateTime("updated_at"), row.getString("type"), row.getString("prompt"),
          row.getBigDecimal("points").stripTrailingZeros().toPlainString(), Map.copyOf(texts), List.copyOf(matches));
    }
  }

  private final Map<Long, Shown> byId = new ConcurrentHashMap<>();

  /** The question as this node last read it, if that was at this version. */
  Optional<Shown> at(long questionId, OffsetDateTime version) {
    return Optional.ofNullable(byId.get(questionId)).filter(shown -> shown.version().isEqual(version));
  }

  /** Whatever version of the question this node read last. */
  Optional<Shown> latest(long questionId) {
    return Optional.ofNullable(byId.get(questionId));
  }

  void put(long questionId, Shown shown) {
    if (byId.size() >= MOST_QUESTIONS) {
      byId.clear();
    }
    byId.put(questionId, shown);
  }
}
