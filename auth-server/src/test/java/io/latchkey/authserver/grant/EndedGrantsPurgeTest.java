package io.latchkey.authserver.grant;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.latchkey.authserver.AuthServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class EndedGrantsPurgeTest {

    @Autowired
    EndedGrantsPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegisteredClientRepository clients;

    @Test
    void aGrantIsDeletedADayAfterItsLastTokenExpiredNotBefore() {
        Instant now = Instant.now();
        String longEnded = grantWithRefreshTokenExpiringAt(now.minus(EndedGrantsPurge.KEPT_AFTER_END).minus(Duration.ofHours(1)));
        String justEnded = grantWithRefreshTokenExpiringAt(now.minus(Duration.ofHours(1)));
        String live = grantWithRefreshTokenExpiringAt(now.plus(Duration.ofDays(6)));

        this.purge.purge();

        assertThat(exists(longEnded)).isFalse();
        assertThat(exists(justEnded)).isTrue();
        assertThat(exists(live)).isTrue();
    }

    private String grantWithRefreshTokenExpiringAt(Instant expiry) {
        String id = UUID.randomUUID().toString();
        this.jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
                    refresh_token_value, refresh_token_issued_at, refresh_token_expires_at)
                VALUES (:id, :client, 'someone', 'password', :token, :issued, :expiry)""")
                .param("id", id)
                .param("client", this.clients.findByClientId("first-party").getId())
                .param("token", "refresh-" + id)
                .param("issued", Timestamp.from(expiry.minus(Duration.ofDays(7))))
                .param("expiry", Timestamp.from(expiry))
                .update();
        return id;
    }

    private boolean exists(String id) {
        return this.jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE id = :id").param("id", id)
                .query(Long.class).single() == 1;
    }
}
