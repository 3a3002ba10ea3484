package io.quizworks.bank;

import java.util.List;

/** A bank with its live questions and their keys: a teacher's view, never a student's. */
public record BankPreview(String slug, String title, List<Question> questions) {}
