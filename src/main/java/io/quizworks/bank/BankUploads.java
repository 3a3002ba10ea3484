package io.quizworks.bank;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A teacher's upload in two steps: the checked file waits in PostgreSQL (the confirmation may reach another
 * node), then the confirmation imports it through the shared {@link BankImporter}, as a new bank of the
 * teacher's or over the questions of one of their own.
 */
public final class BankUploads {
  private final Vertx vertx;
  private final Pool pool;
  private final BankImporter importer;
  private final QuestionCsvReader reader = new QuestionCsvReader();

  public BankUploads(Vertx vertx, Pool pool, BankImporter importer) {
    this.vertx = vertx;
    this.pool = pool;
    this.importer = importer;
  }

  /** A bank by its id, address and title. */
  public record BankRef(long id, String slug, String title) {}

  /** A checked file waiting for its teacher; {@code target} is the own bank whose questions it replaces. */
  public record Pending(long id, String title, Optional<BankRef> target, ParsedBank parsed) {}

  /** Reads a file off the event loop: checking a bank of thousands of rows would hold up other requests. */
  public Future<ParsedBank> parse(byte[] csv) {
    return vertx.executeBlocking(() -> reader.read(csv), false);
  }

  /** One of the teacher's own banks; empty when there is no such bank or it is shared or someone else's. */
  public Future<Optional<BankRef>> ownBank(String slug, long teacherId) {
    return SqlTemplate.forQuery(pool, BankSql.OWN_BANK_BY_SLUG)
        .execute(Map.of("slug", slug, "teacherId", teacherId))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new BankRef(row.getLong("id"), slug, row.getString("title")));
        });
  }

  /** Keeps a file that {@link #parse} found clean until its teacher confirms it; returns the upload's id. */
  public Future<Long> store(long teacherId, String title, Optional<BankRef> target, byte[] csv) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("teacherId", teacherId);
    parameters.put("title", title);
    parameters.put("targetBankId", target.map(BankRef::id).orElse(null));
    parameters.put("content", Buffer.buffer(csv));
    return SqlTemplate.forQuery(pool, BankSql.STORE_UPLOAD)
        .execute(parameters)
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  /** The teacher's pending upload, read again; empty when it is not theirs, was confirmed, or expired. */
  public Future<Optional<Pending>> pending(long id, long teacherId) {
    return SqlTemplate.forQuery(pool, BankSql.PENDING_UPLOAD)
        .execute(Map.of("id", id, "teacherId", teacherId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.empty());
          }
          Row row = rows.iterator().next();
          Optional<BankRef> target = row.getLong("target_id") == null
              ? Optional.empty()
              : Optional.of(new BankRef(row.getLong("target_id"), row.getString("target_slug"), row.getString("target_title")));
          return parse(row.getBuffer("content").getBytes())
              .map(parsed -> Optional.of(new Pending(id, row.getString("title"), target, parsed)));
        });
  }

  /**
   * Imports the teacher's pending upload and removes it, in one transaction. Empty when there is no such
   * upload of theirs; rejected (and removed, nothing imported) if the stored file no longer reads clean,
   * which only a stricter reader deployed since the upload could cause.
   */
  public Future<Optional<ImportResult>> confirm(long id, long teacherId) {
    return pool.withTransaction(connection -> SqlTemplate.forQuery(connection, BankSql.CLAIM_UPLOAD)
        .execute(Map.of("id", id, "teacherId", teacherId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.empty());
          }
          Row row = rows.iterator().next();
          String title = row.getString("title");
          String target = row.getString("target_slug");
          return parse(row.getBuffer("content").getBytes()).compose(parsed -> {
            if (!parsed.isValid()) {
              return Future.succeededFuture(Optional.of(ImportResult.rejected(parsed.errors())));
            }
            Future<String> slug = target != null ? Future.succeededFuture(target) : freeSlug(connection, title);
            return slug
                .compose(free -> importer.importBank(connection, free, title, teacherId, parsed.questions()))
                .map(summary -> Optional.of(ImportResult.imported(summary)));
          });
        }));
  }

  private static Future<String> freeSlug(SqlConnection connection, String title) {
    Map<String, Object> parameters = Map.of(
        "base", BankSlug.of(title),
        "maxLength", BankSlug.MAX_LENGTH,
        "reserved", BankSlug.RESERVED.toArray(String[]::new));
    return SqlTemplate.forQuery(connection, BankSql.LOCK_NEW_SLUGS)
        .execute(Map.of())
        .compose(locked -> SqlTemplate.forQuery(connection, BankSql.FREE_SLUG).execute(parameters))
        .map(rows -> rows.iterator().next().getString("candidate"));
  }
}
