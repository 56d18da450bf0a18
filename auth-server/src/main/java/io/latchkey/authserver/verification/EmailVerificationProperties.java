package io.latchkey.authserver.verification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Confirmation links.
 *
 * @param linkLifetime how long a confirmation link works (once)
 * @param perAddress   requests for a new link for one email address per {@code window}
 * @param perClient    requests for a new link from one client IP address per {@code window}
 * @param window       the window of both limits
 */
@ConfigurationProperties("latchkey.accounts.email-verification")
public record EmailVerificationProperties(
        @DefaultValue("P2D") Duration linkLifetime,
        @DefaultValue("3") int perAddress,
        @DefaultValue("20") int perClient,
        @DefaultValue("PT15M") Duration window) {
}
