package io.latchkey.authserver.keys;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import io.latchkey.api.jwt.Ed25519JwsVerification;
import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.TestPropertySource;

import static io.latchkey.testing.HttpSession.basic;
import static io.latchkey.testing.HttpSession.json;
import static io.latchkey.testing.HttpSession.jwtClaims;
import static io.latchkey.testing.HttpSession.jwtHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code latchkey.tokens.access-token-algorithm=EdDSA}: access tokens on an Ed25519 key, ID tokens still RS256. */
@AuthServerTest
@TestPropertySource(properties = "latchkey.tokens.access-token-algorithm=EdDSA")
class EdDsaAccessTokensTest {

    @LocalServerPort
    int port;

    HttpSession http;

    @BeforeEach
    void setUp() {
        this.http = new HttpSession("http://localhost:" + this.port);
    }

    @Test
    void accessTokensAreEdDsaAndVerifyAgainstJwks() {
        String token = clientCredentialsToken();

        assertThat(jwtHeader(token).get("alg").asString()).isEqualTo("EdDSA");
        assertThat(jwtHeader(token).get("typ").asString()).isEqualTo("at+jwt");
        assertThat(HttpSession.strings(jwtClaims(token).get("aud"))).containsExactly("latchkey-api");
        assertThat(jwtClaims(token).get("exp").isNumber()).as("NumericDate").isTrue();
        assertThat(decoder().decode(token).getSubject()).isEqualTo("service-client");
    }

    @Test
    void jwksPublishesAnEd25519KeyWithoutItsPrivatePart() {
        JsonNode keys = json(this.http.get("/oauth2/jwks", "Accept", "application/json")).get("keys");

        assertThat(keys.values()).filteredOn(key -> "EdDSA".equals(key.get("alg").asString()))
                .singleElement()
                .satisfies(key -> {
                    assertThat(key.get("kty").asString()).isEqualTo("OKP");
                    assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
                    assertThat(key.get("kid").asString()).isEqualTo(jwtHeader(clientCredentialsToken()).get("kid").asString());
                });
        assertThat(keys.values()).allSatisfy(key -> assertThat(key.propertyNames()).doesNotContain("d", "p", "q"));
    }

    @Test
    void whenEdDsaSignatureTamperedThenRefusedEverywhere() {
        String[] parts = clientCredentialsToken().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThatThrownBy(() -> decoder().decode(tampered)).hasMessageContaining("signature");
        HttpResponse<String> introspection = this.http.postForm("/oauth2/introspect", List.of(Map.entry("token", tampered)),
                "Authorization", basic("resource-api", "resource-api-secret"));
        assertThat(json(introspection).get("active").asBoolean()).isFalse();
    }

    @Test
    void idTokensStayRs256AndUserinfoAndIntrospectionAcceptTheEdDsaAccessToken() {
        String email = "eddsa-" + System.nanoTime() + "@example.com";
        String password = "a good long password";
        assertThat(this.http.postJson("/api/auth/register", """
                {"name":"Ed User","email":"%s","password":"%s","passwordConfirm":"%s"}""".formatted(email, password, password))
                .statusCode()).isEqualTo(201);
        JsonNode tokens = json(this.http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "password"),
                Map.entry("username", email), Map.entry("password", password), Map.entry("scope", "openid email")),
                "Authorization", basic("first-party", "first-party-secret")));

        assertThat(jwtHeader(tokens.get("id_token").asString()).get("alg").asString()).isEqualTo("RS256");
        String accessToken = tokens.get("access_token").asString();
        assertThat(jwtHeader(accessToken).get("alg").asString()).isEqualTo("EdDSA");
        HttpResponse<String> userinfo = this.http.get("/userinfo", "Accept", "application/json",
                "Authorization", "Bearer " + accessToken);
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        assertThat(json(userinfo).get("email").asString()).isEqualTo(email);
        HttpResponse<String> introspection = this.http.postForm("/oauth2/introspect", List.of(Map.entry("token", accessToken)),
                "Authorization", basic("resource-api", "resource-api-secret"));
        assertThat(json(introspection).get("active").asBoolean()).isTrue();
    }

    private JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.http.uri("/oauth2/jwks").toString())
                .jwtProcessorCustomizer(processor -> Ed25519JwsVerification.accept(processor, Set.of(JWSAlgorithm.EdDSA)))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator("at+jwt")));
        return decoder;
    }

    private String clientCredentialsToken() {
        HttpResponse<String> response = this.http.postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", basic("service-client", "service-client-secret"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asString();
    }
}
