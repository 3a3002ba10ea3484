package io.quizworks.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A student's answer to one question, one shape per question type, as the student gave it: nothing is
 * normalised or validated against the question here, so a stored response can always be re-scored under
 * the rules of the day.
 *
 * <p>A response other than {@link None} always holds something: an empty list or blank text is not a
 * second way of saying "no answer", which keeps {@link ResponseJson}'s round trip exact.
 */
public sealed interface Response {

  /** The one "no answer" value, so callers need not construct it. */
  None NONE = new None();

  /** The student has not answered, or cleared the answer. */
  record None() implements Response {}

  record SingleChoice(String label) implements Response {
    public SingleChoice {
      requireText(label, "label");
    }
  }

  /** Labels in the order picked; duplicates and unknown labels are kept for the scorer to judge. */
  record MultipleResponse(List<String> labels) implements Response {
    public MultipleResponse {
      labels = requireEntries(labels, "labels");
    }
  }

  record TrueFalse(boolean value) implements Response {}

  /** Exactly as typed; matching against the accepted answers normalises a copy. */
  record ShortAnswer(String text) implements Response {
    public ShortAnswer {
      requireText(text, "text");
    }
  }

  /** Exactly as typed, so an answer such as "2,5" or "about 3" is kept and can be shown back to the teacher. */
  record Numeric(String text) implements Response {
    public Numeric {
      requireText(text, "text");
    }
  }

  /** Item labels from first to last; a partial or repetitive order is still an answer that earns credit. */
  record Ordering(List<String> labels) implements Response {
    public Ordering {
      labels = requireEntries(labels, "labels");
    }
  }

  /** Left-hand item label to the right-hand text chosen for it; items left unpaired are simply absent. */
  record Matching(Map<String, String> pairs) implements Response {
    public Matching {
      Objects.requireNonNull(pairs, "pairs");
      if (pairs.isEmpty()) {
        throw new IllegalArgumentException("pairs is empty: use Response.NONE for no answer");
      }
      pairs.forEach((label, text) -> {
        requireText(label, "a pair's label");
        requireText(text, "the text paired with " + label);
      });
      pairs = Collections.unmodifiableMap(new LinkedHashMap<>(pairs));
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (Texts.isBlank(value)) {
      throw new IllegalArgumentException(name + " is blank: use Response.NONE for no answer");
    }
  }

  private static List<String> requireEntries(List<String> values, String name) {
    List<String> copy = List.copyOf(Objects.requireNonNull(values, name));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty: use Response.NONE for no answer");
    }
    return copy;
  }
}
