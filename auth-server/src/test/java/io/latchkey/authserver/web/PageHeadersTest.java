package io.latchkey.authserver.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.FreshAccountHttpTest;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.AuthorizationCodeFlow.Client;
import org.junit.jupiter.api.Test;

import static io.latchkey.testing.HttpBrowser.inputValue;
import static io.latchkey.testing.HttpBrowser.location;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page sends a strict content security policy and no referrer; while a person signs in
 * or consents for a client, its forms may also lead to that client's redirect URIs, and to
 * no other client's. (That the pages still work under it, in Chromium: demo-client's browser tests.)
 */
@AuthServerTest
class PageHeadersTest extends FreshAccountHttpTest {

    private static final String DEMO_CLIENT = "http://localhost:8080";
    private static final String DEMO_SPA = "http://localhost:5173";

    @Test
    void everyPageSignedOutSendsTheStrictPolicyAndNoReferrer() {
        for (String page : List.of("/login", "/login?error", "/signup", "/error")) {
            HttpResponse<String> response = this.browser.get(page, "Accept", "text/html");

            assertStrictPolicy(page, response);
            assertThat(formAction(response)).as(page).isEqualTo("form-action 'self'");
        }
    }

    @Test
    void theSignInPageOfAnAuthorizationMayLeadOnToThatClientOnly() {
        HttpResponse<String> authorize = this.browser.get(new AuthorizationCodeFlow(this.browser, Client.DEMO_SPA)
                .authorizePath("openid profile"), "Accept", "text/html");
        assertThat(location(authorize)).endsWith("/login");

        HttpResponse<String> signIn = this.browser.get("/login", "Accept", "text/html");

        assertStrictPolicy("/login", signIn);
        assertThat(formAction(signIn)).isEqualTo("form-action 'self' " + DEMO_SPA);
    }

    @Test
    void theConsentAndHomePagesSendThePolicyToo() {
        HttpResponse<String> authorize = this.browser.get(new AuthorizationCodeFlow(this.browser)
                .authorizePath("openid profile account:read"), "Accept", "text/html");
        assertThat(location(authorize)).endsWith("/login");
        HttpResponse<String> loginPage = this.browser.get("/login", "Accept", "text/html");
        HttpResponse<String> signedIn = this.browser.postForm("/login", List.of(Map.entry("username", this.account.email()),
                Map.entry("password", PASSWORD), Map.entry("_csrf", inputValue(loginPage.body(), "_csrf"))));
        String consent = location(this.browser.get(location(signedIn), "Accept", "text/html"));
        assertThat(consent).contains("/oauth2/consent");

        HttpResponse<String> consentPage = this.browser.get(consent, "Accept", "text/html");
        assertThat(consentPage.statusCode()).isEqualTo(200);
        assertStrictPolicy("consent", consentPage);
        assertThat(formAction(consentPage)).isEqualTo("form-action 'self' " + DEMO_CLIENT);

        HttpResponse<String> home = this.browser.get("/", "Accept", "text/html");
        assertThat(home.statusCode()).isEqualTo(200);
        assertStrictPolicy("home", home);
    }

    @Test
    void aClientNamedOnAPageThatIsNotRegisteredAddsNothing() {
        HttpResponse<String> response = this.browser.get("/login?client_id=no-such-client", "Accept", "text/html");

        assertThat(formAction(response)).isEqualTo("form-action 'self'");
    }

    private static void assertStrictPolicy(String page, HttpResponse<String> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow(
                () -> new AssertionError(page + " sends no Content-Security-Policy"));
        assertThat(policy).as(page).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(page).contains("no-referrer");
        assertThat(response.headers().firstValue("X-Frame-Options")).as(page).contains("DENY");
    }

    private static String formAction(HttpResponse<String> response) {
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        return List.of(policy.split(";\\s*")).stream().filter(directive -> directive.startsWith("form-action"))
                .findFirst().orElseThrow();
    }
}
