package io.latchkey.embedded;

import java.io.IOException;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The embedded default: with no {@code spring.datasource.url} an app gets a real
 * embedded PostgreSQL, with no Redis address a real embedded Redis. Each is handed
 * to Spring Boot as {@code ConnectionDetails}, so the usual pool, health and
 * Spring Session wiring apply unchanged.
 * <p>
 * The context owns both servers: they stop when it closes, after the web server's
 * graceful shutdown and after every bean that uses them, not from a JVM shutdown hook
 * of their own that would race that shutdown.
 */
@AutoConfiguration(before = { DataSourceAutoConfiguration.class, DataRedisAutoConfiguration.class })
@EnableConfigurationProperties(EmbeddedStoresProperties.class)
public class EmbeddedStoresAutoConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(NoExternalStoreCondition.NoExternalDatabase.class)
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedStoresProperties properties) throws IOException {
        return EmbeddedPostgresServer.start(properties.dataDirectory(), properties.postgresPort(), false);
    }

    @Bean(destroyMethod = "close")
    @Conditional(NoExternalStoreCondition.NoExternalRedis.class)
    EmbeddedRedisServer embeddedRedisServer(EmbeddedStoresProperties properties) throws IOException {
        return EmbeddedRedisServer.start(properties.dataDirectory(), properties.redisPort(), false);
    }
}
