package io.latchkey.resourceapi.security;

import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Keys from the JWKS URL, where a token naming a key id that is not there finds no key, so
 * it is invalid (401 {@code invalid_token}) like any token with a bad signature. Nimbus asks
 * the URL again for an unknown key id at most once every 30 seconds and signals the ones in
 * between as an error of the key source, which Spring answers 500.
 * NOTE: a key rotated in is published ahead of signing (auth-server's
 * {@code latchkey.keys.publish-ahead}), so it is fetched before any token names it.
 */
final class UnknownKeyIdIsNoKey implements JWKSource<SecurityContext> {

    private final JWKSource<SecurityContext> keys;

    UnknownKeyIdIsNoKey(JWKSource<SecurityContext> keys) {
        this.keys = keys;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        try {
            return this.keys.get(selector, context);
        }
        catch (RateLimitReachedException fetchedMomentsAgo) {
            return List.of();
        }
    }
}
