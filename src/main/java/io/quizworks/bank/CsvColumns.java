package io.quizworks.bank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The column names of the bank CSV format, shared by the reader and (later) the writer. */
public final class CsvColumns {
  public static final String ID = "id";
  public static final String TYPE = "type";
  public static final String PROMPT = "prompt";
  public static final String POINTS = "points";
  public static final String TOPIC = "topic";
  public static final String DIFFICULTY = "difficulty";
  public static final String ANSWER = "answer";
  public static final String TOLERANCE = "tolerance";
  public static final String FEEDBACK = "feedback";
  public static final String SOURCE = "source";
  public static final String NOTES = "notes";

  public static final int MAX_CHOICES = 8;
  public static final List<String> LABELS = List.of("A", "B", "C", "D", "E", "F", "G", "H");

  public static final List<String> REQUIRED = List.of(ID, TYPE, PROMPT, POINTS, TOPIC, DIFFICULTY);

  private CsvColumns() {}

  public static String choice(String label) {
    return "choice_" + label.toLowerCase(Locale.ROOT);
  }

  public static String match(String label) {
    return "match_" + label.toLowerCase(Locale.ROOT);
  }

  public static String choiceFeedback(String label) {
    return "feedback_" + label.toLowerCase(Locale.ROOT);
  }

  /** Every column the format knows, in the order a writer puts them. */
  public static Set<String> all() {
    List<String> names = new ArrayList<>(List.of(ID, TYPE, TOPIC, DIFFICULTY, POINTS, PROMPT));
    LABELS.forEach(label -> names.add(choice(label)));
    LABELS.forEach(label -> names.add(match(label)));
    names.addAll(List.of(ANSWER, TOLERANCE, FEEDBACK));
    LABELS.forEach(label -> names.add(choiceFeedback(label)));
    names.addAll(List.of(SOURCE, NOTES));
    return new LinkedHashSet<>(names);
  }
}
