package io.latchkey.authserver.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.latchkey.authserver.token.TokenProperties;
import io.latchkey.authserver.keys.KeyProperties;
import io.latchkey.authserver.keys.SigningAlgorithm;
import io.latchkey.store.revocation.RevocationProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class TokenLifetimeGuardTest {

    @Test
    void theDefaultsStart() {
        assertThatNoException().isThrownBy(guard(Duration.ofMinutes(15), Duration.ofDays(1), Duration.ofDays(1))::afterPropertiesSet);
    }

    @Test
    void anAccessTokenOutlivingAUserWideDenialIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(guard(Duration.ofDays(2), Duration.ofDays(1), Duration.ofDays(3))::afterPropertiesSet)
                .withMessageContaining("latchkey.tokens.access-ttl (PT48H)")
                .withMessageContaining("latchkey.revocation.max-token-lifetime")
                .withMessageNotContaining("retired-key-published-for");
    }

    @Test
    void anAccessTokenOutlivingItsSigningKeysPublicationIsRefused() {
        assertThatIllegalStateException()
                .isThrownBy(guard(Duration.ofHours(2), Duration.ofDays(1), Duration.ofHours(1))::afterPropertiesSet)
                .withMessageContaining("latchkey.keys.retired-key-published-for (PT1H)");
    }

    private static TokenLifetimeGuard guard(Duration accessTtl, Duration maxTokenLifetime, Duration retiredKeyPublishedFor) {
        TokenProperties tokens = new TokenProperties(URI.create("http://localhost:9000"), "latchkey-api", accessTtl,
                Duration.ofDays(7), SigningAlgorithm.RS256, 10_000, List.of());
        RevocationProperties revocation = new RevocationProperties(false, maxTokenLifetime, "latchkey:{revoked}:",
                Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(2));
        KeyProperties keys = new KeyProperties("a-secret-of-the-operators-own-choosing-0123456789", List.of(),
                Duration.ofDays(30), retiredKeyPublishedFor, Duration.ofMinutes(1), Duration.ofMinutes(10));
        return new TokenLifetimeGuard(tokens, revocation, keys);
    }
}
