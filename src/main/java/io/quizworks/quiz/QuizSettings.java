package io.quizworks.quiz;

import java.time.OffsetDateTime;
import java.util.List;

/** A quiz as a teacher set it up; {@code topics} empty means every topic of the chosen banks. */
public record QuizSettings(
    String title,
    List<Long> bankIds,
    List<String> topics,
    int questionCount,
    Integer perTopicCount,
    Integer timeLimitMinutes,
    OffsetDateTime opensAt,
    OffsetDateTime closesAt,
    int attemptsAllowed,
    String gradingMethod,
    boolean shuffleQuestions,
    boolean shuffleChoices,
    String reviewPolicy,
    boolean reviewAfterClose) {

  public QuizSettings {
    bankIds = List.copyOf(bankIds);
    topics = List.copyOf(topics);
  }
}
