package io.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import io.latchkey.embedded.EmbeddedPostgresServer;
import io.latchkey.embedded.EmbeddedRedisServer;
import io.latchkey.testing.AppProcess;
import io.lettuce.core.RedisClient;

/**
 * What is measured: real PostgreSQL and Redis (the embedded binaries, each its own
 * process), auth-server and resource-api each in its own JVM started from the jars the
 * build made, the way {@code run.sh} and the container images run them.
 */
final class BenchStack implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password";

    final EmbeddedPostgresServer postgres;
    final EmbeddedRedisServer redis;
    final AppProcess authServer;
    final AppProcess resourceApi;
    private final long postmasterPid;
    private final long redisPid;

    private BenchStack(Path data, EmbeddedPostgresServer postgres, EmbeddedRedisServer redis, AppProcess authServer,
            AppProcess resourceApi) throws IOException {
        this.postmasterPid = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).getFirst().trim());
        this.redisPid = redisPid(redis.port());
        this.postgres = postgres;
        this.redis = redis;
        this.authServer = authServer;
        this.resourceApi = resourceApi;
    }

    static BenchStack start(BenchOptions options) throws IOException, InterruptedException {
        Path work = options.root().resolve("bench").resolve("target");
        Path data = Files.createDirectories(work.resolve("data")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, 0);
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(data, 0);
        Map<String, String> stores = Map.of(
                "SPRING_DATASOURCE_URL", postgres.getJdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "SPRING_DATA_REDIS_HOST", "127.0.0.1",
                "SPRING_DATA_REDIS_PORT", Integer.toString(redis.port()));
        Map<String, String> authEnvironment = new java.util.HashMap<>(stores);
        authEnvironment.putAll(Map.of(
                "LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "LATCHKEY_PASSWORDS_ARGON2_MEMORY_KIB", Integer.toString(options.argon2().memoryKib()),
                "LATCHKEY_PASSWORDS_ARGON2_ITERATIONS", Integer.toString(options.argon2().iterations()),
                "LATCHKEY_PASSWORDS_ARGON2_PARALLELISM", Integer.toString(options.argon2().parallelism()),
                "LATCHKEY_TOKENS_ACCESS_TOKEN_ALGORITHM", options.accessTokenAlgorithm()));
        Path logs = work.resolve("logs");
        AppProcess authServer = AppProcess.start(jar(options, "auth-server"), options.jvmOptions(), authEnvironment,
                logs, true);
        Map<String, String> apiEnvironment = new java.util.HashMap<>(stores);
        apiEnvironment.put("LATCHKEY_RESOURCE_SERVER_ISSUER", authServer.baseUrl());
        AppProcess resourceApi = AppProcess.start(jar(options, "resource-api"), options.jvmOptions(), apiEnvironment,
                logs, false);
        return new BenchStack(data, postgres, redis, authServer, resourceApi);
    }

    private static Path jar(BenchOptions options, String module) throws IOException {
        Path jar = AppProcess.findJar(options.root(), module);
        if (jar == null) {
            throw new IllegalStateException(module + " is not built: run ./mvnw -DskipTests package first (bench/run.sh does)");
        }
        return jar;
    }

    /** CPU milliseconds used so far by PostgreSQL (postmaster and backends) and Redis. */
    double storesCpuMillis() {
        return ProcessCpu.millis(this.postmasterPid) + ProcessCpu.millis(this.redisPid);
    }

    private static long redisPid(int port) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try (var connection = client.connect()) {
            return connection.sync().info("server").lines()
                    .filter(line -> line.startsWith("process_id:"))
                    .mapToLong(line -> Long.parseLong(line.substring("process_id:".length()).trim()))
                    .findFirst().orElse(0);
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() throws IOException {
        this.resourceApi.close();
        this.authServer.close();
        this.redis.close();
        this.postgres.close();
    }
}
