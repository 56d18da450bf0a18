package io.latchkey.store.change;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.awaitility.Awaitility.await;

/**
 * A second instance's change feed on the context's Redis, with its own subscription, for
 * tests of what reaches another instance. Started once both feeds are current.
 */
public final class AnotherInstance implements AutoCloseable {

    private final ChangeFeed feed;

    private AnotherInstance(ChangeFeed feed) {
        this.feed = feed;
    }

    /**
     * @param listenerOf builds that instance's listener, given its feed (a listener that publishes needs it)
     */
    public static <L extends ChangeListener> Started<L> start(ApplicationContext context, Function<ChangeFeed, L> listenerOf) {
        @SuppressWarnings("unchecked")
        L[] listener = (L[]) new ChangeListener[1]; // the feed asks for its listeners when it starts
        ChangeFeed feed = new ChangeFeed(context.getBean(RedisConnectionFactory.class), context.getBean(StringRedisTemplate.class),
                context.getBean(ChangeFeedProperties.class), () -> List.of(listener[0]), new SimpleMeterRegistry());
        listener[0] = listenerOf.apply(feed);
        feed.start();
        ChangeFeed feedHere = context.getBean(ChangeFeed.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> feed.isCurrent() && feedHere.isCurrent());
        return new Started<>(new AnotherInstance(feed), listener[0]);
    }

    public ChangeFeed feed() {
        return this.feed;
    }

    @Override
    public void close() {
        this.feed.stop();
    }

    /** The instance and its listener. */
    public record Started<L>(AnotherInstance instance, L listener) {
    }
}
