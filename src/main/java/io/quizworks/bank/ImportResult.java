package io.quizworks.bank;

import java.util.List;
import java.util.Optional;

/** Either what an import changed, or every problem that kept the file from being imported at all. */
public record ImportResult(Optional<ImportSummary> summary, List<RowError> errors) {

  public ImportResult {
    errors = List.copyOf(errors);
  }

  static ImportResult imported(ImportSummary summary) {
    return new ImportResult(Optional.of(summary), List.of());
  }

  static ImportResult rejected(List<RowError> errors) {
    return new ImportResult(Optional.empty(), errors);
  }

  public boolean isImported() {
    return summary.isPresent();
  }
}
