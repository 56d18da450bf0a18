package io.latchkey.authserver;

import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.latchkey.store.account.Account;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;

import static io.latchkey.testing.HttpBrowser.basic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stops auth-server and starts it again on the same stores (the embedded default,
 * same data folder), as an operator's restart or a deploy would.
 */
class RestartTest {

    private static final String PASSWORD = "restart-proof-password";

    @TempDir
    Path data;

    @Test
    void afterARestartOnTheSameStoresOldTokensVerifyAndTheBrowserSessionSurvives() {
        CookieManager browserCookies = new CookieManager();
        Account account;
        JsonNode tokens;
        try (ConfigurableApplicationContext first = start()) {
            account = first.getBean(AccountRepository.class).create("grace@example.com", "Grace Hopper", PASSWORD, Role.USER);
            HttpBrowser browser = new HttpBrowser(baseUrl(first), browserCookies);
            AuthorizationCodeFlow flow = new AuthorizationCodeFlow(browser);
            tokens = flow.exchange(flow.signInAndApprove(account.email(), PASSWORD, "openid email account:read"));
            assertThat(browser.get("/").statusCode()).as("signed in before the restart").isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start()) {
            HttpBrowser browser = new HttpBrowser(baseUrl(second), browserCookies);

            Jwt verified = HttpBrowser.accessTokenDecoder(baseUrl(second) + "/oauth2/jwks")
                    .decode(tokens.get("access_token").asString());
            assertThat(verified.getSubject()).isEqualTo(account.id().toString());

            HttpResponse<String> home = browser.get("/");
            assertThat(home.statusCode()).as("the browser session survived").isEqualTo(200);
            assertThat(home.body()).contains(account.email());

            HttpResponse<String> refreshed = browser.postForm("/oauth2/token", List.of(
                    Map.entry("grant_type", "refresh_token"),
                    Map.entry("refresh_token", tokens.get("refresh_token").asString())),
                    "Authorization", basic("demo-client", "demo-client-secret"));
            assertThat(refreshed.statusCode()).as("the grant survived: " + refreshed.body()).isEqualTo(200);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(AuthServerApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--latchkey.embedded.postgres-port=0",
                "--latchkey.embedded.redis-port=0",
                "--latchkey.embedded.data-directory=" + this.data,
                "--latchkey.bootstrap.admin-password=admin-password-for-tests");
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }
}
