package io.latchkey.resourceapi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.latchkey.embedded.EmbeddedPostgresServer;
import io.latchkey.embedded.EmbeddedRedisServer;
import io.latchkey.testing.AppProcess;
import io.latchkey.testing.AuthServerProcess;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two auth-servers and two resource-apis started at the same moment on one empty database
 * all come up: the schema is migrated once (each app's Liquibase takes its turn), and the
 * clients and the admin are seeded once. Every instance is a process of its own, as in a
 * deployment.
 */
class ConcurrentStartTest {

    @Test
    void instancesOfBothAppsStartingAtOnceOnAnEmptyDatabaseAllComeUpAndMakeEverythingOnce() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "concurrent-start-");
        List<AutoCloseable> started = new ArrayList<>();
        ExecutorService starting = Executors.newFixedThreadPool(4);
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0);
                EmbeddedRedisServer redis = EmbeddedRedisServer.start(data, 0)) {
            List<Callable<AutoCloseable>> apps = List.of(
                    () -> AuthServerProcess.start(postgres.getJdbcUrl(), redis.port(), null, Map.of()),
                    () -> AuthServerProcess.start(postgres.getJdbcUrl(), redis.port(), null, Map.of()),
                    () -> resourceApi(postgres, redis),
                    () -> resourceApi(postgres, redis));
            List<Future<AutoCloseable>> starts = starting.invokeAll(apps);
            List<Throwable> failures = new ArrayList<>();
            for (Future<AutoCloseable> start : starts) {
                try {
                    started.add(start.get());
                }
                catch (Exception failed) {
                    failures.add(failed.getCause() != null ? failed.getCause() : failed);
                }
            }
            assertThat(failures).as("every instance came up").isEmpty();

            JdbcClient jdbc = JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    postgres.getJdbcUrl(), "postgres", ""));
            assertThat(jdbc.sql("SELECT count(*) - count(DISTINCT id) FROM databasechangelog").query(Long.class).single())
                    .as("each changeset applied once").isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM oauth2_registered_client WHERE client_id = 'demo-client'")
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = 'admin@latchkey.local'")
                    .query(Long.class).single()).isEqualTo(1);
        }
        finally {
            starting.shutdownNow();
            for (AutoCloseable app : started.reversed()) {
                app.close();
            }
        }
    }

    private static AutoCloseable resourceApi(EmbeddedPostgresServer postgres, EmbeddedRedisServer redis) throws Exception {
        return AppProcess.startMain(ResourceApiApplication.class, Map.of(
                "SPRING_DATASOURCE_URL", postgres.getJdbcUrl(), "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATA_REDIS_HOST", "127.0.0.1", "SPRING_DATA_REDIS_PORT", Integer.toString(redis.port())));
    }
}
