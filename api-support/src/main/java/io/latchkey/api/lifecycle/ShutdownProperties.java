package io.latchkey.api.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an app may take to stop once asked (SIGTERM, Ctrl-C).
 *
 * @param timeout from the request to stop to the process's exit, whatever the stores do;
 *                in-flight requests get {@code spring.lifecycle.timeout-per-shutdown-phase}
 *                of it (10 s), closing the pools and clients the rest
 */
@ConfigurationProperties("latchkey.shutdown")
public record ShutdownProperties(@DefaultValue("PT15S") Duration timeout) {
}
