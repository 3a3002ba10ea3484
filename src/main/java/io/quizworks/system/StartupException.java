package io.quizworks.system;

/** A start-up failure with a message an IT person can act on; printed as one line, without a stack trace. */
public final class StartupException extends RuntimeException {
  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
