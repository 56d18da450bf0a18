package io.latchkey.store.revocation;

import java.time.Duration;

/**
 * Remembers that Redis just failed, so that the revocation calls after it, in the same
 * request or in others, fail closed at once instead of each waiting out its command timeout.
 * A hung Redis (connections open, nothing answered) then costs a request at most one
 * timeout, as a dead one costs none; once the budget has passed, the next call asks again.
 */
final class RecentRedisFailure {

    private final long budgetNanos;
    private volatile long failedAt;
    private volatile boolean failed;

    RecentRedisFailure(Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    void happened() {
        this.failedAt = System.nanoTime();
        this.failed = true;
    }

    /** @throws RevocationUnavailableException when Redis failed within the budget */
    void failFast() {
        if (isFresh()) {
            throw new RevocationUnavailableException("Redis failed moments ago; not asking again yet", null);
        }
    }

    boolean isFresh() {
        return this.failed && System.nanoTime() - this.failedAt < this.budgetNanos;
    }
}
