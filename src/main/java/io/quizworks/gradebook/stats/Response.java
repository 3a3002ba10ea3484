package io.quizworks.gradebook.stats;

import java.util.HashSet;
import java.util.List;

/**
 * What one student earned on one item they were presented, and for a choice item which choice labels they
 * picked (empty when they picked none; one label for single choice and true/false, any number for
 * multiple response). An item a student was not presented has no {@code Response} at all.
 */
public record Response(double points, List<String> picked) {

  public Response {
    if (!Double.isFinite(points) || points < 0) {
      throw new IllegalArgumentException("points must be a number of at least 0, was " + points);
    }
    picked = List.copyOf(picked);
    if (new HashSet<>(picked).size() != picked.size()) {
      throw new IllegalArgumentException("a choice is picked at most once: " + picked);
    }
  }

  /** A response to an item without choices. */
  public static Response scored(double points) {
    return new Response(points, List.of());
  }

  /** A response to a choice item; no labels means the student picked nothing. */
  public static Response choice(double points, String... picked) {
    return new Response(points, List.of(picked));
  }
}
