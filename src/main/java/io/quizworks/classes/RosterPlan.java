package io.quizworks.classes;

import io.quizworks.bank.RowError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a valid roster file does to a class, worked out from the file and the class's students as they
 * are: a row whose student id the class has updates that student, any other row adds one. A row may not
 * take a name another student of the class has now (names are how students sign in), so no write in the
 * plan can collide with the class's unique names. Pure, so the rules are tested without a database.
 */
public record RosterPlan(List<RosterEntry> additions, List<Update> updates, int unchanged, List<RowError> errors) {

  /** A student of the class as stored; {@code studentNumber} and {@code email} may be null. */
  public record Existing(long id, String studentNumber, String name, String email) {}

  public record Update(long studentId, RosterEntry entry) {}

  public RosterPlan {
    additions = List.copyOf(additions);
    updates = List.copyOf(updates);
    errors = List.copyOf(errors);
  }

  public static RosterPlan of(List<RosterEntry> entries, List<Existing> students) {
    Map<String, Existing> byNumber = new HashMap<>();
    Map<String, Existing> byName = new HashMap<>();
    for (Existing student : students) {
      if (student.studentNumber() != null) {
        byNumber.put(student.studentNumber(), student);
      }
      byName.put(key(student.name()), student);
    }
    List<RosterEntry> additions = new ArrayList<>();
    List<Update> updates = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    int unchanged = 0;
    for (RosterEntry entry : entries) {
      Existing same = byNumber.get(entry.studentNumber());
      Existing named = byName.get(key(entry.name()));
      if (named != null && named != same) {
        errors.add(new RowError(entry.row(), RosterCsvReader.Column.NAME.label,
            "`" + entry.name() + "`, the name of another student of this class"
                + (named.studentNumber() == null ? "" : " (student id " + named.studentNumber() + ")"),
            "a name no other student of the class has: add an initial or a surname"));
      } else if (same == null) {
        additions.add(entry);
      } else if (same.name().equals(entry.name()) && Objects.equals(same.email(), entry.email().orElse(null))) {
        unchanged++;
      } else {
        updates.add(new Update(same.id(), entry));
      }
    }
    return errors.isEmpty()
        ? new RosterPlan(additions, updates, unchanged, List.of())
        : new RosterPlan(List.of(), List.of(), 0, errors);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
