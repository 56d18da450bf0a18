/**
 * What shapes the tokens: their settings ({@code latchkey.tokens}), scopes, the claims of
 * access and ID tokens, the one generator every grant issues through, and the decoder of
 * this server's own access tokens.
 */
package io.latchkey.authserver.token;
