package io.latchkey.authserver.client;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Client registrations kept in memory for {@code latchkey.clients.cache-ttl}: every token,
 * introspection and revocation request, and every grant read from the database, looks up
 * its client, and a registration changes rarely. A save on this instance is seen at once;
 * a save on another instance within the TTL.
 */
final class CachingRegisteredClientRepository implements RegisteredClientRepository {

    private final RegisteredClientRepository delegate;
    private final Cache<String, RegisteredClient> byId;
    private final Cache<String, RegisteredClient> byClientId;

    CachingRegisteredClientRepository(RegisteredClientRepository delegate, Duration ttl, Ticker ticker) {
        this.delegate = delegate;
        this.byId = cache(ttl, ticker);
        this.byClientId = cache(ttl, ticker);
    }

    private static Cache<String, RegisteredClient> cache(Duration ttl, Ticker ticker) {
        return Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).ticker(ticker).build();
    }

    @Override
    public void save(RegisteredClient client) {
        this.delegate.save(client);
        this.byId.invalidateAll();
        this.byClientId.invalidateAll();
    }

    @Override
    public RegisteredClient findById(String id) {
        // NOTE: an unknown id is not cached (Caffeine stores no nulls), so it is asked for every time.
        return this.byId.get(id, this.delegate::findById);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return this.byClientId.get(clientId, this.delegate::findByClientId);
    }
}
