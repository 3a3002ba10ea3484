package io.quizworks.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every save the server acknowledged, to be found again in PostgreSQL after the run: for each answer slot,
 * what is stored must be the newest acknowledged answer or a newer one, never older and never missing.
 */
final class SaveLedger {
  private final Map<BenchmarkDatabase.AnswerSlot, Long> newestAcknowledged = new HashMap<>();
  private final Set<Long> submitted = new HashSet<>();
  private long acknowledged;

  synchronized void saved(long attemptId, int position, long seq) {
    acknowledged++;
    newestAcknowledged.merge(new BenchmarkDatabase.AnswerSlot(attemptId, position), seq, Math::max);
  }

  synchronized void submitted(long attemptId) {
    submitted.add(attemptId);
  }

  /**
   * What the database holds against what was acknowledged.
   *
   * @param lostExamples up to ten slots whose acknowledged answer is missing, for the report
   */
  record Check(long acknowledgedSaves, long lostSaves, List<String> lostExamples, long acknowledgedSubmits,
      long recordedSubmits) {}

  synchronized Check check(BenchmarkDatabase database) {
    Set<Long> attempts = new HashSet<>();
    newestAcknowledged.keySet().forEach(slot -> attempts.add(slot.attemptId()));
    Map<BenchmarkDatabase.AnswerSlot, Long> stored = database.storedSeqs(attempts);
    long lost = 0;
    List<String> examples = new ArrayList<>();
    for (Map.Entry<BenchmarkDatabase.AnswerSlot, Long> entry : newestAcknowledged.entrySet()) {
      Long storedSeq = stored.get(entry.getKey());
      if (storedSeq == null || storedSeq < entry.getValue()) {
        lost++;
        if (examples.size() < 10) {
          examples.add("attempt " + entry.getKey().attemptId() + " question " + entry.getKey().position()
              + ": acknowledged seq " + entry.getValue() + ", stored " + storedSeq);
        }
      }
    }
    long recordedSubmits = submitted.isEmpty() ? 0 : database.submitted(submitted);
    return new Check(acknowledged, lost, examples, submitted.size(), recordedSubmits);
  }
}
