package io.quizworks.gradebook;

import java.util.Locale;
import java.util.Optional;

/** A choice the exports page offers, named in the URL by {@link #parameter()}. */
interface ExportOption {
  String parameter();

  /** The option a query parameter names, in any case; a missing parameter means {@code fallback}. */
  static <T extends ExportOption> Optional<T> named(T[] options, String parameter, T fallback) {
    if (parameter == null || parameter.isBlank()) {
      return Optional.of(fallback);
    }
    String wanted = parameter.strip().toLowerCase(Locale.ROOT);
    for (T option : options) {
      if (option.parameter().equals(wanted)) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }
}
