package io.latchkey.store.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.latchkey.store.account.Emails;

/**
 * Per-account and per-IP limits on failed password checks (auth-server's sign-ins,
 * resource-api's current password at a password change), kept in Redis so every instance
 * of both apps counts together. Only failures count: any number of correct sign-ins of one
 * account, or of many accounts behind one address, succeed.
 * <p>
 * Each budget is two buckets. Its <em>attempts</em> bucket is taken from before a password
 * is checked and given back when the check succeeds, so that parallel guesses cannot all
 * pass a check made before any of them failed: at most the limit's number of passwords are
 * checked. Its <em>failures</em> bucket is taken from only when a check fails. An attempt that
 * finds the attempts bucket empty while failures remain is waiting on checks in flight, not
 * on failures: it waits for them (at most {@code max-wait}) instead of being refused. Once the
 * failures are spent it is refused at once. Both buckets of a budget refill together, at the
 * same instants (windows aligned to the epoch), so an empty attempts bucket beside failures
 * left always means checks in flight, never a bucket that merely refilled later. At most
 * {@code max-waiting} attempts wait at once on one instance; more are refused at once.
 * <p>
 * The address's budget is taken first: an address whose failures are spent is refused
 * before it can wait on an account.
 */
public class LoginThrottle {

    private static final String TOO_MANY_FAILURES =
            "Too many failed password checks for this account or from this address; try again later";
    private static final Duration FIRST_PAUSE = Duration.ofMillis(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);
    private static final String TOO_MANY_WAITING =
            "Too many sign-ins are waiting for checks in flight; try again shortly";
    /** What {@code Retry-After} says when checks in flight did not finish in time. */
    private static final Duration IN_FLIGHT_RETRY_AFTER = Duration.ofSeconds(1);

    private final RedisBuckets buckets;
    private final BucketConfiguration perAccount;
    private final BucketConfiguration perIp;
    private final Duration maxWait;
    private final Semaphore waiting;

    LoginThrottle(RedisBuckets buckets, LoginThrottleProperties properties) {
        this.buckets = buckets;
        this.perAccount = limit(properties.accountFailures(), properties.accountWindow());
        this.perIp = limit(properties.ipFailures(), properties.ipWindow());
        this.maxWait = properties.maxWait();
        this.waiting = new Semaphore(properties.maxWaiting());
    }

    private static BucketConfiguration limit(int failures, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillIntervallyAligned(failures, window, Instant.EPOCH).build())
                .build();
    }

    /**
     * Takes one attempt from the account's and from the address's budget, before the password
     * is checked. The caller reports how the check went: {@link Attempt#succeeded()},
     * {@link Attempt#failed()} or, when the check could not be made, {@link Attempt#abandoned()}.
     * @throws Throttled when either budget's failures are spent, or its checks in flight did not
     *                   finish within {@code max-wait}, or {@code max-waiting} attempts already
     *                   wait on this instance (nothing is taken then)
     * @throws ThrottleUnavailable when Redis cannot count
     */
    public Attempt begin(String email, String remoteAddress) {
        Budget ip = budget("latchkey:throttle:ip:" + remoteAddress, this.perIp);
        Budget account = budget("latchkey:throttle:account:" + Emails.normalize(email), this.perAccount);
        long deadline = System.nanoTime() + this.maxWait.toNanos();
        Duration pause = FIRST_PAUSE;
        boolean waits = false;
        try {
            while (true) {
                if (takeBoth(ip, account)) {
                    return new Attempt(account.attempts, account.failures, ip.attempts, ip.failures);
                }
                if (!waits && !(waits = this.waiting.tryAcquire())) {
                    throw new Throttled(TOO_MANY_WAITING, IN_FLIGHT_RETRY_AFTER);
                }
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    throw new Throttled(TOO_MANY_FAILURES, IN_FLIGHT_RETRY_AFTER);
                }
                pause(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
        catch (Throttled throttled) {
            throw throttled;
        }
        catch (RuntimeException redisFailed) {
            throw new ThrottleUnavailable("Password checks cannot be counted right now; try again shortly", redisFailed);
        }
        finally {
            if (waits) {
                this.waiting.release();
            }
        }
    }

    /**
     * One attempt from each budget, the address's first, or neither.
     * @return false when checks in flight hold one of them: worth waiting for
     * @throws Throttled when one's failures are spent
     */
    private static boolean takeBoth(Budget ip, Budget account) {
        ConsumptionProbe byIp = ip.attempts.tryConsumeAndReturnRemaining(1);
        if (!byIp.isConsumed()) {
            refuseIfFailuresSpent(ip, byIp);
            return false;
        }
        ConsumptionProbe byAccount = account.attempts.tryConsumeAndReturnRemaining(1);
        if (byAccount.isConsumed()) {
            return true;
        }
        ip.attempts.addTokens(1);
        refuseIfFailuresSpent(account, byAccount);
        return false;
    }

    /** Its attempts are all taken: by failures (refused now), or by checks in flight (wait for them). */
    private static void refuseIfFailuresSpent(Budget budget, ConsumptionProbe attempts) {
        EstimationProbe failures = budget.failures.estimateAbilityToConsume(1);
        if (!failures.canBeConsumed()) {
            throw new Throttled(TOO_MANY_FAILURES, Duration.ofNanos(Math.max(failures.getNanosToWaitForRefill(),
                    attempts.getNanosToWaitForRefill())));
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.plusNanos(ThreadLocalRandom.current().nextLong(pause.toNanos())));
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ThrottleUnavailable("Interrupted while waiting for sign-ins in flight", interrupted);
        }
    }

    private Budget budget(String key, BucketConfiguration configuration) {
        return new Budget(this.buckets.bucket(key, configuration), this.buckets.bucket(key + ":failures", configuration));
    }

    /** One budget: attempts taken (in flight or failed), and failures alone. */
    private record Budget(BucketProxy attempts, BucketProxy failures) {
    }
}
