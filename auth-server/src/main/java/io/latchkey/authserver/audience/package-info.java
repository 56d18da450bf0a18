/**
 * Which resource servers an access token is for (its {@code aud}): the configured default,
 * or those a client names with RFC 8707 resource indicators at authorization or token time.
 */
package io.latchkey.authserver.audience;
