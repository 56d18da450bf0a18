package io.latchkey.authserver.keys;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtHeader;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled rotation publishes the next key before it signs: every instance and resource
 * server that reads JWKS in between knows the key before the first token names it.
 */
@AuthServerTest
@TestPropertySource(properties = {
        "latchkey.keys.rotation-interval=PT2S",
        "latchkey.keys.publish-ahead=PT3S",
        "latchkey.keys.refresh-interval=PT1H" })
class KeyPublishedBeforeItSignsTest {

    @LocalServerPort
    int port;

    @Autowired
    SigningKeyRotation rotation;

    @Autowired
    RotatingJwkSource keys;

    @Test
    void theNextKeyIsInJwksBeforeItSignsAndTheReplacedOneStaysAfter() throws InterruptedException {
        JsonNode signedBefore = jwtHeader(token());
        String current = signedBefore.get("kid").asString();
        String algorithm = signedBefore.get("alg").asString();

        Thread.sleep(2_100);
        this.rotation.rotateIfDue();

        List<String> published = publishedKids(algorithm);
        assertThat(published).as("the key made at start-up, and the next one listed first").hasSize(2).endsWith(current);
        String next = published.get(0);
        assertThat(jwtHeader(token()).get("kid").asString()).as("but the current key still signs").isEqualTo(current);

        Thread.sleep(3_100);
        this.keys.refresh();

        assertThat(jwtHeader(token()).get("kid").asString()).as("once its time has come, the next key signs").isEqualTo(next);
        assertThat(publishedKids(algorithm)).as("and the replaced key stays for its tokens").containsExactly(next, current);
    }

    /** The published key ids of one algorithm, in JWKS order. */
    private List<String> publishedKids(String algorithm) {
        HttpBrowser http = new HttpBrowser("http://localhost:" + this.port);
        HttpResponse<String> response = http.get("/oauth2/jwks", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response).get("keys").values().stream()
                .filter(key -> algorithm.equals(key.get("alg").asString()))
                .map(key -> key.get("kid").asString())
                .toList();
    }

    private String token() {
        HttpResponse<String> response = new HttpBrowser("http://localhost:" + this.port).postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", basic("service-client", "service-client-secret"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asString();
    }

}
