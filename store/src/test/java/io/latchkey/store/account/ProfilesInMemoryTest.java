package io.latchkey.store.account;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.latchkey.store.StoreTest;
import io.latchkey.store.StoreTestApplication.MovableClock;
import io.latchkey.store.change.ChangeFeed;
import io.latchkey.store.change.ChangeFeedProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Profiles read from memory on two instances sharing PostgreSQL and Redis: the context's
 * repository ("here") and one built beside it ("there"), each with its own change feed.
 */
@StoreTest
class ProfilesInMemoryTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @Autowired
    AccountRepository here;

    @Autowired
    ChangeFeed feedHere;

    @Autowired
    RedisConnectionFactory connections;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ChangeFeedProperties feedProperties;

    @Autowired
    MovableClock clock;

    ChangeFeed feedThere;

    AccountRepository there;

    Account account;

    @BeforeEach
    void startAnotherInstance() {
        Profiles[] profiles = new Profiles[1]; // the feed asks for its listeners when it starts
        this.feedThere = new ChangeFeed(this.connections, this.redis, this.feedProperties, () -> List.of(profiles[0]),
                new SimpleMeterRegistry());
        profiles[0] = new Profiles(this.feedThere, 100);
        this.there = new AccountRepository(this.jdbc, this.passwords, this.clock, new TransactionTemplate(this.transactions),
                profiles[0]);
        this.feedThere.start();
        this.account = this.here.create("p-" + UUID.randomUUID() + "@example.com", "Before", "a password of profiles", Role.USER);
        await().atMost(Duration.ofSeconds(5)).until(() -> this.feedThere.isCurrent() && this.feedHere.isCurrent());
    }

    @AfterEach
    void stopIt() {
        this.feedThere.stop();
    }

    @Test
    void whileTheFeedIsCurrentAProfileIsReadFromMemory() {
        assertThat(this.there.findById(this.account.id())).map(Account::name).contains("Before");

        renameBehindTheStoresBack("Changed by hand");

        assertThat(this.there.findById(this.account.id())).as("kept in memory").map(Account::name).contains("Before");
    }

    @Test
    void aProfileChangedOnOneInstanceIsReadAnewOnTheOtherWithinASecond() {
        assertThat(this.there.findById(this.account.id())).map(Account::name).contains("Before");

        this.here.updateProfile(this.account.id(), "After", null);

        await().atMost(ONE_SECOND).until(() -> this.there.findById(this.account.id()).map(Account::name).orElse("").equals("After"));
    }

    @Test
    void aDeletedAccountIsGoneOnTheOtherInstanceWithinASecond() {
        assertThat(this.there.findById(this.account.id())).isPresent();

        this.here.delete(this.account.id());

        await().atMost(ONE_SECOND).until(() -> this.there.findById(this.account.id()).isEmpty());
    }

    @Test
    void aChangeMadeInsideATransactionIsAnnouncedWhenItCommits() {
        assertThat(this.there.findById(this.account.id())).map(Account::name).contains("Before");

        new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
            this.here.updateProfile(this.account.id(), "Rolled back", null);
            status.setRollbackOnly();
        });
        new TransactionTemplate(this.transactions).executeWithoutResult(status ->
                this.here.updateProfile(this.account.id(), "Committed", null));

        await().atMost(ONE_SECOND).until(() -> this.there.findById(this.account.id()).map(Account::name).orElse("").equals("Committed"));
        assertThat(this.here.findById(this.account.id())).map(Account::name).contains("Committed");
    }

    @Test
    void aMissedAnnouncementIsCaughtByTheHeartbeatAndEverythingIsReadAnew() {
        assertThat(this.there.findById(this.account.id())).map(Account::name).contains("Before");
        renameBehindTheStoresBack("Missed");

        this.redis.opsForValue().increment(this.feedProperties.channel() + ":sequence"); // counted, never delivered

        await().atMost(ONE_SECOND).until(() -> this.there.findById(this.account.id()).map(Account::name).orElse("").equals("Missed"));
    }

    private void renameBehindTheStoresBack(String name) {
        this.jdbc.sql("UPDATE users SET name = :name WHERE id = :id").param("name", name).param("id", this.account.id()).update();
    }
}
