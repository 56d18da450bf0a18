package io.latchkey.authserver.signup;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.mail.EmbeddedMailServer;
import io.latchkey.authserver.mail.ReceivedMail;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static io.latchkey.testing.HttpBrowser.inputValue;
import static io.latchkey.testing.HttpBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** With {@code latchkey.accounts.hide-existing}, sign-up cannot tell whether an address has an account. */
@AuthServerTest
@TestPropertySource(properties = "latchkey.accounts.hide-existing=true")
class HiddenExistingAccountsTest {

    private static final String PASSWORD = "the owner's password";

    @LocalServerPort
    int port;

    @MockitoSpyBean
    PasswordEncoder passwordEncoder;

    @Autowired
    AccountRepository accounts;

    @Autowired
    EmbeddedMailServer mailServer;

    HttpBrowser http;

    @BeforeEach
    void setUp() {
        this.http = new HttpBrowser("http://localhost:" + this.port);
    }

    @Test
    void aSignUpForATakenAddressAnswersByteForByteAsForANewOneAndCreatesNothing() {
        String taken = newEmail();
        assertThat(register(taken, "Owner", PASSWORD).statusCode()).isEqualTo(202);
        var owner = this.accounts.findByEmail(taken).orElseThrow();

        clearInvocations(this.passwordEncoder);
        HttpResponse<String> forTaken = register(taken, "Intruder", "the intruder's password");
        HttpResponse<String> forNew = register(newEmail(), "Intruder", "the intruder's password");

        assertThat(forTaken.statusCode()).isEqualTo(forNew.statusCode()).isEqualTo(202);
        assertThat(forTaken.body()).isEqualTo(forNew.body());
        assertThat(headers(forTaken)).isEqualTo(headers(forNew));
        verify(this.passwordEncoder, times(2)).encode(any());
        var unchanged = this.accounts.findByEmail(taken).orElseThrow();
        assertThat(unchanged.id()).isEqualTo(owner.id());
        assertThat(unchanged.name()).as("nothing of the taken account changed").isEqualTo("Owner");
        assertThat(login(taken, "the intruder's password").statusCode()).isEqualTo(400);
        assertThat(login(taken, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theOwnerOfATakenAddressIsMailedInsteadAndANewAddressGetsItsConfirmation() throws Exception {
        String taken = newEmail();
        register(taken, "Owner", PASSWORD);
        String fresh = newEmail();

        register(taken, "Intruder", "the intruder's password");
        register(fresh, "Newcomer", "the newcomer's password");

        ReceivedMail mail = new ReceivedMail(this.mailServer);
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.to(taken).stream().anyMatch(text -> text.contains("already has one")));
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.to(fresh).stream().anyMatch(text -> text.contains("/verify-email?token=")));
        assertThat(mail.to(taken)).noneMatch(text -> text.contains("intruder"));
    }

    @Test
    void theSignUpPageSendsBothToTheSamePlace() {
        String taken = newEmail();
        assertThat(register(taken, "Owner", PASSWORD).statusCode()).isEqualTo(202);

        String forTaken = location(signUpByPage(taken));
        String forNew = location(signUpByPage(newEmail()));

        assertThat(forTaken).isEqualTo(forNew).endsWith("/login?signUpReceived");
    }

    private HttpResponse<String> signUpByPage(String email) {
        HttpBrowser browser = new HttpBrowser("http://localhost:" + this.port);
        HttpResponse<String> page = browser.get("/signup");
        return browser.postForm("/signup", List.of(Map.entry("name", "Page"), Map.entry("email", email),
                Map.entry("password", PASSWORD), Map.entry("passwordConfirm", PASSWORD),
                Map.entry("_csrf", inputValue(page.body(), "_csrf"))));
    }

    /** The headers that could differ between two answers, without the date. */
    private static Map<String, List<String>> headers(HttpResponse<String> response) {
        return response.headers().map().entrySet().stream().filter(header -> !header.getKey().equalsIgnoreCase("date"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private HttpResponse<String> register(String email, String name, String password) {
        return this.http.postJson("/api/auth/register",
                JsonBody.of("name", name, "email", email, "password", password, "passwordConfirm", password));
    }

    private HttpResponse<String> login(String email, String password) {
        return this.http.postJson("/api/auth/login", JsonBody.of("email", email, "password", password));
    }

    private static String newEmail() {
        return "hidden-" + AuthorizationCodeFlow.randomToken().substring(0, 10).toLowerCase().replaceAll("[^a-z0-9]", "x")
                + "@example.com";
    }
}
