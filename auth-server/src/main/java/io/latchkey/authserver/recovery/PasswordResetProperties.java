package io.latchkey.authserver.recovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password reset by mailed link.
 *
 * @param linkLifetime how long a reset link works (once)
 * @param perAddress   reset requests for one email address per {@code window}
 * @param perClient    reset requests from one client IP address per {@code window}
 * @param window       the window of both limits
 */
@ConfigurationProperties("latchkey.accounts.password-reset")
public record PasswordResetProperties(
        @DefaultValue("PT30M") Duration linkLifetime,
        @DefaultValue("3") int perAddress,
        @DefaultValue("20") int perClient,
        @DefaultValue("PT15M") Duration window) {
}
