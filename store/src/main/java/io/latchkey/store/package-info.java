/**
 * What auth-server and resource-api keep in PostgreSQL, defined once: the Liquibase
 * schema ({@code db/changelog}), accounts and password hashing.
 */
package io.latchkey.store;
