package io.latchkey.authserver.authorization;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.FreshAccountHttpTest;
import io.latchkey.testing.AuthorizationCodeFlow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DPoP (RFC 9449) is not offered yet: discovery does not list it, and a client that sends a
 * proof anyway gets what every client gets, a bearer token (RFC 9449 5: the token type says
 * so), never a token bound to a key that resource-api would then refuse.
 */
@AuthServerTest
class DPoPIsOffTest extends FreshAccountHttpTest {

    @Test
    void aClientSendingAProofWithAnyGrantGetsABearerTokenWithoutAKeyBinding() throws Exception {
        assertBearer(this.browser.postForm("/oauth2/token", List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", basic("service-client", "service-client-secret"), "DPoP", proof()));
        HttpResponse<String> password = this.browser.postForm("/oauth2/token", List.of(Map.entry("grant_type", "password"),
                Map.entry("username", this.account.email()), Map.entry("password", PASSWORD), Map.entry("scope", "openid")),
                "Authorization", basic("first-party", "first-party-secret"), "DPoP", proof());
        assertBearer(password);
        assertBearer(this.browser.postForm("/oauth2/token", List.of(Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", json(password).get("refresh_token").asString())),
                "Authorization", basic("first-party", "first-party-secret"), "DPoP", proof()));

        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(this.browser);
        String code = flow.signInAndApprove(this.account.email(), PASSWORD, "openid");
        assertBearer(this.browser.postForm("/oauth2/token", List.of(Map.entry("grant_type", "authorization_code"),
                Map.entry("code", code), Map.entry("redirect_uri", AuthorizationCodeFlow.DEMO_REDIRECT_URI),
                Map.entry("code_verifier", flow.verifier())),
                "Authorization", basic("demo-client", "demo-client-secret"), "DPoP", proof()));
    }

    @Test
    void discoveryOffersNoSenderConstrainedTokens() {
        for (String document : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            JsonNode metadata = json(this.browser.get(document));
            assertThat(metadata.has("dpop_signing_alg_values_supported")).as(document).isFalse();
            assertThat(metadata.has("tls_client_certificate_bound_access_tokens")).as(document).isFalse();
            assertThat(metadata.get("token_endpoint_auth_methods_supported").values()).extracting(JsonNode::asString)
                    .as(document).doesNotContain("tls_client_auth", "self_signed_tls_client_auth");
        }
    }

    private static void assertBearer(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("token_type").asString()).isEqualTo("Bearer");
        assertThat(jwtClaims(json(answer).get("access_token").asString()).has("cnf")).as("bound to a key").isFalse();
    }

    private String proof() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK()).build(), new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
                .claim("htm", "POST").claim("htu", "http://localhost:" + this.port + "/oauth2/token").issueTime(new Date()).build());
        proof.sign(new ECDSASigner(key));
        return proof.serialize();
    }
}
