package io.latchkey.store.throttle;

import io.github.bucket4j.distributed.BucketProxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One password check, counted against the account's and the address's budget from before
 * it began. Its caller says how it went: it succeeded, failed, or was abandoned because the
 * password could not be checked (an error). One the caller never ends (a crash) stays taken
 * until its window passes, as a failure would, but does not count as one.
 */
public final class Attempt {

    private static final Logger log = LoggerFactory.getLogger(Attempt.class);

    private final BucketProxy accountAttempts;
    private final BucketProxy accountFailures;
    private final BucketProxy ipAttempts;
    private final BucketProxy ipFailures;

    Attempt(BucketProxy accountAttempts, BucketProxy accountFailures, BucketProxy ipAttempts, BucketProxy ipFailures) {
        this.accountAttempts = accountAttempts;
        this.accountFailures = accountFailures;
        this.ipAttempts = ipAttempts;
        this.ipFailures = ipFailures;
    }

    /**
     * Successful checks do not count: the attempt goes back to both budgets. If Redis fails
     * just now, the sign-in still stands and the attempt stays taken until its window passes.
     */
    public void succeeded() {
        giveBack("A successful sign-in");
    }

    /**
     * A check that could not be made (the account store failed, say) is no failure and tells
     * the caller nothing of the password: the attempt goes back to both budgets, so that
     * attempts waiting on it do not wait for nothing.
     */
    public void abandoned() {
        giveBack("An abandoned sign-in");
    }

    private void giveBack(String which) {
        try {
            this.accountAttempts.addTokens(1);
            this.ipAttempts.addTokens(1);
        }
        catch (RuntimeException redisFailed) {
            log.warn("{} could not give its attempt back: {}", which, redisFailed.toString());
        }
    }

    /**
     * A failed check keeps its attempt and counts as a failure of both budgets. NOTE: call it
     * before answering the failure, so that an attempt waiting for this one sees it as spent.
     * If Redis fails just now, the attempt still stays taken, so the limit still holds.
     */
    public void failed() {
        try {
            this.accountFailures.tryConsume(1);
            this.ipFailures.tryConsume(1);
        }
        catch (RuntimeException redisFailed) {
            log.warn("A failed sign-in could not be counted as a failure: {}", redisFailed.toString());
        }
    }
}
