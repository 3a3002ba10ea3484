package io.quizworks.gradebook.stats;

import java.util.Map;
import java.util.Objects;

/**
 * One row of an {@link ItemMatrix}: a student's responses keyed by item id. An item missing from the map was
 * not presented to this student (quizzes may draw a random subset of a bank); an item that was presented
 * but left unanswered is a {@link Response} with 0 points and, for a choice item, no picks.
 */
public record StudentRow(String studentId, Map<String, Response> responses) {

  public StudentRow {
    Objects.requireNonNull(studentId, "studentId");
    responses = Map.copyOf(responses);
  }
}
