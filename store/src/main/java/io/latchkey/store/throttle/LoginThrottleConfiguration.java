package io.latchkey.store.throttle;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottleProperties.class)
public class LoginThrottleConfiguration {

    /** Bucket4j talks to the same Redis (standalone, Sentinel or Cluster) through the Lettuce client Spring configured. */
    @Bean
    RedisBuckets redisBuckets(LettuceConnectionFactory redis, LoginThrottleProperties properties) {
        return new RedisBuckets(redis::getNativeClient, properties.longestWindow());
    }

    @Bean
    LoginThrottle loginThrottle(RedisBuckets buckets, LoginThrottleProperties properties) {
        return new LoginThrottle(buckets, properties);
    }
}
