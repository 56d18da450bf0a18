package io.latchkey.resourceapi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.basic;
import static io.latchkey.testing.HttpBrowser.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped under running apps: every request that needs it answers 503 with
 * {@code Retry-After} within about a second (the pool's bounded wait), readiness says 503 as
 * fast, liveness stays 200, a revoked token is still refused, and both apps recover by
 * themselves when PostgreSQL is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOutageTest {

    private static final String PASSWORD = "a long enough password";
    private static final Duration ABOUT_A_SECOND = Duration.ofMillis(2_500);

    LatchkeyStack stack;
    StackClient client;
    String email;
    String otherEmail;

    @BeforeAll
    void startStack() throws Exception {
        this.stack = LatchkeyStack.start(1);
        this.client = new StackClient(this.stack);
        this.email = this.stack.resourceApi.getBean(AccountRepository.class)
                .create("outage@example.com", "Outage", PASSWORD, Role.USER).email();
        this.otherEmail = this.stack.resourceApi.getBean(AccountRepository.class)
                .create("outage-other@example.com", "Other", PASSWORD, Role.USER).email();
    }

    @AfterAll
    void stopStack() throws Exception {
        this.stack.close();
    }

    @Test
    void withPostgresDownRequestsAnswer503FastAndRecoverOnceItIsBack() throws Exception {
        JsonNode tokens = login().get();
        String accessToken = tokens.get("access_token").asString();
        String notReadYet = login(this.otherEmail).get().get("access_token").asString();
        JsonNode revoked = login().get();
        HttpBrowser auth = new HttpBrowser(this.stack.authServer(0).baseUrl());
        assertThat(auth.postJson("/api/auth/logout", JsonBody.of("refresh_token", revoked.get("refresh_token").asString()),
                "Authorization", "Bearer " + revoked.get("access_token").asString()).statusCode()).isEqualTo(204);

        assertThat(this.client.get("/api/users/me", accessToken).statusCode()).isEqualTo(200);
        assertThat(probe(this.stack.resourceApiUrl() + "/readyz")).isEqualTo(200);

        this.stack.postgres.stop();
        try {
            assertProblem503(timed(() -> auth.postJson("/api/auth/login",
                    JsonBody.of("email", this.email, "password", PASSWORD))));
            HttpResponse<String> passwordGrant = timed(() -> auth.postForm("/oauth2/token", List.of(
                    Map.entry("grant_type", "password"), Map.entry("username", this.email), Map.entry("password", PASSWORD)),
                    "Authorization", basic("first-party", "first-party-secret")));
            assertThat(passwordGrant.statusCode()).isEqualTo(503);
            assertThat(json(passwordGrant).get("error").asString()).isEqualTo("temporarily_unavailable");
            assertThat(passwordGrant.headers().firstValue("Retry-After")).isPresent();
            HttpResponse<String> refresh = timed(() -> auth.postForm("/oauth2/token", List.of(
                    Map.entry("grant_type", "refresh_token"), Map.entry("refresh_token", tokens.get("refresh_token").asString())),
                    "Authorization", basic("first-party", "first-party-secret")));
            assertThat(refresh.statusCode()).isEqualTo(503);
            assertThat(refresh.headers().firstValue("Retry-After")).isPresent();

            assertProblem503(timed(() -> this.client.get("/api/users/me", notReadYet)));
            assertThat(this.client.get("/api/users/me", accessToken).statusCode())
                    .as("a profile read a moment ago is still in memory: the change feed (Redis) is current").isEqualTo(200);
            assertProblem503(timed(() -> this.client.call("PATCH", "/api/users/me", accessToken, JsonBody.of("name", "Changed"))));
            assertThat(this.client.get("/api/users/me", revoked.get("access_token").asString()).statusCode())
                    .as("a revoked token is still refused: Redis knows").isEqualTo(401);

            for (String app : List.of(this.stack.authServer(0).baseUrl(), this.stack.resourceApiUrl())) {
                long began = System.nanoTime();
                assertThat(probe(app + "/readyz")).as("%s not ready", app).isEqualTo(503);
                assertThat(Duration.ofNanos(System.nanoTime() - began)).as("readiness answers fast").isLessThan(ABOUT_A_SECOND);
                assertThat(probe(app + "/livez")).as("%s still alive", app).isEqualTo(200);
            }
        }
        finally {
            this.stack.postgres.restart();
        }
        assertThat(Eventually.status(() -> this.client.get("/api/users/me", accessToken).statusCode(), 200)).isEqualTo(200);
        assertThat(Eventually.status(() -> login().statusCode(), 200)).isEqualTo(200);
    }

    /** What an orchestrator's probe sees. */
    private static int probe(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void assertProblem503(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> request) {
        long began = System.nanoTime();
        HttpResponse<String> response = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("answered within about a second")
                .isLessThan(ABOUT_A_SECOND);
        return response;
    }

    private Login login() {
        return login(this.email);
    }

    private Login login(String email) {
        return new Login(new HttpBrowser(this.stack.authServer(0).baseUrl()).postJson("/api/auth/login",
                JsonBody.of("email", email, "password", PASSWORD)));
    }

    private record Login(HttpResponse<String> response) {
        JsonNode get() {
            assertThat(this.response.statusCode()).as(this.response.body()).isEqualTo(200);
            return json(this.response);
        }

        int statusCode() {
            return this.response.statusCode();
        }
    }
}
