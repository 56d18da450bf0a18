package io.latchkey.store.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.latchkey.store.change.ChangeFeed;
import io.latchkey.store.grant.GrantRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Denies access tokens and answers whether a token is denied.
 * <p>
 * Every denial is written to PostgreSQL first (the truth), then to Redis, then announced on
 * the change feed, which keeps each instance's in-memory copy ({@link LocalDenials}) current.
 * A token check reads that copy while the feed is current, with no round trip; otherwise it
 * asks Redis, in one round trip. A denial made here is in this instance's copy at once.
 * <p>
 * CAUTION: Redis may lose data or miss a write while it is unreachable. So: a Redis
 * without the "filled" marker is re-filled from PostgreSQL before it is trusted, and
 * an instance that saw Redis fail re-fills it as soon as Redis answers again (on its
 * next check, or within {@code latchkey.revocation.reconcile-interval}).
 */
public class RevocationStore {

    private static final Logger log = LoggerFactory.getLogger(RevocationStore.class);

    private final RevocationRepository repository;
    private final GrantRepository grants;
    private final RedisRevocationMirror mirror;
    private final RevocationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final MirrorTrust trust;
    private final ChangeFeed changes;
    private final LocalDenials local;
    private final Counter answeredFromMemory;
    private volatile Instant writableUntil = Instant.MIN;

    RevocationStore(RevocationRepository repository, GrantRepository grants, RedisRevocationMirror mirror, RevocationProperties properties,
            Clock clock, MeterRegistry meters, ChangeFeed changes, LocalDenials local) {
        this.repository = repository;
        this.grants = grants;
        this.mirror = mirror;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.trust = new MirrorTrust(repository, mirror, properties, clock, meters, changes);
        this.changes = changes;
        this.local = local;
        this.answeredFromMemory = meters.counter("latchkey.revocation.checks.in.memory");
    }

    /** Denies one access token until it expires (logout, {@code /oauth2/revoke}). */
    public void denyToken(String jti, Instant tokenExpiresAt) {
        record(List.of(new Denial(Denial.Kind.TOKEN, jti, null, tokenExpiresAt)));
    }

    /** Denies every access token of one grant, for as long as any of them can live. */
    public void denyGrant(String grantId) {
        denyGrant(grantId, this.clock.instant().plus(this.properties.maxTokenLifetime()));
    }

    /** Denies every token of one grant (refresh-token reuse, a session ended by its user or an admin). */
    public void denyGrant(String grantId, Instant lastTokenExpiresAt) {
        record(List.of(new Denial(Denial.Kind.GRANT, grantId, null, lastTokenExpiresAt)));
    }

    /**
     * Denies every token of a user issued before now (password change, deletion, "log out
     * everywhere"), and each grant the user holds now. Callers also delete the user's grants
     * (see {@code Termination}), so their refresh tokens cannot mint new access tokens.
     * <p>
     * NOTE: {@code iat} has one-second precision, so the user-wide rule only denies tokens
     * issued in an earlier second; tokens from the current second are covered by their
     * grant's denial. A sign-in right after, even in the same second, gets a new grant and works.
     * <p>
     * CAUTION: the user denial is recorded before the grants are listed. A sign-in that
     * saves its grant and then asks {@link #signedOutSince} either sees the denial, or saved
     * its grant before the list was read, so the grant is denied here.
     */
    public void denyUserTokensIssuedBefore(UUID userId) {
        Instant now = this.clock.instant();
        Instant accessTokensExpired = now.plus(this.properties.maxTokenLifetime());
        record(List.of(new Denial(Denial.Kind.USER, userId.toString(), now, accessTokensExpired)));
        List<Denial> grants = new ArrayList<>();
        for (String grantId : this.grants.idsOf(userId)) {
            grants.add(new Denial(Denial.Kind.GRANT, grantId, null, accessTokensExpired));
        }
        record(grants);
    }

    /**
     * Whether a token is denied by any of the three rules.
     * @throws RevocationUnavailableException when Redis cannot answer
     */
    public boolean isDenied(TokenFacts token) {
        if (this.changes.isCurrent()) {
            this.answeredFromMemory.increment();
            return this.local.isDenied(token);
        }
        return ask(mirror -> mirror.isDenied(token));
    }

    /**
     * Whether the user was signed out everywhere (password change, deletion, "log out
     * everywhere") at or after {@code instant}, compared to the millisecond: for a sign-in that
     * began then and checked a password that may have changed since, or a browser session
     * signed in then. Always asks Redis: a sign-in racing a sign-out on another instance
     * must see it (see {@link #denyUserTokensIssuedBefore}), not wait for the change feed.
     * @throws RevocationUnavailableException when Redis cannot answer
     */
    public boolean signedOutSince(String subject, Instant instant) {
        return ask(mirror -> mirror.signedOutSince(subject, instant));
    }

    private boolean ask(Function<RedisRevocationMirror, Boolean> question) {
        Timer.Sample sample = Timer.start(this.meters);
        try {
            this.trust.prepare();
            Boolean denied = question.apply(this.mirror);
            if (denied == null) {
                log.warn("Redis has no revocation data: re-filling it from PostgreSQL");
                this.trust.refill();
                denied = question.apply(this.mirror);
            }
            if (denied == null) {
                throw new RevocationUnavailableException("Redis lost the revocation data again", null);
            }
            return denied;
        }
        catch (DataAccessException unreachable) {
            this.trust.failed();
            throw new RevocationUnavailableException("Redis cannot answer the revocation check", unreachable);
        }
        finally {
            sample.stop(this.meters.timer("latchkey.revocation.check"));
        }
    }

    /**
     * Fails unless a denial could be recorded in Redis: the authorization server asks before
     * it issues a token it might have to revoke. A PING answered within
     * {@code latchkey.revocation.writable-check-interval} (1 s) is trusted, so a busy token
     * endpoint does not pay a Redis round trip per token; a Redis failure seen by any
     * operation makes the next call ask again.
     * @throws RevocationUnavailableException when Redis cannot answer
     */
    public void ensureWritable() {
        Instant now = this.clock.instant();
        if (!this.trust.isSuspect() && now.isBefore(this.writableUntil)) {
            return;
        }
        try {
            this.trust.prepare();
            this.mirror.ping();
            this.writableUntil = now.plus(this.properties.writableCheckInterval());
        }
        catch (DataAccessException unreachable) {
            this.trust.failed();
            this.writableUntil = Instant.MIN;
            throw new RevocationUnavailableException("Redis cannot record revocations", unreachable);
        }
    }

    /** Re-fills Redis if this instance saw it fail; a no-op otherwise. */
    @Scheduled(fixedDelayString = "${latchkey.revocation.reconcile-interval:PT10S}")
    void reconcile() {
        this.trust.reconcile();
    }

    /** Forgets the in-memory denials that no longer cover any token. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void sweepLocal() {
        this.local.sweep();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void purgeExpired() {
        int purged = this.repository.purgeExpired(this.clock.instant());
        if (purged > 0) {
            log.info("Purged {} expired revocations", purged);
        }
    }

    private void record(List<Denial> denials) {
        Instant now = this.clock.instant();
        denials.forEach(denial -> this.repository.save(denial, now));
        denials.forEach(this.local::add);
        denials.forEach(denial -> this.meters.counter("latchkey.revocations", "kind", denial.kind().column()).increment());
        if (this.trust.skipWrites()) {
            return; // Redis gets it at the next re-fill, as below, and other instances then resynchronise
        }
        try {
            for (Denial denial : denials) {
                this.mirror.write(denial, now);
            }
            this.changes.publish(LocalDenials.TOPIC, LocalDenials.encode(denials));
        }
        catch (DataAccessException unreachable) {
            // The denial is durable in PostgreSQL; Redis gets it at the next re-fill.
            this.trust.failed();
            log.warn("Revocation recorded in PostgreSQL but not in Redis (unreachable); it will be re-filled");
        }
    }
}
