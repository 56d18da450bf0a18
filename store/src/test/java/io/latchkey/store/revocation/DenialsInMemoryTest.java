package io.latchkey.store.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import io.latchkey.store.StoreTest;
import io.latchkey.store.StoreTestApplication.MovableClock;
import io.latchkey.store.change.AnotherInstance;
import io.latchkey.store.change.ChangeFeed;
import io.latchkey.store.change.ChangeFeedProperties;
import io.latchkey.store.grant.GrantRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL and one Redis, each with its in-memory copy of the denials
 * kept current by the change feed: the context's store ("here") and one built beside it ("there").
 */
@StoreTest
class DenialsInMemoryTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:10.500Z");
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @Autowired
    RevocationStore here;

    @Autowired
    ApplicationContext context;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GrantRepository grants;

    @Autowired
    RevocationProperties properties;

    @Autowired
    ChangeFeedProperties feedProperties;

    @Autowired
    MovableClock clock;

    AnotherInstance instanceThere;

    ChangeFeed feedThere;

    RevocationStore there;

    String user = UUID.randomUUID().toString();

    @BeforeEach
    void startAnotherInstance() {
        this.clock.set(NOW);
        RevocationRepository repository = new RevocationRepository(this.jdbc);
        LocalDenials local = new LocalDenials(repository, this.clock);
        this.instanceThere = AnotherInstance.start(this.context, feed -> local).instance();
        this.feedThere = this.instanceThere.feed();
        this.there = new RevocationStore(repository, this.grants, new RedisRevocationMirror(this.redis, this.properties.keyPrefix()),
                this.properties, this.clock, new SimpleMeterRegistry(), this.feedThere, local);
    }

    @AfterEach
    void stopIt() {
        this.instanceThere.close();
    }

    @Test
    void aDenialMadeOnOneInstanceIsHonouredOnTheOtherWithinASecond() {
        TokenFacts token = token("jti-" + UUID.randomUUID());
        assertThat(this.there.isDenied(token)).isFalse();

        this.here.denyToken(token.jti(), NOW.plusSeconds(900));

        assertThat(this.here.isDenied(token)).as("at once where it was made").isTrue();
        await().atMost(ONE_SECOND).until(() -> this.there.isDenied(token));
    }

    @Test
    void aGrantAndAUserDeniedElsewhereAreHonouredFromMemoryToo() {
        String grant = "grant-" + UUID.randomUUID();
        UUID account = UUID.randomUUID();

        this.here.denyGrant(grant);
        this.here.denyUserTokensIssuedBefore(account);

        Instant earlierSecond = NOW.minusSeconds(1);
        await().atMost(ONE_SECOND).until(() -> this.there.isDenied(new TokenFacts("any", grant, "someone", NOW)));
        await().atMost(ONE_SECOND).until(() -> this.there.isDenied(new TokenFacts("old", "g", account.toString(), earlierSecond)));
        assertThat(this.there.isDenied(new TokenFacts("new", "g", account.toString(), NOW)))
                .as("a sign-in in the same second, after the denial, works").isFalse();
    }

    @Test
    void whileTheCopyIsCurrentAChecksCostsNoRoundTripToRedis() {
        TokenFacts token = token("jti-" + UUID.randomUUID());
        this.here.denyToken(token.jti(), NOW.plusSeconds(900));
        await().atMost(ONE_SECOND).until(() -> this.there.isDenied(token));
        long before = calls("mget");

        for (int i = 0; i < 100; i++) {
            assertThat(this.there.isDenied(token)).isTrue();
            assertThat(this.there.isDenied(token("other-" + i))).isFalse();
        }

        assertThat(calls("mget") - before).isZero();
    }

    @Test
    void aDenialWhoseAnnouncementWasLostIsFoundByTheHeartbeatAndReloadedFromPostgres() {
        String jti = "lost-" + UUID.randomUUID();
        new RevocationRepository(this.jdbc).save(new Denial(Denial.Kind.TOKEN, jti, null, NOW.plusSeconds(900)), NOW);
        this.redis.opsForValue().increment(this.feedProperties.channel() + ":sequence"); // counted, never delivered

        await().atMost(ONE_SECOND).until(() -> this.there.isDenied(token(jti)));
        assertThat(this.feedThere.isCurrent()).isTrue();
    }

    @Test
    void anInstanceThatCannotHearRedisStopsTrustingItsCopyWithinASecondAndTrustsItAgainAfter() {
        this.redis.execute((RedisCallback<Object>) connection -> connection.execute("CLIENT",
                "PAUSE".getBytes(), "2000".getBytes(), "ALL".getBytes()));

        await().atMost(Duration.ofMillis(1500)).until(() -> !this.feedThere.isCurrent());
        await().atMost(Duration.ofSeconds(3)).until(this.feedThere::isCurrent);
    }

    @Test
    void deniedAndExpiredIsForgottenByTheSweepAndNoLongerDenies() {
        TokenFacts token = token("short-" + UUID.randomUUID());
        this.here.denyToken(token.jti(), NOW.plusSeconds(60));
        await().atMost(ONE_SECOND).until(() -> this.there.isDenied(token));

        this.clock.set(NOW.plusSeconds(61));
        this.there.sweepLocal();

        assertThat(this.there.isDenied(token)).isFalse();
    }

    private TokenFacts token(String jti) {
        return new TokenFacts(jti, "sid-" + jti, this.user, NOW.minusSeconds(5));
    }

    private long calls(String command) {
        Properties stats = this.redis.execute((RedisCallback<Properties>) connection ->
                connection.serverCommands().info("commandstats"));
        String line = stats.getProperty("cmdstat_" + command);
        return line == null ? 0 : Long.parseLong(line.replaceAll("^calls=(\\d+),.*$", "$1"));
    }
}
