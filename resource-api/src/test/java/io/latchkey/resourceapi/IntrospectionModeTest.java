package io.latchkey.resourceapi;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.Role;
import io.latchkey.testing.AuthServerProcess;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.json;
import static org.assertj.core.api.Assertions.assertThat;

/** resource-api with {@code latchkey.resource-server.mode=introspection}: auth-server judges every token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntrospectionModeTest {

    LatchkeyStack stack;
    StackClient client;
    Account account;

    @BeforeAll
    void startStack() throws Exception {
        this.stack = LatchkeyStack.start(1, "--latchkey.resource-server.mode=introspection",
                "--latchkey.resource-server.introspection-client-id=resource-api",
                "--latchkey.resource-server.introspection-client-secret=resource-api-secret");
        this.client = new StackClient(this.stack);
        this.account = this.stack.resourceApi.getBean(AccountRepository.class)
                .create("introspected@example.com", "Introspected", "introspected password", Role.USER);
    }

    @AfterAll
    void stopStack() throws Exception {
        this.stack.close();
    }

    @Test
    void activeTokenIsAcceptedAndRevokedOneIsNot() {
        JsonNode tokens = this.client.signIn(this.account.email(), "introspected password", StackClient.ALL_SCOPES);
        String accessToken = tokens.get("access_token").asString();

        HttpResponse<String> me = this.client.get("/api/users/me", accessToken);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("email").asString()).isEqualTo(this.account.email());

        new HttpBrowser(this.stack.authServer(0).baseUrl()).postForm("/oauth2/revoke",
                List.of(Map.entry("token", tokens.get("refresh_token").asString())),
                "Authorization", HttpBrowser.basic("demo-client", "demo-client-secret"));

        assertThat(this.client.get("/api/users/me", accessToken).statusCode()).isEqualTo(401);
        assertThat(this.client.get("/api/users/me", "not-a-token-at-all").statusCode()).isEqualTo(401);
    }

    @Test
    void rolesAndScopesMapAsInJwtMode() {
        String admin = this.client.signIn("admin@latchkey.local", AuthServerProcess.ADMIN_PASSWORD, StackClient.ALL_SCOPES)
                .get("access_token").asString();
        String user = this.client.signIn(this.account.email(), "introspected password", "openid account:read")
                .get("access_token").asString();

        assertThat(this.client.get("/api/admin/users", admin).statusCode()).isEqualTo(200);
        assertThat(this.client.get("/api/admin/users", user).statusCode()).isEqualTo(403);
        assertThat(this.client.call("PATCH", "/api/users/me", user, JsonBody.of("name", "x")).statusCode()).isEqualTo(403);
    }
}
