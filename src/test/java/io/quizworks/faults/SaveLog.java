package io.quizworks.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Every autosave a test sent, with what came back: the record the tests check PostgreSQL against. */
final class SaveLog {
  /** No answer came back (connection refused or reset, timeout). */
  static final int NO_RESPONSE = -1;

  record Save(long attemptId, int position, long seq, JsonObject answer, long sentMicros, long receivedMicros,
      int status, String body) {
    boolean acknowledged() {
      return status >= 200 && status < 300;
    }
  }

  private final List<Save> saves = Collections.synchronizedList(new ArrayList<>());

  static long nowMicros() {
    Instant now = Instant.now();
    return ChronoUnit.MICROS.between(Instant.EPOCH, now);
  }

  /** Sends one save through {@code send} (blocking) and records it; returns the status, or NO_RESPONSE. */
  int record(long attemptId, int position, long seq, JsonObject answer, Sender send) {
    long sent = nowMicros();
    int status;
    String body;
    try {
      HttpResponse<Buffer> response = send.send();
      status = response.statusCode();
      body = response.bodyAsString();
    } catch (Exception e) { // a refused or reset connection comes as an IOException, thrown unchecked
      status = NO_RESPONSE;
      body = String.valueOf(e);
    }
    saves.add(new Save(attemptId, position, seq, answer, sent, nowMicros(), status, body));
    return status;
  }

  void add(Save save) {
    saves.add(save);
  }

  interface Sender {
    HttpResponse<Buffer> send();
  }

  List<Save> all() {
    synchronized (saves) {
      return List.copyOf(saves);
    }
  }

  long acknowledged() {
    return all().stream().filter(Save::acknowledged).count();
  }

  /** The answer a save with this seq carried, if one was sent. */
  Optional<JsonObject> sent(long attemptId, int position, long seq) {
    return all().stream().filter(s -> s.attemptId == attemptId && s.position == position && s.seq == seq)
        .map(Save::answer).findFirst();
  }

  /**
   * Every save that was answered 2xx is in PostgreSQL: its question's stored seq is at least the saved one, and
   * the stored answer is exactly the one sent with the stored seq (a later save may have landed without its
   * answer reaching the client, which is allowed: the page resends it).
   */
  void assertEveryAcknowledgedSaveStored(Db db) {
    Map<Long, Map<Integer, Long>> highest = all().stream().filter(Save::acknowledged).collect(Collectors.groupingBy(
        Save::attemptId, Collectors.groupingBy(Save::position, Collectors.reducing(0L, Save::seq, Math::max))));
    assertThat(highest).as("some saves were acknowledged").isNotEmpty();
    highest.forEach((attemptId, positions) -> {
      Map<Integer, Db.Stored> stored = db.responses(attemptId);
      positions.forEach((position, seq) -> {
        Db.Stored row = stored.get(position);
        assertThat(row).as("attempt " + attemptId + " question " + position + ": saved with seq " + seq).isNotNull();
        assertThat(row.seq()).as("attempt " + attemptId + " question " + position + " stored seq").isGreaterThanOrEqualTo(seq);
        assertThat(sent(attemptId, position, row.seq())).as("attempt " + attemptId + " question " + position
            + " stored answer is the one sent with seq " + row.seq()).contains(row.answer());
      });
    });
  }

  static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
