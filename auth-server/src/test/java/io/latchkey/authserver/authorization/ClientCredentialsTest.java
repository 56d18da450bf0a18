package io.latchkey.authserver.authorization;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class ClientCredentialsTest {

    private static final String SERVICE = basic("service-client", "service-client-secret");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpBrowser http;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    @Test
    void aRevokedTokenIsIntrospectedAsInactive() {
        String token = clientCredentialsToken();
        JsonNode claims = jwtClaims(token);
        assertThat(claims.get("sub").asString()).isEqualTo("service-client");
        assertThat(HttpBrowser.strings(claims.get("aud"))).containsExactly("latchkey-api");

        JsonNode before = introspect(token);
        assertThat(before.get("active").asBoolean()).isTrue();
        assertThat(before.get("client_id").asString()).isEqualTo("service-client");
        assertThat(before.get("scope").asString()).isEqualTo("account:read");

        HttpResponse<String> revoked = this.http.postForm("/oauth2/revoke",
                List.of(Map.entry("token", token), Map.entry("token_type_hint", "access_token")),
                "Authorization", SERVICE);
        assertThat(revoked.statusCode()).isEqualTo(200);

        assertThat(introspect(token).get("active").asBoolean()).isFalse();
    }

    @Test
    void clientCredentialsTokensAreNotStoredAsGrants() {
        long before = grantsOf("service-client");

        String token = clientCredentialsToken();

        assertThat(grantsOf("service-client")).isEqualTo(before);
        assertThat(introspect(token).get("active").asBoolean()).as("judged from the token itself").isTrue();
    }

    @Test
    void aTokenAnotherClientRevokesStaysActive() {
        String token = clientCredentialsToken();

        HttpResponse<String> revoked = this.http.postForm("/oauth2/revoke", List.of(Map.entry("token", token)),
                "Authorization", basic("first-party", "first-party-secret"));

        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(introspect(token).get("active").asBoolean()).isTrue();
    }

    @Test
    void aWrongClientSecretIs401InvalidClient() {
        HttpResponse<String> response = this.http.postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", basic("service-client", "not-the-secret"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void aScopeNotRegisteredForTheClientIsInvalidScope() {
        HttpResponse<String> response = this.http.postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials"), Map.entry("scope", "account:write")),
                "Authorization", SERVICE);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_scope");
    }

    @Test
    void aClientNotRegisteredForTheGrantIsAnUnauthorizedClient() {
        HttpResponse<String> response = this.http.postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", basic("demo-client", "demo-client-secret"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("unauthorized_client");
    }

    private String clientCredentialsToken() {
        HttpResponse<String> response = this.http.postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials"), Map.entry("scope", "account:read")),
                "Authorization", SERVICE);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asString();
    }

    private long grantsOf(String clientId) {
        return this.jdbc.sql("""
                SELECT count(*) FROM oauth2_authorization a JOIN oauth2_registered_client c ON c.id = a.registered_client_id
                WHERE c.client_id = :clientId""").param("clientId", clientId).query(Long.class).single();
    }

    private JsonNode introspect(String token) {
        HttpResponse<String> response = this.http.postForm("/oauth2/introspect", List.of(Map.entry("token", token)),
                "Authorization", SERVICE);
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }
}
