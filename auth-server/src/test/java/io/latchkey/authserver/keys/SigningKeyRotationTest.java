package io.latchkey.authserver.keys;

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
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@AuthServerTest
class SigningKeyRotationTest {

    @LocalServerPort
    int port;

    @Autowired
    SigningKeyRotation rotation;

    HttpBrowser http;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    @Test
    void afterARotationTheJwksHoldsBothKeysAndTokensFromBothVerify() {
        String before = token();
        this.rotation.rotateNow();
        String after = token();

        String oldKid = jwtHeader(before).get("kid").asString();
        String newKid = jwtHeader(after).get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(jwks().get("keys").values()).extracting(key -> key.get("kid").asString())
                .contains(oldKid, newKid);

        JwtDecoder decoder = HttpBrowser.accessTokenDecoder(this.http.uri("/oauth2/jwks").toString());
        assertThat(decoder.decode(before).getSubject()).isEqualTo("service-client");
        assertThat(decoder.decode(after).getSubject()).isEqualTo("service-client");
    }

    @Test
    void jwksNeverPublishesPrivateKeyMaterial() {
        for (JsonNode key : jwks().get("keys").values()) {
            assertThat(key.propertyNames()).doesNotContain("d", "p", "q", "dp", "dq", "qi");
        }
    }

    @Test
    void aTokenWithATamperedSignatureDoesNotVerify() {
        String token = token();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        JwtDecoder decoder = HttpBrowser.accessTokenDecoder(this.http.uri("/oauth2/jwks").toString());
        assertThatThrownBy(() -> decoder.decode(tampered)).hasMessageContaining("signature");
    }

    private JsonNode jwks() {
        HttpResponse<String> response = this.http.get("/oauth2/jwks", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response);
    }

    private String token() {
        HttpResponse<String> response = this.http.postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", basic("service-client", "service-client-secret"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asString();
    }
}
