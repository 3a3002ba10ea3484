package io.quizworks.classes;

import java.util.Optional;

/**
 * One student from a roster file: {@code row} is the spreadsheet row it came from (for error messages),
 * {@code studentNumber} the school's student id, which identifies the student on a later upload.
 */
public record RosterEntry(int row, String studentNumber, String name, Optional<String> email) {}
