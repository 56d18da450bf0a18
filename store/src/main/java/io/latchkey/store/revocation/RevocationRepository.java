package io.latchkey.store.revocation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code revocations} table: the durable record of every denial. */
class RevocationRepository {

    private final JdbcClient jdbc;

    RevocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a denial; a repeated one keeps the later threshold and the later expiry. */
    void save(Denial denial, Instant now) {
        this.jdbc.sql("""
                INSERT INTO revocations (kind, value, not_before, expires_at, created_at)
                VALUES (:kind, :value, :notBefore, :expiresAt, :now)
                ON CONFLICT (kind, value) DO UPDATE
                SET not_before = GREATEST(revocations.not_before, EXCLUDED.not_before),
                    expires_at = GREATEST(revocations.expires_at, EXCLUDED.expires_at)
                """)
                .param("kind", denial.kind().column())
                .param("value", denial.value())
                .param("notBefore", denial.notBefore() == null ? null : Timestamp.from(denial.notBefore()))
                .param("expiresAt", Timestamp.from(denial.expiresAt()))
                .param("now", Timestamp.from(now))
                .update();
    }

    List<Denial> findUnexpired(Instant now) {
        return this.jdbc.sql("SELECT kind, value, not_before, expires_at FROM revocations WHERE expires_at > :now")
                .param("now", Timestamp.from(now))
                .query((rs, row) -> {
                    Timestamp notBefore = rs.getTimestamp("not_before");
                    return new Denial(Denial.Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                            rs.getString("value"), notBefore == null ? null : notBefore.toInstant(),
                            rs.getTimestamp("expires_at").toInstant());
                })
                .list();
    }

    int purgeExpired(Instant now) {
        return this.jdbc.sql("DELETE FROM revocations WHERE expires_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }
}
