package io.quizworks.bank;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bank as the bank list shows it: whether it is the teacher's own upload (or shared), and how many live
 * questions it has, by type and by topic.
 */
public record BankSummary(
    String slug, String title, boolean own, long total, List<Count> byType, List<Count> byTopic) {

  public record Count(String name, long count) {

    /** Questions not stored yet (an upload's preview) counted as the list counts a bank: types in the format's order. */
    static List<Count> byType(List<Question> questions) {
      List<Count> counts = new ArrayList<>();
      for (QuestionType type : QuestionType.values()) {
        long count = questions.stream().filter(question -> question.type() == type).count();
        if (count > 0) {
          counts.add(new Count(type.displayName(), count));
        }
      }
      return counts;
    }

    /** The same by topic, in the order the topics first appear. */
    static List<Count> byTopic(List<Question> questions) {
      Map<String, Long> topics = new LinkedHashMap<>();
      questions.forEach(question -> topics.merge(question.topic(), 1L, Long::sum));
      return topics.entrySet().stream().map(topic -> new Count(topic.getKey(), topic.getValue())).toList();
    }
  }
}
