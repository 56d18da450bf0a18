package io.latchkey.authserver;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import io.latchkey.embedded.EmbeddedRedisCluster;
import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static io.latchkey.testing.HttpBrowser.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * auth-server on a Redis Cluster (one node, every slot): browser sessions, revocations and
 * login throttling all live there, and Redis refuses a command over keys of two slots.
 */
@AuthServerTest
@TestPropertySource(properties = "latchkey.login-throttle.account-failures=3")
@DirtiesContext
class RedisClusterTest {

    private static final String PASSWORD = "correct horse battery staple";

    @AutoClose
    static final EmbeddedRedisCluster cluster = EmbeddedRedisCluster.startUnder(Path.of("target/test-stores"));

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.cluster.nodes", cluster::node);
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountRepository accounts;

    @Autowired
    RedisConnectionFactory redis;

    @Test
    void theAppTalksToTheClusterAsACluster() {
        try (var connection = this.redis.getConnection()) {
            assertThat(connection).isInstanceOf(RedisClusterConnection.class);
        }
    }

    @Test
    void tokensFromABrowserSignInRefreshAndReuseRevokesTheGrant() {
        HttpBrowser browser = new HttpBrowser("http://localhost:" + this.port);
        Account account = this.accounts.create("cluster." + UUID.randomUUID() + "@example.com", "Ada", PASSWORD, Role.USER);
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(browser);
        JsonNode tokens = flow.exchange(flow.signInAndApprove(account.email(), PASSWORD, "openid profile account:read"));

        HttpResponse<String> refreshed = flow.refresh(tokens.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String accessToken = json(refreshed).get("access_token").asString();
        assertThat(userInfoStatus(browser, accessToken)).isEqualTo(200);

        assertThat(flow.refresh(tokens.get("refresh_token").asString()).statusCode()).isEqualTo(400);
        assertThat(userInfoStatus(browser, accessToken)).as("reuse denied the grant, in Redis").isEqualTo(401);
        assertThat(browser.get("/").statusCode()).as("the browser session is still there").isEqualTo(200);
    }

    @Test
    void anAccountFailingTooOftenIsThrottled() {
        HttpBrowser http = new HttpBrowser("http://localhost:" + this.port);
        String email = "throttled." + UUID.randomUUID() + "@example.com";
        this.accounts.create(email, "Ada", PASSWORD, Role.USER);
        for (int i = 0; i < 3; i++) {
            assertThat(login(http, email, "wrong password").statusCode()).isEqualTo(400);
        }

        HttpResponse<String> throttled = login(http, email, PASSWORD);

        assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
    }

    private static HttpResponse<String> login(HttpBrowser http, String email, String password) {
        return http.postJson("/api/auth/login", JsonBody.of("email", email, "password", password));
    }

    private static int userInfoStatus(HttpBrowser browser, String accessToken) {
        return browser.get("/userinfo", "Authorization", "Bearer " + accessToken, "Accept", "application/json").statusCode();
    }
}
