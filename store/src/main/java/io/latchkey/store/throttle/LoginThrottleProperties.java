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
 * @param ipFailures      failed sign-ins allowed per client IP within {@code ipWindow}
 */
@Validated
@ConfigurationProperties("latchkey.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("5") @Min(1) int accountFailures,
        @DefaultValue("PT15M") Duration accountWindow,
        @DefaultValue("50") @Min(1) int ipFailures,
        @DefaultValue("PT5M") Duration ipWindow) {
}
