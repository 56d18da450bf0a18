/**
 * Revocation on the authorization server: refresh-token rotation with reuse detection,
 * {@code /oauth2/revoke} and {@code /oauth2/introspect} backed by the shared revocation store.
 */
package io.latchkey.authserver.revocation;
