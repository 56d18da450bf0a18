package io.latchkey.store.change;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChangeFeedProperties.class)
public class ChangeFeedConfiguration {

    @Bean
    ChangeFeed changeFeed(RedisConnectionFactory connections, StringRedisTemplate redis, ChangeFeedProperties properties,
            ObjectProvider<ChangeListener> listeners, ObjectProvider<MeterRegistry> meters) {
        return new ChangeFeed(connections, redis, properties, () -> listeners.orderedStream().toList(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
