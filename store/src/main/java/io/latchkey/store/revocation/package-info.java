/**
 * Revocation: deny one access token ({@code jti}), one grant ({@code sid}), or every
 * token of a user issued before an instant. PostgreSQL holds the truth; Redis holds a
 * copy that answers all three questions for a token in one round trip, and is
 * re-filled from PostgreSQL whenever it comes back empty.
 */
package io.latchkey.store.revocation;
