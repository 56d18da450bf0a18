package io.latchkey.democlient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * the local profile's {@code demo-spa} in a real browser: a page at its own origin
 * (http://localhost:5173, the redirect URI registered for it) signs in with the code flow
 * and PKCE computed by WebCrypto, then, by {@code fetch} across origins and with no secret,
 * exchanges the code, reads the profile from resource-api and userinfo from auth-server
 * (both with a CORS preflight), refreshes (a rotated token), revokes, and is refused after.
 */
class BrowserAppJourneyTest extends BrowserTest {

    private static final String APP = "http://localhost:5173";
    private static final String PASSWORD = "browser app password 1";

    HttpServer app;

    @BeforeAll
    void startTheBrowserApp() throws IOException {
        byte[] page;
        try (InputStream html = getClass().getResourceAsStream("/spa/index.html")) {
            page = new String(html.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{issuer}}", this.authServer.baseUrl())
                    .replace("{{api}}", this.resourceApi.baseUrl())
                    .getBytes(StandardCharsets.UTF_8);
        }
        // NOTE: port 5173, because that is the redirect URI registered for demo-spa.
        this.app = HttpServer.create(new InetSocketAddress("localhost", 5173), 0);
        this.app.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        this.app.start();
    }

    @AfterAll
    void stopTheBrowserApp() {
        if (this.app != null) {
            this.app.stop(0);
        }
    }

    @Test
    void aBrowserAppSignsInCallsBothServersRefreshesAndRevokesFromItsOwnOrigin() {
        String email = "browser-app-" + System.nanoTime() + "@example.com";
        var registered = new HttpBrowser(this.authServer.baseUrl()).postJson("/api/auth/register",
                JsonBody.of("name", "Grace Hopper", "email", email, "password", PASSWORD, "passwordConfirm", PASSWORD));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        this.browser.get(APP + "/");
        this.wait.until(ExpectedConditions.urlContains(this.authServer.baseUrl() + "/login"));
        type("username", email);
        type("password", PASSWORD);
        click("sign-in");
        this.wait.until(ExpectedConditions.urlContains("/oauth2/consent"));
        screenshot("consent");
        click("submit-consent");
        this.wait.until(ExpectedConditions.urlContains(APP + "/callback"));
        this.wait.until(ExpectedConditions.or(
                ExpectedConditions.textToBe(By.id("status"), "done"),
                ExpectedConditions.textMatches(By.id("status"), Pattern.compile("failed.*"))));
        screenshot("done");

        assertThat(text("status")).isEqualTo("done");
        assertThat(text("me-email")).isEqualTo(email);
        assertThat(text("userinfo-name")).isEqualTo("Grace Hopper");
        assertThat(text("rotated")).isEqualTo("yes");
        assertThat(text("me-after-refresh")).isEqualTo(email);
        assertThat(text("after-revoke")).isEqualTo("400 invalid_grant");
    }
}
