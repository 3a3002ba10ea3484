package io.quizworks.bank;

import java.util.Locale;
import java.util.Optional;

/** The seven kinds of question the format can express; {@link #code()} is the value of the CSV {@code type} cell. */
public enum QuestionType {
  SINGLE_CHOICE("Single choice"),
  MULTIPLE_RESPONSE("Multiple response"),
  TRUE_FALSE("True/false"),
  SHORT_ANSWER("Short answer"),
  NUMERIC("Numeric"),
  ORDERING("Ordering"),
  MATCHING("Matching");

  private final String displayName;

  QuestionType(String displayName) {
    this.displayName = displayName;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String displayName() {
    return displayName;
  }

  /** Choices are listed in choice_a… for these types (items to order and left-hand items count as choices). */
  public boolean hasChoices() {
    return this == SINGLE_CHOICE || this == MULTIPLE_RESPONSE || this == ORDERING || this == MATCHING;
  }

  /** Per-choice feedback only makes sense where a student picks choices. */
  public boolean hasChoiceFeedback() {
    return this == SINGLE_CHOICE || this == MULTIPLE_RESPONSE;
  }

  /** Accepts any letter case, and a space or hyphen for the underscore, as teachers type it. */
  public static Optional<QuestionType> fromCode(String cell) {
    String normalised = cell.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (QuestionType type : values()) {
      if (type.code().equals(normalised)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
