package io.quizworks.classes;

/** A class as the teacher's home page lists it. */
public record ClassSummary(long id, String name, String joinCode, long students, long quizzes) {
  public String displayCode() {
    return JoinCodes.display(joinCode);
  }
}
