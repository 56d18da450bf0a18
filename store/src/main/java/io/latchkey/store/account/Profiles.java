package io.latchkey.store.account;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.latchkey.store.change.ChangeFeed;
import io.latchkey.store.change.ChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Profiles read by id ({@code /userinfo}, {@code GET /api/users/me}) kept in memory while the
 * change feed is current, and dropped on every instance when one changes. While the feed is
 * not current, every read goes to PostgreSQL and nothing is kept.
 * <p>
 * NOTE: a change is dropped here, and announced, after its transaction commits, so no read
 * can put the old profile back in between. Caffeine's per-key compute makes a drop that meets
 * a read in flight wait for it, then drop what it loaded. Entries also expire after
 * {@link #SAFETY_NET}, in case an announcement was lost while this instance stayed current.
 */
public final class Profiles implements ChangeListener {

    private static final Logger log = LoggerFactory.getLogger(Profiles.class);

    static final String TOPIC = "account";

    static final Duration SAFETY_NET = Duration.ofMinutes(5);

    private final ChangeFeed changes;
    private final Cache<UUID, Account> byId;

    public Profiles(ChangeFeed changes, long maximumSize) {
        this.changes = changes;
        this.byId = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(SAFETY_NET).build();
    }

    Optional<Account> read(UUID id, Function<UUID, Optional<Account>> load) {
        if (!this.changes.isCurrent()) {
            return load.apply(id);
        }
        return Optional.ofNullable(this.byId.get(id, key -> load.apply(key).orElse(null)));
    }

    /** The account changed (or went): drop it here and everywhere, once its transaction commits. */
    void changed(UUID id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    dropEverywhere(id);
                }
            });
        }
        else {
            dropEverywhere(id);
        }
    }

    private void dropEverywhere(UUID id) {
        this.byId.invalidate(id);
        try {
            this.changes.publish(TOPIC, id.toString());
        }
        catch (DataAccessException unreachable) {
            // The feed resynchronises every instance once Redis answers again.
            log.warn("Profile change of {} not announced: Redis unreachable", id);
        }
    }

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public void changed(String payload) {
        this.byId.invalidate(UUID.fromString(payload));
    }

    @Override
    public void resync() {
        this.byId.invalidateAll();
    }
}
