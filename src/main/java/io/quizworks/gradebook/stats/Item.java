package io.quizworks.gradebook.stats;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One column of an {@link ItemMatrix}: a question as the analysis sees it. {@code choiceLabels} is empty for
 * questions without choices (short answer, numeric, ordering, matching); for single choice, multiple
 * response and true/false it lists every choice in display order (e.g. {@code A, B, C, D} or
 * {@code True, False}) and {@code correctLabels} says which of them are keyed correct. Every other choice
 * is a <em>distractor</em>.
 */
public record Item(String id, double maxPoints, List<String> choiceLabels, Set<String> correctLabels) {

  public Item {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("an item needs an id");
    }
    if (!Double.isFinite(maxPoints) || maxPoints <= 0) {
      throw new IllegalArgumentException("item " + id + ": max points must be a positive number, was " + maxPoints);
    }
    choiceLabels = List.copyOf(choiceLabels);
    if (new HashSet<>(choiceLabels).size() != choiceLabels.size()) {
      throw new IllegalArgumentException("item " + id + ": choice labels repeat: " + choiceLabels);
    }
    // Kept in choice order, so reports list them the way the question shows them.
    Set<String> correct = Set.copyOf(correctLabels);
    if (!choiceLabels.containsAll(correct)) {
      throw new IllegalArgumentException("item " + id + ": correct labels " + correct
          + " are not all among the choices " + choiceLabels);
    }
    if (!choiceLabels.isEmpty() && correct.isEmpty()) {
      throw new IllegalArgumentException("item " + id + ": a choice item needs at least one correct choice");
    }
    LinkedHashSet<String> inChoiceOrder = new LinkedHashSet<>();
    for (String label : choiceLabels) {
      if (correct.contains(label)) {
        inChoiceOrder.add(label);
      }
    }
    correctLabels = Collections.unmodifiableSet(inChoiceOrder);
  }

  /** A question without choices: only its points are analysed. */
  public static Item scored(String id, double maxPoints) {
    return new Item(id, maxPoints, List.of(), Set.of());
  }

  /** A single choice, multiple response or true/false question. */
  public static Item choice(String id, double maxPoints, List<String> choiceLabels, Collection<String> correct) {
    return new Item(id, maxPoints, choiceLabels, Set.copyOf(correct));
  }

  public boolean isChoice() {
    return !choiceLabels.isEmpty();
  }

  /** The choices not keyed correct, in display order. */
  public List<String> distractors() {
    return choiceLabels.stream().filter(label -> !correctLabels.contains(label)).collect(Collectors.toUnmodifiableList());
  }
}
