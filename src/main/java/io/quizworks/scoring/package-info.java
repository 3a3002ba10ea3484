/**
 * Scoring: what a student answered to one question ({@link io.quizworks.scoring.Response}), how that answer
 * travels between browser, server and database as JSON ({@link io.quizworks.scoring.ResponseJson}), and how
 * many points it earns ({@link io.quizworks.scoring.Scorer}, {@link io.quizworks.scoring.Score}).
 *
 * <p>The package is pure: no I/O, no clock, no database, so every rule can be checked by a plain unit test
 * and re-scoring a stored attempt always gives the same result. The rules are written out for teachers in
 * {@code questions/README.md}, section "Scoring".
 */
package io.quizworks.scoring;
