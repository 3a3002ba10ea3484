package io.quizworks.scoring;

/**
 * A saved answer that cannot be what the question's page sends. The message is meant to be shown as is,
 * so it names the offending value in a teacher's words (choice letters, item texts), not in Java's.
 */
public final class InvalidResponseException extends RuntimeException {
  public InvalidResponseException(String message) {
    super(message);
  }
}
