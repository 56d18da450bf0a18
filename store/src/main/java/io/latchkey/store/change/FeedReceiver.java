package io.latchkey.store.change;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.SubscriptionListener;

/**
 * One instance's end of the change feed: hands each change to its topic's listener, and
 * decides when the listeners' copies may be trusted. Messages arrive on the subscription's
 * thread; the heartbeat and every resynchronisation run on the feed's own thread, one at a time.
 */
final class FeedReceiver implements MessageListener, SubscriptionListener {

    private static final Logger log = LoggerFactory.getLogger(FeedReceiver.class);

    /** The topic that tells every instance to resynchronise everything. */
    static final String EVERYTHING = "*";

    private final Map<String, ChangeListener> listeners;
    private final LongSupplier counter;
    private final Executor worker;
    private final MeterRegistry meters;
    private final Sequence sequence = new Sequence();
    private volatile long heardAt = System.nanoTime() - Long.MAX_VALUE / 2;
    private volatile boolean subscribed;
    private boolean resyncFailing;

    FeedReceiver(Collection<ChangeListener> listeners, LongSupplier counter, Executor worker, MeterRegistry meters) {
        this.listeners = listeners.stream().collect(Collectors.toUnmodifiableMap(ChangeListener::topic, Function.identity()));
        this.counter = counter;
        this.worker = worker;
        this.meters = meters;
    }

    boolean isCurrent(Duration staleAfter) {
        return this.subscribed && this.sequence.trusted() && System.nanoTime() - this.heardAt < staleAfter.toNanos();
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String[] parts = new String(message.getBody(), StandardCharsets.UTF_8).split("\n", 3);
        if (parts.length < 3) {
            return;
        }
        ChangeListener listener = this.listeners.get(parts[1]);
        if (listener != null) {
            listener.changed(parts[2]);
        }
        if (!this.sequence.arrived(Long.parseLong(parts[0])) || EVERYTHING.equals(parts[1])) {
            this.worker.execute(this::resync);
        }
    }

    @Override
    public void onChannelSubscribed(byte[] channel, long count) {
        this.subscribed = true;
        this.worker.execute(this::resync);
    }

    @Override
    public void onChannelUnsubscribed(byte[] channel, long count) {
        this.subscribed = false;
        this.sequence.distrust();
    }

    void heartbeat() {
        try {
            long counted = this.counter.getAsLong();
            this.heardAt = System.nanoTime();
            if (this.subscribed && (!this.sequence.counted(counted) || !this.sequence.trusted())) {
                resync();
            }
        }
        catch (RuntimeException unreachable) {
            // Redis cannot answer: announcements may be lost from now on, so stop trusting now.
            this.sequence.distrust();
            log.debug("Change feed heartbeat failed", unreachable);
        }
    }

    private void resync() {
        try {
            this.sequence.resyncBegins();
            long counted = this.counter.getAsLong();
            this.listeners.values().forEach(ChangeListener::resync);
            this.sequence.resynced(counted);
            this.heardAt = System.nanoTime();
            this.meters.counter("latchkey.changes.resyncs").increment();
            this.resyncFailing = false;
        }
        catch (RuntimeException failed) {
            if (!this.resyncFailing) {
                log.warn("Change feed could not resynchronise ({}); requests ask the stores until it can", failed.toString());
            }
            this.resyncFailing = true;
        }
    }
}
