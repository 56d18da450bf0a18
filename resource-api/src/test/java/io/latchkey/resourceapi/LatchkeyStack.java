package io.latchkey.resourceapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.latchkey.embedded.EmbeddedPostgresServer;
import io.latchkey.embedded.EmbeddedRedisServer;
import io.latchkey.testing.AuthServerProcess;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole system on one machine: one PostgreSQL and one Redis (real, embedded), any
 * number of auth-server processes sharing them and one issuer, and resource-api.
 */
final class LatchkeyStack implements AutoCloseable {

    final EmbeddedPostgresServer postgres;
    final EmbeddedRedisServer redis;
    final List<AuthServerProcess> authServers = new ArrayList<>();
    final ConfigurableApplicationContext resourceApi;

    private LatchkeyStack(int authServerCount, Map<String, String> authServerEnvironment, String... resourceApiArgs)
            throws IOException, InterruptedException {
        Path data = Files.createTempDirectory(Path.of("target"), "stack-");
        this.postgres = EmbeddedPostgresServer.start(data, 0);
        this.redis = EmbeddedRedisServer.start(data, 0);
        String issuer = null;
        for (int i = 0; i < authServerCount; i++) {
            AuthServerProcess server = AuthServerProcess.start(this.postgres.getJdbcUrl(), this.redis.port(), issuer,
                    authServerEnvironment);
            issuer = issuer != null ? issuer : server.baseUrl();
            this.authServers.add(server);
        }
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.datasource.url=" + this.postgres.getJdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.data.redis.host=127.0.0.1",
                "--spring.data.redis.port=" + this.redis.port(),
                "--latchkey.resource-server.issuer=" + issuer));
        args.addAll(List.of(resourceApiArgs));
        this.resourceApi = new SpringApplicationBuilder(ResourceApiApplication.class).run(args.toArray(String[]::new));
    }

    static LatchkeyStack start(int authServerCount, String... resourceApiArgs) throws IOException, InterruptedException {
        return new LatchkeyStack(authServerCount, Map.of(), resourceApiArgs);
    }

    /** Several auth-servers with these extra environment variables. */
    static LatchkeyStack start(int authServerCount, Map<String, String> authServerEnvironment, String... resourceApiArgs)
            throws IOException, InterruptedException {
        return new LatchkeyStack(authServerCount, authServerEnvironment, resourceApiArgs);
    }

    /** One auth-server with these extra environment variables (e.g. its signing algorithm). */
    static LatchkeyStack withAuthServerEnvironment(Map<String, String> authServerEnvironment, String... resourceApiArgs)
            throws IOException, InterruptedException {
        return new LatchkeyStack(1, authServerEnvironment, resourceApiArgs);
    }

    AuthServerProcess authServer(int index) {
        return this.authServers.get(index);
    }

    String resourceApiUrl() {
        return "http://localhost:" + this.resourceApi.getEnvironment().getProperty("local.server.port");
    }

    @Override
    public void close() throws IOException {
        this.resourceApi.close();
        this.authServers.forEach(AuthServerProcess::close);
        this.redis.close();
        this.postgres.close();
    }
}
