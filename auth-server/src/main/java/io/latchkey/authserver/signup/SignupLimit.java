package io.latchkey.authserver.signup;

import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.latchkey.store.audit.AuditEvent;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.store.throttle.RedisBuckets;
import io.latchkey.store.throttle.ThrottleUnavailable;
import io.latchkey.store.throttle.Throttled;

/**
 * Sign-ups per client address (and, when configured, per address range), counted in Redis so
 * every instance shares one budget, and taken before any password is hashed: each sign-up
 * costs a full Argon2id hash, so an unlimited one would let one client keep the cores busy.
 * The moment an address spends its budget is audited ({@code signup.limit_reached}), once a window.
 */
final class SignupLimit {

    private static final String TOO_MANY = "Too many sign-ups from this address; try again later";

    private final AccountsProperties.SignupLimit properties;
    private final RedisBuckets buckets;
    private final AuditLog audit;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration perRange;

    SignupLimit(AccountsProperties.SignupLimit properties, RedisBuckets buckets, AuditLog audit) {
        this.properties = properties;
        this.buckets = buckets;
        this.audit = audit;
        this.perAddress = limit(properties.perAddress(), properties.window());
        this.perRange = properties.perRange() > 0 ? limit(properties.perRange(), properties.window()) : null;
    }

    private static BucketConfiguration limit(int signups, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(signups).refillIntervally(signups, window).build())
                .build();
    }

    /**
     * Takes one sign-up from the address's (and its range's) budget.
     * @throws Throttled when a budget is spent (nothing is taken then)
     * @throws ThrottleUnavailable when Redis cannot count
     */
    void take(String remoteAddress) {
        if (!this.properties.enabled()) {
            return;
        }
        try {
            Optional<String> range = this.perRange == null ? Optional.empty()
                    : NetworkRange.of(remoteAddress, this.properties.ipv4Range(), this.properties.ipv6Range());
            BucketProxy address = this.buckets.bucket("latchkey:signup:address:" + remoteAddress, this.perAddress);
            ConsumptionProbe byAddress = address.tryConsumeAndReturnRemaining(1);
            refuseIfSpent(byAddress);
            if (range.isPresent()) {
                ConsumptionProbe byRange = this.buckets.bucket("latchkey:signup:range:" + range.get(), this.perRange)
                        .tryConsumeAndReturnRemaining(1);
                if (!byRange.isConsumed()) {
                    address.addTokens(1);
                }
                refuseIfSpent(byRange);
                noteIfLast(byRange, "range " + range.get());
            }
            noteIfLast(byAddress, "address " + remoteAddress);
        }
        catch (Throttled throttled) {
            throw throttled;
        }
        catch (RuntimeException redisFailed) {
            throw new ThrottleUnavailable("Sign-ups cannot be counted right now; try again shortly", redisFailed);
        }
    }

    private static void refuseIfSpent(ConsumptionProbe probe) {
        if (!probe.isConsumed()) {
            throw new Throttled(TOO_MANY, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private void noteIfLast(ConsumptionProbe probe, String who) {
        if (probe.getRemainingTokens() == 0) {
            this.audit.record(AuditEvent.of("signup.limit_reached")
                    .detail(who + " spent its sign-ups for " + this.properties.window()));
        }
    }
}
