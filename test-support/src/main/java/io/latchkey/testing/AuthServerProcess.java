package io.latchkey.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

/**
 * auth-server as its own operating-system process, run from the jar the reactor built,
 * on the given PostgreSQL and Redis: the same way it runs in production, so tests of
 * other modules talk to it over real HTTP and share its stores.
 */
public final class AuthServerProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final Process process;
    private final int port;
    private final Path log;

    private AuthServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts auth-server and waits until it is ready.
     * @param issuer the issuer every instance shares (instances behind one load balancer have one issuer)
     */
    public static AuthServerProcess start(String jdbcUrl, int redisPort, String issuer, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Path jar = locateJar();
        int port = freePort();
        Path log = Path.of("target", "auth-server-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(freePort()));
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        env.put("SPRING_DATA_REDIS_PORT", Integer.toString(redisPort));
        env.put("LATCHKEY_TOKENS_ISSUER", issuer != null ? issuer : "http://localhost:" + port);
        env.put("LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(extraEnv);
        AuthServerProcess server = new AuthServerProcess(builder.start(), port, log);
        server.awaitReady(Duration.ofSeconds(90));
        return server;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String baseUrl() {
        return "http://localhost:" + this.port;
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("auth-server exited; its log:\n" + Files.readString(this.log));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("auth-server was not ready within " + timeout + "; its log:\n" + Files.readString(this.log));
    }

    private static Path locateJar() throws IOException {
        Path target = Path.of("..", "auth-server", "target");
        Path jar = null;
        if (Files.isDirectory(target)) {
            try (var files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().matches("auth-server-.*\\.jar"))
                        .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                        .findFirst().orElse(null);
            }
        }
        Assumptions.assumeTrue(jar != null,
                "auth-server's jar is not built: run the tests from the root (./mvnw verify), which packages it first");
        return jar;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() {
        this.process.destroy();
        try {
            if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
        }
    }
}
