package io.quizworks.load;

import io.quizworks.accounts.Passwords;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark's own reads and writes in the server's database: it seeds a class straight into the tables
 * (signing 10,000 students up through pages would only measure Argon2), and afterwards reads back what the
 * server stored, to check it against what the server acknowledged.
 */
final class BenchmarkDatabase implements AutoCloseable {
  static final String PASSWORD = "load benchmark password";
  private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final PgConnectOptions options;
  private final Pool pool;

  BenchmarkDatabase(Vertx vertx, PgConnectOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(2)).connectingTo(options).using(vertx).build();
  }

  PgConnectOptions options() {
    return options;
  }

  /**
   * A class and the quizzes it sits, one after another: its join code, the quizzes, and its students' names (all
   * with {@link #PASSWORD}).
   */
  record SeededClass(String code, List<Long> quizIds, List<String> students) {
    long quizId() {
      return quizIds.get(0);
    }
  }

  /**
   * A teacher, a class of {@code students} and {@code quizzes} quizzes open now over the Manufacturing banks the
   * server loaded, each drawing {@code questions} questions with the given time limit; then the database vacuumed
   * and analysed, as autovacuum keeps it on a default PostgreSQL.
   */
  SeededClass seed(int students, int quizzes, int questions, int timeLimitMinutes) {
    long available = one("select count(*) from question q join bank b on b.id = q.bank_id where b.owner_id is null")
        .getLong(0);
    if (available < questions) {
      throw new IllegalStateException("The server's banks hold " + available + " questions; " + questions
          + " were asked for. Start the server once so it loads questions/.");
    }
    String hash = new Passwords(vertx).hash(PASSWORD).await();
    StringBuilder code = new StringBuilder("LD");
    for (int i = 0; i < 6; i++) {
      code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
    }
    return pool.withTransaction(connection -> connection.preparedQuery(
            "insert into teacher (email, name, password_hash) values ($1, 'Load Benchmark', $2) returning id")
        .execute(Tuple.of("load-" + code.toString().toLowerCase() + "@bench.quizworks", hash))
        .compose(teacher -> connection.preparedQuery(
                "insert into class (teacher_id, name, join_code) values ($1, $2, $3) returning id")
            .execute(Tuple.of(teacher.iterator().next().getLong(0), "Load benchmark " + code, code.toString())))
        .compose(klass -> {
          long classId = klass.iterator().next().getLong(0);
          return connection.preparedQuery("insert into student (class_id, display_name, password_hash) "
                  + "select $1, 'Student ' || lpad(n::text, 6, '0'), $2 from generate_series(1, $3) n")
              .execute(Tuple.of(classId, hash, students))
              .compose(done -> connection.preparedQuery("insert into quiz (class_id, title, question_count, "
                      + "time_limit_minutes, opens_at, attempts_allowed) select $1, 'Load benchmark ' || n, $2, $3, "
                      + "now() - interval '1 minute', 1 from generate_series(1, $4) n order by n returning id")
                  .execute(Tuple.of(classId, questions, timeLimitMinutes, quizzes)));
        })
        .compose(inserted -> {
          List<Long> quizIds = new ArrayList<>();
          inserted.forEach(row -> quizIds.add(row.getLong(0)));
          return connection.preparedQuery("insert into quiz_bank (quiz_id, bank_id) "
                  + "select z.id, b.id from unnest($1::bigint[]) z(id), bank b where b.owner_id is null")
              .execute(Tuple.of(quizIds.toArray(new Long[0])))
              .map(done -> List.copyOf(quizIds));
        }))
        .map(quizIds -> {
          List<String> names = new ArrayList<>(students);
          for (int n = 1; n <= students; n++) {
            names.add(String.format("Student %06d", n));
          }
          return new SeededClass(code.toString(), quizIds, names);
        })
        // These machines run PostgreSQL with autovacuum off, so the tables were never analysed: guessing 2,800
        // questions per attempt, the planner read an attempt page with a parallel worker, 83 ms a page
        // (docs/benchmarks.md, fifth round). A school's PostgreSQL keeps statistics current by itself.
        .compose(seeded -> pool.query("vacuum analyze").execute().map(seeded))
        .await();
  }

  /** Where an answer lives: an attempt and a question's position in it. */
  record AnswerSlot(long attemptId, int position) {}

  /** The sequence number stored for every answered question of these attempts. */
  Map<AnswerSlot, Long> storedSeqs(Set<Long> attemptIds) {
    Map<AnswerSlot, Long> stored = new HashMap<>();
    for (Row row : pool.preparedQuery("select aq.attempt_id, aq.position, r.seq from attempt_question aq "
            + "join response r on r.attempt_id = aq.attempt_id and r.question_id = aq.question_id "
            + "where aq.attempt_id = any($1)")
        .execute(Tuple.of(attemptIds.toArray(new Long[0]))).await()) {
      stored.put(new AnswerSlot(row.getLong(0), row.getInteger(1)), row.getLong(2));
    }
    return stored;
  }

  /** How many of these attempts are recorded as submitted by the student. */
  long submitted(Set<Long> attemptIds) {
    return pool.preparedQuery("select count(*) from attempt where id = any($1) and status = 'submitted'")
        .execute(Tuple.of(attemptIds.toArray(new Long[0]))).await().iterator().next().getLong(0);
  }

  /**
   * PostgreSQL's WAL counters since its statistics were last reset ({@code pg_stat_wal}); {@code flushes} are
   * the times WAL was synced to disk, one per commit that found its record not yet flushed.
   */
  record WalTotals(long records, long fullPageImages, long bytes, long flushes) {
    WalTotals since(WalTotals earlier) {
      return new WalTotals(records - earlier.records, fullPageImages - earlier.fullPageImages, bytes - earlier.bytes,
          flushes - earlier.flushes);
    }
  }

  /**
   * What PostgreSQL wrote while an exam's starts arrived and in the rest of the exam. Full-page images show
   * whether a checkpoint began during the exam: it makes the first change to every page after it write the whole
   * page. Flushes are the commits that waited for the disk.
   */
  record Wal(WalTotals atBurst, WalTotals atLastRelease, WalTotals atEnd) {
    /** The readout, when PostgreSQL gave all three totals. */
    static Optional<Wal> of(Optional<WalTotals> atBurst, Optional<WalTotals> atLastRelease,
        Optional<WalTotals> atEnd) {
      return atBurst.flatMap(burst -> atLastRelease.flatMap(release -> atEnd.map(end -> new Wal(burst, release, end))));
    }

    WalTotals whileStarting() {
      return atLastRelease.since(atBurst);
    }

    WalTotals afterwards() {
      return atEnd.since(atLastRelease);
    }
  }

  /**
   * Empty where PostgreSQL has no such view or column: {@code pg_stat_wal} came in 14, and 18 moved
   * {@code wal_sync} to {@code pg_stat_io}. The benchmark then reports without it rather than fail at the end.
   */
  Future<Optional<WalTotals>> walTotals() {
    return pool.query("select wal_records, wal_fpi, wal_bytes::bigint, wal_sync from pg_stat_wal").execute()
        .map(rows -> {
          Row row = rows.iterator().next();
          return Optional.of(new WalTotals(row.getLong(0), row.getLong(1), row.getLong(2), row.getLong(3)));
        })
        .otherwise(Optional.empty());
  }

  /** The first and last attempt id of a quiz, which the pgbench baseline picks attempts between. */
  long[] attemptRange(long quizId) {
    Row row = pool.preparedQuery("select min(id), max(id) from attempt where quiz_id = $1")
        .execute(Tuple.of(quizId)).await().iterator().next();
    return new long[] {row.getLong(0), row.getLong(1)};
  }

  private Row one(String sql) {
    return pool.query(sql).execute().await().iterator().next();
  }

  @Override
  public void close() {
    pool.close().await();
  }
}
