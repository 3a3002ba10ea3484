package io.quizworks.quiz;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the new-quiz form into settings, or into messages per field. Pure: the caller supplies the
 * submitted values and how many questions each bank/topic has, so every rule is testable without a server.
 */
public final class QuizForm {
  static final Set<String> GRADING_METHODS = Set.of("highest", "last", "first", "average");
  static final Set<String> REVIEW_POLICIES = Set.of("nothing", "score", "responses", "full");

  private QuizForm() {}

  /** A topic of a bank the teacher may use, with its count of live questions. */
  public record Topic(long bankId, String topic, long questions) {}

  /** Either settings, or the form's problems by field name. */
  public record Result(QuizSettings settings, Map<String, String> errors) {
    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /**
   * @param field reads one submitted value (null when absent)
   * @param all reads every value of a repeated field (checkbox groups)
   * @param available the topics of the banks the teacher may use
   * @param zone the school's time zone, in which the teacher typed the open and close times
   */
  public static Result read(Function<String, String> field, Function<String, List<String>> all,
      List<Topic> available, ZoneId zone) {
    Map<String, String> errors = new LinkedHashMap<>();
    String title = text(field.apply("title"));
    if (title.isEmpty() || title.length() > 120) {
      errors.put("title", "Give the quiz a title of up to 120 characters.");
    }
    List<Long> bankIds = new ArrayList<>();
    for (String id : all.apply("bank")) {
      try {
        long bankId = Long.parseLong(id);
        if (available.stream().anyMatch(t -> t.bankId() == bankId)) {
          bankIds.add(bankId);
        }
      } catch (NumberFormatException ignored) {
        // A tampered value simply names no bank.
      }
    }
    if (bankIds.isEmpty()) {
      errors.put("bank", "Choose at least one question bank.");
    }
    List<String> topics = all.apply("topic").stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    List<Topic> chosen = available.stream()
        .filter(t -> bankIds.contains(t.bankId()) && (topics.isEmpty() || topics.contains(t.topic()))).toList();
    Integer perTopic = optionalNumber(field.apply("perTopicCount"), 1, 200, "perTopicCount",
        "Questions per topic must be a whole number from 1 to 200, or empty.", errors);
    Integer count = optionalNumber(field.apply("questionCount"), 1, 500, "questionCount",
        "The number of questions must be a whole number from 1 to 500.", errors);
    long availableCount = chosen.stream().mapToLong(Topic::questions).sum();
    int questionCount = 0;
    if (perTopic != null) {
      Map<String, Long> byTopic = new LinkedHashMap<>();
      chosen.forEach(t -> byTopic.merge(t.topic(), t.questions(), Long::sum));
      byTopic.forEach((topic, n) -> {
        if (n < perTopic) {
          errors.putIfAbsent("perTopicCount", "The topic \u201c" + topic + "\u201d has only " + n
              + " questions in the chosen banks; ask for at most " + n + " per topic.");
        }
      });
      questionCount = perTopic * byTopic.size();
    } else if (count == null) {
      errors.putIfAbsent("questionCount", "Say how many questions each student gets.");
    } else if (!errors.containsKey("bank") && count > availableCount) {
      errors.put("questionCount", "The chosen banks and topics have " + availableCount + " questions; ask for at most "
          + availableCount + ".");
    } else {
      questionCount = count;
    }
    Integer timeLimit = optionalNumber(field.apply("timeLimit"), 1, 600, "timeLimit",
        "The time limit must be a whole number of minutes from 1 to 600, or empty for no limit.", errors);
    OffsetDateTime opensAt = dateTime(field.apply("opensAt"), zone, "opensAt", errors);
    OffsetDateTime closesAt = dateTime(field.apply("closesAt"), zone, "closesAt", errors);
    if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
      errors.put("closesAt", "The quiz must close after it opens.");
    }
    Integer attempts = optionalNumber(field.apply("attemptsAllowed"), 1, 50, "attemptsAllowed",
        "Attempts allowed must be a whole number from 1 to 50.", errors);
    String grading = choice(field.apply("gradingMethod"), GRADING_METHODS, "highest", "gradingMethod", errors);
    String review = choice(field.apply("reviewPolicy"), REVIEW_POLICIES, "score", "reviewPolicy", errors);
    QuizSettings settings = errors.isEmpty() ? new QuizSettings(title, bankIds, topics, questionCount, perTopic,
        timeLimit, opensAt, closesAt, attempts == null ? 1 : attempts, grading, checked(field.apply("shuffleQuestions")),
        checked(field.apply("shuffleChoices")), review, "after_close".equals(field.apply("reviewWhen"))) : null;
    return new Result(settings, errors);
  }

  private static String text(String value) {
    return value == null ? "" : value.strip();
  }

  private static boolean checked(String value) {
    return value != null && !value.isEmpty();
  }

  private static Integer optionalNumber(String value, int min, int max, String name, String message,
      Map<String, String> errors) {
    String text = text(value);
    if (text.isEmpty()) {
      return null;
    }
    try {
      int number = Integer.parseInt(text);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException ignored) {
      // Reported below with the field's own message.
    }
    errors.put(name, message);
    return null;
  }

  private static OffsetDateTime dateTime(String value, ZoneId zone, String name, Map<String, String> errors) {
    String text = text(value);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      errors.put(name, "Enter a date and time like 2026-12-01T09:00.");
      return null;
    }
  }

  private static String choice(String value, Set<String> allowed, String fallback, String name,
      Map<String, String> errors) {
    String text = text(value);
    if (text.isEmpty()) {
      return fallback;
    }
    if (!allowed.contains(text)) {
      errors.put(name, "Choose one of the options.");
    }
    return text;
  }
}
