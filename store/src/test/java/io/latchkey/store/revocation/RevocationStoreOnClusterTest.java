package io.latchkey.store.revocation;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

import io.latchkey.embedded.EmbeddedRedisCluster;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.latchkey.store.StoreTestApplication;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revocation store on a Redis Cluster (one node, every slot): Redis refuses a command
 * over keys of different slots there, so this is where a key layout that needs one breaks.
 */
@SpringBootTest(classes = StoreTestApplication.class, properties = {
        "latchkey.embedded.postgres-port=0",
        "spring.data.redis.connect-timeout=1500ms",
        "latchkey.embedded.data-directory=target/test-stores/${random.uuid}" })
@DirtiesContext
class RevocationStoreOnClusterTest extends RevocationStoreContract {

    @AutoClose
    static final EmbeddedRedisCluster cluster = EmbeddedRedisCluster.startUnder(Path.of("target/test-stores"));

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.cluster.nodes", cluster::node);
    }

    @Test
    void aCheckIsOneMgetOnAClusterToo() {
        this.revocations.denyToken("jti-warm", Instant.parse("2026-01-01T10:15:00Z"));
        this.revocations.isDenied(token("jti-warm", "sid-warm", Instant.parse("2026-01-01T10:00:00Z")));
        long before = calls("mget");

        this.revocations.isDenied(token("jti-x", "sid-x", Instant.parse("2026-01-01T10:00:00Z")));

        assertThat(calls("mget") - before).as("all four keys share one hash slot").isEqualTo(1);
    }

    @Test
    void theClientKeepsClusterOptions() {
        assertThat(clientOptions()).isInstanceOf(ClusterClientOptions.class);
    }

    private long calls(String command) {
        Properties stats = this.redis.execute((RedisCallback<Properties>) connection ->
                connection.serverCommands().info("commandstats"));
        return stats.stringPropertyNames().stream()
                .filter(name -> name.endsWith("cmdstat_" + command))
                .mapToLong(name -> Long.parseLong(stats.getProperty(name).replaceAll("^calls=(\\d+),.*$", "$1")))
                .sum();
    }
}
