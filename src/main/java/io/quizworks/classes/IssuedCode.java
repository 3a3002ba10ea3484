package io.quizworks.classes;

/** A one-time sign-in code given to a student, in the form it is shown (once) to the teacher. */
public record IssuedCode(String name, String studentNumber, String code) {}
