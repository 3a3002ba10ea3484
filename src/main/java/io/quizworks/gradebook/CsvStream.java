package io.quizworks.gradebook;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a CSV download from PostgreSQL to the browser: the rows come through a cursor, a few hundred at a
 * time, and each is formatted and written as it arrives. When the browser reads more slowly than the
 * database answers, the response's write queue fills and the cursor is paused until it drains, so memory
 * holds a fetch's worth of rows whatever the size of the class.
 *
 * <p>Everything an export reads — its header queries and its rows — runs in one read-only, repeatable-read
 * transaction, so the columns named in the header are the columns in every row.
 */
final class CsvStream {
  private static final Logger LOG = LoggerFactory.getLogger(CsvStream.class);
  /** Rows fetched from the cursor at a time. */
  static final int FETCH_ROWS = 500;
  /** Text gathered before a write: one write per row would mean one TCP packet per row. */
  static final int WRITE_CHARS = 16 * 1024;

  private CsvStream() {}

  /** What to send: the lines before the rows, the cursor's statement, and how one row becomes one line. */
  record Plan(String preamble, String sql, Tuple arguments, Function<Row, String> line) {}

  /**
   * Answers the request with the CSV the planner describes. The planner runs inside the export's
   * transaction; a failure before anything was sent becomes an error page, a failure after it cuts the
   * connection so the browser reports the download as failed rather than keeping a truncated file.
   */
  static void send(RoutingContext ctx, Pool pool, SpreadsheetFormat format, String contentDisposition,
      Function<SqlConnection, Future<Plan>> planner) {
    pool.getConnection().onFailure(ctx::fail).onSuccess(connection -> connection.begin()
        .compose(tx -> connection.query("set transaction isolation level repeatable read, read only").execute()
            .compose(set -> planner.apply(connection))
            .compose(plan -> connection.prepare(plan.sql())
                .map(statement -> new Ready(connection, tx, plan, statement))))
        .onFailure(failure -> {
          connection.close();
          ctx.fail(failure);
        })
        .onSuccess(ready -> stream(ctx, format, contentDisposition, ready)));
  }

  private record Ready(SqlConnection connection, Transaction tx, Plan plan, PreparedStatement statement) {}

  private static void stream(RoutingContext ctx, SpreadsheetFormat format, String contentDisposition, Ready ready) {
    HttpServerResponse response = ctx.response();
    response.setChunked(true)
        .putHeader("Content-Type", "text/csv; charset=utf-8")
        .putHeader("Content-Disposition", contentDisposition)
        .putHeader("Cache-Control", "no-store");
    RowStream<Row> rows = ready.statement().createStream(FETCH_ROWS, ready.plan().arguments());
    StringBuilder pending = new StringBuilder(format.start()).append(ready.plan().preamble());
    AtomicBoolean finished = new AtomicBoolean();
    AtomicLong count = new AtomicLong();
    AtomicLong pauses = new AtomicLong();
    long started = System.nanoTime();

    Handler<Throwable> failed = failure -> {
      if (finished.compareAndSet(false, true)) {
        release(rows, ready, false);
        if (response.headWritten()) {
          LOG.error("{} {} failed after {} rows", ctx.request().method(), ctx.request().path(), count.get(), failure);
          response.reset();
        } else {
          ctx.fail(failure);
        }
      }
    };
    response.closeHandler(closed -> {
      if (finished.compareAndSet(false, true)) {
        LOG.info("{} {}: the browser left after {} rows", ctx.request().method(), ctx.request().path(), count.get());
        release(rows, ready, false);
      }
    });
    rows.exceptionHandler(failed);
    rows.endHandler(end -> {
      if (finished.compareAndSet(false, true)) {
        response.end(Buffer.buffer(pending.toString()));
        release(rows, ready, true);
        LOG.info("{} {}: {} rows in {} ms, paused {} times for the reader", ctx.request().method(),
            ctx.request().path(), count.get(), (System.nanoTime() - started) / 1_000_000, pauses.get());
      }
    });
    rows.handler(row -> {
      if (finished.get()) {
        return;
      }
      try {
        pending.append(ready.plan().line().apply(row));
      } catch (RuntimeException e) {
        failed.handle(e);
        return;
      }
      count.incrementAndGet();
      if (pending.length() >= WRITE_CHARS) {
        response.write(Buffer.buffer(pending.toString()));
        pending.setLength(0);
        if (response.writeQueueFull()) {
          rows.pause();
          pauses.incrementAndGet();
          response.drainHandler(drained -> rows.resume());
        }
      }
    });
  }

  /** Closes the cursor, ends the read-only transaction and gives the connection back to the pool. */
  private static void release(RowStream<Row> rows, Ready ready, boolean ended) {
    Future<Void> closed = ended ? Future.succeededFuture() : rows.close();
    closed.transform(done -> ready.statement().close())
        .transform(done -> ready.tx().rollback())
        .onComplete(done -> ready.connection().close());
  }
}
