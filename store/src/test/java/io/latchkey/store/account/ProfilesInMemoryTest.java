package io.latchkey.store.account;

import java.time.Duration;
import java.util.UUID;

import io.latchkey.store.StoreTest;
import io.latchkey.store.StoreTestApplication.MovableClock;
import io.latchkey.store.change.AnotherInstance;
import io.latchkey.store.change.ChangeFeedProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
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
    ApplicationContext context;

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

    AnotherInstance instanceThere;

    AccountRepository there;

    Account account;

    @BeforeEach
    void startAnotherInstance() {
        AnotherInstance.Started<Profiles> started = AnotherInstance.start(this.context, feed -> new Profiles(feed, 100));
        this.instanceThere = started.instance();
        this.there = new AccountRepository(this.jdbc, this.passwords, this.clock, new TransactionTemplate(this.transactions),
                started.listener());
        this.account = this.here.create("p-" + UUID.randomUUID() + "@example.com", "Before", "a password of profiles", Role.USER);
    }

    @AfterEach
    void stopIt() {
        this.instanceThere.close();
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
