package io.quizworks.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The new-quiz form")
class QuizFormTest {
  private static final List<QuizForm.Topic> TOPICS = List.of(new QuizForm.Topic(1, "Roles", 8),
      new QuizForm.Topic(1, "Automation", 5), new QuizForm.Topic(2, "Economy", 3));
  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  private static QuizForm.Result read(Map<String, String> fields, List<String> banks, List<String> topics) {
    Map<String, String> all = new HashMap<>(Map.of("title", "Check", "questionCount", "10"));
    all.putAll(fields);
    return QuizForm.read(all::get, name -> name.equals("bank") ? banks : name.equals("topic") ? topics : List.of(),
        TOPICS, CHICAGO);
  }

  @Test
  @DisplayName("reads every setting, times in the school's time zone")
  void everything() {
    QuizForm.Result result = read(Map.of("timeLimit", "20", "opensAt", "2026-12-01T09:00", "closesAt",
        "2026-12-01T10:30", "attemptsAllowed", "3", "gradingMethod", "average", "reviewPolicy", "full", "reviewWhen",
        "after_close", "shuffleQuestions", "on"), List.of("1", "2"), List.of());
    assertThat(result.errors()).isEmpty();
    QuizSettings settings = result.settings();
    assertThat(settings.bankIds()).containsExactly(1L, 2L);
    assertThat(settings.timeLimitMinutes()).isEqualTo(20);
    assertThat(settings.opensAt()).isEqualTo(OffsetDateTime.parse("2026-12-01T09:00-06:00"));
    assertThat(settings.attemptsAllowed()).isEqualTo(3);
    assertThat(settings.gradingMethod()).isEqualTo("average");
    assertThat(settings.reviewPolicy()).isEqualTo("full");
    assertThat(settings.reviewAfterClose()).isTrue();
    assertThat(settings.shuffleQuestions()).isTrue();
    assertThat(settings.shuffleChoices()).isFalse();
  }

  @Test
  @DisplayName("refuses more questions than the chosen banks and topics hold, saying how many there are")
  void tooMany() {
    assertThat(read(Map.of("questionCount", "9"), List.of("1"), List.of("Roles")).errors())
        .containsEntry("questionCount", "The chosen banks and topics have 8 questions; ask for at most 8.");
    assertThat(read(Map.of("questionCount", "13"), List.of("1"), List.of()).isValid()).isTrue();
  }

  @Test
  @DisplayName("counts a fixed number per topic, refusing a topic that has too few")
  void perTopic() {
    QuizForm.Result ok = read(Map.of("perTopicCount", "3"), List.of("1", "2"), List.of());
    assertThat(ok.settings().questionCount()).isEqualTo(9);
    assertThat(read(Map.of("perTopicCount", "4"), List.of("1", "2"), List.of()).errors().get("perTopicCount"))
        .contains("Economy", "only 3");
  }

  @Test
  @DisplayName("needs a title and a bank the teacher may use, ignoring tampered bank ids")
  void required() {
    Map<String, String> errors = read(Map.of("title", " "), List.of("99", "x"), List.of()).errors();
    assertThat(errors).containsKeys("title", "bank");
  }

  @Test
  @DisplayName("refuses a close time before the open time, bad numbers and unknown options")
  void badValues() {
    Map<String, String> errors = read(Map.of("opensAt", "2026-12-01T10:00", "closesAt", "2026-12-01T09:00",
        "timeLimit", "0", "attemptsAllowed", "many", "gradingMethod", "best", "reviewPolicy", "all"), List.of("1"),
        List.of()).errors();
    assertThat(errors).containsKeys("closesAt", "timeLimit", "attemptsAllowed", "gradingMethod", "reviewPolicy");
    assertThat(read(Map.of("opensAt", "tomorrow"), List.of("1"), List.of()).errors())
        .containsEntry("opensAt", "Enter a date and time like 2026-12-01T09:00.");
  }

  @Test
  @DisplayName("means no time limit and one attempt when those fields are empty")
  void defaults() {
    QuizSettings settings = read(Map.of(), List.of("1"), List.of()).settings();
    assertThat(settings.timeLimitMinutes()).isNull();
    assertThat(settings.attemptsAllowed()).isEqualTo(1);
    assertThat(settings.gradingMethod()).isEqualTo("highest");
    assertThat(settings.reviewPolicy()).isEqualTo("score");
  }
}
