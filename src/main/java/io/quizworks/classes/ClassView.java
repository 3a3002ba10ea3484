package io.quizworks.classes;

import java.util.List;

/** Everything the class page shows: the class, its students and its quizzes. */
public record ClassView(long id, String name, String joinCode, List<StudentRow> students, List<QuizRow> quizzes) {
  public ClassView {
    students = List.copyOf(students);
    quizzes = List.copyOf(quizzes);
  }

  public String displayCode() {
    return JoinCodes.display(joinCode);
  }

  public boolean has(long studentId) {
    return students.stream().anyMatch(s -> s.id() == studentId);
  }

  /** A student as the class page lists them; optional values are empty strings. */
  public record StudentRow(long id, String name, String studentNumber, String email, String allowance,
      boolean hasPassword, boolean hasSetupCode) {}

  /** A quiz as the class page lists it, its times already written out for people. */
  public record QuizRow(long id, String title, String timeLimit, String opens, String closes) {}
}
