package io.quizworks.gradebook.stats;

import java.util.Objects;
import java.util.Optional;

/**
 * A reason to look at a question again, with a sentence a teacher can read. {@code choice} names the
 * distractor for the two distractor flags and is empty for the others. Thresholds are in
 * {@link ItemAnalysis}.
 */
public record Flag(Kind kind, Optional<String> choice, String reason) {

  public enum Kind {
    /** Facility below {@link ItemAnalysis#VERY_HARD_BELOW}. */
    VERY_HARD("Very hard"),
    /** Facility above {@link ItemAnalysis#VERY_EASY_ABOVE}. */
    VERY_EASY("Very easy"),
    /** Discrimination (a defined one) below {@link ItemAnalysis#LOW_DISCRIMINATION_BELOW}. */
    LOW_DISCRIMINATION("Does not separate strong from weak students"),
    /** A distractor that none of the students presented the item picked. */
    UNPICKED_DISTRACTOR("Distractor nobody picked"),
    /** A distractor picked by more students of the top third than of the bottom third. */
    DISTRACTOR_FAVOURS_TOP_GROUP("Distractor picked more by strong students");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    /** A short heading for the flag, e.g. for a badge or a CSV column. */
    public String title() {
      return title;
    }
  }

  public Flag {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(reason, "reason");
  }
}
