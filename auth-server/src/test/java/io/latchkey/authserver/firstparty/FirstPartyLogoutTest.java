package io.latchkey.authserver.firstparty;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.testing.HttpBrowser;
import io.latchkey.testing.JsonBody;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.latchkey.testing.HttpBrowser.json;
import static io.latchkey.testing.HttpBrowser.setCookie;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/auth/logout}: whatever of the presented tokens is still live ends, and the cookies go. */
@AuthServerTest
class FirstPartyLogoutTest extends FirstPartyApiTest {

    @Test
    void logoutRevokesBothTokensAndClearsTheCookies() {
        register(this.email, PASSWORD, PASSWORD);
        JsonNode tokens = json(login(this.email, PASSWORD));
        String access = tokens.get("access_token").asString();

        HttpResponse<String> logout = this.http.postJson("/api/auth/logout",
                JsonBody.of("refresh_token", tokens.get("refresh_token").asString()), "Authorization", "Bearer " + access);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(setCookie(logout, "access_token")).contains("Max-Age=0");
        assertThat(setCookie(logout, "refresh_token")).contains("Max-Age=0").contains("Path=/api/auth");
        assertThat(setCookie(logout, "logged_in")).contains("Max-Age=0");
        JsonNode introspection = json(this.http.postForm("/oauth2/introspect", List.of(Map.entry("token", access)),
                "Authorization", HttpBrowser.basic("first-party", "first-party-secret")));
        assertThat(introspection.get("active").asBoolean()).isFalse();
        assertThat(this.http.postJson("/api/auth/refresh", JsonBody.of("refresh_token", tokens.get("refresh_token").asString()))
                .statusCode()).isEqualTo(403);

        assertThat(new HttpBrowser("http://localhost:" + this.port).postJson("/api/auth/logout", null).statusCode())
                .as("missing").isEqualTo(401);
        assertThat(this.http.postJson("/api/auth/logout", null, "Authorization", "Bearer not.a.jwt").statusCode())
                .as("invalid").isEqualTo(403);
    }

    @Test
    void logoutWithADeadAccessTokenStillRevokesTheRefreshToken() {
        register(this.email, PASSWORD, PASSWORD);
        String refresh = json(login(this.email, PASSWORD)).get("refresh_token").asString();

        HttpResponse<String> logout = this.http.postJson("/api/auth/logout", JsonBody.of("refresh_token", refresh),
                "Authorization", "Bearer eyJhbGciOiJFZERTQSJ9.eyJleHAiOjF9.c2ln");

        assertThat(logout.statusCode()).as("an expired or bad access token does not keep the refresh token alive")
                .isEqualTo(204);
        assertThat(this.http.postJson("/api/auth/refresh", JsonBody.of("refresh_token", refresh)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void logoutWithADeadRefreshTokenStillRevokesTheAccessToken() {
        register(this.email, PASSWORD, PASSWORD);
        String access = json(login(this.email, PASSWORD)).get("access_token").asString();

        HttpResponse<String> logout = this.http.postJson("/api/auth/logout", JsonBody.of("refresh_token", "already-gone"),
                "Authorization", "Bearer " + access);

        assertThat(logout.statusCode()).isEqualTo(204);
        JsonNode introspection = json(this.http.postForm("/oauth2/introspect", List.of(Map.entry("token", access)),
                "Authorization", HttpBrowser.basic("first-party", "first-party-secret")));
        assertThat(introspection.get("active").asBoolean()).isFalse();
        HttpResponse<String> neither = this.http.postJson("/api/auth/logout", JsonBody.of("refresh_token", "already-gone"),
                "Authorization", "Bearer not.a.jwt");
        assertThat(neither.statusCode()).as("neither is live").isEqualTo(403);
        assertThat(setCookie(neither, "refresh_token")).as("the cookies are cleared all the same").contains("Max-Age=0");
    }

    @Test
    void logoutWithOnlyTheAccessTokenEndsItsWholeGrant() {
        register(this.email, PASSWORD, PASSWORD);
        JsonNode tokens = json(login(this.email, PASSWORD));

        HttpResponse<String> logout = this.http.postJson("/api/auth/logout", null,
                "Authorization", "Bearer " + tokens.get("access_token").asString());

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(this.http.postJson("/api/auth/refresh", JsonBody.of("refresh_token", tokens.get("refresh_token").asString()))
                .statusCode()).as("the refresh token of the access token's grant (sid) is revoked too").isEqualTo(403);
    }
}
