package io.latchkey.resourceapi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.latchkey.testing.AuthorizationCodeFlow;
import io.latchkey.testing.HttpBrowser;
import tools.jackson.databind.JsonNode;

/** What tests do against a {@link LatchkeyStack}: sign in through auth-server, call resource-api. */
final class StackClient {

    static final String ALL_SCOPES = "openid profile email account:read account:write";

    private final LatchkeyStack stack;

    StackClient(LatchkeyStack stack) {
        this.stack = stack;
    }

    /** Signs in through the authorization-code flow (demo-client, PKCE) and returns the token response. */
    JsonNode signIn(String email, String password, String scope) {
        AuthorizationCodeFlow flow = new AuthorizationCodeFlow(new HttpBrowser(this.stack.authServer(0).baseUrl()));
        return flow.exchange(flow.signInAndApprove(email, password, scope));
    }

    HttpResponse<String> call(String method, String path, String accessToken, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.stack.resourceApiUrl() + path))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody))
                .header("Accept", "application/json");
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return new HttpBrowser(this.stack.resourceApiUrl()).send(request.build());
    }

    HttpResponse<String> get(String path, String accessToken) {
        return call("GET", path, accessToken, null);
    }

    HttpResponse<String> refresh(String refreshToken) {
        return new HttpBrowser(this.stack.authServer(0).baseUrl()).postForm("/oauth2/token", List.of(
                Map.entry("grant_type", "refresh_token"), Map.entry("refresh_token", refreshToken)),
                "Authorization", HttpBrowser.basic("demo-client", "demo-client-secret"));
    }
}
