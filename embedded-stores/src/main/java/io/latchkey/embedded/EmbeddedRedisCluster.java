package io.latchkey.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A Redis Cluster of one node (cluster mode on, every slot assigned to it), on the same
 * binaries as {@link EmbeddedRedisServer}: enough for a cluster client and for Redis to
 * refuse what a cluster refuses, such as one command over keys of different slots.
 * For tests and for trying Cluster locally; apps connect with
 * {@code spring.data.redis.cluster.nodes=}{@link #node()}.
 */
public final class EmbeddedRedisCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisCluster.class);

    private static final int SLOTS = 16384;

    /** Redis 6 puts the cluster bus on the port plus 10000. */
    private static final int BUS_OFFSET = 10000;

    private final RedisServer redis;
    private final int port;

    private EmbeddedRedisCluster(RedisServer redis, int port) {
        this.redis = redis;
        this.port = port;
    }

    public static EmbeddedRedisCluster start(Path dataDirectory) throws IOException {
        int port = portWithFreeBus();
        Path directory = dataDirectory.resolve("redis-cluster-" + port).toAbsolutePath();
        Files.createDirectories(directory);
        RedisServer redis = EmbeddedRedisServer.onLoopback(port, directory)
                .setting("cluster-enabled yes")
                .setting("cluster-config-file nodes.conf")
                .build();
        redis.start();
        EmbeddedRedisCluster cluster = new EmbeddedRedisCluster(redis, port);
        try {
            cluster.assignEverySlot();
        }
        catch (RuntimeException failed) {
            cluster.close();
            throw failed;
        }
        log.info("Started a one-node embedded Redis Cluster on port {}", port);
        return cluster;
    }

    /**
     * As {@link #start(Path)}, in a fresh folder under {@code parent}, failing unchecked:
     * for a test's static field.
     */
    public static EmbeddedRedisCluster startUnder(Path parent) {
        try {
            return start(parent.resolve(UUID.randomUUID().toString()));
        }
        catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private void assignEverySlot() {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", this.port));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().clusterAddSlots(IntStream.range(0, SLOTS).toArray());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (!connection.sync().clusterInfo().contains("cluster_state:ok")) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The one-node Redis Cluster did not become ready");
                }
                pause();
            }
        }
        finally {
            client.shutdown();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Redis Cluster", interrupted);
        }
    }

    private static int portWithFreeBus() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 50000);
            if (free(port) && free(port + BUS_OFFSET)) {
                return port;
            }
        }
        throw new IOException("No free port pair for a Redis Cluster node");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        }
        catch (IOException taken) {
            return false;
        }
    }

    /** The node's address, as {@code spring.data.redis.cluster.nodes} takes it. */
    public String node() {
        return "127.0.0.1:" + this.port;
    }

    @Override
    public void close() throws IOException {
        if (this.redis.isActive()) {
            this.redis.stop();
        }
    }
}
