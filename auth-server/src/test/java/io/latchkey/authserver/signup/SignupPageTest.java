package io.latchkey.authserver.signup;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.latchkey.testing.HttpBrowser.inputValue;
import static io.latchkey.testing.HttpBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

@AuthServerTest
class SignupPageTest {

    @LocalServerPort
    int port;

    HttpBrowser browser;

    @BeforeEach
    void setUp() {
        this.browser = new HttpBrowser("http://localhost:" + this.port);
    }

    @Test
    void loginPageLinksToSignup() {
        assertThat(this.browser.get("/login").body()).contains("href=\"/signup\"");
    }

    @Test
    void anInvalidFormShowsErrorsNextToTheFieldsAndCreatesNothing() {
        HttpResponse<String> page = signUp(" ", "not-an-email", "short", "different");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"name-error\"").contains("id=\"email-error\"")
                .contains("id=\"password-error\"").contains("id=\"passwordConfirm-error\"")
                .contains("aria-invalid=\"true\"")
                .doesNotContain("value=\"short\"");
    }

    @Test
    void aValidFormCreatesAnAccountThatCanSignIn() {
        String email = "page-" + AuthorizationCodeFlow.randomToken().substring(0, 8).toLowerCase().replaceAll("[^a-z0-9]", "x")
                + "@example.com";

        HttpResponse<String> created = signUp("Page User", "  " + email.toUpperCase(), "page password 1", "page password 1");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(location(created)).endsWith("/login?signedUp");
        assertThat(this.browser.get(location(created)).body()).contains("Your account is ready");

        HttpResponse<String> again = signUp("Page User", email, "page password 1", "page password 1");
        assertThat(again.body()).contains("is already in use");

        String csrf = inputValue(this.browser.get("/login").body(), "_csrf");
        HttpResponse<String> signIn = this.browser.postForm("/login", List.of(Map.entry("username", email),
                Map.entry("password", "page password 1"), Map.entry("_csrf", csrf)));
        assertThat(location(signIn)).doesNotContain("error");
    }

    private HttpResponse<String> signUp(String name, String email, String password, String confirm) {
        String csrf = inputValue(this.browser.get("/signup").body(), "_csrf");
        return this.browser.postForm("/signup", List.of(Map.entry("name", name), Map.entry("email", email),
                Map.entry("password", password), Map.entry("passwordConfirm", confirm), Map.entry("_csrf", csrf)));
    }
}
