package io.latchkey.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    /** The process this started, or null when it attached to a running Redis. */
    private final RedisProcess process;
    private final int port;
    private final Thread stopOnExit;

    private EmbeddedRedisServer(RedisProcess process, int port, boolean stopWhenThisJvmExits) {
        this.process = process;
        this.port = port;
        this.stopOnExit = stopWhenThisJvmExits && process != null ? new Thread(this::stopQuietly, "stop-embedded-redis") : null;
    }

    /** Starts (or attaches to) Redis; it stops when this JVM exits, if nothing closed it before. */
    public static EmbeddedRedisServer start(Path dataDirectory, int configuredPort) throws IOException {
        return start(dataDirectory, configuredPort, true);
    }

    /** As {@link #start(Path, int)}; with {@code stopWhenThisJvmExits} false, only {@link #close()} stops it. */
    public static EmbeddedRedisServer start(Path dataDirectory, int configuredPort, boolean stopWhenThisJvmExits)
            throws IOException {
        if (configuredPort > 0 && RedisProcess.answersPing(configuredPort)) {
            log.info("Attaching to the Redis already running on port {}", configuredPort);
            return new EmbeddedRedisServer(null, configuredPort, false);
        }
        int port = configuredPort > 0 ? configuredPort : freePort();
        Path directory = dataDirectory.resolve("redis").toAbsolutePath();
        Files.createDirectories(directory);
        List<String> command = onLoopback(port, directory)
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .buildCommandArgs();
        RedisProcess process = new RedisProcess(command, directory, port);
        process.launch();
        EmbeddedRedisServer redis = new EmbeddedRedisServer(process, port, stopWhenThisJvmExits);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
    public void stop() throws IOException {
        if (this.process != null) {
            this.process.stop();
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
    public void freeze() throws IOException {
        if (this.process != null) {
            this.process.signal("-STOP");
        }
    }

    /** Lets a frozen server go on (SIGCONT). */
    public void thaw() throws IOException {
        if (this.process != null) {
            this.process.signal("-CONT");
        }
    }

    /** Starts it again on the same port and data folder. */
    public void restart() throws IOException {
        if (this.process != null && !this.process.isAlive()) {
            this.process.launch();
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
