package io.latchkey.authserver.signup;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static io.latchkey.testing.HttpBrowser.inputValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Sign-ups per client address, with a budget of 3 in a window of 5 s so a test can see the
 * limit trip and lift. Each test signs up from an address of its own, given the way a proxy
 * gives it ({@code X-Forwarded-For}, trusted here as docs/api.md says to set it up behind one).
 */
@AuthServerTest
@TestPropertySource(properties = {
        "latchkey.accounts.signup-limit.per-address=3",
        "latchkey.accounts.signup-limit.window=PT5S",
        "server.forward-headers-strategy=framework" })
class SignupLimitTest {

    private static final String PASSWORD = "a good password";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    int port;

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    @Autowired
    MeterRegistry meters;

    HttpBrowser http;

    String address;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
        this.address = "203.0.113." + ADDRESSES.incrementAndGet();
    }

    @Test
    void anAddressSigningUpMoreThanItsLimitGets429UntilTheWindowPasses() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            assertThat(register(newEmail()).statusCode()).isEqualTo(201);
        }

        HttpResponse<String> refused = register(newEmail());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(HttpBrowser.json(refused).get("detail").asString()).contains("Too many sign-ups");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 5L);
        assertThat(register(newEmail(), "203.0.113.250").statusCode()).as("another address has its own budget")
                .isEqualTo(201);

        Thread.sleep(Duration.ofSeconds(retryAfter).plusMillis(300));
        assertThat(register(newEmail()).statusCode()).as("the limit lifted").isEqualTo(201);
    }

    @Test
    void aSignUpOverTheLimitHashesNoPasswordAndCreatesNothing() {
        for (int i = 0; i < 3; i++) {
            assertThat(register(newEmail()).statusCode()).isEqualTo(201);
        }
        double throttledBefore = counted("throttled");
        clearInvocations(this.passwordEncoder);

        String email = newEmail();
        assertThat(register(email).statusCode()).isEqualTo(429);
        verify(this.passwordEncoder, never()).encode(any());
        assertThat(counted("throttled")).isEqualTo(throttledBefore + 1);
    }

    @Test
    void manySignUpsArrivingAtOnceCreateOnlyTheLimit() {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> signUps = IntStream.range(0, 12)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(this.http.uri("/api/auth/register"))
                        .header("Content-Type", "application/json")
                        .header("X-Forwarded-For", this.address)
                        .POST(HttpRequest.BodyPublishers.ofString(body(newEmail()))).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        Map<Integer, Long> statuses = signUps.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(statuses).containsOnly(Map.entry(201, 3L), Map.entry(429, 9L));
    }

    @Test
    void theSignUpPageSharesTheLimitAndSaysWhy() {
        for (int i = 0; i < 3; i++) {
            assertThat(register(newEmail()).statusCode()).isEqualTo(201);
        }

        HttpBrowser browser = new HttpBrowser("http://localhost:" + this.port);
        HttpResponse<String> page = browser.get("/signup", "X-Forwarded-For", this.address);
        HttpResponse<String> refused = browser.postForm("/signup", List.of(Map.entry("name", "Page"),
                Map.entry("email", newEmail()), Map.entry("password", PASSWORD), Map.entry("passwordConfirm", PASSWORD),
                Map.entry("_csrf", inputValue(page.body(), "_csrf"))), "X-Forwarded-For", this.address);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too many accounts were created from your network");
    }

    @Test
    void aTakenAddressIsStill409WithExistingAccountsNotHidden() {
        String email = newEmail();
        assertThat(register(email).statusCode()).isEqualTo(201);
        double takenBefore = counted("taken");

        assertThat(register(email).statusCode()).isEqualTo(409);
        assertThat(counted("taken")).isEqualTo(takenBefore + 1);
    }

    private double counted(String outcome) {
        var counter = this.meters.find("latchkey.signup").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<String> register(String email) {
        return register(email, this.address);
    }

    private HttpResponse<String> register(String email, String from) {
        return this.http.postJson("/api/auth/register", body(email), "X-Forwarded-For", from);
    }

    private static String body(String email) {
        return JsonBody.of("name", "S", "email", email, "password", PASSWORD, "passwordConfirm", PASSWORD);
    }

    private static String newEmail() {
        return "signup-" + AuthorizationCodeFlow.randomToken().substring(0, 10).toLowerCase().replaceAll("[^a-z0-9]", "x")
                + "@example.com";
    }
}
