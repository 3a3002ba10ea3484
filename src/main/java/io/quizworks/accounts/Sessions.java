package io.quizworks.accounts;

import io.quizworks.web.Csrf;
import io.quizworks.web.Principal;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Server-side sessions in PostgreSQL, shared by every node and revocable by deleting the row. The cookie
 * holds a random token; the table holds only its SHA-256, so a copy of the database opens no session.
 */
public final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Pool pool;
  private final Duration idle;
  private final Duration absolute;

  public Sessions(Pool pool, Duration idle, Duration absolute) {
    this.pool = pool;
    this.idle = idle;
    this.absolute = absolute;
  }

  /** A live session: who it belongs to and the CSRF token its pages carry. */
  public record Active(Principal principal, String csrfToken) {}

  /**
   * What a statement needs to check a session itself, in the same round trip as its own work: the named
   * parameters {@code idHash, csrf, idle, absolute} for {@link #SIGNED_IN_CTE}.
   */
  public record Proof(String idHash, String csrfToken, int idleSeconds, int absoluteSeconds) {
    public void addTo(Map<String, Object> parameters) {
      parameters.put("idHash", idHash);
      parameters.put("csrf", csrfToken);
      parameters.put("idle", idleSeconds);
      parameters.put("absolute", absoluteSeconds);
    }
  }

  /**
   * A CTE body: {@code role} ('teacher' or 'student'), {@code user_id}, {@code name}, {@code csrf_token} and
   * {@code token_ok} of whoever the proof's live session belongs to; no row when there is none.
   */
  public static final String SIGNED_IN_CTE = AccountsSql.SIGNED_IN;

  /** A data-modifying CTE body that keeps the proof's session from going idle, as {@link #find} does. */
  public static final String TOUCH_SESSION_CTE = AccountsSql.TOUCH_STALE_SESSION;

  public Proof proof(String cookieToken, String csrfToken) {
    return new Proof(hash(cookieToken), csrfToken, (int) idle.toSeconds(), (int) absolute.toSeconds());
  }

  /** Starts a new session (a new id every sign-in) and returns the token for the cookie. */
  public Future<String> create(Principal.Role role, long userId) {
    String token = randomToken();
    return SqlTemplate.forUpdate(pool, AccountsSql.CREATE_SESSION)
        .execute(Map.of("idHash", hash(token), "role", role.name().toLowerCase(Locale.ROOT), "userId", userId,
            "csrf", Csrf.newToken()))
        .map(done -> token);
  }

  /** The session behind a cookie token, if it exists and has not timed out (an expired one is deleted). */
  public Future<Optional<Active>> find(String token) {
    String idHash = hash(token);
    return SqlTemplate.forQuery(pool, AccountsSql.LOAD_SESSION)
        .execute(Map.of("idHash", idHash, "idle", (int) idle.toSeconds(),
            "absolute", (int) absolute.toSeconds()))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.empty());
          }
          Row row = rows.iterator().next();
          if (row.getBoolean("too_old") || row.getBoolean("idle") || row.getString("name") == null) {
            return delete(token).map(Optional.empty());
          }
          if (row.getBoolean("stale")) {
            SqlTemplate.forUpdate(pool, AccountsSql.TOUCH_SESSION).execute(Map.of("idHash", idHash));
          }
          Principal principal = new Principal(Principal.Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT)),
              row.getLong("user_id"), row.getString("name"));
          return Future.succeededFuture(Optional.of(new Active(principal, row.getString("csrf_token"))));
        });
  }

  public Future<Void> delete(String token) {
    return SqlTemplate.forUpdate(pool, AccountsSql.DELETE_SESSION).execute(Map.of("idHash", hash(token))).mapEmpty();
  }

  /** Ends every session of a user, on every node: for sign-out everywhere and account removal. */
  public Future<Void> deleteAll(Principal.Role role, long userId) {
    return SqlTemplate.forUpdate(pool, AccountsSql.DELETE_USER_SESSIONS)
        .execute(Map.of("role", role.name().toLowerCase(Locale.ROOT), "userId", userId)).mapEmpty();
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
