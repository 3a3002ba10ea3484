package io.quizworks.bank;

import java.util.List;

/**
 * A bank as the bank list shows it: whether it is the teacher's own upload (or shared), and how many live
 * questions it has, by type and by topic.
 */
public record BankSummary(
    String slug, String title, boolean own, long total, List<Count> byType, List<Count> byTopic) {

  public record Count(String name, long count) {}
}
