package io.latchkey.store.revocation;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * NOTE: by default Lettuce queues commands while disconnected until they time out,
 * so a Redis outage would hold every request for the whole command timeout. Rejecting
 * them at once lets the revocation check fail closed (503) in milliseconds.
 */
@Configuration(proxyBeanMethods = false)
class RedisFailFastConfiguration {

    /**
     * Added to the options Boot builds (cluster options on a cluster, the connect timeout
     * from {@code spring.data.redis.connect-timeout}) rather than replacing them.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
