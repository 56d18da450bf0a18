package io.latchkey.authserver.keys;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static io.latchkey.testing.HttpBrowser.jwtHeader;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code latchkey.tokens.access-token-algorithm=EdDSA}: access tokens on an Ed25519 key, ID tokens still RS256. */
@AuthServerTest
@TestPropertySource(properties = "latchkey.tokens.access-token-algorithm=EdDSA")
class EdDsaAccessTokensTest extends AccessTokenAlgorithmContract {

    @Override
    String algorithm() {
        return "EdDSA";
    }

    @Override
    String keyType() {
        return "OKP";
    }

    @Test
    void theEd25519KeyIsTheOneThatSignsAndTheClaimsAreRfc9068s() {
        String token = clientCredentialsToken();
        JsonNode keys = json(this.http.get("/oauth2/jwks", "Accept", "application/json")).get("keys");

        assertThat(keys.values()).filteredOn(key -> "EdDSA".equals(key.get("alg").asString()))
                .singleElement()
                .satisfies(key -> {
                    assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
                    assertThat(key.get("kid").asString()).isEqualTo(jwtHeader(token).get("kid").asString());
                });
        assertThat(HttpBrowser.strings(jwtClaims(token).get("aud"))).containsExactly("latchkey-api");
        assertThat(jwtClaims(token).get("exp").isNumber()).as("NumericDate").isTrue();
        assertThat(jwtClaims(token).get("iss").asString()).isEqualTo("http://localhost:9000");
    }
}
