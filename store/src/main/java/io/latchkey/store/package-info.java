/**
 * What auth-server and resource-api keep in PostgreSQL and Redis, defined once: the
 * Liquibase schema ({@code db/changelog}), accounts, password hashing, grants, revocations,
 * ending grants, sign-in budgets and the audit trail; this package wires them.
 */
package io.latchkey.store;
