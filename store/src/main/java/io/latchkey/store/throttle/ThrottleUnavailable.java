package io.latchkey.store.throttle;

import java.time.Duration;

/** Redis cannot count, so nothing is checked or created: fail closed, not unlimited. */
public final class ThrottleUnavailable extends RuntimeException {

    /** What {@code Retry-After} says while attempts cannot be counted. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public ThrottleUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
