package io.quizworks.classes;

import io.quizworks.bank.RowError;
import java.util.List;

/** A roster file read whole: its students when {@link #errors()} is empty, nothing to write otherwise. */
public record ParsedRoster(List<RosterEntry> entries, List<RowError> errors) {

  public ParsedRoster {
    entries = List.copyOf(entries);
    errors = List.copyOf(errors);
  }

  static ParsedRoster failed(List<RowError> errors) {
    return new ParsedRoster(List.of(), errors);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }
}
