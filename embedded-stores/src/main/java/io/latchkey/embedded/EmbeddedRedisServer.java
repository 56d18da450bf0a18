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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/**
 * A real Redis server (codemonstur's binaries) with append-only persistence in a
 * local folder. Like {@link EmbeddedPostgresServer}, it attaches to a Redis that
 * already answers on a fixed port.
 */
public final class EmbeddedRedisServer implements DataRedisConnectionDetails, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisServer.class);

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisServer(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    public static EmbeddedRedisServer start(Path dataDirectory, int configuredPort) throws IOException {
        if (configuredPort > 0 && answersPing(configuredPort)) {
            log.info("Attaching to the Redis already running on port {}", configuredPort);
            return new EmbeddedRedisServer(null, configuredPort);
        }
        int port = configuredPort > 0 ? configuredPort : freePort();
        Path directory = dataDirectory.resolve("redis").toAbsolutePath();
        Files.createDirectories(directory);
        RedisServer redis = onLoopback(port, directory)
                .setting("appendonly yes")
                .setting("appendfsync everysec")
                .build();
        redis.start();
        log.info("Started embedded Redis on port {} with data in {}", port, directory);
        return new EmbeddedRedisServer(redis, port);
    }

    /** A Redis that listens on the loopback interface only and keeps its files in {@code directory}. */
    static RedisServerBuilder onLoopback(int port, Path directory) {
        return RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir \"" + directory + "\"");
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

    public int port() {
        return this.port;
    }

    @Override
    public Standalone getStandalone() {
        return Standalone.of("127.0.0.1", this.port);
    }

    /** Stops the server, as a crash or a restart of Redis would. */
    public void stop() throws IOException {
        if (this.redis != null && this.redis.isActive()) {
            this.redis.stop();
        }
    }

    /** Starts it again on the same port and data folder. */
    public void restart() throws IOException {
        if (this.redis != null && !this.redis.isActive()) {
            this.redis.start();
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
