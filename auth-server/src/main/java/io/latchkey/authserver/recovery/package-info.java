/**
 * Account recovery: "forgot password" by a single-use link sent by mail, on the pages and
 * through the JSON API ({@code /api/auth/password-reset}).
 */
package io.latchkey.authserver.recovery;
