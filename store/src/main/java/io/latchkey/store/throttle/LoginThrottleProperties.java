package io.latchkey.store.throttle;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Brute-force limits on failed password checks (sign-ins, and the current password at a
 * password change), shared by every app on the same Redis. Successful checks do not count.
 *
 * @param accountFailures failed sign-ins allowed per account within {@code accountWindow}
 * @param accountWindow   the per-account window
 * @param ipFailures      failed sign-ins allowed per client IP within {@code ipWindow}
 * @param ipWindow        the per-IP window
 * @param maxWait         how long a sign-in waits for checks of the same account or address
 *                        already in flight, when they hold the rest of the budget, before it is refused
 * @param maxWaiting      how many sign-ins may wait so on one instance at once; more are refused at once
 */
@Validated
@ConfigurationProperties("latchkey.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("5") @Min(1) int accountFailures,
        @DefaultValue("PT15M") Duration accountWindow,
        @DefaultValue("50") @Min(1) int ipFailures,
        @DefaultValue("PT5M") Duration ipWindow,
        @DefaultValue("PT5S") Duration maxWait,
        @DefaultValue("64") @Min(1) int maxWaiting) {

    Duration longestWindow() {
        return this.accountWindow.compareTo(this.ipWindow) > 0 ? this.accountWindow : this.ipWindow;
    }
}
