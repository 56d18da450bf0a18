package io.latchkey.authserver.revocation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import io.latchkey.store.grant.TokenDigests;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Refresh tokens that were rotated out, kept as SHA-256 hashes (never the token) with
 * the grant they belonged to, until they would have expired.
 */
class RotatedRefreshTokens {

    private final JdbcClient jdbc;
    private final Clock clock;

    RotatedRefreshTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String refreshToken, String grantId, Instant expiresAt) {
        this.jdbc.sql("""
                INSERT INTO rotated_refresh_tokens (token_hash, authorization_id, expires_at)
                VALUES (:hash, :grant, :expiresAt) ON CONFLICT (token_hash) DO NOTHING
                """)
                .param("hash", hash(refreshToken))
                .param("grant", grantId)
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    /** The grant a rotated-out, unexpired refresh token belonged to. */
    Optional<String> grantOf(String refreshToken, Instant now) {
        return this.jdbc.sql("SELECT authorization_id FROM rotated_refresh_tokens WHERE token_hash = :hash AND expires_at > :now")
                .param("hash", hash(refreshToken))
                .param("now", Timestamp.from(now))
                .query(String.class)
                .optional();
    }

    /** Locks the grant that holds this refresh token now; empty when no grant holds it. */
    Optional<String> lockGrantHolding(String refreshToken) {
        return this.jdbc.sql("SELECT id FROM oauth2_authorization WHERE refresh_token_value = :digest FOR UPDATE")
                .param("digest", TokenDigests.of(refreshToken))
                .query(String.class)
                .optional();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void purgeExpired() {
        this.jdbc.sql("DELETE FROM rotated_refresh_tokens WHERE expires_at <= :now")
                .param("now", Timestamp.from(this.clock.instant()))
                .update();
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(TokenDigests.sha256(token));
    }
}
