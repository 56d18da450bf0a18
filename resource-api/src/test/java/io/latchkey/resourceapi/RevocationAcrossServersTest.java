package io.latchkey.resourceapi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import io.latchkey.store.audit.AuditLog;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Revocation as a user of the whole system sees it: two auth-server instances and
 * resource-api on one PostgreSQL and one Redis, all over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationAcrossServersTest {

    private static final String PASSWORD = "a long enough password";
    private static final String DEMO_CLIENT = basic("demo-client", "demo-client-secret");

    LatchkeyStack stack;
    Account account;

    @BeforeAll
    void startStack() throws Exception {
        this.stack = LatchkeyStack.start(2);
    }

    @AfterAll
    void stopStack() throws Exception {
        this.stack.close();
    }

    @BeforeEach
    void newAccount() {
        String email = "user-" + AuthorizationCodeFlow.randomToken().substring(0, 10).toLowerCase() + "@example.com";
        this.account = this.stack.resourceApi.getBean(AccountRepository.class).create(email, "Test User", PASSWORD, Role.USER);
    }

    @Test
    void aRevokedAccessTokenIsRefusedByResourceApiWithinTheSameSecond() {
        JsonNode tokens = signIn(0);
        String accessToken = tokens.get("access_token").asString();
        assertThat(me(accessToken).statusCode()).isEqualTo(200);

        Instant revokedAt = Instant.now();
        assertThat(revoke(0, accessToken, "access_token").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(1)).until(() -> me(accessToken).statusCode() == 401);
        HttpResponse<String> refused = me(accessToken);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
        assertThat(Duration.between(revokedAt, Instant.now())).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aTokenRevokedOnOneInstanceIsRefusedThroughTheOther() {
        JsonNode tokens = signIn(0);
        String accessToken = tokens.get("access_token").asString();
        assertThat(introspect(0, accessToken).get("active").asBoolean()).isTrue();

        assertThat(revoke(1, tokens.get("refresh_token").asString(), "refresh_token").statusCode()).isEqualTo(200);

        // The denial reaches the other instances' copies through the change feed, within a second.
        await().atMost(Duration.ofSeconds(1)).until(() -> !introspect(0, accessToken).get("active").asBoolean());
        await().atMost(Duration.ofSeconds(1)).until(() -> me(accessToken).statusCode() == 401);
        assertThat(refresh(0, tokens.get("refresh_token").asString()).statusCode()).isEqualTo(400);
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeGrantIncludingTheSiblingAccessToken() {
        JsonNode first = signIn(0);
        HttpResponse<String> rotated = refresh(0, first.get("refresh_token").asString());
        assertThat(rotated.statusCode()).isEqualTo(200);
        JsonNode second = json(rotated);
        String sibling = second.get("access_token").asString();
        assertThat(me(sibling).statusCode()).isEqualTo(200);

        HttpResponse<String> reuse = refresh(1, first.get("refresh_token").asString());

        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(json(reuse).get("error").asString()).isEqualTo("invalid_grant");
        await("the sibling access token dies with its grant").atMost(Duration.ofSeconds(1))
                .until(() -> me(sibling).statusCode() == 401);
        assertThat(refresh(0, second.get("refresh_token").asString()).statusCode())
                .as("and so does the newest refresh token").isEqualTo(400);
        String grantId = jwtClaims(sibling).get("sid").asString();
        assertThat(this.stack.resourceApi.getBean(AuditLog.class).findByType("refresh_token.reused"))
                .anySatisfy(event -> {
                    assertThat(event.grantId()).isEqualTo(grantId);
                    assertThat(event.accountId()).isEqualTo(this.account.id());
                    assertThat(event.clientId()).isEqualTo("demo-client");
                });
    }

    @Test
    void ofFiftyRefreshesRacingWithOneTokenExactlyOneSucceeds() throws Exception {
        String refreshToken = signIn(0).get("refresh_token").asString();
        int racers = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                int instance = i % 2;
                results.add(pool.submit(() -> {
                    start.await();
                    return refresh(instance, refreshToken).statusCode();
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                assertThat(status).isIn(200, 400);
                succeeded += status == 200 ? 1 : 0;
            }
            assertThat(succeeded).isEqualTo(1);
        }
    }

    @Test
    void aRevokedTokenIsStillRefusedAfterRedisIsFlushed() {
        String accessToken = signIn(0).get("access_token").asString();
        revoke(0, accessToken, "access_token");
        assertThat(me(accessToken).statusCode()).isEqualTo(401);

        StringRedisTemplate redis = this.stack.resourceApi.getBean(StringRedisTemplate.class);
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushAll();
            return null;
        });

        assertThat(me(accessToken).statusCode()).isEqualTo(401);
        String fresh = signIn(0).get("access_token").asString();
        assertThat(me(fresh).statusCode()).as("and good tokens still work").isEqualTo(200);
    }

    @Test
    void withRedisStoppedBothAppsFailClosedWith503AndRecoverOnceItIsBack() throws Exception {
        String accessToken = signIn(0).get("access_token").asString();
        assertThat(me(accessToken).statusCode()).isEqualTo(200);

        this.stack.redis.stop();
        try {
            // resource-api's copy of the denials was current a moment ago; its heartbeat (every
            // 0.25 s) finds Redis gone and it asks Redis, which cannot answer: 503 within a second.
            await().atMost(Duration.ofMillis(1500)).until(() -> me(accessToken).statusCode() == 503);
            HttpResponse<String> unavailable = me(accessToken);
            assertThat(unavailable.statusCode()).isEqualTo(503);
            assertThat(unavailable.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(unavailable).get("status").asInt()).isEqualTo(503);

            // Redis answered auth-server's last PING under a second ago, which it trusts for
            // latchkey.revocation.writable-check-interval (1 s); after that it refuses.
            assertThat(Eventually.status(() -> clientCredentials(0).statusCode(), 503))
                    .as("auth-server refuses to issue what it could not revoke").isEqualTo(503);
            HttpResponse<String> noTokens = clientCredentials(0);
            assertThat(noTokens.statusCode()).isEqualTo(503);
            assertThat(json(noTokens).get("error").asString()).isEqualTo("temporarily_unavailable");

            HttpResponse<String> signIn = new HttpBrowser(this.stack.authServer(0).baseUrl()).postJson("/api/auth/login",
                    JsonBody.of("email", this.account.email(), "password", PASSWORD));
            assertThat(signIn.statusCode()).as("sign-in fails closed: its attempts cannot be counted").isEqualTo(503);
            assertThat(signIn.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(signIn.headers().firstValue("Retry-After")).isPresent();

            HttpResponse<String> signUp = new HttpBrowser(this.stack.authServer(1).baseUrl()).postJson("/api/auth/register",
                    JsonBody.of("name", "N", "email", "redis-down@example.com",
                            "password", PASSWORD, "passwordConfirm", PASSWORD));
            assertThat(signUp.statusCode()).as("sign-up fails closed: its budget cannot be counted").isEqualTo(503);
            assertThat(signUp.headers().firstValue("Retry-After")).isPresent();
        }
        finally {
            this.stack.redis.restart();
        }
        assertThat(Eventually.status(() -> me(accessToken).statusCode(), 200)).isEqualTo(200);
        assertThat(Eventually.status(() -> clientCredentials(0).statusCode(), 200)).isEqualTo(200);
    }

    private JsonNode signIn(int instance) {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(new HttpBrowser(this.stack.authServer(instance).baseUrl()));
        return flow.exchange(flow.signInAndApprove(this.account.email(), PASSWORD, "openid account:read"));
    }

    private HttpResponse<String> me(String accessToken) {
        HttpBrowser http = new HttpBrowser(this.stack.resourceApiUrl());
        return http.send(HttpRequest.newBuilder(URI.create(this.stack.resourceApiUrl() + "/api/users/me"))
                .header("Authorization", "Bearer " + accessToken).build());
    }

    private HttpResponse<String> refresh(int instance, String refreshToken) {
        return new HttpBrowser(this.stack.authServer(instance).baseUrl()).postForm("/oauth2/token", List.of(
                Map.entry("grant_type", "refresh_token"), Map.entry("refresh_token", refreshToken)),
                "Authorization", DEMO_CLIENT);
    }

    private HttpResponse<String> revoke(int instance, String token, String hint) {
        return new HttpBrowser(this.stack.authServer(instance).baseUrl()).postForm("/oauth2/revoke", List.of(
                Map.entry("token", token), Map.entry("token_type_hint", hint)), "Authorization", DEMO_CLIENT);
    }

    private JsonNode introspect(int instance, String token) {
        return json(new HttpBrowser(this.stack.authServer(instance).baseUrl()).postForm("/oauth2/introspect",
                List.of(Map.entry("token", token)), "Authorization", DEMO_CLIENT));
    }

    private HttpResponse<String> clientCredentials(int instance) {
        return new HttpBrowser(this.stack.authServer(instance).baseUrl()).postForm("/oauth2/token",
                List.of(Map.entry("grant_type", "client_credentials")),
                "Authorization", basic("service-client", "service-client-secret"));
    }

    /** Redis clients reconnect on their own schedule: retry for a few seconds until the expected answer. */
}
