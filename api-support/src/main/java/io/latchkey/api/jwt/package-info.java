/**
 * Verifying Latchkey's JWT access tokens, shared by the servers that accept them: a
 * signature checked once per token, its claims on every request.
 */
package io.latchkey.api.jwt;
