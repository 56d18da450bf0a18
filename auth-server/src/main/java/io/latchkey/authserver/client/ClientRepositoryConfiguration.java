package io.latchkey.authserver.client;

import com.github.benmanes.caffeine.cache.Ticker;
import io.latchkey.store.change.ChangeFeed;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Registered clients in PostgreSQL (Spring's JDBC repository), cached per instance and dropped everywhere on change. */
@Configuration(proxyBeanMethods = false)
class ClientRepositoryConfiguration {

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcOperations jdbc, ClientProperties properties, ChangeFeed changes) {
        JdbcRegisteredClientRepository database = new JdbcRegisteredClientRepository(jdbc);
        if (properties.cacheTtl().isZero()) {
            return database;
        }
        return new CachingRegisteredClientRepository(database, properties.cacheTtl(), Ticker.systemTicker(), changes);
    }
}
