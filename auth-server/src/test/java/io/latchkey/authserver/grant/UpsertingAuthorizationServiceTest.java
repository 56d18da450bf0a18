package io.latchkey.authserver.grant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import io.latchkey.authserver.AuthServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** Saving with one upsert, read back with Spring's own row mapper, on real PostgreSQL. */
@AuthServerTest
class UpsertingAuthorizationServiceTest {

    @Autowired
    JdbcOperations jdbcOperations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegisteredClientRepository clients;

    @Test
    void aNewGrantIsInsertedAndAChangedOneUpdatedInPlace() {
        var service = new UpsertingAuthorizationService(this.jdbcOperations, this.clients);
        RegisteredClient client = this.clients.findByClientId("first-party");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OAuth2Authorization grant = OAuth2Authorization.withRegisteredClient(client)
                .id(UUID.randomUUID().toString())
                .principalName("someone")
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .authorizedScopes(Set.of("account:read"))
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-1", now, now.plusSeconds(900),
                        Set.of("account:read")))
                .refreshToken(new OAuth2RefreshToken("refresh-1", now, now.plusSeconds(3600)))
                .build();

        service.save(grant);
        Instant createdAt = createdAt(grant.getId());
        service.save(OAuth2Authorization.from(grant)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-2", now, now.plusSeconds(900),
                        Set.of("account:read")))
                .refreshToken(new OAuth2RefreshToken("refresh-2", now, now.plusSeconds(3600)))
                .build());

        OAuth2Authorization stored = service.findById(grant.getId());
        assertThat(stored.getAccessToken().getToken().getTokenValue()).isEqualTo("access-2");
        assertThat(stored.getRefreshToken().getToken().getTokenValue()).isEqualTo("refresh-2");
        assertThat(stored.getRefreshToken().getToken().getExpiresAt()).isEqualTo(now.plusSeconds(3600));
        assertThat(stored.getAuthorizedScopes()).containsExactly("account:read");
        assertThat(service.findByToken("refresh-1", OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(service.findByToken("refresh-2", OAuth2TokenType.REFRESH_TOKEN).getId()).isEqualTo(grant.getId());
        assertThat(this.jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE id = ?").param(grant.getId())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(createdAt(grant.getId())).as("an update keeps when the grant began").isEqualTo(createdAt);
    }

    private Instant createdAt(String id) {
        return this.jdbc.sql("SELECT created_at FROM oauth2_authorization WHERE id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant();
    }
}
