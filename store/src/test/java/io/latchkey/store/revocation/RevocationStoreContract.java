package io.latchkey.store.revocation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.latchkey.store.TestClients;
import io.latchkey.store.StoreTestApplication.MovableClock;
import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three denials and their edges, on real PostgreSQL and Redis, with time held still:
 * run on a standalone Redis and on a Redis Cluster. The change feed is off here, so every
 * check asks Redis (the path an instance takes while its in-memory copy is not current);
 * {@link DenialsInMemoryTest} covers the copy.
 */
@TestPropertySource(properties = "latchkey.changes.enabled=false")
abstract class RevocationStoreContract {

    private static final Instant CHANGE = Instant.parse("2026-01-01T10:00:10.500Z");

    @Autowired
    RevocationStore revocations;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    LettuceConnectionFactory redisConnections;

    UUID user;

    @BeforeEach
    void setUp() {
        this.clock.set(CHANGE);
        this.user = UUID.randomUUID();
    }

    @Test
    void aDeniedJtiIsDeniedAndOnlyThatOne() {
        this.revocations.denyToken("jti-1", CHANGE.plusSeconds(900));

        assertThat(this.revocations.isDenied(token("jti-1", "sid-a", CHANGE))).isTrue();
        assertThat(this.revocations.isDenied(token("jti-2", "sid-a", CHANGE))).isFalse();
    }

    @Test
    void aDeniedGrantDeniesEveryTokenOfIt() {
        this.revocations.denyGrant("sid-b");

        assertThat(this.revocations.isDenied(token("any-jti", "sid-b", CHANGE))).isTrue();
        assertThat(this.revocations.isDenied(token("any-jti", "sid-c", CHANGE))).isFalse();
    }

    @Test
    void aUserDenialCoversEarlierSecondsAndTheGrantsHeldThenButNotANewSignInInTheSameSecond() {
        String heldGrant = grantOf(this.user);

        this.revocations.denyUserTokensIssuedBefore(this.user);

        Instant earlierSecond = Instant.parse("2026-01-01T10:00:09Z");
        Instant sameSecond = Instant.parse("2026-01-01T10:00:10Z");
        assertThat(this.revocations.isDenied(token("old", "some-grant", earlierSecond))).isTrue();
        assertThat(this.revocations.isDenied(token("same-second-old", heldGrant, sameSecond)))
                .as("issued in the same second but before: caught by its grant").isTrue();
        assertThat(this.revocations.isDenied(token("same-second-new", "a-new-grant", sameSecond)))
                .as("a sign-in right after, in the same second, works").isFalse();
        assertThat(this.revocations.isDenied(new TokenFacts("other", "x", UUID.randomUUID().toString(), earlierSecond)))
                .as("other users are untouched").isFalse();
    }

    @Test
    void aSignInThatBeganBeforeASignOutEverywhereIsToldSoToTheMillisecond() {
        this.revocations.denyUserTokensIssuedBefore(this.user);

        assertThat(this.revocations.signedOutSince(this.user.toString(), CHANGE.minusMillis(1)))
                .as("began a millisecond before, in the same second").isTrue();
        assertThat(this.revocations.signedOutSince(this.user.toString(), CHANGE)).as("the same millisecond").isTrue();
        assertThat(this.revocations.signedOutSince(this.user.toString(), CHANGE.plusMillis(1))).isFalse();
        assertThat(this.revocations.signedOutSince(UUID.randomUUID().toString(), CHANGE.minusSeconds(60)))
                .as("other users are untouched").isFalse();
    }

    @Test
    void aUserDenialAnEarlierBuildWroteInEpochSecondsStillDenies() {
        this.revocations.denyToken("fills-redis", CHANGE.plusSeconds(60));
        this.redis.opsForValue().set("latchkey:{revoked}:user:" + this.user, Long.toString(CHANGE.getEpochSecond()),
                Duration.ofMinutes(15));

        assertThat(this.revocations.isDenied(token("old", "g", Instant.parse("2026-01-01T10:00:09Z")))).isTrue();
        assertThat(this.revocations.isDenied(token("new", "g", Instant.parse("2026-01-01T10:00:10Z")))).isFalse();
        assertThat(this.revocations.signedOutSince(this.user.toString(), CHANGE.minusSeconds(1))).isTrue();
    }

    @Test
    void aRedisThatLostEverythingIsRefilledFromPostgresBeforeAnswering() {
        this.revocations.denyToken("jti-lost", CHANGE.plusSeconds(900));
        this.redis.execute((RedisCallback<Void>) connection -> {
            flush(connection);
            return null;
        });

        assertThat(this.revocations.isDenied(token("jti-lost", "sid-z", CHANGE))).isTrue();
        assertThat(this.redis.hasKey("latchkey:{revoked}:token:jti-lost")).isTrue();
    }

    @Test
    void denialsExpireWithTheTokensTheyCover() {
        this.revocations.denyToken("jti-short", CHANGE.plusSeconds(60));

        Long ttl = this.redis.getExpire("latchkey:{revoked}:token:jti-short");
        assertThat(ttl).isBetween(1L, 60L);
        this.clock.set(CHANGE.plusSeconds(3600));
        this.revocations.purgeExpired();
        assertThat(this.jdbc.sql("SELECT count(*) FROM revocations WHERE value = 'jti-short'").query(Long.class).single())
                .isZero();
    }

    /** Fail fast (see RedisFailFastConfiguration), on top of the options Boot builds from its properties. */
    @Test
    void whileRedisIsUnreachableCommandsFailAtOnceAndBootsTimeoutsStillApply() {
        ClientOptions options = clientOptions();

        assertThat(options.getDisconnectedBehavior()).isEqualTo(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    ClientOptions clientOptions() {
        return this.redisConnections.getClientConfiguration().getClientOptions().orElseThrow();
    }

    TokenFacts token(String jti, String sid, Instant issuedAt) {
        return new TokenFacts(jti, sid, this.user.toString(), issuedAt);
    }

    private String grantOf(UUID userId) {
        String id = UUID.randomUUID().toString();
        TestClients.register(this.jdbc, "client-" + id);
        this.jdbc.sql("""
                INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type, created_at)
                VALUES (:id, :client, :principal, 'authorization_code', :now)
                """).param("id", id).param("client", "client-" + id).param("principal", userId.toString())
                .param("now", Timestamp.from(CHANGE)).update();
        return id;
    }

    @SuppressWarnings("deprecation")
    private static void flush(RedisConnection connection) {
        connection.serverCommands().flushAll();
    }
}
