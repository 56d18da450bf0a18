package io.latchkey.authserver.mail;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.latchkey.store.grant.TokenDigests;
import io.latchkey.store.throttle.RedisBuckets;
import io.latchkey.store.throttle.ThrottleUnavailable;
import io.latchkey.store.throttle.Throttled;

/**
 * Requests that send mail (a reset link, a new confirmation link), counted per email address
 * and per client IP address in Redis so every instance shares one budget: nobody's mailbox can
 * be flooded, nor the outbox from one address. The email address is counted by its digest, so
 * Redis holds no address.
 */
public class MailRequestLimit {

    private final String name;
    private final RedisBuckets buckets;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration perClient;

    /** @param name what is counted, in the Redis keys and the refusal ("password reset") */
    public MailRequestLimit(String name, int perAddress, int perClient, Duration window, RedisBuckets buckets) {
        this.name = name;
        this.buckets = buckets;
        this.perAddress = limit(perAddress, window);
        this.perClient = limit(perClient, window);
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
    public void take(String email, String remoteAddress) {
        String key = "latchkey:" + this.name.replace(' ', '-') + ":";
        try {
            refuseIfSpent(this.buckets.bucket(key + "client:" + remoteAddress, this.perClient).tryConsumeAndReturnRemaining(1));
            refuseIfSpent(this.buckets.bucket(key + "address:" + TokenDigests.of(email), this.perAddress)
                    .tryConsumeAndReturnRemaining(1));
        }
        catch (Throttled throttled) {
            throw throttled;
        }
        catch (RuntimeException redisFailed) {
            throw new ThrottleUnavailable("Requests for a " + this.name + " cannot be counted right now; try again shortly",
                    redisFailed);
        }
    }

    private void refuseIfSpent(ConsumptionProbe probe) {
        if (!probe.isConsumed()) {
            throw new Throttled("Too many " + this.name + " requests; try again later",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
