package io.latchkey.store.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;

/**
 * The copy of the denials in Redis, one key per denial with a TTL equal to the time it
 * still matters, plus a marker key that exists only once the copy is complete: a
 * Redis that lost its data (restart without persistence, flush, failover) lacks the
 * marker, and the store re-fills it before trusting it.
 */
class RedisRevocationMirror {

    private static final String NONE = "-";

    private final StringRedisTemplate redis;
    private final String prefix;
    private final String filledMarker;

    RedisRevocationMirror(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
        this.filledMarker = prefix + "filled";
    }

    /**
     * One round trip for all three denials.
     * @return whether the token is denied, or null when Redis is not filled
     */
    Boolean isDenied(TokenFacts token) {
        List<String> values = this.redis.opsForValue().multiGet(List.of(
                this.filledMarker,
                key(Denial.Kind.TOKEN, token.jti()),
                key(Denial.Kind.GRANT, token.sid()),
                key(Denial.Kind.USER, token.subject())));
        if (values == null || values.get(0) == null) {
            return null;
        }
        if (values.get(1) != null || values.get(2) != null) {
            return true;
        }
        String notBefore = values.get(3);
        // iat has whole seconds: a token is denied when issued in an earlier second than the denial.
        return notBefore != null
                && token.issuedAt().getEpochSecond() < Math.floorDiv(Denial.notBeforeMillis(notBefore), 1000);
    }

    /**
     * Whether the user was signed out everywhere at or after {@code instant}, to the millisecond
     * (the same millisecond counts: which came first cannot be told).
     * @return null when Redis is not filled
     */
    Boolean signedOutSince(String subject, Instant instant) {
        List<String> values = this.redis.opsForValue().multiGet(List.of(this.filledMarker, key(Denial.Kind.USER, subject)));
        if (values == null || values.get(0) == null) {
            return null;
        }
        return values.get(1) != null && instant.toEpochMilli() <= Denial.notBeforeMillis(values.get(1));
    }

    void ping() {
        this.redis.execute((RedisCallback<String>) connection -> connection.ping());
    }

    void write(Denial denial, Instant now) {
        writeAll(List.of(denial), now);
    }

    /** Copies every denial (pipelined), then sets the marker that says the copy is complete. */
    void fill(List<Denial> denials, Instant now) {
        writeAll(denials, now);
        this.redis.opsForValue().set(this.filledMarker, now.toString());
    }

    private void writeAll(List<Denial> denials, Instant now) {
        List<Denial> live = new ArrayList<>();
        for (Denial denial : denials) {
            if (denial.expiresAt().isAfter(now)) {
                live.add(denial);
            }
        }
        if (live.isEmpty()) {
            return;
        }
        this.redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Denial denial : live) {
                Duration ttl = Duration.between(now, denial.expiresAt());
                connection.stringCommands().set(bytes(key(denial.kind(), denial.value())), bytes(denial.redisValue()),
                        Expiration.milliseconds(Math.max(1, ttl.toMillis())), SetOption.upsert());
            }
            return null;
        });
    }

    private String key(Denial.Kind kind, String value) {
        return this.prefix + kind.column() + ":" + (value == null ? NONE : value);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
