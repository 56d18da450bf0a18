package io.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latchkey.embedded.EmbeddedPostgresServer;
import io.latchkey.embedded.EmbeddedRedisServer;
import io.latchkey.testing.AppProcess;
import io.lettuce.core.RedisClient;

/**
 * What is measured: real PostgreSQL and Redis (the embedded binaries, each its own
 * process), auth-server and resource-api each in its own JVM started from the jars the
 * build made, as {@code run.sh} starts them, and then (unless turned off) from a trained
 * JDK AOT cache (see {@link AotCache}).
 */
final class BenchStack implements AutoCloseable {

    static final String ADMIN_PASSWORD = "bench-admin-password";

    final EmbeddedPostgresServer postgres;
    final EmbeddedRedisServer redis;
    final AppProcess authServer;
    final AppProcess resourceApi;
    /** Ready times of a plain {@code java -jar} start, when the apps then run from an AOT cache; else null. */
    final Duration authServerPlainReady;
    final Duration resourceApiPlainReady;
    private final long postmasterPid;
    private final long redisPid;
    private final StopInOrder stop;

    private BenchStack(Path data, EmbeddedPostgresServer postgres, EmbeddedRedisServer redis, StopInOrder stop,
            Started authServer, Started resourceApi) throws IOException {
        this.stop = stop;
        this.postmasterPid = Long.parseLong(Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).getFirst().trim());
        this.redisPid = redisPid(redis.port());
        this.postgres = postgres;
        this.redis = redis;
        this.authServer = authServer.app();
        this.resourceApi = resourceApi.app();
        this.authServerPlainReady = authServer.plainReady();
        this.resourceApiPlainReady = resourceApi.plainReady();
    }

    static BenchStack start(BenchOptions options) throws IOException, InterruptedException {
        Path work = options.root().resolve("bench").resolve("target");
        Path data = Files.createDirectories(work.resolve("data")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        StopInOrder stop = new StopInOrder();
        EmbeddedPostgresServer postgres = stop.add(EmbeddedPostgresServer.start(data, 0, false));
        EmbeddedRedisServer redis = stop.add(EmbeddedRedisServer.start(data, 0, false));
        Map<String, String> stores = Map.of(
                "SPRING_DATASOURCE_URL", postgres.getJdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "",
                "SPRING_DATA_REDIS_HOST", "127.0.0.1",
                "SPRING_DATA_REDIS_PORT", Integer.toString(redis.port()));
        Map<String, String> authEnvironment = new java.util.HashMap<>(stores);
        authEnvironment.putAll(options.appProcessEnvironment());
        authEnvironment.putAll(Map.of(
                "LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "LATCHKEY_PASSWORDS_ARGON2_MEMORY_KIB", Integer.toString(options.argon2().memoryKib()),
                "LATCHKEY_PASSWORDS_ARGON2_ITERATIONS", Integer.toString(options.argon2().iterations()),
                "LATCHKEY_PASSWORDS_ARGON2_PARALLELISM", Integer.toString(options.argon2().parallelism()),
                "LATCHKEY_TOKENS_ACCESS_TOKEN_ALGORITHM", options.accessTokenAlgorithm()));
        Started authServer = start(options, work, "auth-server", authEnvironment, true);
        stop.add(authServer.app());
        Map<String, String> apiEnvironment = new java.util.HashMap<>(stores);
        apiEnvironment.putAll(options.appProcessEnvironment());
        apiEnvironment.put("LATCHKEY_RESOURCE_SERVER_ISSUER", authServer.app().baseUrl());
        Started resourceApi = start(options, work, "resource-api", apiEnvironment, false);
        stop.add(resourceApi.app());
        return new BenchStack(data, postgres, redis, stop, authServer, resourceApi);
    }

    private record Started(AppProcess app, Duration plainReady) {
    }

    /** Starts one app; with an AOT cache, first once from the plain jar to measure that start, then from the cache. */
    private static Started start(BenchOptions options, Path work, String module, Map<String, String> environment,
            boolean ownIssuer) throws IOException, InterruptedException {
        Path jar = jar(options, module);
        Path logs = work.resolve("logs");
        if (!options.aotCache()) {
            return new Started(AppProcess.start(jar, options.jvmOptions(), environment, logs, ownIssuer), null);
        }
        Duration plainReady;
        try (AppProcess plain = AppProcess.start(jar, options.jvmOptions(), environment, logs, ownIssuer)) {
            plainReady = plain.readyIn();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        AotCache.Trained trained = AotCache.train(jar, work.resolve("aot").resolve(module), java, options.jvmOptions());
        List<String> jvmOptions = new ArrayList<>(options.jvmOptions());
        jvmOptions.add(trained.jvmOption());
        return new Started(AppProcess.start(trained.jar(), jvmOptions, environment, logs, ownIssuer), plainReady);
    }

    private static Path jar(BenchOptions options, String module) throws IOException {
        Path jar = AppProcess.findJar(options.root(), module);
        if (jar == null) {
            throw new IllegalStateException(module + " is not built: run ./mvnw -DskipTests package first (bench/run.sh does)");
        }
        return jar;
    }

    /** The app an operation is sent to. */
    AppProcess app(Operation.Server server) {
        return server == Operation.Server.AUTH_SERVER ? this.authServer : this.resourceApi;
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

    /** Stops both apps, then Redis and PostgreSQL. */
    @Override
    public void close() {
        this.stop.close();
    }
}
