package io.quizworks.accounts;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: an account is paused after a few failures, an address after many. A whole
 * classroom shares one address, so the address limit is set far above what a class of honest mistakes
 * reaches; it stops a scripted attack without locking a class out. Failures are kept in PostgreSQL so
 * every node counts the same ones.
 */
public final class SignInThrottle {
  static final int ACCOUNT_LIMIT = 5;
  static final int ADDRESS_LIMIT = 100;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Pool pool;

  public SignInThrottle(Pool pool) {
    this.pool = pool;
  }

  /** Why sign-in is paused for this account or address, or empty when it may go ahead. */
  public Future<Optional<String>> check(String account, String address) {
    return SqlTemplate.forQuery(pool, AccountsSql.RECENT_FAILURES)
        .execute(parameters(account, address))
        .map(rows -> {
          Row row = rows.iterator().next();
          if (row.getLong("account_failures") >= ACCOUNT_LIMIT) {
            return Optional.of("Too many failed sign-ins for this account. Wait " + WINDOW.toMinutes()
                + " minutes and try again.");
          }
          if (row.getLong("address_failures") >= ADDRESS_LIMIT) {
            return Optional.of("Too many failed sign-ins from this network. Wait " + WINDOW.toMinutes()
                + " minutes and try again.");
          }
          return Optional.empty();
        });
  }

  public Future<Void> recordFailure(String account, String address) {
    return SqlTemplate.forUpdate(pool, AccountsSql.RECORD_FAILURE).execute(parameters(account, address))
        .compose(v -> SqlTemplate.forUpdate(pool, AccountsSql.FORGET_OLD_FAILURES)
            .execute(Map.of("window", (int) WINDOW.toSeconds())))
        .mapEmpty();
  }

  private static Map<String, Object> parameters(String account, String address) {
    return Map.of("account", "account:" + account, "address", "address:" + address,
        "window", (int) WINDOW.toSeconds());
  }
}
