package io.quizworks.quiz;

import io.quizworks.web.EscapedText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

  /**
   * One question as the attempt page shows it, read from the columns a student may see, its texts escaped for
   * the page once: the match texts also as they are, which saved answers hold.
   */
  record Shown(OffsetDateTime version, String type, EscapedText prompt, boolean selectAllHint, String points,
      Map<String, EscapedText> choiceTexts, List<String> matches, List<EscapedText> matchTexts) {
    static Shown of(Row row) {
      JsonObject content = row.getJsonObject("content");
      Map<String, EscapedText> texts = new HashMap<>();
      content.getJsonArray("choices", new JsonArray()).forEach(choice -> texts.put(
          ((JsonObject) choice).getString("label"), EscapedText.of(((JsonObject) choice).getString("text"))));
      List<String> matches = new ArrayList<>();
      content.getJsonArray("matches", new JsonArray()).forEach(match -> matches.add((String) match));
      String type = row.getString("type");
      String prompt = row.getString("prompt");
      return new Shown(row.getOffsetDateTime("updated_at"), type, EscapedText.of(prompt),
          type.equals("multiple_response") && !prompt.toLowerCase(Locale.ROOT).contains("select all"),
          row.getBigDecimal("points").stripTrailingZeros().toPlainString(), Map.copyOf(texts), List.copyOf(matches),
          matches.stream().map(EscapedText::of).toList());
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
