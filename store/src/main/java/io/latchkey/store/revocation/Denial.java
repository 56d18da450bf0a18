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

    /** What Redis keeps: a user denial's threshold in epoch milliseconds, otherwise a marker. */
    String redisValue() {
        return this.notBefore != null ? Long.toString(this.notBefore.toEpochMilli()) : "1";
    }

    /**
     * A user denial's threshold as Redis holds it, in epoch milliseconds. NOTE: earlier
     * builds wrote epoch seconds, and a Redis may still hold such a value for up to
     * {@code max-token-lifetime}: a number under 10^11 (the year 5138 in seconds, 1973 in
     * milliseconds) is read as seconds.
     */
    static long notBeforeMillis(String redisValue) {
        long value = Long.parseLong(redisValue);
        return value < 100_000_000_000L ? value * 1000 : value;
    }
}
