package io.latchkey.authserver.client;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.latchkey.store.change.ChangeFeed;
import io.latchkey.store.change.ChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Client registrations kept in memory: every token, introspection and revocation request,
 * and every grant read from the database, looks up its client, and a registration changes
 * rarely. A save here is seen here at once, and announced on the change feed, so every other
 * instance drops its copies within about a second. While the feed is not current, every
 * lookup reads PostgreSQL. Entries also expire after {@code latchkey.clients.cache-ttl}.
 */
final class CachingRegisteredClientRepository implements RegisteredClientRepository, ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(CachingRegisteredClientRepository.class);

    static final String TOPIC = "clients";

    private final RegisteredClientRepository delegate;
    private final ChangeFeed changes;
    private final Cache<String, RegisteredClient> byId;
    private final Cache<String, RegisteredClient> byClientId;

    CachingRegisteredClientRepository(RegisteredClientRepository delegate, Duration ttl, Ticker ticker, ChangeFeed changes) {
        this.delegate = delegate;
        this.changes = changes;
        this.byId = cache(ttl, ticker);
        this.byClientId = cache(ttl, ticker);
    }

    private static Cache<String, RegisteredClient> cache(Duration ttl, Ticker ticker) {
        return Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).ticker(ticker).build();
    }

    @Override
    public void save(RegisteredClient client) {
        this.delegate.save(client);
        resync();
        try {
            this.changes.publish(TOPIC, client.getId());
        }
        catch (DataAccessException unreachable) {
            // The feed resynchronises every instance once Redis answers again.
            log.warn("Client change of {} not announced: Redis unreachable", client.getClientId());
        }
    }

    @Override
    public RegisteredClient findById(String id) {
        if (!this.changes.isCurrent()) {
            return this.delegate.findById(id);
        }
        // NOTE: an unknown id is not cached (Caffeine stores no nulls), so it is asked for every time.
        return this.byId.get(id, this.delegate::findById);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        if (!this.changes.isCurrent()) {
            return this.delegate.findByClientId(clientId);
        }
        return this.byClientId.get(clientId, this.delegate::findByClientId);
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    /** A client changed somewhere: both caches hold it under keys only it knows, so both are emptied. */
    @Override
    public void changed(String payload) {
        resync();
    }

    @Override
    public void resync() {
        this.byId.invalidateAll();
        this.byClientId.invalidateAll();
    }
}
