package io.latchkey.store.revocation;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * NOTE: by default Lettuce queues commands while disconnected until they time out,
 * so a Redis outage would hold every request for the whole command timeout. Rejecting
 * them at once lets the revocation check fail closed (503) in milliseconds.
 */
@Configuration(proxyBeanMethods = false)
class RedisFailFastConfiguration {

    @Bean
    LettuceClientConfigurationBuilderCustomizer rejectCommandsWhileDisconnected() {
        return builder -> builder.clientOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
    }
}
