package io.latchkey.store.revocation;

import java.time.Instant;

import io.latchkey.store.StoreTest;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.RedisCallback;

import static org.assertj.core.api.Assertions.assertThat;

/** The revocation store on a standalone Redis. */
@StoreTest
class RevocationStoreTest extends RevocationStoreContract {

    private static final Instant CHANGE = Instant.parse("2026-01-01T10:00:10.500Z");

    @Test
    void aWritableCheckIsTrustedForOneSecondThenRedisIsAskedAgain() {
        this.clock.set(CHANGE.plusSeconds(3600));
        long before = pings();

        this.revocations.ensureWritable();
        this.revocations.ensureWritable();
        this.revocations.ensureWritable();
        assertThat(pings() - before).isEqualTo(1);

        this.clock.set(CHANGE.plusSeconds(3601));
        this.revocations.ensureWritable();
        assertThat(pings() - before).isEqualTo(2);
    }

    private long pings() {
        String stats = this.redis.execute((RedisCallback<java.util.Properties>) connection ->
                connection.serverCommands().info("commandstats")).getProperty("cmdstat_ping");
        return stats == null ? 0 : Long.parseLong(stats.replaceAll("^calls=(\\d+),.*$", "$1"));
    }
}
