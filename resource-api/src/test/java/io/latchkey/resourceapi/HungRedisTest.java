package io.latchkey.resourceapi;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hung Redis (SIGSTOP: connections stay open, nothing answers) costs a request no more
 * than one bounded budget for the denial check, and it fails closed (503), as a dead one does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HungRedisTest {

    private static final String PASSWORD = "a long enough password";
    /** The budget (2 s by default) and the time to answer around it. */
    private static final Duration WITHIN_BUDGET = Duration.ofMillis(2_700);

    /** How soon a hung Redis is answered with 503: the copy's trust ends (1 s), then one budget. */
    private static final Duration STALE_THEN_ONE_BUDGET = Duration.ofMillis(1_000 + 2_700);

    LatchkeyStack stack;
    StackClient client;
    String email;

    @BeforeAll
    void startStack() throws Exception {
        this.stack = LatchkeyStack.start(1);
        this.client = new StackClient(this.stack);
        this.email = this.stack.resourceApi.getBean(AccountRepository.class)
                .create("hung-redis@example.com", "Hung", PASSWORD, Role.USER).email();
    }

    @AfterAll
    void stopStack() throws Exception {
        this.stack.close();
    }

    @Test
    void withRedisHangingEachRequestFailsClosedWithinOneBudget() throws Exception {
        HttpBrowser auth = new HttpBrowser(this.stack.authServer(0).baseUrl());
        HttpResponse<String> login = auth.postForm("/oauth2/token", List.of(Map.entry("grant_type", "password"),
                Map.entry("username", this.email), Map.entry("password", PASSWORD),
                Map.entry("scope", "openid account:read")), "Authorization", basic("first-party", "first-party-secret"));
        String accessToken = json(login).get("access_token").asString();
        String refreshToken = json(login).get("refresh_token").asString();
        assertThat(this.client.get("/api/users/me", accessToken).statusCode()).isEqualTo(200);

        this.stack.redis.freeze();
        try {
            // resource-api's in-memory copy of the denials was current a moment ago; it stops
            // trusting it once Redis has not answered its heartbeat for latchkey.changes.stale-after
            // (1 s); the request that then asks Redis waits one budget.
            await().atMost(STALE_THEN_ONE_BUDGET).until(() -> this.client.get("/api/users/me", accessToken).statusCode() == 503);
            for (int i = 0; i < 3; i++) {
                assertThat(timed(() -> this.client.get("/api/users/me", accessToken)).statusCode())
                        .as("resource-api, request %d", i + 1).isEqualTo(503);
            }
            await().atMost(STALE_THEN_ONE_BUDGET).until(() ->
                    auth.get("/userinfo", "Authorization", "Bearer " + accessToken).statusCode() == 503);
            for (int i = 0; i < 2; i++) {
                assertThat(timed(() -> auth.get("/userinfo", "Authorization", "Bearer " + accessToken)).statusCode())
                        .as("auth-server's userinfo, request %d", i + 1).isEqualTo(503);
            }
            assertThat(timed(() -> auth.postJson("/api/auth/refresh", JsonBody.of("refresh_token", refreshToken)))
                    .statusCode()).as("refresh").isEqualTo(503);
            assertThat(timed(() -> auth.postJson("/api/auth/login",
                    JsonBody.of("email", this.email, "password", PASSWORD))).statusCode())
                    .as("sign-in").isEqualTo(503);
        }
        finally {
            this.stack.redis.thaw();
        }
        assertThat(Eventually.status(() -> this.client.get("/api/users/me", accessToken).statusCode(), 200)).isEqualTo(200);
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long began = System.nanoTime();
        HttpResponse<String> response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertThat(took).as("within one budget").isLessThan(WITHIN_BUDGET);
        return response;
    }
}
