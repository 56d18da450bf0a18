package io.latchkey.democlient;

import java.util.Map;

import io.latchkey.testing.AuthServerProcess;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.jwtClaims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's whole journey in a real headless Chromium: create an account, sign in with
 * Latchkey, see and edit the profile, sign out (RP-initiated), sign back in, end another
 * session, delete the account, and find the old credentials refused. Screenshots of each
 * page go to target/screenshots.
 */
class BrowserJourneyTest extends BrowserTest {

    private static final String DEMO = "http://localhost:8080";
    private static final String PASSWORD = "journey password 1";

    ConfigurableApplicationContext demo;

    /**
     * Access tokens that live 30 s are always within Spring's 60 s refresh margin, so every call
     * resource-api gets from the demo goes through a transparent refresh (and a rotation).
     */
    @Override
    Map<String, String> authServerEnvironment() {
        return Map.of("LATCHKEY_TOKENS_ACCESS_TTL", "PT30S");
    }

    @BeforeAll
    void startTheDemo() {
        // NOTE: port 8080, because that is the redirect URI registered for demo-client.
        this.demo = new SpringApplicationBuilder(DemoClientApplication.class).run("--server.port=8080",
                "--management.server.port=0", "--latchkey.demo.issuer=" + this.authServer.baseUrl(),
                "--latchkey.demo.resource-api-url=" + this.resourceApi.baseUrl());
    }

    @AfterAll
    void stopTheDemo() {
        if (this.demo != null) {
            this.demo.close();
        }
    }

    @Test
    void aPersonCanDoEverythingWithTheirAccountAndNothingAfterDeletingIt() throws Exception {
        String email = "journey-" + System.nanoTime() + "@example.com";

        this.browser.get(DEMO + "/");
        screenshot("home");
        click("create-account");
        this.wait.until(ExpectedConditions.urlContains("/signup"));
        type("name", "Ada Lovelace");
        type("email", email);
        type("password", PASSWORD);
        type("passwordConfirm", PASSWORD);
        screenshot("signup");
        click("create-account");
        this.wait.until(ExpectedConditions.urlContains("/login?signedUp"));
        screenshot("signed-up");

        this.browser.get(DEMO + "/");
        signIn(email, PASSWORD);
        this.wait.until(ExpectedConditions.urlContains("/oauth2/consent"));
        screenshot("consent");
        click("submit-consent");
        this.wait.until(ExpectedConditions.urlToBe(DEMO + "/profile"));
        assertThat(text("profile-name")).isEqualTo("Ada Lovelace");
        assertThat(text("profile-email")).isEqualTo(email);
        assertThat(text("unverified-banner")).as("a new account has not confirmed its address").contains("not confirmed");
        screenshot("profile");

        WebElement name = this.browser.findElement(By.id("name"));
        name.clear();
        name.sendKeys("Ada King");
        click("save-name");
        this.wait.until(ExpectedConditions.textToBe(By.id("profile-name"), "Ada King"));
        screenshot("name-saved");

        click("sign-out");
        this.wait.until(ExpectedConditions.urlToBe(DEMO + "/"));
        screenshot("signed-out");
        this.browser.get(DEMO + "/profile");
        this.wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(this.browser.getCurrentUrl()).as("the Latchkey session ended too").startsWith(this.authServer.baseUrl());

        signInHere(email, PASSWORD);
        this.wait.until(ExpectedConditions.urlToBe(DEMO + "/profile"));
        assertThat(text("profile-name")).isEqualTo("Ada King");

        String otherSid = signInElsewhere(email, PASSWORD);
        this.browser.navigate().refresh();
        By otherSession = By.cssSelector("li[data-session-id='" + otherSid + "'] .revoke-session");
        this.wait.until(ExpectedConditions.presenceOfElementLocated(otherSession));
        screenshot("sessions");
        this.browser.findElement(otherSession).click();
        this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        assertThat(this.browser.findElements(By.cssSelector("li[data-session-id='" + otherSid + "']"))).isEmpty();

        String demoSid = endTheDemoSessionElsewhere(email, PASSWORD);
        this.browser.navigate().refresh();
        this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("expired")));
        screenshot("session-ended");
        assertThat(demoSid).isNotBlank();
        click("sign-in");
        this.wait.until(ExpectedConditions.urlToBe(DEMO + "/profile"));
        assertThat(rotatedRefreshTokens()).as("the demo refreshed its tokens transparently").isPositive();

        assertThat(text("this-session")).contains("this browser");
        screenshot("this-session-marked");
        this.browser.findElement(By.cssSelector("li:has(#this-session) .revoke-session")).click();
        this.wait.until(ExpectedConditions.urlToBe(DEMO + "/"));
        this.browser.get(DEMO + "/profile");
        this.wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(this.browser.getCurrentUrl()).as("ending this browser's session from the list signs out at Latchkey too")
                .startsWith(this.authServer.baseUrl());
        signInHere(email, PASSWORD);
        this.wait.until(ExpectedConditions.urlToBe(DEMO + "/profile"));

        click("delete-account");
        this.wait.until(ExpectedConditions.urlContains("/account/delete"));
        screenshot("delete-confirm");
        click("confirm-delete");
        this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deleted")));
        screenshot("deleted");

        this.browser.get(this.authServer.baseUrl() + "/login");
        type("username", email);
        type("password", PASSWORD);
        click("sign-in");
        this.wait.until(ExpectedConditions.urlContains("/login?error"));
        assertThat(this.browser.getPageSource()).contains("Invalid email or password.");
        screenshot("old-credentials-refused");
    }

    @Test
    void theOnlyAdminIsToldTheirAccountCannotBeDeletedAndStaysSignedIn() {
        this.browser.get(DEMO + "/");
        this.browser.manage().deleteAllCookies(); // every app here is on localhost: no session of the other test
        this.browser.get(DEMO + "/");
        signIn("admin@latchkey.local", AuthServerProcess.ADMIN_PASSWORD);
        this.wait.until(ExpectedConditions.or(ExpectedConditions.urlContains("/oauth2/consent"),
                ExpectedConditions.urlToBe(DEMO + "/profile")));
        if (this.browser.getCurrentUrl().contains("/oauth2/consent")) {
            click("submit-consent");
        }
        this.wait.until(ExpectedConditions.urlToBe(DEMO + "/profile"));

        click("delete-account");
        this.wait.until(ExpectedConditions.urlContains("/account/delete"));
        click("confirm-delete");

        this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("delete-error")));
        screenshot("only-admin-not-deleted");
        assertThat(text("delete-error")).contains("only admin account");
        this.browser.get(DEMO + "/profile");
        this.wait.until(ExpectedConditions.urlToBe(DEMO + "/profile"));
        assertThat(text("profile-email")).isEqualTo("admin@latchkey.local");
    }

    private void signIn(String email, String password) {
        click("sign-in");
        this.wait.until(ExpectedConditions.urlContains(this.authServer.baseUrl() + "/login"));
        screenshot("login");
        signInHere(email, password);
    }

    private void signInHere(String email, String password) {
        type("username", email);
        type("password", password);
        click("sign-in");
    }

    /** A second session of the same person, from another app: the first-party JSON login. */
    private String signInElsewhere(String email, String password) {
        var login = new HttpBrowser(this.authServer.baseUrl()).postJson("/api/auth/login",
                JsonBody.of("email", email, "password", password));
        assertThat(login.statusCode()).isEqualTo(200);
        return jwtClaims(json(login).get("access_token").asString()).get("sid").asString();
    }

    /** Ends the demo's session from outside, as the person could from another device. */
    private String endTheDemoSessionElsewhere(String email, String password) {
        HttpBrowser api = new HttpBrowser(this.resourceApi.baseUrl());
        String token = json(new HttpBrowser(this.authServer.baseUrl()).postJson("/api/auth/login",
                JsonBody.of("email", email, "password", password))).get("access_token").asString();
        var sessions = json(api.get("/api/users/me/sessions", "Authorization", "Bearer " + token, "Accept", "application/json"));
        String demoSid = null;
        for (var session : sessions.values()) {
            if (session.get("clientId").asString().equals("demo-client")) {
                demoSid = session.get("id").asString();
                var ended = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/users/me/sessions/" + demoSid))
                        .DELETE().header("Authorization", "Bearer " + token).build());
                assertThat(ended.statusCode()).isEqualTo(204);
            }
        }
        return demoSid;
    }

    private long rotatedRefreshTokens() throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(this.postgres.getJdbcUrl(), "postgres", "");
                var rows = connection.createStatement().executeQuery("SELECT count(*) FROM rotated_refresh_tokens")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
