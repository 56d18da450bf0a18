package io.latchkey.authserver.login;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.store.throttle.RedisBuckets;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static io.latchkey.testing.HttpBrowser.inputValue;
import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Brute-force limits with short windows, so a test can see them kick in and lift. */
@AuthServerTest
@TestPropertySource(properties = {
        "latchkey.login-throttle.account-failures=3",
        "latchkey.login-throttle.account-window=PT3S",
        "latchkey.login-throttle.ip-failures=6",
        "latchkey.login-throttle.ip-window=PT3S" })
class LoginThrottlingTest {

    private static final String PASSWORD = "the right password";

    @LocalServerPort
    int port;

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    HttpBrowser http;

    @BeforeEach
    void setUp() throws InterruptedException {
        this.http = new HttpBrowser("http://localhost:" + this.port);
        // NOTE: the windows (3 s) are aligned to the epoch and refill together: starting just after
        // a boundary, each test has full buckets and most of a window before the next refill.
        Thread.sleep(3_000 - System.currentTimeMillis() % 3_000 + 20);
    }

    @Test
    void anAccountFailingTooOftenWaitsEvenWithTheRightPasswordUntilTheWindowPasses() throws InterruptedException {
        String email = register();
        for (int i = 0; i < 3; i++) {
            assertThat(login(email, "wrong password").statusCode()).isEqualTo(400);
        }

        HttpResponse<String> throttled = login(email, PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3L);

        Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(300));
        assertThat(login(email, PASSWORD).statusCode()).as("the limit lifted").isEqualTo(200);
    }

    @Test
    void parallelGuessesCannotOutrunTheLimitBecauseEachTakesItsAttemptBeforeThePasswordIsChecked() {
        String email = register();
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> guesses = IntStream.range(0, 12)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(this.http.uri("/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JsonBody.of("email", email, "password", "guess " + i)))
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .toList();

        Map<Integer, Long> statuses = guesses.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses).as("3 failures allowed, the rest refused unchecked").containsOnly(
                Map.entry(400, 3L), Map.entry(429, 9L));
    }

    @Test
    void theSignInFormCountsAgainstTheSameLimitAndStopsCheckingPasswordsOnceItIsReached() {
        String email = register();
        for (int i = 0; i < 3; i++) {
            assertThat(location(signInByForm(email, "wrong password"))).endsWith("/login?error");
        }

        clearInvocations(this.passwordEncoder);
        HttpResponse<String> throttled = signInByForm(email, PASSWORD);
        assertThat(location(throttled)).endsWith("/login?throttled");
        verify(this.passwordEncoder, never()).matches(any(), any());
        assertThat(this.http.get(location(throttled)).body()).contains("Too many failed sign-ins");
        assertThat(login(email, PASSWORD).statusCode()).as("the JSON API shares the account's budget").isEqualTo(429);
    }

    @Test
    void successfulLoginsDoNotCount() {
        String email = register();
        for (int i = 0; i < 5; i++) {
            assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
        }
        assertThat(login(email, "wrong password").statusCode()).isEqualTo(400);
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressFailingAcrossManyAccountsIsThrottled() {
        int failures = 0;
        HttpResponse<String> response;
        do {
            response = login("nobody-" + failures + "-" + unique() + "@example.com", "whatever");
            failures++;
        }
        while (response.statusCode() == 400 && failures < 20);

        assertThat(response.statusCode()).isEqualTo(429);
        // 6 failures empty the bucket; a window boundary during the loop may add at most one more window's worth.
        assertThat(failures).as("no single account failed more than once").isBetween(7, 13);
        assertThat(login(register(), PASSWORD).statusCode()).as("the address waits, whoever it signs in as").isEqualTo(429);
    }

    @Test
    void unknownEmailStillRunsAPasswordHashLikeAWrongPassword() {
        String email = register();

        clearInvocations(this.passwordEncoder);
        assertThat(login("unknown-" + unique() + "@example.com", PASSWORD).statusCode()).isEqualTo(400);
        verify(this.passwordEncoder, times(1)).matches(any(), any());

        clearInvocations(this.passwordEncoder);
        assertThat(login(email, "wrong password").statusCode()).isEqualTo(400);
        verify(this.passwordEncoder, times(1)).matches(any(), any());
    }

    /** What Spring's test-context pausing does between test classes, and a checkpoint would. */
    @Test
    void throttlingStillCountsAfterRedisConnectionsAreStoppedAndStartedAgain(@Autowired RedisBuckets throttle,
            @Autowired LettuceConnectionFactory redis) {
        String email = register();
        assertThat(login(email, "wrong password").statusCode()).isEqualTo(400);

        throttle.stop();
        redis.stop();
        redis.start();
        throttle.start();

        assertThat(login(email, "wrong password").statusCode()).isEqualTo(400);
        assertThat(login(email, "wrong password").statusCode()).isEqualTo(400);
        assertThat(login(email, PASSWORD).statusCode()).as("the three failures all counted").isEqualTo(429);
    }

    private String register() {
        String email = "throttle-" + unique() + "@example.com";
        HttpResponse<String> response = this.http.postJson("/api/auth/register",
                JsonBody.of("name", "T", "email", email, "password", PASSWORD, "passwordConfirm", PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("email").asString();
    }

    private HttpResponse<String> signInByForm(String email, String password) {
        HttpBrowser browser = new HttpBrowser("http://localhost:" + this.port);
        HttpResponse<String> page = browser.get("/login");
        return browser.postForm("/login", List.of(Map.entry("username", email), Map.entry("password", password),
                Map.entry("_csrf", inputValue(page.body(), "_csrf"))));
    }

    private HttpResponse<String> login(String email, String password) {
        return this.http.postJson("/api/auth/login", JsonBody.of("email", email, "password", password));
    }

    private static String unique() {
        return AuthorizationCodeFlow.randomToken().substring(0, 10).toLowerCase().replaceAll("[^a-z0-9]", "x");
    }
}
