package io.quizworks.accounts;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.Map;
import java.util.Optional;

/** Accounts: creating a teacher, and checking a teacher's or a student's password. */
public final class Accounts {
  private final Pool pool;
  private final Passwords passwords;

  public Accounts(Pool pool, Passwords passwords) {
    this.pool = pool;
    this.passwords = passwords;
  }

  /** The new teacher's id, or empty when the email is taken. */
  public Future<Optional<Long>> create(String email, String name, String password) {
    return passwords.hash(password)
        .compose(hash -> SqlTemplate.forQuery(pool, AccountsSql.CREATE_TEACHER)
            .execute(Map.of("email", email, "name", name, "hash", hash)))
        .map(rows -> rows.size() == 0 ? Optional.<Long>empty() : Optional.of(rows.iterator().next().getLong("id")));
  }

  /** The teacher's id when the password is right; a wrong email costs as long as a wrong password. */
  public Future<Optional<Long>> authenticate(String email, String password) {
    return SqlTemplate.forQuery(pool, AccountsSql.TEACHER_BY_EMAIL)
        .execute(Map.of("email", email))
        .compose(rows -> {
          Row row = rows.size() == 0 ? null : rows.iterator().next();
          return passwords.verify(password, row == null ? null : row.getString("password_hash"))
              .map(ok -> ok ? Optional.of(row.getLong("id")) : Optional.<Long>empty());
        });
  }

  /** A student's id when class code, name and password match; same timing whether or not the student exists. */
  public Future<Optional<Long>> authenticateStudent(String classCode, String name, String password) {
    return SqlTemplate.forQuery(pool, AccountsSql.STUDENT_FOR_SIGN_IN)
        .execute(Map.of("code", classCode, "name", name))
        .compose(rows -> {
          Row row = rows.size() == 0 ? null : rows.iterator().next();
          return passwords.verify(password, row == null ? null : row.getString("password_hash"))
              .map(ok -> ok ? Optional.of(row.getLong("id")) : Optional.<Long>empty());
        });
  }
}
