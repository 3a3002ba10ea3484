package io.quizworks.bank;

import java.util.Locale;
import java.util.Optional;

public enum Difficulty {
  EASY,
  MEDIUM,
  HARD;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Difficulty> fromCode(String cell) {
    String normalised = cell.strip().toLowerCase(Locale.ROOT);
    for (Difficulty difficulty : values()) {
      if (difficulty.code().equals(normalised)) {
        return Optional.of(difficulty);
      }
    }
    return Optional.empty();
  }
}
