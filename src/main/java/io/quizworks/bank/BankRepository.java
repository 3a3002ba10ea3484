package io.quizworks.bank;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads banks for the pages that list and preview them. */
public final class BankRepository {
  private final Pool pool;

  public BankRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * The banks a teacher may use (shared ones first, then their own) with live-question counts, types in
   * the format's order and topics in file order.
   */
  public Future<List<BankSummary>> summaries(long teacherId) {
    return SqlTemplate.forQuery(pool, BankSql.BANK_SUMMARIES)
        .execute(Map.of("teacherId", teacherId))
        .map(rows -> {
          List<BankSummary> banks = new ArrayList<>();
          for (Row row : rows) {
            banks.add(new BankSummary(row.getString("slug"), row.getString("title"), row.getBoolean("own"),
                row.getLong("total"),
                typeCounts(row.getJsonArray("by_type")), counts(row.getJsonArray("by_topic"))));
          }
          return banks;
        });
  }

  /**
   * The bank with its live questions in file order, keys included; empty when there is no such bank or
   * it belongs to another teacher.
   */
  public Future<Optional<BankPreview>> preview(String slug, long teacherId) {
    return SqlTemplate.forQuery(pool, BankSql.VISIBLE_BANK_BY_SLUG)
        .execute(Map.of("slug", slug, "teacherId", teacherId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.empty());
          }
          Row bank = rows.iterator().next();
          return SqlTemplate.forQuery(pool, BankSql.LIVE_QUESTIONS_WITH_KEYS)
              .execute(Map.of("bankId", bank.getLong("id")))
              .map(questions -> {
                List<Question> list = new ArrayList<>();
                questions.forEach(q -> list.add(QuestionRows.question(q)));
                return Optional.of(new BankPreview(bank.getString("slug"), bank.getString("title"), list));
              });
        });
  }

  private static List<BankSummary.Count> typeCounts(JsonArray pairs) {
    List<BankSummary.Count> byCode = counts(pairs);
    List<BankSummary.Count> ordered = new ArrayList<>();
    for (QuestionType type : QuestionType.values()) {
      byCode.stream()
          .filter(c -> c.name().equals(type.code()))
          .findFirst()
          .ifPresent(c -> ordered.add(new BankSummary.Count(type.displayName(), c.count())));
    }
    return ordered;
  }

  private static List<BankSummary.Count> counts(JsonArray pairs) {
    List<BankSummary.Count> counts = new ArrayList<>();
    for (Object pair : pairs) {
      JsonArray nameAndCount = (JsonArray) pair;
      counts.add(new BankSummary.Count(nameAndCount.getString(0), nameAndCount.getLong(1)));
    }
    return counts;
  }
}
