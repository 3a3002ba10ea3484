package io.quizworks.bank;

import java.util.List;

/** The outcome of reading a bank file: its questions when {@link #errors()} is empty, nothing to write otherwise. */
public record ParsedBank(List<Question> questions, List<RowError> errors) {

  public ParsedBank {
    questions = List.copyOf(questions);
    errors = List.copyOf(errors);
  }

  static ParsedBank failed(List<RowError> errors) {
    return new ParsedBank(List.of(), errors);
  }

  public boolean isValid() {
    return errors.isEmpty();
  }
}
