package io.quizworks.bank;

/** What an import changed: questions new to the bank, changed, left as they were, and retired. */
public record ImportSummary(String bankSlug, int added, int updated, int unchanged, int retired) {}
