package io.latchkey.store.change;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Which numbered change this instance saw last, and whether it may have missed one. Redis
 * numbers every change (one counter) and delivers them to a subscriber in that order, so a
 * number that is not the last one plus one means a change was lost; a counter lower than
 * the last number seen means Redis lost its data.
 * <p>
 * NOTE: {@link #arrived} runs on the subscription's thread; everything else on the feed's
 * own thread, one call at a time.
 */
final class Sequence {

    private final AtomicLong last = new AtomicLong();
    private final AtomicLong arrivedDuringResync = new AtomicLong(-1);
    private volatile boolean trusted;
    private long awaited = -1;

    boolean trusted() {
        return this.trusted;
    }

    /** A change arrived; false when it shows one was missed (trust ends until the next resync). */
    boolean arrived(long number) {
        this.arrivedDuringResync.set(number);
        long previous = this.last.getAndSet(number);
        if (this.trusted && number != previous + 1) {
            this.trusted = false;
            return false;
        }
        return true;
    }

    void distrust() {
        this.trusted = false;
    }

    void resyncBegins() {
        this.trusted = false;
        this.arrivedDuringResync.set(-1);
    }

    /** Everything numbered up to {@code counter} is in the copies again. */
    void resynced(long counter) {
        this.last.set(Math.max(counter, this.arrivedDuringResync.get()));
        this.awaited = -1;
        this.trusted = true;
    }

    /**
     * The counter as Redis reports it now. A change counted but not arrived by the next
     * heartbeat was missed.
     * @return false when a change was missed or Redis lost its data (trust ends)
     */
    boolean counted(long counter) {
        long seen = this.last.get();
        boolean missed = counter < seen || (this.awaited >= 0 && seen < this.awaited);
        this.awaited = counter > seen ? counter : -1;
        if (missed) {
            this.trusted = false;
        }
        return !missed;
    }
}
