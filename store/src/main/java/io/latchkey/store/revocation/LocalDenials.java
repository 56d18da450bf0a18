package io.latchkey.store.revocation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.latchkey.store.change.ChangeListener;

/**
 * This instance's copy of the live denials, so that a token check costs no round trip: filled
 * from PostgreSQL (the truth) whenever the change feed resynchronises, and kept current by the
 * denials every instance publishes on it. Only asked while the feed is current.
 * <p>
 * NOTE: a denial is never lifted before it expires, so the copy only grows between sweeps:
 * applying a denial twice, or out of order, or from both a reload and a message, is harmless.
 */
final class LocalDenials implements ChangeListener {

    static final String TOPIC = "revocation";

    private final RevocationRepository repository;
    private final Clock clock;
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<String, Long> grants = new ConcurrentHashMap<>();
    private final Map<String, UserDenial> users = new ConcurrentHashMap<>();

    /** Tokens of the user issued before {@code notBefore} (epoch ms) are denied, until {@code expiresAt}. */
    private record UserDenial(long notBefore, long expiresAt) {

        UserDenial merge(UserDenial other) {
            return new UserDenial(Math.max(this.notBefore, other.notBefore), Math.max(this.expiresAt, other.expiresAt));
        }
    }

    LocalDenials(RevocationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The same three rules as Redis answers them (see {@link RedisRevocationMirror#isDenied}). */
    boolean isDenied(TokenFacts token) {
        long now = this.clock.millis();
        if (live(this.tokens, token.jti(), now) || live(this.grants, token.sid(), now)) {
            return true;
        }
        UserDenial user = token.subject() == null ? null : this.users.get(token.subject());
        return user != null && user.expiresAt() > now
                && token.issuedAt().getEpochSecond() < Math.floorDiv(user.notBefore(), 1000);
    }

    void add(Denial denial) {
        if (denial.value() == null) {
            return; // matches no token: every token has a jti, and the grant rule skips tokens without a sid
        }
        long expiresAt = denial.expiresAt().toEpochMilli();
        switch (denial.kind()) {
            case TOKEN -> this.tokens.merge(denial.value(), expiresAt, Math::max);
            case GRANT -> this.grants.merge(denial.value(), expiresAt, Math::max);
            case USER -> this.users.merge(denial.value(), new UserDenial(denial.notBefore().toEpochMilli(), expiresAt),
                    UserDenial::merge);
        }
    }

    /** Forgets denials that no longer cover any token. */
    void sweep() {
        long now = this.clock.millis();
        this.tokens.values().removeIf(expiresAt -> expiresAt <= now);
        this.grants.values().removeIf(expiresAt -> expiresAt <= now);
        this.users.values().removeIf(user -> user.expiresAt() <= now);
    }

    int size() {
        return this.tokens.size() + this.grants.size() + this.users.size();
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void changed(String payload) {
        for (String line : payload.split("\n")) {
            if (!line.isEmpty()) {
                add(decode(line));
            }
        }
    }

    @Override
    public void resync() {
        this.repository.findUnexpired(this.clock.instant()).forEach(this::add);
    }

    /** One line per denial: kind, value (base64url, as a jti may hold any text), not-before, expiry. */
    static String encode(List<Denial> denials) {
        List<String> lines = new ArrayList<>();
        for (Denial denial : denials) {
            if (denial.value() == null) {
                continue;
            }
            lines.add(denial.kind().name() + " "
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(denial.value().getBytes(StandardCharsets.UTF_8)) + " "
                    + (denial.notBefore() == null ? "-" : Long.toString(denial.notBefore().toEpochMilli())) + " "
                    + denial.expiresAt().toEpochMilli());
        }
        return String.join("\n", lines);
    }

    static Denial decode(String line) {
        String[] fields = line.split(" ");
        return new Denial(Denial.Kind.valueOf(fields[0]),
                new String(Base64.getUrlDecoder().decode(fields[1]), StandardCharsets.UTF_8),
                "-".equals(fields[2]) ? null : Instant.ofEpochMilli(Long.parseLong(fields[2])),
                Instant.ofEpochMilli(Long.parseLong(fields[3])));
    }

    /** NOTE: a token without a jti, or without a grant (client_credentials), matches no denial of that kind. */
    private static boolean live(Map<String, Long> denials, String value, long now) {
        Long expiresAt = value == null ? null : denials.get(value);
        return expiresAt != null && expiresAt > now;
    }
}
