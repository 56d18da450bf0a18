/** Signing in with an account of the shared store: loading users and upgrading outdated password hashes. */
package io.latchkey.authserver.account;
