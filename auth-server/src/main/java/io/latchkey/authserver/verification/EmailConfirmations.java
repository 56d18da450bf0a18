package io.latchkey.authserver.verification;

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
 * The {@code email_confirmations} table: a link that proves its holder reads mail at one
 * address, for one account; stored only as its digest, usable once.
 */
class EmailConfirmations {

    /** What a link confirms: the account's own address, or a new address to move it to. */
    enum Purpose {
        VERIFY, CHANGE;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What a used link confirms. */
    record Confirmed(UUID account, String email, Purpose purpose) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;

    EmailConfirmations(JdbcClient jdbc, Clock clock, Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    String issue(UUID account, String email, Purpose purpose) {
        String token = LinkTokens.random();
        Instant now = this.clock.instant();
        this.jdbc.sql("""
                INSERT INTO email_confirmations (digest, account_id, email, purpose, created_at, expires_at)
                VALUES (:digest, :account, :email, :purpose, :now, :expires)
                """)
                .param("digest", TokenDigests.of(token))
                .param("account", account)
                .param("email", email)
                .param("purpose", purpose.value())
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(this.lifetime)))
                .update();
        return token;
    }

    /** Uses the link; of two racing uses exactly one gets what it confirms. */
    Optional<Confirmed> redeem(String token) {
        return this.jdbc.sql("""
                UPDATE email_confirmations SET used_at = :now
                WHERE digest = :digest AND used_at IS NULL AND expires_at > :now
                RETURNING account_id, email, purpose
                """)
                .param("now", Timestamp.from(this.clock.instant()))
                .param("digest", TokenDigests.of(token))
                .query((rs, row) -> new Confirmed(rs.getObject("account_id", UUID.class), rs.getString("email"),
                        Purpose.valueOf(rs.getString("purpose").toUpperCase(java.util.Locale.ROOT))))
                .optional();
    }

    boolean isUsable(String token) {
        return this.jdbc.sql("SELECT count(*) FROM email_confirmations WHERE digest = :digest AND used_at IS NULL AND expires_at > :now")
                .param("digest", TokenDigests.of(token))
                .param("now", Timestamp.from(this.clock.instant()))
                .query(Long.class).single() > 0;
    }
}
