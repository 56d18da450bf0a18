/**
 * The OAuth 2.1 / OpenID Connect endpoints' security chain: which features it applies,
 * who gets what without credentials, what discovery advertises, and userinfo.
 */
package io.latchkey.authserver.authorization;
