/**
 * The user account: the {@code users} table and the only code that reads or writes it.
 * Password hashes go in and are checked here; they are never handed out in a profile.
 */
package io.latchkey.store.account;
