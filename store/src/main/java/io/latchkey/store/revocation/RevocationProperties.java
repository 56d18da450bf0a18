package io.latchkey.store.revocation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Revocation.
 *
 * @param failOpen           when Redis cannot answer, accept tokens (with a warning metric)
 *                           instead of refusing them with 503; off by default
 * @param maxTokenLifetime   how long a "everything issued before" denial is kept; at least
 *                           the longest access-token lifetime
 * @param keyPrefix          prefix of the Redis keys; its {@code {…}} hash tag puts every
 *                           revocation key in one Redis Cluster slot, so a check is one MGET
 * @param reconcileInterval  how often an instance that saw Redis fail re-fills it from PostgreSQL
 * @param writableCheckInterval how long Redis answering a PING is trusted before the next token
 *                           issued asks again (0: before every token); a failure anywhere ends it
 * @param checkBudget        the most a request waits on Redis for revocation: after a Redis call
 *                           fails, the next ones fail closed at once for this long. Keep the Redis
 *                           command timeout ({@code spring.data.redis.timeout}) no longer than it
 */
@ConfigurationProperties("latchkey.revocation")
public record RevocationProperties(
        @DefaultValue("false") boolean failOpen,
        @DefaultValue("P1D") Duration maxTokenLifetime,
        @DefaultValue("latchkey:{revoked}:") String keyPrefix,
        @DefaultValue("PT10S") Duration reconcileInterval,
        @DefaultValue("PT1S") Duration writableCheckInterval,
        @DefaultValue("PT2S") Duration checkBudget) {
}
