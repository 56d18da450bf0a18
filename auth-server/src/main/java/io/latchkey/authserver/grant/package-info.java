/**
 * The grants this server keeps: Spring's authorizations and consents in PostgreSQL, with
 * token values stored only as digests, one upsert per save, a transaction per call, a grant
 * looked up once per request, none kept for client credentials, and ended grants purged.
 */
package io.latchkey.authserver.grant;
