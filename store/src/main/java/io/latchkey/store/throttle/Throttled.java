package io.latchkey.store.throttle;

import java.time.Duration;

/** A budget kept in Redis is spent (failed sign-ins, sign-ups from one address); nothing was checked or created. */
public final class Throttled extends RuntimeException {

    private final Duration retryAfter;

    public Throttled(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return this.retryAfter;
    }

    /** Whole seconds, at least one: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
    }
}
