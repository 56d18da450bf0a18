/**
 * Making an account: the sign-up page and the rule both it and the JSON API follow (a
 * per-address budget in Redis before any hash, optionally hiding which addresses are taken).
 */
package io.latchkey.authserver.signup;
