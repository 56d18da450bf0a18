/**
 * How passwords are hashed: Argon2id by default (OWASP parameters), bcrypt still
 * accepted, and outdated hashes upgraded at the next sign-in.
 */
package io.latchkey.store.password;
