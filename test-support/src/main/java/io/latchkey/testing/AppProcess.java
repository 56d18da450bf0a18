package io.latchkey.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A Latchkey app as its own operating-system process, run from the jar the reactor built,
 * ready once {@code /readyz} answers: the way it runs in production.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code module}'s jar on a free port (and a free management port) with these environment variables. */
    public static AppProcess start(String module, Map<String, String> environment) throws IOException, InterruptedException {
        return start(module, environment, false);
    }

    /** As {@link #start(String, Map)}; {@code ownIssuer} makes auth-server's issuer its own URL. */
    static AppProcess start(String module, Map<String, String> environment, boolean ownIssuer)
            throws IOException, InterruptedException {
        Path jar = locateJar(module);
        int port = AuthServerProcess.freePort();
        Path log = Path.of("target", module + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(AuthServerProcess.freePort()));
        if (ownIssuer) {
            builder.environment().put("LATCHKEY_TOKENS_ISSUER", "http://localhost:" + port);
        }
        builder.environment().putAll(environment);
        AppProcess app = new AppProcess(builder.start(), port, log);
        app.awaitReady(Duration.ofSeconds(90));
        return app;
    }

    public String baseUrl() {
        return "http://localhost:" + this.port;
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("The app exited; its log:\n" + Files.readString(this.log));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("The app was not ready within " + timeout + "; its log:\n" + Files.readString(this.log));
    }

    private static Path locateJar(String module) throws IOException {
        Path target = Path.of("..", module, "target");
        Path jar = null;
        if (Files.isDirectory(target)) {
            try (var files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().matches(module + "-.*\\.jar"))
                        .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                        .findFirst().orElse(null);
            }
        }
        Assumptions.assumeTrue(jar != null,
                module + "'s jar is not built: run the tests from the root (./mvnw verify), which packages it first");
        return jar;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() {
        this.process.destroy();
        try {
            if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
                this.process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
        }
    }
}
