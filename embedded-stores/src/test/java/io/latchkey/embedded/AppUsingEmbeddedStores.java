package io.latchkey.embedded;

import java.time.Duration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Spring Boot app on the embedded default, run as its own JVM by
 * {@link EmbeddedStoresShutdownTest}. While it shuts down it keeps using both stores for a
 * while, as a web server's graceful shutdown does with the requests still in flight, and
 * prints whether they answered.
 */
@EnableAutoConfiguration
@Import(AppUsingEmbeddedStores.UsesStoresWhileStopping.class)
public class AppUsingEmbeddedStores {

    static final Duration SHUTDOWN_WORK = Duration.ofMillis(1500);

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext context = SpringApplication.run(AppUsingEmbeddedStores.class, args);
        System.out.println("READY postgres=" + context.getBean(EmbeddedPostgresServer.class).port()
                + " redis=" + context.getBean(EmbeddedRedisServer.class).port());
        Thread.currentThread().join();
    }

    /** Stopped first of all lifecycle beans, like the web server's graceful shutdown. */
    static class UsesStoresWhileStopping implements SmartLifecycle {

        private final JdbcTemplate jdbc;
        private final RedisConnectionFactory redis;
        private volatile boolean running;

        UsesStoresWhileStopping(JdbcTemplate jdbc, RedisConnectionFactory redis) {
            this.jdbc = jdbc;
            this.redis = redis;
        }

        @Override
        public void start() {
            this.running = true;
        }

        @Override
        public void stop() {
            try {
                Thread.sleep(SHUTDOWN_WORK);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            try {
                System.out.println("DURING SHUTDOWN postgres says " + this.jdbc.queryForObject("SELECT 'up'", String.class));
            }
            catch (RuntimeException failed) {
                System.out.println("DURING SHUTDOWN postgres failed: " + failed);
            }
            try (RedisConnection connection = this.redis.getConnection()) {
                System.out.println("DURING SHUTDOWN redis says " + connection.ping());
            }
            catch (RuntimeException failed) {
                System.out.println("DURING SHUTDOWN redis failed: " + failed);
            }
            this.running = false;
        }

        @Override
        public boolean isRunning() {
            return this.running;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE;
        }
    }
}
