/**
 * The OAuth 2.1 / OpenID Connect endpoints: their security chain, the JDBC stores of
 * clients, authorizations and consents, and what goes into the tokens.
 */
package io.latchkey.authserver.authorization;
