package io.quizworks.gradebook.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The input of an item analysis: N students (rows) by K items (columns). A cell is the {@link Response} of
 * a student to an item, or absent when the item was not presented to that student.
 *
 * <p>Checked whole when built: item and student ids are unique; every response names a known item; its
 * points are between 0 and the item's max; picks are given only for choice items and name only that
 * item's choices. Clamp teacher overrides above the max before building a matrix.
 */
public record ItemMatrix(List<Item> items, List<StudentRow> students) {

  public ItemMatrix {
    items = List.copyOf(items);
    students = List.copyOf(students);
    Map<String, Item> byId = new HashMap<>();
    for (Item item : items) {
      if (byId.put(item.id(), item) != null) {
        throw new IllegalArgumentException("item id " + item.id() + " appears twice");
      }
    }
    Set<String> studentIds = new HashSet<>();
    for (StudentRow row : students) {
      if (!studentIds.add(row.studentId())) {
        throw new IllegalArgumentException("student id " + row.studentId() + " appears twice");
      }
      for (Map.Entry<String, Response> cell : row.responses().entrySet()) {
        Item item = byId.get(cell.getKey());
        if (item == null) {
          throw new IllegalArgumentException(
              "student " + row.studentId() + " has a response to unknown item " + cell.getKey());
        }
        check(row.studentId(), item, cell.getValue());
      }
    }
  }

  private static void check(String student, Item item, Response response) {
    String where = "student " + student + ", item " + item.id() + ": ";
    if (response.points() > item.maxPoints()) {
      throw new IllegalArgumentException(
          where + response.points() + " points is more than the item's max of " + item.maxPoints());
    }
    if (!item.isChoice() && !response.picked().isEmpty()) {
      throw new IllegalArgumentException(where + "picks given for an item without choices");
    }
    for (String label : response.picked()) {
      if (!item.choiceLabels().contains(label)) {
        throw new IllegalArgumentException(where + "picked " + label + ", which is not one of " + item.choiceLabels());
      }
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public int studentCount() {
    return students.size();
  }

  public int itemCount() {
    return items.size();
  }

  /** The response of student {@code student} (row index) to item {@code item} (column index), if presented. */
  public Optional<Response> response(int student, int item) {
    return Optional.ofNullable(students.get(student).responses().get(items.get(item).id()));
  }

  /**
   * The same students restricted to the given items, in this matrix's item order; useful to compute a
   * reliability on the items every student saw when a quiz draws random subsets.
   */
  public ItemMatrix restrictedTo(Collection<String> itemIds) {
    Set<String> keep = Set.copyOf(itemIds);
    List<Item> kept = items.stream().filter(item -> keep.contains(item.id())).toList();
    if (kept.size() != keep.size()) {
      throw new IllegalArgumentException("unknown item ids among " + itemIds);
    }
    List<StudentRow> rows = new ArrayList<>();
    for (StudentRow row : students) {
      Map<String, Response> cells = new LinkedHashMap<>(row.responses());
      cells.keySet().retainAll(keep);
      rows.add(new StudentRow(row.studentId(), cells));
    }
    return new ItemMatrix(kept, rows);
  }

  /** Builds a matrix row by row, cells given in item order. */
  public static final class Builder {
    private final List<Item> items = new ArrayList<>();
    private final List<StudentRow> students = new ArrayList<>();

    private Builder() {}

    public Builder item(Item item) {
      items.add(Objects.requireNonNull(item, "item"));
      return this;
    }

    public Builder items(Item... more) {
      for (Item item : more) {
        item(item);
      }
      return this;
    }

    /**
     * A student's responses in the order the items were added; {@code null} (or a missing trailing cell)
     * means the item was not presented to this student.
     */
    public Builder student(String studentId, Response... cells) {
      if (cells.length > items.size()) {
        throw new IllegalArgumentException(
            "student " + studentId + " has " + cells.length + " cells for " + items.size() + " items");
      }
      Map<String, Response> responses = new LinkedHashMap<>();
      for (int i = 0; i < cells.length; i++) {
        if (cells[i] != null) {
          responses.put(items.get(i).id(), cells[i]);
        }
      }
      students.add(new StudentRow(studentId, responses));
      return this;
    }

    /** A student's points in item order, for items without picks; {@code null} means not presented. */
    public Builder scores(String studentId, Double... points) {
      Response[] cells = new Response[points.length];
      for (int i = 0; i < points.length; i++) {
        cells[i] = points[i] == null ? null : Response.scored(points[i]);
      }
      return student(studentId, cells);
    }

    public ItemMatrix build() {
      return new ItemMatrix(items, students);
    }
  }
}
