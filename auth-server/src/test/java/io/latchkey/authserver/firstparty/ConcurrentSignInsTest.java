package io.latchkey.authserver.firstparty;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static io.latchkey.testing.HttpBrowser.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The limits count failed sign-ins only: correct sign-ins arriving all at once, for one
 * account or for many accounts behind one address, all succeed, while guesses arriving all
 * at once still get no more passwords checked than the limit allows. The address's budget
 * (8) is smaller than the crowd (32), so the many-accounts case needs it too.
 */
@AuthServerTest
@TestPropertySource(properties = {
        "latchkey.login-throttle.account-failures=5",
        "latchkey.login-throttle.ip-failures=8" })
class ConcurrentSignInsTest {

    private static final String PASSWORD = "the right password";
    private static final int CROWD = 32;

    @LocalServerPort
    int port;

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    HttpBrowser http;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    @Test
    void manyCorrectSignInsOfOneAccountArrivingAtOnceAllSucceed() {
        String email = register();

        assertThat(allAtOnce(i -> login(email, PASSWORD))).containsOnly(Map.entry(200, (long) CROWD));
    }

    @Test
    void manyAccountsSigningInAtOnceFromOneAddressAllSucceed() {
        List<String> emails = IntStream.range(0, CROWD).mapToObj(i -> register()).toList();

        assertThat(allAtOnce(i -> login(emails.get(i), PASSWORD))).containsOnly(Map.entry(200, (long) CROWD));
    }

    @Test
    void manyWrongGuessesOfOneAccountAtOnceAreCheckedOnlyUpToTheLimit() {
        String email = register();
        clearInvocations(this.passwordEncoder);

        assertThat(allAtOnce(i -> login(email, "guess " + i))).as("5 failures allowed, the rest refused unchecked")
                .containsOnly(Map.entry(400, 5L), Map.entry(429, (long) CROWD - 5));
        verify(this.passwordEncoder, times(5)).matches(any(), any());
    }

    private Map<Integer, Long> allAtOnce(IntFunction<HttpRequest> request) {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> responses = IntStream.range(0, CROWD)
                .mapToObj(i -> client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofString()))
                .toList();
        return responses.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }

    private HttpRequest login(String email, String password) {
        return HttpRequest.newBuilder(this.http.uri("/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JsonBody.of("email", email, "password", password)))
                .build();
    }

    private String register() {
        String email = "crowd-" + AuthorizationCodeFlow.randomToken().substring(0, 10).toLowerCase()
                .replaceAll("[^a-z0-9]", "x") + "@example.com";
        HttpResponse<String> response = this.http.postJson("/api/auth/register",
                JsonBody.of("name", "C", "email", email, "password", PASSWORD, "passwordConfirm", PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("email").asString();
    }
}
