package io.quizworks.quiz;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the save statement for the saves of one event loop, several to a round trip when they arrive faster
 * than PostgreSQL answers. A batch is one transaction: one commit and one WAL flush for all its answers
 * instead of one each, so a backlog (after a slow disk flush, say) costs fewer commits to clear. A save that
 * arrives while fewer than {@link #IN_FLIGHT} batches are out is sent at once, alone: batching never delays a
 * save on a quiet server, it only gathers the saves that would have queued anyway.
 *
 * <p>Two saves of one attempt never share a batch or run in two batches at once, and a batch takes its
 * attempts in ascending id order, so batches of this node or another lock attempts and answers in one order.
 * Should PostgreSQL refuse a batch all the same (a deadlock it broke, or one save's error), each of its saves
 * is tried again alone, so one save's failure is never another's. When the database cannot be reached, every
 * save of the batch fails at once (and the page sends it again) rather than waiting for a connection twice.
 *
 * <p>Not thread-safe: one instance per event loop, used from that loop only.
 */
final class SaveBatches {
  private static final int IN_FLIGHT = 4;
  private static final int MOST_PER_BATCH = 64;

  private record Pending(long attemptId, Map<String, Object> parameters, Promise<Row> reply) {}

  private final SqlTemplate<Map<String, Object>, RowSet<Row>> statement;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private final Set<Long> attemptsOut = new HashSet<>();
  private int batchesOut;

  SaveBatches(SqlTemplate<Map<String, Object>, RowSet<Row>> statement) {
    this.statement = statement;
  }

  /** The statement's one row for these parameters, from whichever batch carries them. */
  Future<Row> run(long attemptId, Map<String, Object> parameters) {
    Promise<Row> reply = Promise.promise();
    waiting.add(new Pending(attemptId, parameters, reply));
    sendWhatCanGo();
    return reply.future();
  }

  private void sendWhatCanGo() {
    while (batchesOut < IN_FLIGHT && !waiting.isEmpty()) {
      List<Pending> batch = takeBatch();
      if (batch.isEmpty()) {
        return;
      }
      send(batch);
    }
  }

  /** The oldest waiting saves whose attempts are not out already, one per attempt, in attempt order. */
  private List<Pending> takeBatch() {
    List<Pending> batch = new ArrayList<>();
    Iterator<Pending> oldestFirst = waiting.iterator();
    while (oldestFirst.hasNext() && batch.size() < MOST_PER_BATCH) {
      Pending save = oldestFirst.next();
      if (attemptsOut.add(save.attemptId())) {
        batch.add(save);
        oldestFirst.remove();
      }
    }
    batch.sort(Comparator.comparingLong(Pending::attemptId));
    return batch;
  }

  private void send(List<Pending> batch) {
    batchesOut++;
    execute(batch).onComplete(done -> {
      batchesOut--;
      batch.forEach(save -> attemptsOut.remove(save.attemptId()));
      sendWhatCanGo();
    });
  }

  private Future<Void> execute(List<Pending> batch) {
    if (batch.size() == 1) {
      return alone(batch.get(0));
    }
    return statement.executeBatch(batch.stream().map(Pending::parameters).toList()).map(rows -> {
      RowSet<Row> each = rows;
      for (Pending save : batch) {
        save.reply().tryComplete(each.iterator().next());
        each = each.next();
      }
      return (Void) null;
    }).recover(failure -> {
      if (failure instanceof PgException) {
        return Future.all(batch.stream().filter(save -> !save.reply().future().isComplete()).map(this::alone)
            .toList()).mapEmpty();
      }
      batch.forEach(save -> save.reply().tryFail(failure));
      return Future.succeededFuture();
    });
  }

  private Future<Void> alone(Pending save) {
    return statement.execute(save.parameters()).map(rows -> {
      save.reply().tryComplete(rows.iterator().next());
      return (Void) null;
    }).recover(failure -> {
      save.reply().tryFail(failure);
      return Future.succeededFuture();
    });
  }
}
