/**
 * Teachers and students as people who sign in: password hashing, server-side sessions in PostgreSQL,
 * sign-in throttling, and the sign-up, sign-in and sign-out pages.
 */
package io.quizworks.accounts;
