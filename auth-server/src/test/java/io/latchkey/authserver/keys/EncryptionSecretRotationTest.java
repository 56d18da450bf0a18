package io.latchkey.authserver.keys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerApplication;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the key-encryption secret, as docs/operations.md describes it: start with the new secret and
 * the old one as previous; the current key is re-encrypted; the old secret can then go.
 */
class EncryptionSecretRotationTest {

    private static final String OLD_SECRET = "the-old-key-encryption-secret-0123456789";
    private static final String NEW_SECRET = "the-new-key-encryption-secret-9876543210";

    @TempDir
    Path data;

    @Test
    void keysSurviveASecretRotationAndTheOldSecretCanBeDropped() {
        String token;
        String kid;
        try (ConfigurableApplicationContext first = start(OLD_SECRET, null)) {
            first.getBean(SigningKeyRotation.class).rotateNow(); // a retired key exists too
            token = clientCredentialsToken(first);
            kid = first.getBean(RotatingJwkSource.class).currentKid(SigningAlgorithm.RS256);
        }
        assertThatThrownBy(() -> start(NEW_SECRET, null).close())
                .as("without the old secret the current key cannot be opened")
                .hasStackTraceContaining("cannot be decrypted");

        try (ConfigurableApplicationContext rotating = start(NEW_SECRET, OLD_SECRET)) {
            assertThat(rotating.getBean(RotatingJwkSource.class).currentKid(SigningAlgorithm.RS256)).isEqualTo(kid);
            assertThat(HttpBrowser.accessTokenDecoder(baseUrl(rotating) + "/oauth2/jwks").decode(token).getSubject())
                    .isEqualTo("service-client");
        }
        try (ConfigurableApplicationContext rotated = start(NEW_SECRET, null)) {
            assertThat(rotated.getBean(RotatingJwkSource.class).currentKid(SigningAlgorithm.RS256)).as("re-encrypted under the new secret").isEqualTo(kid);
            assertThat(HttpBrowser.accessTokenDecoder(baseUrl(rotated) + "/oauth2/jwks").decode(clientCredentialsToken(rotated))
                    .getSubject()).isEqualTo("service-client");
        }
    }

    private ConfigurableApplicationContext start(String secret, String previous) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--latchkey.embedded.postgres-port=0", "--latchkey.embedded.redis-port=0",
                "--latchkey.embedded.data-directory=" + this.data,
                "--latchkey.bootstrap.admin-password=admin-password-for-tests",
                "--latchkey.keys.encryption-secret=" + secret));
        if (previous != null) {
            args.add("--latchkey.keys.previous-encryption-secrets=" + previous);
        }
        return new SpringApplicationBuilder(AuthServerApplication.class).run(args.toArray(String[]::new));
    }

    private static String clientCredentialsToken(ConfigurableApplicationContext context) {
        return HttpBrowser.json(new HttpBrowser(baseUrl(context)).postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", HttpBrowser.basic("service-client", "service-client-secret"))).get("access_token").asString();
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
}
