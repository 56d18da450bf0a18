/**
 * Real PostgreSQL and Redis, started by the application itself when no external
 * servers are configured, so one command runs Latchkey on a fresh machine.
 */
package io.latchkey.embedded;
