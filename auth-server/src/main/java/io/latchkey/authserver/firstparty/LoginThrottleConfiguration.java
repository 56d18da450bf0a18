package io.latchkey.authserver.firstparty;

import io.lettuce.core.RedisClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

    /** Bucket4j talks to the same Redis through the Lettuce client Spring already configured. */
    @Bean
    LoginThrottle loginThrottle(LettuceConnectionFactory redis, LoginThrottleProperties properties) {
        return new LoginThrottle(() -> {
            if (!(redis.getNativeClient() instanceof RedisClient client)) {
                throw new IllegalStateException("Login throttling supports standalone and Sentinel Redis; cluster is not supported yet");
            }
            return client;
        }, properties);
    }
}
