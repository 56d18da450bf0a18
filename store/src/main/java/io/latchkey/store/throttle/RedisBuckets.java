package io.latchkey.store.throttle;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import org.springframework.context.SmartLifecycle;

/**
 * Bucket4j buckets kept in Redis, so that every instance of every app counts together.
 * <p>
 * NOTE: Bucket4j needs a Lettuce connection of its own. It is opened on first use and
 * closed when Spring stops this bean, just before Spring's Redis connection factory
 * (phase 0) shuts its client down; after a restart of the context (a paused test context,
 * a checkpoint) the next use opens a new one rather than writing to a closed one.
 */
public class RedisBuckets implements SmartLifecycle {

    private final Supplier<AbstractRedisClient> redis;
    private final Duration keptAfterFull;
    private volatile ProxyManager<String> buckets;
    private StatefulConnection<String, byte[]> connection;
    private volatile boolean running;

    /**
     * @param redis         the client, asked for on first use: Spring starts it after the beans are made
     * @param keptAfterFull how long Redis keeps a bucket once it has refilled (then it is as good as new)
     */
    RedisBuckets(Supplier<AbstractRedisClient> redis, Duration keptAfterFull) {
        this.redis = redis;
        this.keptAfterFull = keptAfterFull;
    }

    /** The bucket under this key, made with this configuration when Redis has none. */
    public BucketProxy bucket(String key, BucketConfiguration configuration) {
        return manager().getProxy(key, () -> configuration);
    }

    private ProxyManager<String> manager() {
        ProxyManager<String> manager = this.buckets;
        if (manager == null) {
            synchronized (this) {
                if (this.buckets == null) {
                    this.buckets = connect(this.redis.get())
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(this.keptAfterFull))
                            .build();
                }
                manager = this.buckets;
            }
        }
        return manager;
    }

    /** Standalone and Sentinel Redis give a {@code RedisClient}, Cluster a {@code RedisClusterClient}. */
    private Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> connect(AbstractRedisClient client) {
        RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
        return switch (client) {
            case RedisClusterClient cluster -> {
                StatefulRedisClusterConnection<String, byte[]> opened = cluster.connect(codec);
                this.connection = opened;
                yield Bucket4jLettuce.casBasedBuilder(opened);
            }
            case RedisClient standalone -> {
                StatefulRedisConnection<String, byte[]> opened = standalone.connect(codec);
                this.connection = opened;
                yield Bucket4jLettuce.casBasedBuilder(opened);
            }
            default -> throw new IllegalStateException("Unsupported Redis client " + client.getClass().getName());
        };
    }

    @Override
    public void start() {
        this.running = true;
    }

    @Override
    public synchronized void stop() {
        this.running = false;
        this.buckets = null;
        if (this.connection != null) {
            this.connection.close();
            this.connection = null;
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    /** Stops before (and starts after) Spring's Redis connection factory, which is phase 0. */
    @Override
    public int getPhase() {
        return 1;
    }
}
