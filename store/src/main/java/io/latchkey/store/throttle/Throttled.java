package io.latchkey.store.throttle;

import java.time.Duration;

/** This account or this address has used up its failed attempts; the password was not checked. */
public final class Throttled extends RuntimeException {

    private final Duration retryAfter;

    Throttled(Duration retryAfter) {
        super("Too many failed sign-ins; try again later");
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
