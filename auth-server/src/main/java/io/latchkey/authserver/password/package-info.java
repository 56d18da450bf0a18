/**
 * The {@code password} grant (RFC 6749 section 4.3) as an extension grant for first-party
 * clients only: OAuth 2.1 dropped it and Spring no longer ships it. Tokens are identical
 * in form to the code flow's: same generator, same claims, same rotation and revocation.
 */
package io.latchkey.authserver.password;
