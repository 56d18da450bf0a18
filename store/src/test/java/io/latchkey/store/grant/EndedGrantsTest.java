package io.latchkey.store.grant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.latchkey.store.RepositoryTest;
import io.latchkey.store.TestClients;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Grants whose every token expired, or that never got one, are deleted once they ended; live ones stay. */
@RepositoryTest
class EndedGrantsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void grantsThatEndedBeforeTheInstantAreDeletedAndNoOthers() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        TestClients.register(this.jdbc, "ended-test");
        grant("all-expired", now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(2)));
        grant("refresh-still-valid", now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(4)));
        grant("access-only-expired-long-ago", now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(5)), null);
        grant("access-only-expired-just-now", now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(5)), null);
        grant("abandoned-at-consent", now.minus(Duration.ofDays(2)), null, null);
        grant("waiting-at-consent", now.minus(Duration.ofMinutes(2)), null, null);

        int deleted = new GrantRepository(this.jdbc, Clock.systemUTC()).deleteEndedBefore(now.minus(Duration.ofDays(1)));

        assertThat(deleted).isEqualTo(3);
        assertThat(this.jdbc.sql("SELECT id FROM oauth2_authorization WHERE registered_client_id = 'ended-test' ORDER BY id")
                .query(String.class).list())
                .isEqualTo(List.of("access-only-expired-just-now", "refresh-still-valid", "waiting-at-consent"));
    }

    /** A grant created at {@code created}; with an access token expiring at {@code accessExpiry} and a refresh token at {@code refreshExpiry} when given. */
    private void grant(String id, Instant created, Instant accessExpiry, Instant refreshExpiry) {
        this.jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                    created_at, access_token_value, access_token_issued_at, access_token_expires_at,
                    refresh_token_value, refresh_token_issued_at, refresh_token_expires_at)
                VALUES (:id, 'ended-test', 'someone', 'password', :created,
                    CASE WHEN CAST(:access AS timestamptz) IS NULL THEN NULL ELSE 'a-' || :id END, :created, :access,
                    CASE WHEN CAST(:refresh AS timestamptz) IS NULL THEN NULL ELSE 'r-' || :id END, :created, :refresh)
                """)
                .param("id", id)
                .param("created", java.sql.Timestamp.from(created))
                .param("access", accessExpiry == null ? null : java.sql.Timestamp.from(accessExpiry), java.sql.Types.TIMESTAMP)
                .param("refresh", refreshExpiry == null ? null : java.sql.Timestamp.from(refreshExpiry), java.sql.Types.TIMESTAMP)
                .update();
    }
}
