package io.latchkey.store.change;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Tells every instance that shared data changed, through one Redis pub/sub channel. Redis
 * numbers each change as it publishes it, so a subscriber knows when it missed one; a
 * heartbeat reads the counter to notice a missed last change, or a Redis that lost its data
 * (see {@link FeedReceiver}).
 * <p>
 * An instance trusts its in-memory copies ({@link #isCurrent}) only while it is subscribed,
 * resynchronised since, has seen no gap and heard Redis within {@code stale-after}; otherwise
 * callers ask Redis or PostgreSQL as if there were no copy. So a change reaches every
 * instance's answers within about {@code stale-after} (1 s), or that instance stops using its copy.
 * <p>
 * CAUTION: pub/sub delivers nothing to an instance that is not connected; that is why trust
 * ends and every listener resynchronises after any gap, resubscription or Redis reset.
 */
public class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private static final RedisScript<Long> PUBLISH = RedisScript.of("""
            local number = redis.call('INCR', KEYS[1])
            redis.call('PUBLISH', ARGV[1], number .. '\\n' .. ARGV[2] .. '\\n' .. ARGV[3])
            return number
            """, Long.class);

    private final RedisConnectionFactory connections;
    private final StringRedisTemplate redis;
    private final ChangeFeedProperties properties;
    private final Supplier<? extends Collection<ChangeListener>> listeners;
    private final MeterRegistry meters;
    private final String counterKey;
    private volatile FeedReceiver receiver;
    private volatile boolean owesResync;
    private ScheduledExecutorService worker;
    private RedisMessageListenerContainer container;

    public ChangeFeed(RedisConnectionFactory connections, StringRedisTemplate redis, ChangeFeedProperties properties,
            Supplier<? extends Collection<ChangeListener>> listeners, MeterRegistry meters) {
        this.connections = connections;
        this.redis = redis;
        this.properties = properties;
        this.listeners = listeners;
        this.meters = meters;
        this.counterKey = properties.channel() + ":sequence";
        meters.gauge("latchkey.changes.current", this, feed -> feed.isCurrent() ? 1 : 0);
    }

    /**
     * Announces a change to every instance, this one included. When Redis cannot take it, the
     * feed tells every instance to resynchronise as soon as Redis answers its heartbeat again.
     * @throws DataAccessException when Redis cannot be reached
     */
    public void publish(String topic, String payload) {
        if (!this.properties.enabled()) {
            return;
        }
        try {
            this.redis.execute(PUBLISH, List.of(this.counterKey), this.properties.channel(), topic, payload);
        }
        catch (DataAccessException unreachable) {
            this.owesResync = true;
            throw unreachable;
        }
    }

    /** Tells every instance to resynchronise all its copies (after Redis was re-filled, say). */
    public void publishResync() {
        publish(FeedReceiver.EVERYTHING, "");
    }

    /** Whether the in-memory copies may be trusted now, with no round trip. */
    public boolean isCurrent() {
        FeedReceiver current = this.receiver;
        return current != null && current.isCurrent(this.properties.staleAfter());
    }

    /** Reads the counter; settles a resynchronisation owed since a publish failed. */
    private long counter() {
        String value = this.redis.opsForValue().get(this.counterKey);
        if (this.owesResync) {
            this.owesResync = false;
            publishResync();
        }
        return value == null ? 0 : Long.parseLong(value);
    }

    @Override
    public void start() {
        if (!this.properties.enabled()) {
            return;
        }
        this.worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("latchkey-changes").daemon().factory());
        FeedReceiver started = new FeedReceiver(this.listeners.get(), this::counter, this.worker, this.meters);
        this.container = new RedisMessageListenerContainer();
        this.container.setConnectionFactory(this.connections);
        this.container.setTaskExecutor(new SyncTaskExecutor()); // in order, on the subscription's thread
        this.container.addMessageListener(started, new ChannelTopic(this.properties.channel()));
        this.container.afterPropertiesSet();
        this.container.start();
        this.receiver = started;
        long interval = this.properties.heartbeatInterval().toMillis();
        this.worker.scheduleWithFixedDelay(started::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        this.receiver = null;
        if (this.container != null) {
            this.container.stop();
            try {
                this.container.destroy();
            }
            catch (Exception failed) {
                log.debug("Closing the change feed's subscription failed", failed);
            }
            this.worker.shutdownNow();
            this.container = null;
        }
    }

    @Override
    public boolean isRunning() {
        return this.receiver != null;
    }
}
