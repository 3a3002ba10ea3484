/**
 * Start-up and wiring: configuration from the environment, preparing the database (creating it when
 * allowed, Flyway migrations), the connection pool, and starting the HTTP server.
 */
package io.quizworks.system;
