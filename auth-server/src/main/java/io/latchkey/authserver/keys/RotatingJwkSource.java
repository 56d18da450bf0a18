package io.latchkey.authserver.keys;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The keys of this issuer as every instance shares them: read from PostgreSQL and
 * held in memory between refreshes, so neither signing nor serving JWKS touches the
 * database. Newest first; the current key of each algorithm signs.
 */
final class RotatingJwkSource implements JWKSource<SecurityContext> {

    private final SigningKeyRepository repository;
    private final Clock clock;
    private volatile List<SigningKey> keys = List.of();

    RotatingJwkSource(SigningKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(new JWKSet(this.keys.stream().map(SigningKey::jwk).toList()));
    }

    /** Re-reads the published keys; drops retired keys whose publication ended. */
    void refresh() {
        this.keys = List.copyOf(this.repository.findPublished(this.clock.instant()));
    }

    /** The keys as last loaded, newest first. */
    List<SigningKey> published() {
        return this.keys;
    }

    /** The key id that signs new tokens of this algorithm. */
    String currentKid(SigningAlgorithm algorithm) {
        return currentKey(algorithm).getKeyID();
    }

    /** The key pair that signs new tokens of this algorithm. */
    JWK currentKey(SigningAlgorithm algorithm) {
        return this.keys.stream()
                .filter(key -> key.current() && algorithm.nimbus().equals(key.jwk().getAlgorithm()))
                .map(SigningKey::jwk)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No current " + algorithm + " signing key has been loaded"));
    }

    /**
     * Picks, among the keys a JWT header could match (Nimbus offers those of the header's
     * algorithm), the current one.
     */
    JWK selectSigningKey(List<JWK> candidates) {
        List<SigningKey> snapshot = this.keys;
        return candidates.stream()
                .filter(jwk -> snapshot.stream().anyMatch(key -> key.current() && key.kid().equals(jwk.getKeyID())))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No current signing key matches " + candidates));
    }
}
