/**
 * Quizzes and attempts: a teacher's quiz settings, drawing each student's questions, the server-owned
 * deadline, autosaved responses, submission (by the student, at the deadline, or by the sweep), and the
 * review a student may see afterwards.
 */
package io.quizworks.quiz;
