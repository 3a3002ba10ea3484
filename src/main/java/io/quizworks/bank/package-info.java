/**
 * Question banks: the question model, the CSV format teachers write, its validation, and writing banks
 * to PostgreSQL all-or-nothing. The same reader and importer serve the banks shipped in {@code questions/}
 * and (later) teachers' uploads.
 */
package io.quizworks.bank;
