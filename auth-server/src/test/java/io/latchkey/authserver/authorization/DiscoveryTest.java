package io.latchkey.authserver.authorization;

import java.net.http.HttpResponse;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class DiscoveryTest {

    private static final String ISSUER = "http://localhost:9000";

    @LocalServerPort
    int port;

    HttpBrowser http;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server" })
    void discoveryDocumentListsEndpointsGrantsAndScopes(String path) {
        HttpResponse<String> response = this.http.get(path, "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = HttpBrowser.json(response);
        assertThat(metadata.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(metadata.get("authorization_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(metadata.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(metadata.get("introspection_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/introspect");
        assertThat(metadata.get("revocation_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/revoke");
        assertThat(metadata.get("code_challenge_methods_supported").values()).extracting(JsonNode::asString)
                .containsExactly("S256");
        assertThat(metadata.get("grant_types_supported").values()).extracting(JsonNode::asString)
                .contains("authorization_code", "refresh_token", "client_credentials", "password")
                .doesNotContain("urn:ietf:params:oauth:grant-type:token-exchange");
        assertThat(metadata.get("scopes_supported").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("openid", "profile", "email", "account:read", "account:write");
        assertThat(metadata.get("token_endpoint_auth_methods_supported").values()).extracting(JsonNode::asString)
                .as("public clients (PKCE, refresh)").contains("client_secret_basic", "none");
        assertThat(metadata.get("revocation_endpoint_auth_methods_supported").values()).extracting(JsonNode::asString)
                .as("public clients revoke their own tokens").contains("client_secret_basic", "none");
        assertThat(metadata.get("introspection_endpoint_auth_methods_supported").values()).extracting(JsonNode::asString)
                .as("only confidential clients introspect").doesNotContain("none");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/.well-known/openid-configuration" })
    void openIdConfigurationAlsoListsUserInfoAndLogout(String path) {
        JsonNode metadata = HttpBrowser.json(this.http.get(path, "Accept", "application/json"));

        assertThat(metadata.get("userinfo_endpoint").asString()).isEqualTo(ISSUER + "/userinfo");
        assertThat(metadata.get("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
        assertThat(metadata.get("id_token_signing_alg_values_supported").values()).extracting(JsonNode::asString)
                .contains("RS256");
    }
}
