package io.latchkey.authserver.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registered clients.
 *
 * @param cacheTtl how long an instance keeps a client registration in memory before reading it
 *                 again; a change saved on any instance is seen everywhere within about a second
 *                 (the change feed), so this is a safety net. 0 turns the cache off
 */
@ConfigurationProperties("latchkey.clients")
public record ClientProperties(@DefaultValue("PT1M") Duration cacheTtl) {
}
