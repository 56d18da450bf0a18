package io.latchkey.authserver.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.latchkey.authserver.AuthServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The client cache over the real clients table, with its clock in the test's hand. */
@AuthServerTest
class CachingRegisteredClientRepositoryTest {

    @Autowired
    JdbcOperations jdbcOperations;

    @Autowired
    JdbcClient jdbc;

    final AtomicLong nanos = new AtomicLong();
    CachingRegisteredClientRepository clients;

    @BeforeEach
    void setUp() {
        this.clients = new CachingRegisteredClientRepository(new JdbcRegisteredClientRepository(this.jdbcOperations),
                Duration.ofMinutes(1), this.nanos::get);
    }

    @AfterEach
    void restoreName() {
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
    void anUnknownClientIsNotFound() {
        assertThat(this.clients.findByClientId("no-such-client")).isNull();
        assertThat(this.clients.findById("no-such-id")).isNull();
    }

    private void rename(String name) {
        this.jdbc.sql("UPDATE oauth2_registered_client SET client_name = ? WHERE client_id = 'service-client'")
                .param(name).update();
    }
}
