/**
 * Who may call: auth-server's access tokens (RFC 9068) checked for signature, issuer,
 * audience, expiry, type and revocation; scopes and roles mapped to authorities.
 */
package io.latchkey.resourceapi.security;
