package io.quizworks.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Argon2id at the OWASP recommendation (19 MiB, 2 passes, 1 lane). Hashing takes tens of milliseconds
 * by design, so it always runs on a worker thread, never on the event loop, and on no more threads than
 * there are cores: 20 hashes at once on 2 cores managed a fifth of the sign-ins per second that 2 did,
 * each one fighting the others for memory (docs/benchmarks.md).
 */
public final class Passwords {
  public static final int MIN_LENGTH = 8;
  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  private final WorkerExecutor workers;

  public Passwords(Vertx vertx) {
    this.workers = vertx.createSharedWorkerExecutor("quizworks-passwords", Runtime.getRuntime().availableProcessors());
  }

  public Future<String> hash(String password) {
    return workers.executeBlocking(() -> Password.hash(password).addRandomSalt(16).with(ARGON2).getResult(), false);
  }

  /** False for a null hash too, so an account without a password can never be signed into. */
  public Future<Boolean> verify(String password, String hash) {
    if (hash == null) {
      return workers.executeBlocking(() -> {
        Password.hash(password).addRandomSalt(16).with(ARGON2);
        return false;
      }, false);
    }
    return workers.executeBlocking(() -> Password.check(password, hash).with(ARGON2), false);
  }
}
