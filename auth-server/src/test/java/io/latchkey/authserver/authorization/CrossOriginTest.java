package io.latchkey.authserver.authorization;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.authserver.AuthServerTest;
import io.latchkey.authserver.FreshAccountHttpTest;
import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.AuthorizationCodeFlow.Client;
import io.latchkey.testing.HttpBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser app at the local profile's origin ({@code demo-spa}'s, http://localhost:5173)
 * may call the endpoints a public client needs, and nothing else; other origins may not.
 */
@AuthServerTest
class CrossOriginTest extends FreshAccountHttpTest {

    private static final String SPA = "http://localhost:5173";

    @ParameterizedTest
    @ValueSource(strings = { "/oauth2/token", "/oauth2/revoke" })
    void aPreflightFromTheAppAllowsItsOriginToPostWithoutCredentials(String path) {
        HttpResponse<String> preflight = preflight(path, SPA, "POST", "content-type");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(SPA);
        assertThat(header(preflight, "Access-Control-Allow-Methods")).contains("POST");
        assertThat(header(preflight, "Access-Control-Allow-Headers").toLowerCase()).contains("content-type");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(header(preflight, "Access-Control-Max-Age")).isEqualTo("3600");
    }

    @Test
    void anotherOriginAskingIsRefused() {
        HttpResponse<String> preflight = preflight("/oauth2/token", "http://evil.example", "POST", "content-type");

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theAppAskingForAHeaderItDoesNotNeedIsRefused() {
        HttpResponse<String> preflight = preflight("/userinfo", SPA, "GET", "x-custom");

        assertThat(preflight.statusCode()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/oauth2/introspect", "/api/auth/login", "/login" })
    void whereABrowserAppHasNoBusinessThereIsNoCrossOriginAccess(String path) {
        HttpResponse<String> preflight = preflight(path, SPA, "POST", "content-type");

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theAppExchangesRefreshesAndReadsUserInfoFromItsOrigin() {
        AuthorizationCodeFlow spa = new AuthorizationCodeFlow(this.browser, Client.DEMO_SPA);
        JsonNode tokens = spa.exchange(spa.signInAndApprove(this.account.email(), PASSWORD, "openid profile"));

        HttpResponse<String> refreshed = this.browser.postForm("/oauth2/token", List.of(
                Map.entry("grant_type", "refresh_token"),
                Map.entry("refresh_token", tokens.get("refresh_token").asString()),
                Map.entry("client_id", "demo-spa")), "Origin", SPA);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(header(refreshed, "Access-Control-Allow-Origin")).isEqualTo(SPA);

        String accessToken = HttpBrowser.json(refreshed).get("access_token").asString();
        HttpResponse<String> userInfo = this.browser.get("/userinfo", "Authorization", "Bearer " + accessToken,
                "Accept", "application/json", "Origin", SPA);
        assertThat(userInfo.statusCode()).isEqualTo(200);
        assertThat(header(userInfo, "Access-Control-Allow-Origin")).isEqualTo(SPA);

        HttpResponse<String> refused = this.browser.get("/userinfo", "Authorization", "Bearer not-a-token",
                "Accept", "application/json", "Origin", SPA);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(header(refused, "Access-Control-Expose-Headers")).as("the app can read why").contains("WWW-Authenticate");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/oauth2/jwks", "/.well-known/openid-configuration" })
    void theAppReadsKeysAndDiscovery(String path) {
        HttpResponse<String> response = this.browser.get(path, "Accept", "application/json", "Origin", SPA);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(SPA);
    }

    private HttpResponse<String> preflight(String path, String origin, String method, String requestHeaders) {
        return this.browser.send(HttpRequest.newBuilder(this.browser.uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", requestHeaders)
                .build());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name)
                .orElseThrow(() -> new AssertionError("No " + name + " in " + response.headers().map()));
    }
}
