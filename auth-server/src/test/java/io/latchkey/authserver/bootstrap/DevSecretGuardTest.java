package io.latchkey.authserver.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.latchkey.authserver.keys.KeyProperties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThat;

class DevSecretGuardTest {

    private static final String OWN_SECRET = "a-secret-of-the-operators-own-choosing-0123456789";

    @Test
    void theDevEncryptionSecretInAnotherProfileRefusesTheStart() {
        var guard = new DevSecretGuard(environment("prod"), bootstrap(List.of()), keys("local-only-key-encryption-secret-not-for-production"));

        assertThatIllegalStateException().isThrownBy(guard::afterPropertiesSet)
                .withMessageContaining("latchkey.keys.encryption-secret");
    }

    @Test
    void aClientSeededWithADevSecretInAnotherProfileRefusesTheStart() {
        var guard = new DevSecretGuard(environment("prod"), bootstrap(List.of(client("demo-client-secret"))), keys(OWN_SECRET));

        assertThatIllegalStateException().isThrownBy(guard::afterPropertiesSet)
                .withMessageContaining("latchkey.bootstrap.clients[demo-client].client-secret");
    }

    @Test
    void aClientSecretShorterThan32CharactersRefusesTheStartInAnyProfile() {
        for (String profile : List.of("prod", "local")) {
            var guard = new DevSecretGuard(environment(profile), bootstrap(List.of(client("s3cr3t-of-my-own"))), keys(OWN_SECRET));

            assertThatIllegalStateException().as(profile).isThrownBy(guard::afterPropertiesSet)
                    .withMessageContaining("latchkey.bootstrap.clients[demo-client].client-secret")
                    .withMessageContaining("32 characters");
        }
    }

    @Test
    void anotherProfileWithItsOwnSecretsStarts() {
        var guard = new DevSecretGuard(environment("prod"), bootstrap(List.of(client("a-long-random-s3cr3t-of-my-own-0123456789"))), keys(OWN_SECRET));

        assertThatCode(guard::afterPropertiesSet).doesNotThrowAnyException();
    }

    @Test
    void theLocalProfileAllowsTheDevSecrets() {
        var guard = new DevSecretGuard(environment("local"), bootstrap(List.of(client("demo-client-secret"))),
                keys("local-only-key-encryption-secret-not-for-production"));

        assertThatCode(guard::afterPropertiesSet).doesNotThrowAnyException();
    }

    @Test
    @SuppressWarnings("unchecked")
    void guardKnowsEverySecretTheLocalProfileShips() throws IOException {
        Set<String> shipped = new HashSet<>();
        try (InputStream in = getClass().getResourceAsStream("/application-local.yml")) {
            Map<String, Object> latchkey = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("latchkey");
            shipped.add((String) ((Map<String, Object>) latchkey.get("keys")).get("encryption-secret"));
            var clients = (List<Map<String, Object>>) ((Map<String, Object>) latchkey.get("bootstrap")).get("clients");
            clients.stream().map(c -> (String) c.get("client-secret")).filter(s -> s != null).forEach(shipped::add);
        }
        assertThat(DevSecretGuard.DEV_SECRETS).containsExactlyInAnyOrderElementsOf(shipped);
    }

    private static MockEnvironment environment(String profile) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return environment;
    }

    private static BootstrapProperties bootstrap(List<BootstrapProperties.Client> clients) {
        return new BootstrapProperties(null, null, clients);
    }

    private static BootstrapProperties.Client client(String secret) {
        return new BootstrapProperties.Client("demo-client", secret, null, Set.of("authorization_code"), Set.of(),
                Set.of(), Set.of("openid"), true, true, false);
    }

    private static KeyProperties keys(String encryptionSecret) {
        return new KeyProperties(encryptionSecret, List.of(), java.time.Duration.ofDays(30), java.time.Duration.ofDays(1),
                java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(10));
    }
}
