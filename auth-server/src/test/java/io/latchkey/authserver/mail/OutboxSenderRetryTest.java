package io.latchkey.authserver.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed mail waits twice as long after each failure, never longer than the longest wait. */
class OutboxSenderRetryTest {

    @Test
    void theWaitDoublesUpToTheLongest() {
        OutboxSender sender = new OutboxSender(null, null, new MailProperties("from@example.com",
                new MailProperties.Embedded(false, 0), new MailProperties.Sending(Duration.ofSeconds(1), 20,
                        Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(1), 10)),
                List.of(), new SimpleMeterRegistry(), Clock.systemUTC());

        assertThat(List.of(1, 2, 3, 4, 5, 30).stream().map(sender::retryAfter)).containsExactly(Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofMinutes(1), Duration.ofMinutes(1));
    }
}
