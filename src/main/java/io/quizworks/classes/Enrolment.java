package io.quizworks.classes;

import io.quizworks.accounts.Passwords;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.Map;
import java.util.Optional;

/** Students enrolling themselves: joining a class with its code, and setting a first password with a one-time code. */
public final class Enrolment {
  private final Pool pool;
  private final Passwords passwords;

  public Enrolment(Pool pool, Passwords passwords) {
    this.pool = pool;
    this.passwords = passwords;
  }

  /** The class with this (normalised) join code. */
  public Future<Optional<Long>> classWithCode(String joinCode) {
    return SqlTemplate.forQuery(pool, ClassesSql.CLASS_BY_JOIN_CODE)
        .execute(Map.of("joinCode", joinCode))
        .map(Enrolment::firstId);
  }

  /**
   * Adds a student who chose their own name and password; empty when the class has a student of that name
   * already (in any letter case). The name is checked before the password is hashed, as hashing is costly.
   */
  public Future<Optional<Long>> join(long classId, String name, String password) {
    return SqlTemplate.forQuery(pool, ClassesSql.NAME_TAKEN)
        .execute(Map.of("classId", classId, "name", name))
        .compose(rows -> rows.iterator().next().getBoolean("taken")
            ? Future.succeededFuture(Optional.<Long>empty())
            : passwords.hash(password).compose(hash -> SqlTemplate.forQuery(pool, ClassesSql.JOIN_CLASS)
                .execute(Map.of("classId", classId, "name", name, "hash", hash))
                .map(Enrolment::firstId)));
  }

  /**
   * Sets the password of the student a live one-time code belongs to, and uses the code up. Empty when the
   * code is unknown, expired or used, also by a request racing this one.
   */
  public Future<Optional<Long>> setFirstPassword(String setupCode, String password) {
    String codeHash = SetupCodes.hash(setupCode);
    return SqlTemplate.forQuery(pool, ClassesSql.STUDENT_BY_SETUP_CODE)
        .execute(Map.of("codeHash", codeHash))
        .compose(rows -> {
          Optional<Long> student = firstId(rows);
          if (student.isEmpty()) {
            return Future.succeededFuture(Optional.<Long>empty());
          }
          return passwords.hash(password).compose(hash -> SqlTemplate.forQuery(pool, ClassesSql.SET_FIRST_PASSWORD)
              .execute(Map.of("studentId", student.get(), "codeHash", codeHash, "hash", hash))
              .map(Enrolment::firstId));
        });
  }

  private static Optional<Long> firstId(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getLong("id"));
  }
}
