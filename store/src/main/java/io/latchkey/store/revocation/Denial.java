package io.latchkey.store.revocation;

import java.time.Instant;

/**
 * One denial as stored in PostgreSQL and copied to Redis.
 *
 * @param kind      token, grant or user
 * @param value     the jti, grant id or account id
 * @param notBefore for a user denial, tokens issued before this are denied; null otherwise
 * @param expiresAt when the denial no longer matters (every token it covers has expired)
 */
record Denial(Kind kind, String value, Instant notBefore, Instant expiresAt) {

    enum Kind {
        TOKEN, GRANT, USER;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What Redis keeps: a user denial's threshold in epoch seconds, otherwise a marker. */
    String redisValue() {
        return this.notBefore != null ? Long.toString(this.notBefore.getEpochSecond()) : "1";
    }
}
