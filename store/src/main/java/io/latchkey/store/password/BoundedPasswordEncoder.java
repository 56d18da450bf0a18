package io.latchkey.store.password;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Lets at most a fixed number of password hashes run at once; the others wait their turn.
 * <p>
 * CAUTION: Argon2id is memory-hard on purpose: every hash holds its whole cost (19 MiB by
 * default) while it runs. Without a bound of its own, how many sign-ins hash at once would
 * be whatever the request threads allow (virtual threads: no limit), each allocating that
 * cost, and could exhaust the heap. Bounded to the number of cores, the CPU is kept as busy
 * as before, only the memory a burst needs stops growing with it, and the collector works less.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;

    BoundedPasswordEncoder(PasswordEncoder delegate, int maxConcurrentHashes) {
        if (maxConcurrentHashes < 1) {
            throw new IllegalArgumentException("maxConcurrentHashes must be at least 1, not " + maxConcurrentHashes);
        }
        this.delegate = delegate;
        this.permits = new Semaphore(maxConcurrentHashes, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bounded(() -> this.delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bounded(() -> this.delegate.matches(rawPassword, encodedPassword));
    }

    /** No hash is computed to tell whether a stored one is outdated: no permit needed. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return this.delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T bounded(Supplier<T> hashing) {
        this.permits.acquireUninterruptibly();
        try {
            return hashing.get();
        }
        finally {
            this.permits.release();
        }
    }
}
