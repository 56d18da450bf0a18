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
 * database. Newest first; the first is the one that signs.
 */
public final class RotatingJwkSource implements JWKSource<SecurityContext> {

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

    /** The key id that signs new tokens. */
    String currentKid() {
        List<SigningKey> snapshot = this.keys;
        if (snapshot.isEmpty() || !snapshot.getFirst().isCurrent()) {
            throw new IllegalStateException("No current signing key has been loaded");
        }
        return snapshot.getFirst().kid();
    }

    /** Picks, among the keys a JWT header could match, the current one. */
    JWK selectSigningKey(List<JWK> candidates) {
        String current = currentKid();
        return candidates.stream()
                .filter(jwk -> current.equals(jwk.getKeyID()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The current signing key " + current + " does not match"));
    }
}
