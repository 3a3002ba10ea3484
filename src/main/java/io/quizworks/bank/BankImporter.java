package io.quizworks.bank;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a validated bank in one transaction: the bank, its questions by stable id, and the retirement of
 * questions no longer in the file. The one writer for banks, at start-up and for uploads alike.
 */
public final class BankImporter {
  private final Pool pool;
  private final QuestionCsvReader reader = new QuestionCsvReader();

  private final Vertx vertx;

  public BankImporter(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /**
   * Reads and validates a whole CSV file, then imports it as bank {@code slug} only if it has no error:
   * a file with any problem writes nothing and comes back with every problem found. {@code ownerId} is the
   * uploading teacher, or null for a shared bank from {@code questions/}.
   */
  public Future<ImportResult> importCsv(String slug, String title, Long ownerId, byte[] csv) {
    // A 4 MiB file takes a noticeable moment to read: never on the event loop.
    return vertx.executeBlocking(() -> reader.read(csv), false).compose(parsed -> parsed.isValid()
        ? importBank(slug, title, ownerId, parsed.questions()).map(ImportResult::imported)
        : Future.succeededFuture(ImportResult.rejected(parsed.errors())));
  }

  /**
   * Imports {@code questions} as the whole content of bank {@code slug}, in one transaction. Callers pass
   * only a valid {@link ParsedBank}'s questions, so a bad file never opens a transaction.
   */
  Future<ImportSummary> importBank(String slug, String title, Long ownerId, List<Question> questions) {
    return pool.withTransaction(connection -> importBank(connection, slug, title, ownerId, questions));
  }

  /**
   * The same, inside the caller's transaction, so an upload's confirmation can claim its pending file and
   * write the bank atomically. Fails with {@link SlugTaken} when {@code slug} is a bank of another owner.
   */
  Future<ImportSummary> importBank(
      SqlConnection connection, String slug, String title, Long ownerId, List<Question> questions) {
    if (questions.isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("A bank needs at least one question"));
    }
    Map<String, Object> bank = new HashMap<>();
    bank.put("slug", slug);
    bank.put("title", title);
    bank.put("ownerId", ownerId);
    return SqlTemplate.forQuery(connection, BankSql.UPSERT_BANK)
        .execute(bank)
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new SlugTaken(slug))
            : writeQuestions(connection, rows.iterator().next().getLong("id"), slug, questions));
  }

  /** The bank exists and belongs to someone else: a shared bank, or another teacher's. */
  static final class SlugTaken extends IllegalStateException {
    SlugTaken(String slug) {
      super("Bank " + slug + " belongs to another owner");
    }
  }

  private Future<ImportSummary> writeQuestions(
      SqlConnection connection, long bankId, String slug, List<Question> questions) {
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int position = 0; position < questions.size(); position++) {
      batch.add(parameters(bankId, position, questions.get(position)));
    }
    String[] refs = questions.stream().map(Question::id).toArray(String[]::new);
    return SqlTemplate.forQuery(connection, BankSql.UPSERT_QUESTION)
        .executeBatch(batch)
        .compose(
            upserted ->
                SqlTemplate.forQuery(connection, BankSql.RETIRE_MISSING)
                    .execute(Map.of("bankId", bankId, "refs", refs))
                    .map(retired -> summary(slug, questions.size(), upserted, retired.rowCount())));
  }

  private static ImportSummary summary(String slug, int total, RowSet<Row> upserted, int retired) {
    int added = 0;
    int updated = 0;
    for (RowSet<Row> result = upserted; result != null; result = result.next()) {
      for (Row row : result) {
        if (row.getBoolean("inserted")) {
          added++;
        } else {
          updated++;
        }
      }
    }
    return new ImportSummary(slug, added, updated, total - added - updated, retired);
  }

  private static Map<String, Object> parameters(long bankId, int position, Question question) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("bankId", bankId);
    parameters.put("ref", question.id());
    parameters.put("position", position);
    parameters.put("type", question.type().code());
    parameters.put("prompt", question.prompt());
    parameters.put("points", question.points());
    parameters.put("topic", question.topic());
    parameters.put("difficulty", question.difficulty().code());
    parameters.put("content", QuestionCodec.content(question));
    parameters.put("answerKey", QuestionCodec.answerKey(question));
    parameters.put("feedback", question.feedback());
    parameters.put("source", question.source());
    return parameters;
  }
}
