package io.latchkey.authserver.keys;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.TestPropertySource;

import static io.latchkey.testing.HttpSession.basic;
import static io.latchkey.testing.HttpSession.json;
import static io.latchkey.testing.HttpSession.jwtHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code latchkey.tokens.access-token-algorithm=ES256}: access tokens on a P-256 key, ID tokens still RS256. */
@AuthServerTest
@TestPropertySource(properties = "latchkey.tokens.access-token-algorithm=ES256")
class Es256AccessTokensTest {

    @LocalServerPort
    int port;

    HttpSession http;

    @BeforeEach
    void setUp() {
        this.http = new HttpSession("http://localhost:" + this.port);
    }

    @Test
    void accessTokensAreEs256AndVerifyAgainstJwks() {
        String token = clientCredentialsToken();

        assertThat(jwtHeader(token).get("alg").asString()).isEqualTo("ES256");
        assertThat(jwtHeader(token).get("typ").asString()).isEqualTo("at+jwt");
        JwtDecoder decoder = HttpSession.accessTokenDecoder(this.http.uri("/oauth2/jwks").toString());
        assertThat(decoder.decode(token).getSubject()).isEqualTo("service-client");
    }

    @Test
    void jwksPublishesAnEcKeyAndAnRsaKeyWithoutPrivateParts() {
        JsonNode keys = json(this.http.get("/oauth2/jwks", "Accept", "application/json")).get("keys");

        assertThat(keys.values()).extracting(key -> key.get("alg").asString() + "/" + key.get("kty").asString())
                .contains("ES256/EC", "RS256/RSA");
        assertThat(keys.values()).allSatisfy(key -> assertThat(key.propertyNames()).doesNotContain("d", "p", "q"));
    }

    @Test
    void whenEs256SignatureTamperedThenItDoesNotVerify() {
        String[] parts = clientCredentialsToken().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        JwtDecoder decoder = HttpSession.accessTokenDecoder(this.http.uri("/oauth2/jwks").toString());
        assertThatThrownBy(() -> decoder.decode(tampered)).hasMessageContaining("signature");
    }

    @Test
    void idTokensStayRs256AndUserinfoAcceptsTheEs256AccessToken() {
        String email = "es256-" + System.nanoTime() + "@example.com";
        String password = "a good long password";
        assertThat(this.http.postJson("/api/auth/register", """
                {"name":"Es User","email":"%s","password":"%s","passwordConfirm":"%s"}""".formatted(email, password, password))
                .statusCode()).isEqualTo(201);
        JsonNode tokens = json(this.http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "password"),
                Map.entry("username", email), Map.entry("password", password), Map.entry("scope", "openid email")),
                "Authorization", basic("first-party", "first-party-secret")));

        assertThat(jwtHeader(tokens.get("id_token").asString()).get("alg").asString()).isEqualTo("RS256");
        String accessToken = tokens.get("access_token").asString();
        assertThat(jwtHeader(accessToken).get("alg").asString()).isEqualTo("ES256");
        HttpResponse<String> userinfo = this.http.get("/userinfo", "Accept", "application/json",
                "Authorization", "Bearer " + accessToken);
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        assertThat(json(userinfo).get("email").asString()).isEqualTo(email);
    }

    private String clientCredentialsToken() {
        HttpResponse<String> response = this.http.postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", basic("service-client", "service-client-secret"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asString();
    }
}
