package io.quizworks.bank;

import java.util.List;

/** A bank as the bank list shows it: how many live questions, by type and by topic. */
public record BankSummary(String slug, String title, long total, List<Count> byType, List<Count> byTopic) {

  public record Count(String name, long count) {}
}
