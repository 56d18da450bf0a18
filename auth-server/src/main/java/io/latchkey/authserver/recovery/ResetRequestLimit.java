package io.latchkey.authserver.recovery;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.latchkey.store.grant.TokenDigests;
import io.latchkey.store.throttle.RedisBuckets;
import io.latchkey.store.throttle.ThrottleUnavailable;
import io.latchkey.store.throttle.Throttled;

/**
 * Reset requests per email address and per client IP address, counted in Redis so every
 * instance shares one budget: a mailbox cannot be flooded with reset mails, nor the outbox
 * from one address. The email address is counted by its digest, so Redis holds no address.
 */
class ResetRequestLimit {

    private static final String TOO_MANY = "Too many password reset requests; try again later";

    private final RedisBuckets buckets;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration perClient;

    ResetRequestLimit(PasswordResetProperties properties, RedisBuckets buckets) {
        this.buckets = buckets;
        this.perAddress = limit(properties.perAddress(), properties.window());
        this.perClient = limit(properties.perClient(), properties.window());
    }

    private static BucketConfiguration limit(int requests, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillIntervally(requests, window).build())
                .build();
    }

    /**
     * @throws Throttled when either budget is spent
     * @throws ThrottleUnavailable when Redis cannot count
     */
    void take(String email, String remoteAddress) {
        try {
            refuseIfSpent(this.buckets.bucket("latchkey:reset:client:" + remoteAddress, this.perClient)
                    .tryConsumeAndReturnRemaining(1));
            refuseIfSpent(this.buckets.bucket("latchkey:reset:address:" + TokenDigests.of(email), this.perAddress)
                    .tryConsumeAndReturnRemaining(1));
        }
        catch (Throttled throttled) {
            throw throttled;
        }
        catch (RuntimeException redisFailed) {
            throw new ThrottleUnavailable("Password resets cannot be counted right now; try again shortly", redisFailed);
        }
    }

    private static void refuseIfSpent(ConsumptionProbe probe) {
        if (!probe.isConsumed()) {
            throw new Throttled(TOO_MANY, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
