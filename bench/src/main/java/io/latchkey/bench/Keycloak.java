package io.latchkey.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.latchkey.testing.AppProcess;

import org.springframework.util.FileSystemUtils;

/**
 * Keycloak, the server Latchkey is compared with in the same run: its Quarkus distribution
 * as Maven Central serves it ({@code org.keycloak:keycloak-quarkus-dist}, which
 * {@code bench/run.sh --compare keycloak} fetches into {@code bench/.cache}), unpacked afresh
 * for every run and started as its documentation starts a trial: {@code kc.sh start-dev}, on
 * loopback, with its dev-file database.
 */
final class Keycloak implements AutoCloseable {

    static final String ADMIN = "bench-admin";
    static final String ADMIN_PASSWORD = "bench-admin-password";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final String baseUrl;
    private final Duration readyIn;

    private Keycloak(Process process, String baseUrl, Duration readyIn) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.readyIn = readyIn;
    }

    /** Unpacks {@code distribution} under {@code work} and starts it; returns once it is ready. */
    static Keycloak start(Path distribution, Path work, Path logs) throws IOException, InterruptedException {
        Path home = unpack(distribution, work.resolve("keycloak"));
        int port = AppProcess.freePort();
        int managementPort = AppProcess.freePort();
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--health-enabled=true")
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("keycloak.log").toFile());
        builder.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN, "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
        long launched = System.nanoTime();
        Process process = builder.start();
        return new Keycloak(process, "http://127.0.0.1:" + port,
                awaitReady(process, URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), launched, logs));
    }

    String baseUrl() {
        return this.baseUrl;
    }

    long pid() {
        return this.process.pid();
    }

    /** From launching {@code kc.sh} to the first 200 from its readiness check. */
    Duration readyIn() {
        return this.readyIn;
    }

    private static Path unpack(Path distribution, Path folder) throws IOException, InterruptedException {
        if (!Files.isRegularFile(distribution)) {
            throw new IllegalStateException("No Keycloak distribution at " + distribution
                    + "; bench/run.sh --compare keycloak fetches it from Maven Central");
        }
        FileSystemUtils.deleteRecursively(folder);
        Files.createDirectories(folder);
        Process tar = new ProcessBuilder("tar", "xzf", distribution.toAbsolutePath().toString(), "-C", folder.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (tar.waitFor() != 0) {
            throw new IOException("Could not unpack " + distribution + ": " + output);
        }
        try (Stream<Path> unpacked = Files.list(folder)) {
            return unpacked.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException(distribution + " held no folder"));
        }
    }

    private static Duration awaitReady(Process process, URI ready, long launched, Path logs)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = launched + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see "
                        + logs.resolve("keycloak.log"));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launched);
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + "; see " + logs.resolve("keycloak.log"));
    }

    /** Stops it as its documentation says to, with SIGTERM, and waits for the JVM to exit. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> tree = Stream.concat(Stream.of(this.process.toHandle()), this.process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle member : tree) {
            try {
                member.onExit().get(30, TimeUnit.SECONDS);
            }
            catch (Exception stillRunning) {
                member.destroyForcibly();
            }
        }
    }
}
