/**
 * JWT signing keys: kept in PostgreSQL with the private part encrypted, shared by
 * every instance, rotated on a schedule, published in JWKS while still needed.
 */
package io.latchkey.authserver.keys;
