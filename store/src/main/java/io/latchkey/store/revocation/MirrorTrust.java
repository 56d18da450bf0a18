package io.latchkey.store.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.latchkey.store.change.ChangeFeed;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * Whether this instance may trust what Redis holds of the denials. Once Redis failed here,
 * it is suspect: it may have missed a write, or lost its data, so it is re-filled from
 * PostgreSQL (the truth) before it is asked again. Right after a failure, callers fail
 * fast ({@link RecentRedisFailure}) instead of each waiting on Redis.
 */
final class MirrorTrust {

    private static final Logger log = LoggerFactory.getLogger(MirrorTrust.class);

    private final RevocationRepository repository;
    private final RedisRevocationMirror mirror;
    private final Clock clock;
    private final MeterRegistry meters;
    private final RecentRedisFailure recentFailure;
    private final ChangeFeed changes;
    private final Object refillLock = new Object();
    private volatile boolean suspect;

    MirrorTrust(RevocationRepository repository, RedisRevocationMirror mirror, RevocationProperties properties,
            Clock clock, MeterRegistry meters, ChangeFeed changes) {
        this.repository = repository;
        this.mirror = mirror;
        this.clock = clock;
        this.meters = meters;
        this.recentFailure = new RecentRedisFailure(properties.checkBudget());
        this.changes = changes;
    }

    /**
     * Readies Redis for a question or a write: fails fast right after a failure, and
     * re-fills a suspect Redis first.
     * @throws RevocationUnavailableException when Redis failed moments ago
     * @throws DataAccessException when Redis cannot be re-filled
     */
    void prepare() {
        this.recentFailure.failFast();
        if (this.suspect) {
            refill();
        }
    }

    boolean isSuspect() {
        return this.suspect;
    }

    /** Redis failed: suspect it, and fail fast for a while. */
    void failed() {
        this.suspect = true;
        this.recentFailure.happened();
    }

    /**
     * Whether writes should skip Redis, which failed moments ago; it is then suspect, and
     * gets what was skipped at its next re-fill.
     */
    boolean skipWrites() {
        if (this.recentFailure.isFresh()) {
            this.suspect = true;
            return true;
        }
        return false;
    }

    /** Re-fills a suspect Redis; a no-op when it is trusted, or still down. */
    void reconcile() {
        if (this.suspect) {
            try {
                refill();
            }
            catch (DataAccessException stillDown) {
                log.debug("Redis still unreachable; will retry", stillDown);
            }
        }
    }

    /**
     * Writes every unexpired denial from PostgreSQL into Redis, which is then trusted, and tells
     * every instance to resynchronise its in-memory copy: Redis may have missed denials that
     * were announced nowhere.
     */
    void refill() {
        synchronized (this.refillLock) {
            Instant now = this.clock.instant();
            List<Denial> denials = this.repository.findUnexpired(now);
            this.mirror.fill(denials, now);
            this.suspect = false;
            this.changes.publishResync();
            this.meters.counter("latchkey.revocation.refills").increment();
            log.info("Re-filled Redis with {} revocations from PostgreSQL", denials.size());
        }
    }
}
