package io.latchkey.authserver.bootstrap;

import java.util.ArrayList;
import java.util.List;

import io.latchkey.authserver.token.TokenProperties;
import io.latchkey.authserver.keys.KeyProperties;
import io.latchkey.store.revocation.RevocationProperties;

import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start with an access-token lifetime that outlives what must outlive it: a
 * user-wide denial is kept for {@code latchkey.revocation.max-token-lifetime}, and a replaced
 * signing key stays in JWKS for {@code latchkey.keys.retired-key-published-for}. A longer
 * {@code latchkey.tokens.access-ttl} would let denied tokens work again, or valid ones fail.
 */
class TokenLifetimeGuard implements InitializingBean {

    private final TokenProperties tokens;
    private final RevocationProperties revocation;
    private final KeyProperties keys;

    TokenLifetimeGuard(TokenProperties tokens, RevocationProperties revocation, KeyProperties keys) {
        this.tokens = tokens;
        this.revocation = revocation;
        this.keys = keys;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        if (this.tokens.accessTtl().compareTo(this.revocation.maxTokenLifetime()) > 0) {
            problems.add("latchkey.revocation.max-token-lifetime (" + this.revocation.maxTokenLifetime()
                    + "), or a user's \"signed out everywhere\" would expire before the tokens it denies");
        }
        if (this.tokens.accessTtl().compareTo(this.keys.retiredKeyPublishedFor()) > 0) {
            problems.add("latchkey.keys.retired-key-published-for (" + this.keys.retiredKeyPublishedFor()
                    + "), or a replaced signing key would leave JWKS before the tokens it signed expire");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("latchkey.tokens.access-ttl (" + this.tokens.accessTtl()
                    + ") must not be longer than " + String.join("; nor longer than ", problems));
        }
    }
}
