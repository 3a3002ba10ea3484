/**
 * Classes as a teacher runs them: join codes, rosters uploaded as CSV, each student's time allowance and
 * one-time sign-in code; and, for students, joining a class with its code and setting a first password.
 */
package io.quizworks.classes;
