/**
 * Checking a password within its sign-in budgets, whichever way it arrives (the sign-in
 * page, the first-party API, the password grant), and the two ways that refuses.
 */
package io.latchkey.authserver.login;
