/**
 * What every page and endpoint shares: HTML templates with escaping on, security headers, static assets,
 * error pages that never leak internals, and the health check.
 */
package io.quizworks.web;
