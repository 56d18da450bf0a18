package io.latchkey.store.grant;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.latchkey.store.RepositoryTest;
import io.latchkey.store.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's grants as the account sees them: only its own, live ones listed, ended by id or all at once. */
@RepositoryTest
class GrantRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Autowired
    JdbcClient jdbc;

    GrantRepository grants;

    UUID ada;

    UUID bob;

    @BeforeEach
    void twoUsersOfOneClient() {
        this.grants = new GrantRepository(this.jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        this.ada = UUID.randomUUID();
        this.bob = UUID.randomUUID();
        TestClients.register(this.jdbc, "grants-test");
    }

    @Test
    void aUserFindsOnlyTheirOwnGrantById() {
        String adas = grant(this.ada, NOW.plus(Duration.ofDays(1)));

        assertThat(this.grants.findByUser(this.ada, adas)).map(Grant::clientId).hasValue("grants-test");
        assertThat(this.grants.findByUser(this.bob, adas)).as("another user's grant").isEmpty();
        assertThat(this.grants.findByUser(this.ada, "' OR '1'='1")).isEmpty();
    }

    @Test
    void onlyGrantsWithALiveTokenAreListedNewestFirst() {
        String older = grant(this.ada, NOW.plus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(2)));
        String newer = grant(this.ada, NOW.plus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)));
        grant(this.ada, NOW.minus(Duration.ofMinutes(1)), NOW.minus(Duration.ofHours(3)));
        grant(this.bob, NOW.plus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1)));

        assertThat(this.grants.findActiveByUser(this.ada)).extracting(Grant::id).containsExactly(newer, older);
    }

    @Test
    void endingAllOfAUserLeavesOtherUsersGrantsAndConsents() {
        String adas = grant(this.ada, NOW.plus(Duration.ofDays(1)));
        String bobs = grant(this.bob, NOW.plus(Duration.ofDays(1)));
        consent(this.ada);
        consent(this.bob);

        assertThat(this.grants.idsOf(this.ada)).containsExactly(adas);
        this.grants.deleteAllOf(this.ada);

        assertThat(this.grants.idsOf(this.ada)).isEmpty();
        assertThat(this.grants.idsOf(this.bob)).containsExactly(bobs);
        assertThat(consents(this.ada)).isZero();
        assertThat(consents(this.bob)).isOne();
    }

    @Test
    void deletingOneGrantLeavesTheUsersOthers() {
        String first = grant(this.ada, NOW.plus(Duration.ofDays(1)));
        String second = grant(this.ada, NOW.plus(Duration.ofDays(1)));

        this.grants.delete(first);

        assertThat(this.grants.idsOf(this.ada)).containsExactly(second);
    }

    private String grant(UUID user, Instant refreshExpiry) {
        return grant(user, refreshExpiry, NOW.minus(Duration.ofMinutes(5)));
    }

    private String grant(UUID user, Instant refreshExpiry, Instant created) {
        String id = UUID.randomUUID().toString();
        this.jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                    created_at, refresh_token_value, refresh_token_issued_at, refresh_token_expires_at)
                VALUES (:id, 'grants-test', :principal, 'authorization_code', :created, :id, :created, :expiry)
                """)
                .param("id", id).param("principal", user.toString())
                .param("created", Timestamp.from(created)).param("expiry", Timestamp.from(refreshExpiry))
                .update();
        return id;
    }

    private void consent(UUID user) {
        this.jdbc.sql("INSERT INTO oauth2_authorization_consent (registered_client_id, principal_name, authorities) "
                + "VALUES ('grants-test', :principal, 'SCOPE_openid')").param("principal", user.toString()).update();
    }

    private long consents(UUID user) {
        return this.jdbc.sql("SELECT count(*) FROM oauth2_authorization_consent WHERE principal_name = :principal")
                .param("principal", user.toString()).query(Long.class).single();
    }
}
