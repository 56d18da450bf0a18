package io.latchkey.store.change;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change feed.
 *
 * @param enabled           keep the in-memory copies (denials among them) current by Redis push;
 *                          off: every check asks Redis, one round trip per request
 * @param channel           the Redis pub/sub channel; the counter that numbers changes is this
 *                          name plus {@code :sequence}
 * @param heartbeatInterval how often an instance reads the counter, to notice a change it missed
 * @param staleAfter        how long without a heartbeat answered before the copies are no longer
 *                          trusted (requests then ask Redis); a change reaches every instance
 *                          within about this long
 */
@ConfigurationProperties("latchkey.changes")
public record ChangeFeedProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("latchkey:{changes}") String channel,
        @DefaultValue("PT0.25S") Duration heartbeatInterval,
        @DefaultValue("PT1S") Duration staleAfter) {
}
