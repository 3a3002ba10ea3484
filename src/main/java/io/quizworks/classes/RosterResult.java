package io.quizworks.classes;

import io.quizworks.bank.RowError;
import java.util.List;

/**
 * What a roster upload did: the students it added with their one-time codes, and how many it updated or
 * found unchanged; or, when {@link #errors()} is not empty, why it wrote nothing.
 */
public record RosterResult(List<IssuedCode> added, int updated, int unchanged, List<RowError> errors) {
  public RosterResult {
    added = List.copyOf(added);
    errors = List.copyOf(errors);
  }

  static RosterResult rejected(List<RowError> errors) {
    return new RosterResult(List.of(), 0, 0, errors);
  }

  public boolean isApplied() {
    return errors.isEmpty();
  }
}
