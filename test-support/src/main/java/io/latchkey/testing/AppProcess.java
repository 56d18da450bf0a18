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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final Thread stopOnExit;
    private Duration readyIn;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        // NOTE: a child process outlives the JVM that started it; this asks it to stop (SIGTERM)
        // when that JVM exits without closing it, e.g. on Ctrl-C during the bench.
        this.stopOnExit = new Thread(process::destroy, "stop-app-" + port);
        Runtime.getRuntime().addShutdownHook(this.stopOnExit);
    }

    /** Starts {@code module}'s jar on a free port (and a free management port) with these environment variables. */
    public static AppProcess start(String module, Map<String, String> environment) throws IOException, InterruptedException {
        return start(module, environment, false);
    }

    /** As {@link #start(String, Map)}; {@code ownIssuer} makes auth-server's issuer its own URL. */
    static AppProcess start(String module, Map<String, String> environment, boolean ownIssuer)
            throws IOException, InterruptedException {
        Map<String, String> env = new java.util.HashMap<>(environment);
        return start(locateJar(module), List.of("-Xmx512m"), env, Path.of("target"), ownIssuer);
    }

    /**
     * Starts this jar with these JVM options on a free port (and a free management port), logging
     * to {@code logDirectory}; {@code ownIssuer} makes auth-server's issuer its own URL.
     */
    public static AppProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment, Path logDirectory,
            boolean ownIssuer) throws IOException, InterruptedException {
        String name = jar.getFileName().toString().replaceFirst("-[0-9].*", "");
        return start(name, jvmOptions, List.of("-jar", jar.toString()), environment, logDirectory, ownIssuer);
    }

    /**
     * Starts {@code mainClass} from this JVM's own class path (a module's tests starting the
     * module's app before its jar exists) on a free port, logging to {@code target}. Each app in
     * its own JVM: Spring Boot's logging set-up is global to a JVM, so apps started at the same
     * moment in one JVM trip over each other's.
     */
    public static AppProcess startMain(Class<?> mainClass, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(mainClass.getSimpleName(), List.of("-Xmx512m"),
                List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()), environment,
                Path.of("target"), false);
    }

    private static AppProcess start(String name, List<String> jvmOptions, List<String> launch,
            Map<String, String> environment, Path logDirectory, boolean ownIssuer) throws IOException, InterruptedException {
        int port = freePort();
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + "-" + port + ".log");
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(freePort()));
        if (ownIssuer) {
            builder.environment().put("LATCHKEY_TOKENS_ISSUER", "http://localhost:" + port);
        }
        builder.environment().putAll(environment);
        Instant started = Instant.now();
        AppProcess app = new AppProcess(builder.start(), port, log);
        app.awaitReady(Duration.ofSeconds(90));
        app.readyIn = Duration.between(started, Instant.now());
        return app;
    }

    public String baseUrl() {
        return "http://localhost:" + this.port;
    }

    /** The operating-system process id, for reading its CPU time and memory. */
    public long pid() {
        return this.process.pid();
    }

    /** From launching the JVM to the first 200 from {@code /readyz}. */
    public Duration readyIn() {
        return this.readyIn;
    }

    public Path log() {
        return this.log;
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
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException("The app was not ready within " + timeout + "; its log:\n" + Files.readString(this.log));
    }

    private static Path locateJar(String module) throws IOException {
        Path jar = findJar(Path.of(".."), module);
        Assumptions.assumeTrue(jar != null,
                module + "'s jar is not built: run the tests from the root (./mvnw verify), which packages it first");
        return jar;
    }

    /** The jar the reactor built for {@code module} under {@code root}, or null when it is not built. */
    public static Path findJar(Path root, String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        Path jar = null;
        if (Files.isDirectory(target)) {
            try (var files = Files.list(target)) {
                jar = files.filter(p -> p.getFileName().toString().matches(module + "-.*\\.jar"))
                        .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
                        .findFirst().orElse(null);
            }
        }
        return jar;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /**
     * Asks the app to shut down (SIGTERM), as an orchestrator or Ctrl-C does, and says how long
     * it took to exit; empty when it had not exited within {@code patience} (it is then killed).
     */
    public Optional<Duration> terminate(Duration patience) throws InterruptedException {
        Instant asked = Instant.now();
        this.process.destroy();
        boolean exited = this.process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        Duration took = Duration.between(asked, Instant.now());
        if (!exited) {
            this.process.destroyForcibly();
        }
        return exited ? Optional.of(took) : Optional.empty();
    }

    /** Asks the app to shut down (SIGTERM) and waits up to {@code grace} for it to exit, then kills it. */
    public void stop(Duration grace) {
        try {
            terminate(grace);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(this.stopOnExit);
        }
        catch (IllegalStateException exiting) {
            // stopped from a shutdown hook: the JVM is exiting anyway
        }
    }

    /** A port nothing listens on now, for an app to take. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
