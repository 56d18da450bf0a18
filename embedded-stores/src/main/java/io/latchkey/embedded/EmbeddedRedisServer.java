package io.latchkey.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/**
 * A real Redis server (codemonstur's binaries) with append-only persistence in a
 * local folder. Like {@link EmbeddedPostgresServer}, it attaches to a Redis that
 * already answers on a fixed port.
 * <p>
 * The library supplies the binary and its command line; this class runs the process
 * itself, because the library's own start registers a JVM shutdown hook that stops
 * Redis while the app's graceful shutdown is still serving requests. Here whoever
 * started it decides: the Spring bean is closed after everything that uses Redis.
 */
public final class EmbeddedRedisServer implements DataRedisConnectionDetails, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final List<String> command;
    private final Path directory;
    private final int port;
    private final Thread stopOnExit;
    private Process process;

    private EmbeddedRedisServer(List<String> command, Path directory, int port, boolean stopWhenThisJvmExits) {
        this.command = command;
        this.directory = directory;
        this.port = port;
        this.stopOnExit = stopWhenThisJvmExits && command != null ? new Thread(this::stopQuietly, "stop-embedded-redis") : null;
    }

    /** Starts (or attaches to) Redis; it stops when this JVM exits, if nothing closed it before. */
    public static EmbeddedRedisServer start(Path dataDirectory, int configuredPort) throws IOException {
        return start(dataDirectory, configuredPort, true);
    }

    /** As {@link #start(Path, int)}; with {@code stopWhenThisJvmExits} false, only {@link #close()} stops it. */
    public static EmbeddedRedisServer start(Path dataDirectory, int configuredPort, boolean stopWhenThisJvmExits)
            throws IOException {
        if (configuredPort > 0 && answersPing(configuredPort)) {
            log.info("Attaching to the Redis already running on port {}", configuredPort);
            return new EmbeddedRedisServer(null, null, configuredPort, false);
        }
        int port = configuredPort > 0 ? configuredPort : freePort();
        Path directory = dataDirectory.resolve("redis").toAbsolutePath();
        Files.createDirectories(directory);
        List<String> command = onLoopback(port, directory)
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .buildCommandArgs();
        EmbeddedRedisServer redis = new EmbeddedRedisServer(command, directory, port, stopWhenThisJvmExits);
        redis.launch();
        if (redis.stopOnExit != null) {
            Runtime.getRuntime().addShutdownHook(redis.stopOnExit);
        }
        log.info("Started embedded Redis on port {} with data in {}", port, directory);
        return redis;
    }

    /** A Redis that listens on the loopback interface only and keeps its files in {@code directory}. */
    static RedisServerBuilder onLoopback(int port, Path directory) {
        return RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir \"" + directory + "\"");
    }

    private synchronized void launch() throws IOException {
        Path output = this.directory.resolve("redis-server.out");
        this.process = new ProcessBuilder(this.command)
                .directory(this.directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!answersPing(this.port)) {
            if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
                this.process.destroyForcibly();
                throw new IOException("Embedded Redis did not start on port " + this.port + "; its output is in " + output);
            }
            pause();
        }
    }

    static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        }
        catch (IOException notThere) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(20);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while Redis was starting", ex);
        }
    }

    public int port() {
        return this.port;
    }

    @Override
    public Standalone getStandalone() {
        return Standalone.of("127.0.0.1", this.port);
    }

    /**
     * Stops the server (SIGTERM: Redis writes its append-only file and exits), as a crash
     * or a restart of Redis would look to a client.
     */
    public synchronized void stop() throws IOException {
        if (this.process == null || !this.process.isAlive()) {
            return;
        }
        this.process.destroy();
        try {
            if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Embedded Redis on port {} did not stop within {}; killing it", this.port, STOP_TIMEOUT);
                this.process.destroyForcibly().waitFor();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            this.process.destroyForcibly();
            throw new IOException("Interrupted while Redis was stopping", ex);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        }
        catch (IOException ex) {
            log.warn("Could not stop embedded Redis on port {}", this.port, ex);
        }
    }

    /** Freezes the server (SIGSTOP): it keeps its connections but answers nothing, as a hung Redis does. */
    public synchronized void freeze() throws IOException {
        signal("-STOP");
    }

    /** Lets a frozen server go on (SIGCONT). */
    public synchronized void thaw() throws IOException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException {
        if (this.process == null || !this.process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", signal, Long.toString(this.process.pid())).inheritIO().start().waitFor();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling Redis", ex);
        }
    }

    /** Starts it again on the same port and data folder. */
    public synchronized void restart() throws IOException {
        if (this.command != null && !this.process.isAlive()) {
            launch();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        if (this.stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(this.stopOnExit);
            }
            catch (IllegalStateException exiting) {
                // closed from a shutdown hook: the JVM is exiting anyway
            }
        }
    }
}
