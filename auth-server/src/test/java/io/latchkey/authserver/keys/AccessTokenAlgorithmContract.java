package io.latchkey.authserver.keys;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import io.latchkey.api.jwt.Ed25519JwsVerification;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What holds for access tokens whatever {@code latchkey.tokens.access-token-algorithm} says:
 * each subclass runs auth-server with one algorithm. ID tokens stay RS256.
 */
abstract class AccessTokenAlgorithmContract {

    @LocalServerPort
    int port;

    HttpBrowser http;

    /** The JWS {@code alg} the subclass configures. */
    abstract String algorithm();

    /** The JWK {@code kty} of its key. */
    abstract String keyType();

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    @Test
    void accessTokensUseTheAlgorithmAndVerifyAgainstJwks() {
        String token = clientCredentialsToken();

        assertThat(jwtHeader(token).get("alg").asString()).isEqualTo(algorithm());
        assertThat(jwtHeader(token).get("typ").asString()).isEqualTo("at+jwt");
        assertThat(decoder().decode(token).getSubject()).isEqualTo("service-client");
    }

    @Test
    void jwksPublishesTheAlgorithmsKeyAndTheRsaKeyWithoutPrivateParts() {
        JsonNode keys = json(this.http.get("/oauth2/jwks", "Accept", "application/json")).get("keys");

        assertThat(keys.values()).extracting(key -> key.get("alg").asString() + "/" + key.get("kty").asString())
                .contains(algorithm() + "/" + keyType(), "RS256/RSA");
        assertThat(keys.values()).allSatisfy(key -> assertThat(key.propertyNames()).doesNotContain("d", "p", "q"));
    }

    @Test
    void aTamperedSignatureDoesNotVerifyAndIsIntrospectedAsInactive() {
        String[] parts = clientCredentialsToken().split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThatThrownBy(() -> decoder().decode(tampered)).hasMessageContaining("signature");
        HttpResponse<String> introspection = this.http.postForm("/oauth2/introspect", List.of(Map.entry("token", tampered)),
                "Authorization", basic("resource-api", "resource-api-secret"));
        assertThat(json(introspection).get("active").asBoolean()).isFalse();
    }

    @Test
    void idTokensStayRs256AndUserinfoAndIntrospectionAcceptTheAccessToken() {
        String email = algorithm().toLowerCase() + "-" + System.nanoTime() + "@example.com";
        String password = "a good long password";
        assertThat(this.http.postJson("/api/auth/register", """
                {"name":"Key User","email":"%s","password":"%s","passwordConfirm":"%s"}""".formatted(email, password, password))
                .statusCode()).isEqualTo(201);
        JsonNode tokens = json(this.http.postForm("/oauth2/token", List.of(Map.entry("grant_type", "password"),
                Map.entry("username", email), Map.entry("password", password), Map.entry("scope", "openid email")),
                "Authorization", basic("first-party", "first-party-secret")));

        assertThat(jwtHeader(tokens.get("id_token").asString()).get("alg").asString()).isEqualTo("RS256");
        String accessToken = tokens.get("access_token").asString();
        assertThat(jwtHeader(accessToken).get("alg").asString()).isEqualTo(algorithm());
        HttpResponse<String> userinfo = this.http.get("/userinfo", "Accept", "application/json",
                "Authorization", "Bearer " + accessToken);
        assertThat(userinfo.statusCode()).as(userinfo.body()).isEqualTo(200);
        assertThat(json(userinfo).get("email").asString()).isEqualTo(email);
        HttpResponse<String> introspection = this.http.postForm("/oauth2/introspect", List.of(Map.entry("token", accessToken)),
                "Authorization", basic("resource-api", "resource-api-secret"));
        assertThat(json(introspection).get("active").asBoolean()).isTrue();
    }

    /** A resource server's decoder against auth-server's JWKS, for this algorithm only. */
    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(this.http.uri("/oauth2/jwks").toString())
                .jwtProcessorCustomizer(processor -> Ed25519JwsVerification.accept(processor,
                        Set.of(JWSAlgorithm.parse(algorithm()))))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator("at+jwt")));
        return decoder;
    }

    String clientCredentialsToken() {
        HttpResponse<String> response = this.http.postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", basic("service-client", "service-client-secret"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asString();
    }
}
