package io.latchkey.authserver.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.store.change.ChangeFeed;
import io.latchkey.store.change.ChangeFeedProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The client cache over the real clients table and the change feed, with its clock in the test's hand. */
@AuthServerTest
class CachingRegisteredClientRepositoryTest {

    @Autowired
    JdbcOperations jdbcOperations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChangeFeed changes;

    @Autowired
    RegisteredClientRepository clientsOfTheApp;

    @Autowired
    RedisConnectionFactory redisConnections;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ChangeFeedProperties feedProperties;

    ChangeFeed feedOfAnotherInstance;

    final AtomicLong nanos = new AtomicLong();
    CachingRegisteredClientRepository clients;

    @BeforeEach
    void setUp() {
        this.clients = new CachingRegisteredClientRepository(new JdbcRegisteredClientRepository(this.jdbcOperations),
                Duration.ofMinutes(1), this.nanos::get, this.changes);
        await().atMost(Duration.ofSeconds(5)).until(this.changes::isCurrent);
    }

    @AfterEach
    void restoreName() {
        if (this.feedOfAnotherInstance != null) {
            this.feedOfAnotherInstance.stop();
        }
        rename("Latchkey service client");
    }

    @Test
    void aClientReadOnceIsServedFromMemoryUntilTheTtlEnds() {
        assertThat(this.clients.findByClientId("service-client").getClientName()).isEqualTo("Latchkey service client");
        String id = this.clients.findByClientId("service-client").getId();
        assertThat(this.clients.findById(id).getClientName()).isEqualTo("Latchkey service client");

        rename("Renamed behind the cache's back");
        assertThat(this.clients.findByClientId("service-client").getClientName()).isEqualTo("Latchkey service client");
        assertThat(this.clients.findById(id).getClientName()).isEqualTo("Latchkey service client");

        this.nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(this.clients.findByClientId("service-client").getClientName()).isEqualTo("Renamed behind the cache's back");
        assertThat(this.clients.findById(id).getClientName()).isEqualTo("Renamed behind the cache's back");
    }

    @Test
    void aSaveOnThisInstanceIsSeenAtOnce() {
        RegisteredClient client = this.clients.findByClientId("service-client");

        this.clients.save(RegisteredClient.from(client).clientName("Saved through the cache").build());

        assertThat(this.clients.findByClientId("service-client").getClientName()).isEqualTo("Saved through the cache");
        assertThat(this.clients.findById(client.getId()).getClientName()).isEqualTo("Saved through the cache");
    }

    @Test
    void aSaveOnAnotherInstanceIsSeenHereWithinASecond() {
        CachingRegisteredClientRepository[] here = new CachingRegisteredClientRepository[1];
        this.feedOfAnotherInstance = new ChangeFeed(this.redisConnections, this.redis, this.feedProperties, () -> List.of(here[0]),
                new SimpleMeterRegistry());
        here[0] = new CachingRegisteredClientRepository(new JdbcRegisteredClientRepository(this.jdbcOperations),
                Duration.ofMinutes(1), this.nanos::get, this.feedOfAnotherInstance);
        this.feedOfAnotherInstance.start();
        await().atMost(Duration.ofSeconds(5)).until(this.feedOfAnotherInstance::isCurrent);
        RegisteredClient client = here[0].findByClientId("service-client");
        rename("Renamed behind the cache's back");
        assertThat(here[0].findByClientId("service-client").getClientName()).as("kept in memory").isEqualTo("Latchkey service client");

        this.clientsOfTheApp.save(RegisteredClient.from(client).clientName("Saved on the other instance").build());

        await().atMost(Duration.ofSeconds(1)).until(() ->
                here[0].findByClientId("service-client").getClientName().equals("Saved on the other instance"));
        assertThat(here[0].findById(client.getId()).getClientName()).isEqualTo("Saved on the other instance");
    }

    @Test
    void anUnknownClientIsNotFound() {
        assertThat(this.clients.findByClientId("no-such-client")).isNull();
        assertThat(this.clients.findById("no-such-id")).isNull();
    }

    private void rename(String name) {
        this.jdbc.sql("UPDATE oauth2_registered_client SET client_name = ? WHERE client_id = 'service-client'")
                .param(name).update();
    }
}
