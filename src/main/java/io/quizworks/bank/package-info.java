/**
 * Question banks: the question model, the CSV format teachers write, its validation, and writing banks
 * to PostgreSQL all-or-nothing. The same reader and importer serve the banks shipped in {@code questions/}
 * and teachers' uploads; the same writer gives any bank back as a CSV download.
 */
package io.quizworks.bank;
