package io.latchkey.authserver.recovery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.latchkey.authserver.mail.LinkTokens;
import io.latchkey.store.grant.TokenDigests;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code password_reset_tokens} table: a reset token is 256 random bits, handed out once
 * (in the mail) and stored only as its digest, so a reader of the database holds no link.
 */
class ResetLinks {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;

    ResetLinks(JdbcClient jdbc, Clock clock, Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return this.lifetime;
    }

    /** A new token for the account, working once within the lifetime. */
    String issue(UUID account) {
        String token = LinkTokens.random();
        Instant now = this.clock.instant();
        this.jdbc.sql("""
                INSERT INTO password_reset_tokens (digest, account_id, created_at, expires_at)
                VALUES (:digest, :account, :now, :expires)
                """)
                .param("digest", TokenDigests.of(token))
                .param("account", account)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(this.lifetime)))
                .update();
        return token;
    }

    /**
     * Uses the token, and with it every other unused token of its account: of two racing
     * redemptions of one token, exactly one gets the account. Call it in the transaction that
     * sets the new password, so a failure there leaves the token unused.
     */
    Optional<UUID> redeem(String token) {
        Timestamp now = Timestamp.from(this.clock.instant());
        Optional<UUID> account = this.jdbc.sql("""
                UPDATE password_reset_tokens SET used_at = :now
                WHERE digest = :digest AND used_at IS NULL AND expires_at > :now
                RETURNING account_id
                """)
                .param("now", now)
                .param("digest", TokenDigests.of(token))
                .query(UUID.class)
                .optional();
        account.ifPresent(id -> this.jdbc.sql("UPDATE password_reset_tokens SET used_at = :now WHERE account_id = :account AND used_at IS NULL")
                .param("now", now)
                .param("account", id)
                .update());
        return account;
    }

    /** Whether the token would be accepted now (for the new-password page; redeeming decides). */
    boolean isUsable(String token) {
        return this.jdbc.sql("SELECT count(*) FROM password_reset_tokens WHERE digest = :digest AND used_at IS NULL AND expires_at > :now")
                .param("digest", TokenDigests.of(token))
                .param("now", Timestamp.from(this.clock.instant()))
                .query(Long.class).single() > 0;
    }
}
