package io.latchkey.authserver;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A point a request stops at until the test lets it go, so the test can do, in between, what a
 * concurrent request would: the request calls {@link #pass()}, the test {@link #awaitReached()},
 * then {@link #release()}. Used by the gates ({@link PasswordCheckGate}, {@link GrantSaveGate}).
 */
public final class Hold {

    private final String what;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    Hold(String what) {
        this.what = what;
    }

    /** Waits until a request stands at the hold. */
    public void awaitReached() throws InterruptedException {
        if (!this.reached.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("No " + this.what + " reached the hold");
        }
    }

    public void release() {
        this.released.countDown();
    }

    void pass() {
        this.reached.countDown();
        try {
            if (!this.released.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released the " + this.what);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
