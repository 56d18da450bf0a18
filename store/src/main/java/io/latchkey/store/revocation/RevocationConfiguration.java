package io.latchkey.store.revocation;

import java.time.Clock;

import io.latchkey.store.change.ChangeFeed;
import io.latchkey.store.grant.GrantRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RevocationProperties.class)
@Import(RedisFailFastConfiguration.class)
public class RevocationConfiguration {

    @Bean
    LocalDenials localDenials(JdbcClient jdbc, Clock clock) {
        return new LocalDenials(new RevocationRepository(jdbc), clock);
    }

    @Bean
    RevocationStore revocationStore(JdbcClient jdbc, GrantRepository grants, StringRedisTemplate redis, RevocationProperties properties,
            Clock clock, ObjectProvider<MeterRegistry> meters, ChangeFeed changes, LocalDenials local) {
        return new RevocationStore(new RevocationRepository(jdbc), grants, new RedisRevocationMirror(redis, properties.keyPrefix()),
                properties, clock, meters.getIfAvailable(SimpleMeterRegistry::new), changes, local);
    }
}
