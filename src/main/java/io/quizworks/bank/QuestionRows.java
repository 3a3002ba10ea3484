package io.quizworks.bank;

import io.vertx.sqlclient.Row;

/**
 * Rebuilds a question from a row that selected the {@code question} table's columns {@code ref, type,
 * prompt, points, topic, difficulty, content, answer_key, feedback, source}. Server-side only: the result
 * holds the key.
 */
public final class QuestionRows {
  private QuestionRows() {}

  public static Question question(Row row) {
    return QuestionCodec.question(new QuestionCodec.StoredQuestion(
        row.getString("ref"), row.getString("type"), row.getString("prompt"),
        row.getBigDecimal("points").stripTrailingZeros(), row.getString("topic"), row.getString("difficulty"),
        row.getJsonObject("content"), row.getJsonObject("answer_key"), row.getString("feedback"),
        row.getString("source")));
  }
}
