package io.latchkey.store.throttle;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.latchkey.store.account.Emails;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Per-account and per-IP limits on failed password checks (auth-server's sign-ins,
 * resource-api's current password at a password change), kept in Redis (Bucket4j) so every
 * instance of both apps counts together. Every attempt takes one token from both buckets before the
 * password is checked, and a success puts them back; an empty bucket refuses sign-in until
 * its window has passed.
 * <p>
 * NOTE: Bucket4j needs a Lettuce connection of its own. It is opened on first use and
 * closed when Spring stops this bean, just before Spring's Redis connection factory
 * (phase 0) shuts its client down; after a restart of the context (a paused test context,
 * a checkpoint) the next use opens a new one rather than writing to a closed one.
 */
public class LoginThrottle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Supplier<AbstractRedisClient> redis;
    private final Duration longestWindow;
    private final BucketConfiguration perAccount;
    private final BucketConfiguration perIp;
    private volatile ProxyManager<String> buckets;
    private StatefulConnection<String, byte[]> connection;
    private volatile boolean running;

    /** @param redis the client, asked for on first use: Spring starts it after the beans are made */
    LoginThrottle(Supplier<AbstractRedisClient> redis, LoginThrottleProperties properties) {
        this.redis = redis;
        this.longestWindow = properties.accountWindow().compareTo(properties.ipWindow()) > 0
                ? properties.accountWindow() : properties.ipWindow();
        this.perAccount = limit(properties.accountFailures(), properties.accountWindow());
        this.perIp = limit(properties.ipFailures(), properties.ipWindow());
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> manager = this.buckets;
        if (manager == null) {
            synchronized (this) {
                if (this.buckets == null) {
                    this.buckets = connect(this.redis.get())
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(this.longestWindow))
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

    private static BucketConfiguration limit(int failures, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillIntervally(failures, window).build())
                .build();
    }

    /**
     * Takes one attempt from the account's and from the address's budget, before the password
     * is checked, so that parallel guesses cannot all pass a check made before any of them
     * failed. A successful sign-in gives its attempt back ({@link Attempt#succeeded()}).
     * @throws Throttled when either budget is used up (nothing is taken then)
     * @throws Unavailable when Redis cannot count
     */
    public Attempt begin(String email, String remoteAddress) {
        try {
            BucketProxy account = account(email);
            ConsumptionProbe byAccount = account.tryConsumeAndReturnRemaining(1);
            if (!byAccount.isConsumed()) {
                throw new Throttled(Duration.ofNanos(byAccount.getNanosToWaitForRefill()));
            }
            BucketProxy ip = ip(remoteAddress);
            ConsumptionProbe byIp = ip.tryConsumeAndReturnRemaining(1);
            if (!byIp.isConsumed()) {
                account.addTokens(1);
                throw new Throttled(Duration.ofNanos(byIp.getNanosToWaitForRefill()));
            }
            return new Attempt(account, ip);
        }
        catch (Throttled throttled) {
            throw throttled;
        }
        catch (RuntimeException redisFailed) {
            throw new Unavailable(redisFailed);
        }
    }

    /** One sign-in attempt, counted against both budgets until it succeeds. */
    public static final class Attempt {

        private final BucketProxy account;
        private final BucketProxy ip;

        private Attempt(BucketProxy account, BucketProxy ip) {
            this.account = account;
            this.ip = ip;
        }

        /**
         * Successful sign-ins do not count: the attempt goes back to both budgets. If Redis
         * fails just now, the sign-in still stands and the attempt stays counted.
         */
        public void succeeded() {
            try {
                this.account.addTokens(1);
                this.ip.addTokens(1);
            }
            catch (RuntimeException redisFailed) {
                log.warn("A successful sign-in could not give its attempt back: {}", redisFailed.toString());
            }
        }
    }

    /** This account or this address has used up its failed attempts; the password was not checked. */
    public static final class Throttled extends RuntimeException {

        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("Too many failed sign-ins; try again later");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return this.retryAfter;
        }

        /** Whole seconds, at least one: what {@code Retry-After} says. */
        public long retryAfterSeconds() {
            return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** Redis cannot count attempts, so no password is checked: fail closed, not unlimited. */
    public static final class Unavailable extends RuntimeException {

        /** What {@code Retry-After} says while attempts cannot be counted. */
        public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

        Unavailable(Throwable cause) {
            super("Sign-in attempts cannot be counted right now", cause);
        }
    }

    private BucketProxy account(String email) {
        return buckets().getProxy("latchkey:throttle:account:" + Emails.normalize(email), () -> this.perAccount);
    }

    private BucketProxy ip(String remoteAddress) {
        return buckets().getProxy("latchkey:throttle:ip:" + remoteAddress, () -> this.perIp);
    }
}
