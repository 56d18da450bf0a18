/**
 * Refresh tokens for public clients such as browser apps (RFC 9700 section 4.14): issued
 * only to a registration that rotates them, and redeemed or revoked by a client that can
 * only say who it is ({@code client_id}), since it holds no secret.
 */
package io.latchkey.authserver.publicclient;
