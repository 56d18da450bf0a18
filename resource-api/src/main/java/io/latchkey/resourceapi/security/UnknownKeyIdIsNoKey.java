package io.latchkey.resourceapi.security;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

/**
 * Keys from the JWKS URL, cached, where a token naming a key id that is not in the cached key
 * set finds no key, so it is invalid (401 {@code invalid_token}) like any token with a bad
 * signature. Nimbus asks the URL again for an unknown key id at most once per refetch interval
 * and signals the ones in between as an error of the key source, which Spring answers 500.
 * That error means "no such key" only while the key set fetched last is still within its
 * cache lifetime; once it has expired and the URL cannot be fetched, no token can be checked,
 * and the error stands (503 from {@link TokenChecksUnavailableFilter}).
 * NOTE: a key rotated in is published ahead of signing (auth-server's
 * {@code latchkey.keys.publish-ahead}), so it is fetched before any token names it.
 */
final class UnknownKeyIdIsNoKey implements JWKSource<SecurityContext> {

    private final JWKSource<SecurityContext> keys;

    private final RemembersFetches fetches;

    private final long cacheLifetimeMillis;

    private UnknownKeyIdIsNoKey(JWKSource<SecurityContext> keys, RemembersFetches fetches, Duration cacheLifetime) {
        this.keys = keys;
        this.fetches = fetches;
        this.cacheLifetimeMillis = cacheLifetime.toMillis();
    }

    /**
     * @param cacheLifetime   how long a fetched key set is used
     * @param refetchInterval the least time between two fetches, however many unknown key ids
     */
    static UnknownKeyIdIsNoKey fetchedFrom(URL jwkSetUrl, Duration cacheLifetime, Duration refetchInterval) {
        RemembersFetches fetches = new RemembersFetches(new URLBasedJWKSetSource<>(jwkSetUrl,
                new DefaultResourceRetriever(JWKSourceBuilder.DEFAULT_HTTP_CONNECT_TIMEOUT,
                        JWKSourceBuilder.DEFAULT_HTTP_READ_TIMEOUT, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT)));
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(fetches)
                .retrying(false)
                // at five minutes: 15 s to wait for a refresh in flight, refreshed 30 s ahead of expiry
                .cache(cacheLifetime.toMillis(), cacheLifetime.toMillis() / 20)
                .refreshAheadCache(cacheLifetime.toMillis() / 10, false)
                .rateLimited(refetchInterval.toMillis())
                .build();
        return new UnknownKeyIdIsNoKey(keys, fetches, cacheLifetime);
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        try {
            return this.keys.get(selector, context);
        }
        catch (RateLimitReachedException fetchedMomentsAgo) {
            if (System.currentTimeMillis() - this.fetches.lastFetched < this.cacheLifetimeMillis) {
                return List.of();
            }
            throw fetchedMomentsAgo;
        }
    }

    /** The key source under Nimbus's cache and rate limit: it knows when a key set last came. */
    private static final class RemembersFetches implements JWKSetSource<SecurityContext> {

        private final JWKSetSource<SecurityContext> url;

        private volatile long lastFetched = Long.MIN_VALUE / 2;

        RemembersFetches(JWKSetSource<SecurityContext> url) {
            this.url = url;
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refresh, long currentTime, SecurityContext context)
                throws KeySourceException {
            JWKSet fetched = this.url.getJWKSet(refresh, currentTime, context);
            this.lastFetched = System.currentTimeMillis();
            return fetched;
        }

        @Override
        public void close() throws IOException {
            this.url.close();
        }
    }
}
