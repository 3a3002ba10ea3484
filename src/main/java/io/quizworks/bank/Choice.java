package io.quizworks.bank;

/**
 * One choice of a question, labelled A–H as in the CSV. For ordering questions it is an item to put in
 * order; for matching questions the left-hand item. {@code feedback} is empty when the author gave none.
 */
public record Choice(String label, String text, String feedback) {}
